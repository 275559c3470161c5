// A real VS Code for machines that cannot download one: the VS Code build inside the
// `code-server` npm package, installed once into .vscode-test/, started on loopback with a
// throw-away profile and driven by Debian's headless Chromium. Shared by the e2e runner, the
// screenshot script and `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The newest code-server that runs on Node 20 and still honours the test payload (VS Code 1.100.3).
export const CODE_SERVER_VERSION = '4.100.3';
const installDir = path.join(repoRoot, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const entryScript = path.join(installDir, 'node_modules/code-server/out/node/entry.js');
const installedMarker = path.join(installDir, '.installed');

const APT_HINT = 'node scripts/system-packages.mjs (it lists, and as root installs, the Debian packages the tests use)';

/** A missing prerequisite or a failed setup step: reported as one line, without a stack trace. */
export class SetupError extends Error {}

export const log = (...args) => console.log('[e2e]', ...args);
const rel = (p) => path.relative(process.cwd(), p) || '.';

function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, cmd);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {}
  }
  return undefined;
}

export function buildExtension() {
  const { status } = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (status !== 0) throw new SetupError('building the extension failed (node scripts/build.mjs)');
}

export const tempDir = (tag) => fs.mkdtempSync(path.join(os.tmpdir(), `govreport-${tag}-`));

/**
 * A fresh folder `workspace` under `parent` holding copies of the seed reports (test/fixtures/seeds)
 * and, under rules/, the faulty reports of the rule fixtures (test/fixtures/rules).
 */
const PUBLISHED = ['淮安市洪泽区人民政府_2023.pdf', '政务公开年报模版_2021格式.docx'];

export function seedWorkspace(parent) {
  const workspace = path.join(parent, 'workspace');
  for (const [from, to] of [
    ['seeds', '.'],
    ['rules', 'rules'],
  ]) {
    const dir = path.join(repoRoot, 'test/fixtures', from);
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)) : [];
    if (files.length === 0) throw new SetupError(`no reports in ${rel(dir)}`);
    fs.mkdirSync(path.join(workspace, to), { recursive: true });
    for (const f of files) fs.copyFileSync(path.join(dir, f), path.join(workspace, to, f));
  }
  // Reports as published: a PDF and a Word file to open as reports.
  fs.mkdirSync(path.join(workspace, 'published'));
  for (const f of PUBLISHED) fs.copyFileSync(path.join(repoRoot, 'test/fixtures/published', f), path.join(workspace, 'published', f));
  return workspace;
}

export function chromiumPath() {
  const found = process.env.CHROMIUM || ['chromium', 'chromium-browser'].map(which).find(Boolean);
  if (!found || !fs.existsSync(found)) {
    throw new SetupError(`Chromium not found. Install it with: ${APT_HINT} (or set CHROMIUM=/path/to/chromium)`);
  }
  return found;
}

