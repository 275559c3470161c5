/** Temporary folders for a test file, removed when its process exits (each test file runs in a process of its own). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tempFolder(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), `govreport-${tag}-`));
  made.push(dir);
  return dir;
}
