// `npm run test:package`: packages the .vsix with vsce as the Marketplace would receive it and fails
// on any warning, on a missing file the extension needs, or on a source file that leaked in.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const outDir = mkdtempSync(join(tmpdir(), 'govreport-vsix-'));
const out = join(outDir, 'govreport.vsix');
const vsce = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--out', out], { encoding: 'utf8' });
const output = `${vsce.stdout}\n${vsce.stderr}`;
const fail = (message) => {
  console.error(`package: ${message}\n${output}`);
  process.exit(1);
};
if (vsce.status !== 0) fail('vsce package failed');
if (/WARNING|warning:/i.test(output.replace(/npm warn .*$/gm, ''))) fail('vsce printed a warning');
const listing = spawnSync('npx', ['vsce', 'ls', '--no-dependencies'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
const required = [
  'dist/extension.js',
  'dist/server.js',
  'dist/readers.js',
  'dist/publish.js',
  'dist/cmaps/UniGB-UCS2-H.bcmap',
  'dist/cmaps/Adobe-GB1-UCS2.bcmap',
  'dist/cmaps/LICENSE',
  'dist/browser/extension.js',
  'dist/browser/server.js',
  'dist/browser/readers.js',
  'package.json',
  'package.nls.json',
  'package.nls.zh-cn.json',
  'l10n/bundle.l10n.zh-cn.json',
  'syntaxes/govreport.tmLanguage.json',
  'snippets/govreport.code-snippets',
  'snippets/markdown.code-snippets',
  'schemas/govreportrc.schema.json',
  'images/icon.png',
  'media/preview/preview.js',
  'media/preview/preview.css',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
];
// The walkthrough's pages, each in English and as shown under a Chinese UI.
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
for (const step of manifest.contributes.walkthroughs.flatMap((w) => w.steps)) {
  if (step.media.markdown) required.push(step.media.markdown, step.media.markdown.replace(/\.md$/, '.nls.zh-cn.md'));
}
for (const file of required) if (!listing.includes(file)) fail(`${file} is not in the package`);
const leaked = listing.filter((f) => /\.(ts|map)$/.test(f) || f.startsWith('test/') || f.startsWith('node_modules/'));
if (leaked.length > 0) fail(`files that do not belong in the package: ${leaked.join(', ')}`);
rmSync(outDir, { recursive: true, force: true });
console.log(`package: ${listing.length} files, no warnings`);
