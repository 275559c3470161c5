import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const fixturesDir = join(__dirname, '..', 'fixtures');

export function readFixture(...path: string[]): string {
  return readFileSync(join(fixturesDir, ...path), 'utf8');
}

export function fixtureNames(folder: string): string[] {
  return readdirSync(join(fixturesDir, folder))
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

/** Joins lines with LF, like the inline cases of vscode-markdown-languageservice's tests. */
export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}
