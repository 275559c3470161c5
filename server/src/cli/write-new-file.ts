/** Writing an output file (`convert`, `export`): never over an existing file unless asked to, and then as `check --fix` replaces one. */
import { writeFileSync } from 'node:fs';
import type { Locale } from '../rules';
import { say } from '../rules/types';
import { readRegularFile } from '../node/regular-file';
import { refusalText } from './files';
import { replaceFile, WriteRefused } from './replace-file';

/**
 * Creates the file, failing if anything (a symbolic link too) has its name; with `overwrite`, replaces
 * an existing file as `check --fix` does (replace-file.ts): its link, owner and mode kept, a read-only file refused.
 */
export function writeNewFile(path: string, body: string | Uint8Array, overwrite: boolean): void {
  try {
    writeFileSync(path, body, { flag: 'wx' });
  } catch (error) {
    if (!overwrite || !isErrnoException(error) || error.code !== 'EEXIST') throw error;
    replaceFile(path, readRegularFile(path), typeof body === 'string' ? Buffer.from(body) : body);
  }
}

/** Why `writeNewFile` wrote nothing for the source `name`, in the user's language; undefined for an error that is not about writing. */
export function writeFailureText(error: unknown, name: string, locale: Locale): string | undefined {
  if (isErrnoException(error) && error.code === 'EEXIST')
    return say(locale, `${name}：${error.path} 已存在，未覆盖（--force 覆盖）`, `${name}: ${error.path} exists and was not overwritten (--force overwrites)`);
  if (error instanceof WriteRefused)
    return say(
      locale,
      `${name}：未写入 ${error.path}：${refusalText(error.reason, locale)}`,
      `${name}: ${error.path} not written: ${refusalText(error.reason, locale)}`,
    );
  return undefined;
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
