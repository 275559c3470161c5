// Takes docs/images/review-page.png: `govreport check corpus --format html` over the real reports of
// test/fixtures/corpus, the page filtered to 平潭, its 2020 report opened to its findings (the wrong
// totals of table 三, the text around them) under the charts of the organ's key figures over the years.
// Usage: node test/e2e/review-screenshot.mjs (builds first; needs Chromium and a CJK font, e.g. fonts-noto-cjk)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildExtension, checkCjkFont, launchChromium, log, repoRoot, tempDir } from './code-server.mjs';

const VIEWPORT = { width: 1400, height: 900 };
const output = path.join(repoRoot, 'docs', 'images', 'review-page.png');

checkCjkFont();
buildExtension();
const folder = tempDir('review-page');
const page = path.join(folder, 'review.html');
const check = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'check', 'corpus', '--format', 'html', '--lang', 'zh-cn', '-o', page], {
  cwd: path.join(repoRoot, 'test', 'fixtures'),
  encoding: 'utf8',
});
if (!fs.existsSync(page)) throw new Error(`govreport check wrote no page: ${check.stderr}`);

const browser = await launchChromium();
try {
  const tab = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await tab.goto(pathToFileURL(page).href);
  await tab.getByLabel('筛选').fill('平潭');
  await tab.locator('tbody.report', { hasText: '平潭综合实验区_2020.txt' }).locator('tr.summary').click();
  await tab.screenshot({ path: output });
  log(`wrote ${path.relative(repoRoot, output)}`);
} finally {
  await browser.close();
  fs.rmSync(folder, { recursive: true, force: true });
}
