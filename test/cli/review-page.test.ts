import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/code-server.mjs';
import { fixturesDir, readFixture } from '../support/fixtures';
import { tempFolder } from '../support/temp';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const corpus = join(fixturesDir, 'corpus');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8', NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
  file: string;
  diagnostics: { code: string; severity: string }[];
}

describe('govreport check --format html: the review page in Chromium', () => {
  const dir = tempFolder('review');
  const pagePath = join(dir, 'review.html');
  let expected: JsonReport[];
  let browser: Browser;
  let page: Page;
  const blocked: string[] = [];

  before(async () => {
    // The reports the page lists: the JSON output also lists the files it skipped (the corpus README).
    expected = (JSON.parse(run(['check', corpus, '--format', 'json'], dir).stdout) as (JsonReport & { skipped?: string })[]).filter(
      (r) => r.skipped === undefined,
    );
    writeFileSync(pagePath, 'an older review page');
    const { code, stdout, stderr } = run(['check', corpus, '--format', 'html', '-o', 'review.html'], dir);
    assert.equal(stderr, '');
    assert.equal(stdout, '', 'the page goes to the -o file, over the older one');
    assert.equal(code, 1, 'the exit code is the check’s: the corpus has errors');
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('console', (message) => message.type() === 'error' && blocked.push(message.text()));
    page.on('request', (request) => !request.url().startsWith('file:') && blocked.push(request.url()));
  });
  after(() => browser?.close());

  const rows = () => page.locator('tbody.report:not([hidden])');
  const errorsOf = (file: string) => page.locator('tbody.report', { hasText: file }).locator('td.count.error');

  test('a row per report, with each report’s error count; the script runs under the page’s CSP and nothing is fetched', async () => {
    await page.goto(pathToFileURL(pagePath).href);
    assert.equal(await rows().count(), expected.length);
    for (const name of ['平潭综合实验区_2020.txt', '淮安市洪泽区人民政府_2023.txt']) {
      const report = expected.find((r) => r.file.endsWith(name))!;
      const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
      assert.ok(errors > 0);
      assert.equal(await errorsOf(name).textContent(), String(errors));
    }
    assert.ok(expected.find((r) => r.file.endsWith('平潭综合实验区_2020.txt'))!.diagnostics.some((d) => d.code === 'table.sum-mismatch'));
    assert.equal(await page.locator('#shown').textContent(), String(expected.length), 'the script ran');
    assert.deepEqual(blocked, []);
  });

  test('「只看有问题的」 hides the reports without findings; the text filter narrows further', async () => {
    await page.goto(pathToFileURL(pagePath).href);
    const withProblems = expected.filter((r) => r.diagnostics.length > 0).length;
    assert.ok(withProblems < expected.length, 'the corpus has a clean report');
    await page.getByLabel('只看有问题的').check();
    assert.equal(await rows().count(), withProblems);
    assert.equal(await page.locator('tbody.report', { hasText: '平潭综合实验区_2019.txt' }).isHidden(), true);
    await page.getByLabel('筛选').fill('平潭综合实验区_2020');
    assert.equal(await rows().count(), 1);
    await page.goto('about:blank');
    await page.goto(pathToFileURL(pagePath).href + '#problems');
    assert.equal(await rows().count(), withProblems, '#problems in the address turns the filter on');
  });

  test('a click on 错误 sorts by errors, most first; a click on a row opens its findings with the text around them', async () => {
    await page.goto(pathToFileURL(pagePath).href);
    await page.locator('th[data-key="errors"] button').click();
    const most = Math.max(...expected.map((r) => r.diagnostics.filter((d) => d.severity === 'error').length));
    assert.equal(await rows().first().locator('td.count.error').textContent(), String(most));
    const report = page.locator('tbody.report', { hasText: '平潭综合实验区_2020.txt' });
    assert.equal(await report.locator('tr.details').isVisible(), false);
    await report.locator('tr.summary').click();
    assert.equal(await report.locator('tr.details').isVisible(), true);
    assert.match((await report.locator('.finding.error .where').first().textContent())!, /^第 \d+ 行 · 错误 · table\.sum-mismatch$/);
    assert.equal(await report.locator('.finding.error pre.context mark').first().isVisible(), true);
  });

  test('printed, every row is open and the controls are gone', async () => {
    await page.goto(pathToFileURL(pagePath).href);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('tr.details:visible').count(), expected.length);
    assert.equal(await page.locator('.controls').isVisible(), false);
    await page.emulateMedia({ media: 'screen' });
  });
});

test('--format csv -o: the 问题清单 as UTF-8 with BOM and CRLF, a line per finding', () => {
  const dir = tempFolder('review-csv');
  writeFileSync(join(dir, 'a.txt'), readFixture('corpus', '平潭综合实验区_2020.txt'));
  const { code, stdout } = run(['check', 'a.txt', '--format', 'csv', '-o', 'problems.csv'], dir);
  assert.equal(code, 1);
  assert.equal(stdout, '');
  const bytes = readFileSync(join(dir, 'problems.csv'));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  assert.equal(lines[0], '机关,年度,文件,行,规则,级别,说明');
  assert.match(lines[1], /^平潭综合实验区,2020,a\.txt,100,table\.sum-mismatch,错误,「/);
  assert.equal(lines.at(-1), '');
});

test('-o naming a file being checked is refused, and nothing is written', () => {
  const dir = tempFolder('review-refuse');
  const report = readFixture('corpus', '平潭综合实验区_2020.txt');
  writeFileSync(join(dir, 'a.txt'), report);
  const { code, stderr } = run(['check', 'a.txt', '--format', 'html', '-o', 'a.txt'], dir);
  assert.equal(code, 2);
  assert.match(stderr, /^govreport: -o a\.txt 是要检查的文件，不能覆盖$/m);
  assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), report);
});
