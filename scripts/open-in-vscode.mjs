// `npm start`: builds the extension, shows the command line's check of the bundled example
// reports (the reviewer's view), then opens the extension in a real VS Code on a temp copy of them. With a desktop `code` on PATH that is an Extension Development Host window; otherwise
// code-server (the cached install from test/e2e/code-server.mjs) serves the workbench on loopback
// and this prints the URL to open in a browser. Runs until Ctrl+C (or the window closes), then
// removes the temp workspace.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SetupError, buildExtension, repoRoot, seedWorkspace, startCodeServer, tempDir } from '../test/e2e/code-server.mjs';

const desktopCode = (process.env.PATH ?? '')
  .split(path.delimiter)
  .map((dir) => path.join(dir, 'code'))
  .find((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

function untilSignal() {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** The reviewer's view first: `govreport check` over the example reports. */
function demonstrateCli() {
  const examples = path.join(repoRoot, 'test/fixtures/seeds');
  console.log(`$ govreport check ${path.relative(process.cwd(), examples) || '.'}\n`);
  spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'check', examples], { stdio: 'inherit' });
  console.log('');
}

async function main() {
  buildExtension();
  demonstrateCli();
  const tmp = tempDir('start');
  try {
    const workspace = seedWorkspace(tmp);
    if (desktopCode) {
      console.log(`Opening ${workspace} in VS Code (${desktopCode}); close the window or press Ctrl+C to finish.`);
      const code = spawn(desktopCode, ['--new-window', '--wait', `--extensionDevelopmentPath=${repoRoot}`, workspace], { stdio: 'inherit' });
      await Promise.race([new Promise((resolve) => code.on('exit', resolve)), untilSignal()]);
      code.kill();
      return;
    }
    const server = await startCodeServer({ workspace, port: process.env.PORT ? Number(process.env.PORT) : undefined, verbose: true });
    try {
      console.log(`\ncode-server is serving the extension on ${workspace}. Open this URL in a browser:\n\n  ${server.workbenchUrl()}\n`);
      console.log('After `npm run build`, run "Developer: Reload Window" to load the new build. Ctrl+C stops.\n');
      const stoppedBy = await Promise.race([untilSignal(), server.exited.then((c) => `code-server exited (${c})`)]);
      if (typeof stoppedBy === 'string') console.error(stoppedBy);
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof SetupError ? e.message : e);
  process.exit(1);
});
