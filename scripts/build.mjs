// Bundles the extension client, the language server and the CLI with esbuild.
// `--production` minifies; otherwise sourcemaps are kept for debugging.
// `--bench` bundles only the benchmark, minified as shipped, so that it times the engine as users run it.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const bench = process.argv.includes('--bench');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  minify: production,
  // Chinese text (messages, statutory labels) as UTF-8 (3 bytes a character) rather than \u escapes (6).
  charset: 'utf8',
  sourcemap: !production,
  logLevel: 'warning',
};

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// The readers (pdf.js is most of their size) are their own bundle, loaded by the Node server and
// the CLI on first use: `import('../readers')` becomes `import('./readers.js')` beside them.
const lazyReaders = {
  name: 'lazy-readers',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/readers$/ }, () => ({ path: './readers.js', external: true }));
  },
};
// The export to Word (the `docx` library is most of it) likewise: `import('../publish')` becomes `import('./publish.js')`.
const lazyPublish = {
  name: 'lazy-publish',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/publish$/ }, () => ({ path: './publish.js', external: true }));
  },
};
// ESM dependencies bundled into CommonJS still ask for import.meta.url.
const importMetaUrl = {
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': 'importMetaUrl' },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js', plugins: [lazyReaders, lazyPublish] },
  { entryPoints: ['server/src/readers/index.ts'], outfile: 'dist/readers.js', ...importMetaUrl },
  { entryPoints: ['server/src/publish/index.ts'], outfile: 'dist/publish.js' },
  // vscode.dev / github.dev: the client in the web extension host, the server in a web worker.
  { entryPoints: ['client/src/browser.ts'], outfile: 'dist/browser/extension.js', platform: 'browser', external: ['vscode'] },
  { entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/browser/server.js', platform: 'browser', format: 'iife' },
  // The browser's readers, loaded by the worker with importScripts when the first page or Word file is opened.
  { entryPoints: ['server/src/readers/browser.ts'], outfile: 'dist/browser/readers.js', platform: 'browser', format: 'iife', globalName: 'govreportReaders' },
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    plugins: [lazyReaders, lazyPublish],
    banner: { js: `#!/usr/bin/env node\n${importMetaUrl.banner.js}` },
    define: { VERSION: JSON.stringify(version), ...importMetaUrl.define },
  },
];

const benchmark = {
  entryPoints: ['bench/bench.ts'],
  outfile: 'dist/bench/bench.js',
  minify: true,
  sourcemap: false,
  // The baselines run as their own packages, as a user would run them.
  external: ['markdownlint', 'mammoth'],
  ...importMetaUrl,
};

// The Adobe CMaps the PDF reader needs for Chinese text in fonts that are not embedded (only the GB
// ones: server/src/node/cmaps.json), with their licence, in dist/cmaps/ beside dist/readers.js.
function copyCMaps() {
  const from = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
  const to = new URL('../dist/cmaps/', import.meta.url);
  const names = JSON.parse(readFileSync(new URL('../server/src/node/cmaps.json', import.meta.url), 'utf8'));
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const file of [...names.map((name) => `${name}.bcmap`), 'LICENSE']) copyFileSync(join(from, file), new URL(file, to));
}

if (!bench) copyCMaps();
for (const options of bench ? [benchmark] : builds) {
  if (watch) {
    const ctx = await esbuild.context({ ...common, ...options });
    await ctx.watch();
  } else {
    await esbuild.build({ ...common, ...options });
  }
}
