/** Finding and reading `.govreportrc.json`: the nearest one in the file's folder or a folder above it, within its project. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, parseConfig, type ConfigFile } from '../config/config';
import { rules } from '../rules';
import { IrregularFileError, readRegularFile } from './regular-file';

/** A configuration file is a few hundred bytes; anything larger is not one. */
const CONFIG_MAX_BYTES = 1024 * 1024;
const CANNOT_READ = 'cannot read: ';
const NOT_JSON = 'not valid JSON: ';

/**
 * The nearest `.govreportrc.json` at or above `folder`. The lookup ends at `stopAt` (the editor's
 * workspace folder), at a repository's root (a folder holding `.git`) and at the file system's root,
 * so that a file dropped in a shared folder above the project (/tmp, a home folder) never applies.
 */
export function findConfigFile(folder: string, stopAt?: string): ConfigFile | undefined {
  const last = stopAt === undefined ? undefined : resolve(stopAt);
  for (let dir = resolve(folder); ; dir = dirname(dir)) {
    const path = join(dir, CONFIG_FILE);
    if (existsSync(path)) return readConfigFile(path);
    if (dir === last || existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

/** Reads and validates a configuration file; a FIFO, device or folder of that name, or a huge file, is a problem, never read. */
export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readRegularFile(path, CONFIG_MAX_BYTES).toString('utf8');
  } catch (error) {
    return { path, config: {}, problems: [CANNOT_READ + describeReadError(error)] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    return { path, config: {}, problems: [NOT_JSON + (error instanceof Error ? error.message : String(error))] };
  }
  const { config, problems } = parseConfig(
    json,
    rules.map((r) => r.code),
  );
  return { path, config, problems };
}

/** True when the file could not be read or is not JSON, so none of it applies. */
export function isUnusable(file: ConfigFile): boolean {
  return file.problems.some((p) => p.startsWith(CANNOT_READ) || p.startsWith(NOT_JSON));
}

function describeReadError(error: unknown): string {
  if (error instanceof IrregularFileError) return error.reason === 'not-a-file' ? 'not a regular file' : `larger than ${CONFIG_MAX_BYTES / 1024 / 1024} MB`;
  return error instanceof Error ? error.message : String(error);
}
