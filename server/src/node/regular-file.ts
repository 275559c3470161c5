/**
 * Reading only regular files: a FIFO, socket, device or folder under a report's or configuration
 * file's name is refused at once instead of blocking the reader (a FIFO without a writer) or
 * streaming forever (/dev/zero), and a size bound keeps a huge file from being read whole.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { say, type Locale } from '../rules/types';

/** O_NONBLOCK: opening a FIFO that has no writer returns at once (0 where the platform has no such flag). */
export const O_NONBLOCK = constants.O_NONBLOCK ?? 0;
/** O_NOFOLLOW: a symbolic link at the last path component makes open fail (0 where the platform has no such flag). */
export const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

export type IrregularReason = 'not-a-file' | 'too-large';

/** A path that names something other than a regular file, or a file larger than the reader accepts. */
export class IrregularFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: IrregularReason,
    readonly maxBytes = Infinity,
  ) {
    super(reason === 'not-a-file' ? `${path} is not a regular file` : `${path} is larger than ${maxBytes} bytes`);
  }
}

/** The whole file, when `path` is a regular file (a symbolic link to one is followed) of at most `maxBytes`. */
export function readRegularFile(path: string, maxBytes = Infinity): Buffer {
  const fd = openSync(path, constants.O_RDONLY | O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new IrregularFileError(path, 'not-a-file');
    if (stat.size > maxBytes) throw new IrregularFileError(path, 'too-large', maxBytes);
    return readToEnd(fd, path, maxBytes);
  } finally {
    closeSync(fd);
  }
}

const CHUNK = 1 << 20;

/** Reads from the descriptor's position to the end (the file may have grown since it was measured). */
export function readToEnd(fd: number, path: string, maxBytes = Infinity): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const read = readSync(fd, chunk, 0, CHUNK, null);
    if (read === 0) return Buffer.concat(chunks, total);
    total += read;
    if (total > maxBytes) throw new IrregularFileError(path, 'too-large', maxBytes);
    chunks.push(chunk.subarray(0, read));
  }
}

/** An error's message without the path Node appends ("EACCES: permission denied, open '/…'"): the path is named beside it. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message.replace(/, \w+ '.*'$/s, '') : String(error);
}

/** A reading error in the user's language: a folder, FIFO or device where a file was expected is named as such. */
export function readErrorText(error: unknown, locale: Locale): string {
  return error instanceof IrregularFileError && error.reason === 'not-a-file' ? say(locale, '不是普通文件', 'not a regular file') : errorText(error);
}
