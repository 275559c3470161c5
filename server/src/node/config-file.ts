/** Finding and reading `.govreportrc.json`: the nearest one in the file's folder or a folder above it. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_FILE, parseConfig, type ConfigFile } from '../config/config';
import { ruleInfo } from '../rules';

/** The nearest `.govreportrc.json` at or above `folder` (but not above `stopAt`, when given). */
export function findConfigFile(folder: string, stopAt?: string): ConfigFile | undefined {
  for (let dir = folder; ; dir = dirname(dir)) {
    const path = join(dir, CONFIG_FILE);
    if (existsSync(path)) return readConfigFile(path);
    if (dir === stopAt || dirname(dir) === dir) return undefined;
  }
}

export function readConfigFile(path: string): ConfigFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8').replace(/^\ufeff/, ''));
  } catch (error) {
    return { path, config: {}, problems: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const { config, problems } = parseConfig(
    json,
    ruleInfo.map((r) => r.code),
  );
  return { path, config, problems };
}
