/**
 * Replacing a file's contents as saving it in an editor would: the file named — for a symbolic link,
 * the file it points to, the link staying a link — gets the new bytes and stays the same file, with
 * its hard links, owner and mode. Nothing is written (a WriteRefused says why) when the file is
 * read-only, or no longer holds the bytes that were checked because someone saved it meanwhile.
 *
 * A file with a single name whose owner a new file can be given is replaced atomically: the bytes go
 * to a temporary file beside it (created exclusively, under an unpredictable name, never through a
 * symbolic link) that is renamed over it, so that a crash leaves the old file or the new, never half
 * of one. A file with several hard links, whose owner we cannot give, or in a folder we cannot write
 * is written in place instead, through the descriptor checked: renaming would split its links or
 * change its owner.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { O_NOFOLLOW, O_NONBLOCK, readToEnd } from '../node/regular-file';

export type Refusal = 'read-only' | 'changed' | 'undecodable';

/** A write that was not done, and why; the file is as it was. */
export class WriteRefused extends Error {
  constructor(
    readonly path: string,
    readonly reason: Refusal,
  ) {
    super(`${path}: not written (${reason})`);
  }
}

/** Errors that mean "you may not write this file", whatever its mode says. */
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ETXTBSY']);
/** Errors opening a file just checked that mean it was removed or replaced by something else meanwhile. */
const REPLACED = new Set(['ENOENT', 'ELOOP', 'EISDIR', 'ENOTDIR']);

/** Writes `body` into the file at `path` (following a symbolic link), provided it still holds exactly `expected`. */
export function replaceFile(path: string, expected: Uint8Array, body: Uint8Array): void {
  const target = realpathSync(path);
  const fd = openChecked(path, target, constants.O_RDWR);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new WriteRefused(path, 'changed');
    // Root may open any file for writing: the mode is what says the owner wants it left alone.
    if ((stat.mode & 0o222) === 0) throw new WriteRefused(path, 'read-only');
    if (stat.nlink === 1 && replaceByRename(path, target, stat, expected, body)) return;
    assertUnchanged(path, target, stat, expected);
    writeAll(fd, body);
    ftruncateSync(fd, body.length);
  } finally {
    closeSync(fd);
  }
}

/** Opens the real file, never through a symbolic link put in its place since `realpath`. */
function openChecked(path: string, target: string, access: number): number {
  try {
    return openSync(target, access | O_NOFOLLOW | O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (NOT_WRITABLE.has(code)) throw new WriteRefused(path, 'read-only');
    if (REPLACED.has(code)) throw new WriteRefused(path, 'changed');
    throw error;
  }
}

/** The lost update: refuses unless the path still names the same file, holding the same bytes. */
function assertUnchanged(path: string, target: string, stat: Stats, expected: Uint8Array): void {
  const fd = openChecked(path, target, constants.O_RDONLY);
  try {
    const now = fstatSync(fd);
    if (now.ino !== stat.ino || now.dev !== stat.dev || !readToEnd(fd, target).equals(expected)) throw new WriteRefused(path, 'changed');
  } finally {
    closeSync(fd);
  }
}

/** The atomic replacement; false (nothing done) when it cannot keep the file's owner or cannot create a file beside it. */
function replaceByRename(path: string, target: string, stat: Stats, expected: Uint8Array, body: Uint8Array): boolean {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(8).toString('hex')}.govreport-tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, 0o600);
  } catch (error) {
    if (NOT_WRITABLE.has((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
  let renamed = false;
  try {
    if (!giveOwner(fd, stat)) return false;
    fchmodSync(fd, stat.mode & 0o7777);
    writeAll(fd, body);
    fsyncSync(fd);
    assertUnchanged(path, target, stat, expected);
    renameSync(temporary, target);
    renamed = true;
    return true;
  } finally {
    closeSync(fd);
    if (!renamed) unlinkSync(temporary);
  }
}

/** Gives the new file the old one's owner and group (before its mode: a change of owner clears set-id bits). */
function giveOwner(fd: number, stat: Stats): boolean {
  try {
    fchownSync(fd, stat.uid, stat.gid);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPERM') return false;
    throw error;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written, bytes.length - written, written);
}
