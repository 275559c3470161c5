// Entry point the VS Code test host calls (extensionTestsPath): runs every *.test.js bundled next
// to this file with mocha, inside the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

// In code-server the extension host's console reaches the runner mixed with the workbench's own
// log; the tag lets test/e2e/run.mjs pick out the reporter's lines.
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(`[suite] ${format(...args)}`);

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000 });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    // A suite that finds nothing to run has not passed.
    if (files.length === 0) return reject(new Error(`no end-to-end test files in ${__dirname}`));
    const runner = mocha.run((failures) => {
      console.log(`e2e: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
  });
}
