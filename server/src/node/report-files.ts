/** The language server's reading of the workspace's report files from disk: the folders walked for them, a text file decoded. */
import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { readRegularFile } from './regular-file';

/** The names of report text files (the content decides whether a `.txt` or `.md` file is a report). */
export const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md', '.markdown', '.govreport']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/**
 * The files under `folder` with one of `extensions` (lower case; a name's case does not matter),
 * hidden and build folders left out, symbolic links not followed. A folder that cannot be read is
 * passed to `unreadable`, and the walk goes on.
 */
export function listFiles(folder: string, extensions: ReadonlySet<string>, unreadable: (folder: string, error: unknown) => void = () => {}): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      unreadable(dir, error);
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) walk(join(dir, entry.name));
      else if (entry.isFile() && extensions.has(extname(entry.name).toLowerCase())) files.push(join(dir, entry.name));
    }
  };
  walk(folder);
  return files;
}

/**
 * A report text file's text, decoded as offices keep them: a BOM, else UTF-8, else GB18030; undefined
 * for a binary file (a NUL byte in its first 8 KB). Throws what reading throws: a file that is not
 * a regular file or is larger than `maxBytes` (IrregularFileError), or that cannot be read.
 */
export function readReportText(path: string, maxBytes: number): string | undefined {
  const bytes = readRegularFile(path, maxBytes);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
