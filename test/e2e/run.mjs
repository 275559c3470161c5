// `npm run test:e2e`: runs test/e2e/suite inside a real VS Code with the extension loaded and a
// temp copy of the seed reports as the workspace. Launcher: @vscode/test-electron when a desktop
// VS Code is available (VSCODE_EXECUTABLE, or GOVREPORT_E2E=electron to let it download one),
// otherwise code-server + headless Chromium (see code-server.mjs). Exits with the suite's code
// (124 on timeout, 2 when a prerequisite is missing).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import {
  CODE_SERVER_VERSION,
  SetupError,
  buildExtension,
  chromiumPath,
  launchChromium,
  log,
  repoRoot,
  seedWorkspace,
  startCodeServer,
  tempDir,
} from './code-server.mjs';

const TIMEOUT_S = Number(process.env.GOVREPORT_E2E_TIMEOUT || 180);
// GOVREPORT_E2E_FILES=a,b runs only the test files whose names contain a or b, bundled apart so that
// such runs can go on side by side with a full one.
const onlyFiles = process.env.GOVREPORT_E2E_FILES?.split(',').filter(Boolean);
const outDir = path.join(repoRoot, 'dist/test', onlyFiles ? `e2e-${process.pid}` : 'e2e');

/** Bundles index.ts and every *.test.ts side by side; index.ts finds the tests next to itself. */
async function bundleSuite() {
  const suiteDir = path.join(repoRoot, 'test/e2e/suite');
  const entryPoints = fs
    .readdirSync(suiteDir)
    .filter((f) => f === 'index.ts' || (f.endsWith('.test.ts') && (!onlyFiles || onlyFiles.some((only) => f.includes(only)))))
    .map((f) => path.join(suiteDir, f));
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    sourcemap: true,
    external: ['vscode', 'mocha'], // one mocha instance, resolved from the repo's node_modules
    logLevel: 'warning',
  });
  return path.join(outDir, 'index.js');
}

async function runInElectron(extensionTests, workspace, tmp) {
  const { runTests } = await import('@vscode/test-electron');
  log(`launcher: @vscode/test-electron (${process.env.VSCODE_EXECUTABLE || 'downloaded VS Code'})`);
  try {
    return await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: extensionTests,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(tmp, 'data'),
        '--extensions-dir',
        path.join(tmp, 'extensions'),
      ],
    });
  } catch (e) {
    console.error(`[e2e] ${e.message}`);
    return typeof e.code === 'number' && e.code !== 0 ? e.code : 1;
  }
}

async function runInCodeServer(extensionTests, workspace) {
  log(`launcher: code-server ${CODE_SERVER_VERSION} + headless Chromium`);
  chromiumPath(); // fail on a missing browser before installing or starting anything
  const server = await startCodeServer({ workspace });
  let browser;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    // The workbench reports through these two globals when it runs an extension test payload.
    await page.exposeFunction('codeAutomationLog', (type, args) => printWorkbenchLog(type, args));
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    page.on('pageerror', (e) => console.error('[e2e] page error:', e.message));
    if (process.env.E2E_DEBUG) page.on('console', (m) => console.log('[page]', m.type(), m.text()));
    await page.goto(server.workbenchUrl({ extensionTests }));
    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_S * 1000)));
    const result = await Promise.race([finished, timedOut, server.exited.then((c) => `code-server exited (${c})`)]);
    clearTimeout(timer);
    if (result === 'timeout') {
      console.error(`[e2e] the suite did not finish within ${TIMEOUT_S} s (GOVREPORT_E2E_TIMEOUT)`);
      return 124;
    }
    if (typeof result === 'string') {
      console.error(`[e2e] ${result}`);
      return 1;
    }
    return result;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
}

// The workbench logs a lot at info level; show the suite's lines (see suite/index.ts) and errors.
function printWorkbenchLog(type, args) {
  const text = format(...(args ?? []));
  if (text.startsWith('[suite] ')) console.log(text.slice('[suite] '.length));
  else if (/^e2e: \d+ passed, \d+ failed$/.test(text)) console.log(text);
  else if (type === 'error' || process.env.E2E_DEBUG) console.log(`[vscode:${type}] ${text}`);
}

async function main() {
  const started = Date.now();
  buildExtension();
  const extensionTests = await bundleSuite();
  const tmp = tempDir('e2e');
  try {
    const workspace = seedWorkspace(tmp);
    const electron = Boolean(process.env.VSCODE_EXECUTABLE) || process.env.GOVREPORT_E2E === 'electron';
    const code = electron ? await runInElectron(extensionTests, workspace, tmp) : await runInCodeServer(extensionTests, workspace);
    log(`suite exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof SetupError ? `[e2e] ${e.message}` : e);
    process.exit(2);
  },
);
