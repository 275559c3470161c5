import { fileURLToPath } from 'node:url';

/** The local path of a file URI; undefined for other schemes and for file URIs this system cannot open (file://host/… outside Windows). */
export function localPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