/** Chromium draws Chinese with the system's fonts: without one, every CJK character is a box. */
export function checkCjkFont() {
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '';
  if (!fonts.trim()) throw new SetupError('no Chinese font for Chromium: apt-get install -y --no-install-recommends fonts-noto-cjk');
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

function checkInstallPrerequisites() {
  const missing = [];
  if (!which('rg')) missing.push('ripgrep');
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev'); // the kerberos native module
  if (missing.length) throw new SetupError(`installing code-server needs ${missing.join(', ')}. Install with: ${APT_HINT}`);
  const tools = ['make', 'g++', 'python3'].filter((t) => !which(t));
  if (tools.length)
    throw new SetupError(`installing code-server builds native modules and needs ${tools.join(', ')} (apt-get install build-essential python3)`);
}

// @vscode/ripgrep's postinstall downloads rg from GitHub, which is out of reach here; it takes a
// tarball from its cache instead, so put Debian's rg there under the name it looks for.
function seedRipgrepCache() {
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[process.arch];
  const rg = which('rg');
  if (!target || !rg) return;
  const cache = path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const tarball = path.join(cache, `ripgrep-v13.0.0-10-${target}.tar.gz`);
  if (fs.existsSync(tarball)) return;
  fs.mkdirSync(cache, { recursive: true });
  spawnSync('tar', ['czhf', tarball, '-C', path.dirname(rg), path.basename(rg)], { stdio: 'inherit' });
}

/** Installs code-server into .vscode-test/ unless a complete install is there; returns its entry script. */
export async function ensureCodeServer() {
  if (fs.existsSync(installedMarker)) return entryScript;
  checkInstallPrerequisites();
  fs.rmSync(installDir, { recursive: true, force: true });
  fs.mkdirSync(installDir, { recursive: true });
  fs.writeFileSync(path.join(installDir, 'package.json'), '{ "private": true }\n');
  seedRipgrepCache();
  const logFile = `${installDir}.install.log`;
  log(`installing code-server@${CODE_SERVER_VERSION} into ${rel(installDir)} (about a minute; log in ${rel(logFile)})`);
  const started = Date.now();
  const env = { ...process.env, npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false' };
  if (process.getuid?.() === 0) env.npm_config_unsafe_perm = 'true'; // as root, lets the postinstall scripts run
  const out = fs.openSync(logFile, 'w');
  const code = await new Promise((resolve) => {
    spawn('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--prefix', installDir], { cwd: installDir, env, stdio: ['ignore', out, out] })
      .on('error', () => resolve(-1))
      .on('exit', resolve);
  });
  fs.closeSync(out);
  if (code !== 0 || !fs.existsSync(entryScript)) {
    const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
    throw new SetupError(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${code}):\n${tail}`);
  }
  fs.writeFileSync(installedMarker, `${new Date().toISOString()}\n`);
  log(`installed code-server in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return entryScript;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
};

/**
 * VS Code runs in a language only if a language pack for it is installed, and none can be downloaded
 * here: the locale is declared as installed with no translations of VS Code itself. VS Code's own
 * words stay English; the extensions (package.nls.<locale>.json, vscode.env.language) speak the locale.
 */
function declareLanguagePack(userDataDir, locale) {
  const translations = path.join(userDataDir, `${locale}.i18n.json`);
  fs.writeFileSync(translations, JSON.stringify({ contents: {} }));
  const pack = {
    hash: locale,
    extensions: [{ extensionIdentifier: { id: `none.${locale}` }, version: '0.0.0' }],
    translations: { vscode: translations },
    label: locale,
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

/**
 * Starts code-server on a free loopback port (or `port`) with a fresh profile under a temp folder.
 * `settings` and `keybindings` go into that profile; `locale` (e.g. zh-cn) is the UI language (see
 * declareLanguagePack). Call stop() when done: it kills the whole process group (the file watchers
 * outlive the server otherwise) and removes the profile.
 */
export async function startCodeServer({ workspace, port, settings = {}, keybindings = [], locale, verbose = false }) {
  const entry = await ensureCodeServer();
  port ??= await freePort();
  const home = tempDir('code-server');
  const userDir = path.join(home, 'data/User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  fs.writeFileSync(path.join(userDir, 'keybindings.json'), JSON.stringify(keybindings, null, 2));
  // Always pass --config, or code-server writes one (with a password) into the home folder.
  const config = path.join(home, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const args = [
    entry,
    '--config',
    config,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    path.join(home, 'data'),
    '--extensions-dir',
    path.join(home, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(locale ? ['--locale', locale] : []),
    workspace,
  ];
  if (locale) declareLanguagePack(path.join(home, 'data'), locale);
  // detached: the child calls setsid(), so it leads a process group of its own that stop() can kill whole.
  // EXTENSIONS_GALLERY={} turns the marketplace (open-vsx.org, unreachable here) off.
  const env = { ...process.env, EXTENSIONS_GALLERY: '{}' };
  const child = spawn(process.execPath, args, { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      output = (output + chunk).slice(-20_000);
      if (verbose || process.env.E2E_DEBUG) process.stdout.write(String(chunk).replace(/^(?=.)/gm, '[code-server] '));
    });
  }
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {}
  };
  const onExit = () => killGroup('SIGKILL'); // last resort if this process dies without stop()
  process.on('exit', onExit);

  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      killGroup('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      killGroup('SIGKILL');
      process.off('exit', onExit);
      fs.rmSync(home, { recursive: true, force: true });
    })());

  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(origin, exited, () => output);
  } catch (e) {
    await stop();
    throw e;
  }

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  return {
    origin,
    exited,
    stop,
    /** The workbench URL opening `folder`; `payload` loads the repo as the extension under development. */
    workbenchUrl({ folder = workspace, extensionTests, openFile } = {}) {
      const payload = [
        ['extensionDevelopmentPath', remote(repoRoot)],
        ['skipWelcome', 'true'],
      ];
      if (extensionTests) payload.push(['extensionTestsPath', remote(extensionTests)]);
      if (openFile) payload.push(['openFile', remote(openFile)]);
      return `${origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
  };
}

async function waitForHealth(origin, exited, output) {
  const deadline = Date.now() + 30_000;
  let done = false;
  exited.then(() => (done = true));
  while (Date.now() < deadline) {
    if (done) throw new SetupError(`code-server exited during startup:\n${output().trim()}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new SetupError(`code-server did not answer ${origin}/healthz within 30 s:\n${output().trim()}`);
}
