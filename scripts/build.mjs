// Bundles the extension client, the language server and the CLI with esbuild.
// `--production` minifies; otherwise sourcemaps are kept for debugging.
// `--bench` bundles only the benchmark, minified as shipped, so that it times the engine as users run it.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

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

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js' },
  // vscode.dev / github.dev: the client in the web extension host, the server in a web worker.
  { entryPoints: ['client/src/browser.ts'], outfile: 'dist/browser/extension.js', platform: 'browser', external: ['vscode'] },
  { entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/browser/server.js', platform: 'browser', format: 'iife' },
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    // ESM dependencies bundled into CommonJS still ask for import.meta.url.
    banner: { js: "#!/usr/bin/env node\nconst importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    define: { VERSION: JSON.stringify(version), 'import.meta.url': 'importMetaUrl' },
  },
];

const benchmark = {
  entryPoints: ['bench/bench.ts'],
  outfile: 'dist/bench/bench.js',
  minify: true,
  sourcemap: false,
  // The baseline runs as its own package, as a user would run it.
  external: ['markdownlint'],
};

for (const options of bench ? [benchmark] : builds) {
  if (watch) {
    const ctx = await esbuild.context({ ...common, ...options });
    await ctx.watch();
  } else {
    await esbuild.build({ ...common, ...options });
  }
}
