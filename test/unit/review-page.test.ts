import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { analyze, type Finding } from '../../server/src/rules';
import { keyFigures } from '../../server/src/rules/key-figures';
import { toCsv } from '../../server/src/cli/csv';
import type { FileResult } from '../../server/src/cli/output';
import { groupByOrgan, reviewPage, type ReviewEntry } from '../../server/src/cli/review-page';
import { readFixture } from '../support/fixtures';

function figuresOf(...fixture: string[]) {
  return keyFigures(analyze(readFixture(...fixture), { locale: 'zh-cn' }).bound);
}

test('key figures of a 2021-format report: 新收申请, the 予以公开 and 部分公开 shares of （七）总计, 行政复议 and 行政诉讼 totals', () => {
  assert.deepEqual(figuresOf('corpus', '平潭综合实验区_2021.txt'), { received: 70, disclosedShare: 30 / 69, partlyShare: 5 / 69, review: 3, litigation: 12 });
});

test('key figures of a 2008 统计表: 收到申请数 and the case counts; no share where 申请答复数 is 0', () => {
  assert.deepEqual(figuresOf('rules', '2008-statistics.txt'), { received: 3, review: 0, litigation: 0 });
});

test('no key figures for a report without statutory tables', () => {
  assert.equal(figuresOf('corpus', '沭阳县人民政府_2025_OCR抽取文本.txt'), undefined);
});

function finding(line: number, start: number, end: number, message: string, severity: Finding['severity'] = 'error', code = 'table.sum-mismatch'): Finding {
  return { code, severity, message, range: { start: { line, character: start }, end: { line, character: end } }, related: [], data: {}, fixes: [] };
}

function result(file: string, organ: string | undefined, year: number | undefined, findings: Finding[], figures?: FileResult['figures']): FileResult {
  return { file: `/r/${file}`, era: '2021', organ, year, notes: [], findings, figures };
}

test('CSV: BOM, header, one CRLF-ended line per finding, RFC 4180 quoting, formula-like text kept as text', () => {
  const results = [
    result('甲镇_2023.txt', '甲镇人民政府', 2023, [
      finding(4, 0, 1, '「总计」应为 4，实为 5，"多"\n一行'),
      finding(9, 0, 1, '=HYPERLINK("x")', 'hint', 'value.implausible'),
    ]),
    result('clean.txt', undefined, undefined, []),
  ];
  const bytes = Buffer.from(toCsv(results, '/r', 'zh-cn'));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(
    bytes.subarray(3).toString('utf8'),
    '机关,年度,文件,行,规则,级别,说明\r\n' +
      '甲镇人民政府,2023,甲镇_2023.txt,5,table.sum-mismatch,错误,"「总计」应为 4，实为 5，""多""\n一行"\r\n' +
      `甲镇人民政府,2023,甲镇_2023.txt,10,value.implausible,提示,"'=HYPERLINK(""x"")"\r\n`,
  );
  assert.equal(toCsv([], '/r', 'en'), '\ufeffOrgan,Year,File,Line,Rule,Severity,Message\r\n');
});

const hostile = '<script>alert(1)</script>';

function page(entries: ReviewEntry[]): string {
  return reviewPage(entries, '/r', 'zh-cn', '1.0.0');
}

test('review page: every text from a report is escaped, the only script is the page’s own, allowed by its hash', () => {
  const lines = ['第一行', `甲${hostile}乙`, '第三行'];
  const html = page([{ result: result(`${hostile}.txt`, `${hostile}镇`, 2023, [finding(1, 1, 26, `「${hostile}」`)]), lines }]);
  assert.equal(html.match(/<script/g)?.length, 1);
  assert.ok(!html.includes('alert(1)</script>'));
  assert.ok(html.includes('<span class="organ-name">&#60;script&#62;alert(1)&#60;/script&#62;镇</span>'));
  assert.ok(html.includes('<div class="message">「&#60;script&#62;alert(1)&#60;/script&#62;」</div>'));
  const script = html.match(/<script>([\s\S]*)<\/script>/)![1];
  const style = html.match(/<style>([\s\S]*)<\/style>/)![1];
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  assert.ok(html.includes(`content="default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; base-uri 'none'; form-action 'none'"`));
  assert.doesNotMatch(html, /https?:\/\//);
});

test('review page: a finding shows its line ± 1 with its characters marked', () => {
  const lines = ['（六）其他处理\t0', '（七）总计\t5', '四、结转下年度继续办理\t0', '五、其他'];
  const html = page([{ result: result('a.txt', '甲镇', 2023, [finding(1, 6, 7, '「（七）总计」应为 4，实为 5。')]), lines }]);
  assert.ok(
    html.includes(
      '<pre class="context"><span class="n">1</span>（六）其他处理\t0\n<span class="at"><span class="n">2</span>（七）总计\t<mark>5</mark></span>\n<span class="n">3</span>四、结转下年度继续办理\t0</pre>',
    ),
  );
  assert.ok(html.includes('<div class="where">第 2 行 · <span class="severity">错误</span> · <code>table.sum-mismatch</code></div>'));
});

test('review page: a row per report with its counts and key figures, sortable data, the problems flag', () => {
  const html = page([
    { result: result('a.txt', '甲镇', 2023, [finding(0, 0, 1, 'x'), finding(0, 0, 1, 'y', 'warning')], { received: 21, disclosedShare: 1 / 3 }), lines: ['0'] },
    { result: result('b.txt', '乙镇', 2023, []), lines: [] },
  ]);
  const rows = [...html.matchAll(/<tbody class="report[^"]*"([^>]*)>/g)].map((m) => m[1]);
  assert.equal(rows.length, 2);
  assert.match(
    rows[0],
    / data-order="0" data-year="2023" data-era="2021" data-errors="1" data-warnings="1" data-infos="0" data-hints="0" data-received="21" data-disclosedShare="0.3333333333333333" data-partlyShare="" data-review="" data-litigation="" data-problems="1"/,
  );
  assert.match(rows[1], / data-problems="0"/);
  assert.ok(html.includes('<td class="num">21</td><td class="num">33.3%</td><td class="num"><span class="missing">—</span></td>'));
  assert.ok(html.includes('<p class="clean">未发现问题。</p>'));
  assert.ok(html.includes('共 <b>2</b> 份报告，<b>1</b> 份有问题；错误 <b>1</b>，警告 <b>1</b>，信息 <b>0</b>，提示 <b>0</b>。'));
  assert.ok(
    reviewPage([{ result: result('a.txt', '甲镇', 2023, [finding(0, 0, 1, 'x')]), lines: ['0'] }], '/r', 'en', '1.0.0').includes(
      '<p class="overview"><b>1</b> report, <b>1</b> with problems: <b>1</b> error, <b>0</b> warnings, <b>0</b> info, <b>0</b> hints.</p>',
    ),
  );
});

test('reports are grouped by organ (engine/organ.ts), groups by organ name (pinyin), each by year; an organ with several years gets a chart per key figure', () => {
  const entries = [
    { result: result('c.txt', '淮安市洪泽区人民政府', 2024, [], { received: 95, review: 2 }), lines: [] },
    { result: result('b.txt', '丙镇', 2023, [], { received: 5 }), lines: [] },
    { result: result('a.txt', '洪泽区人民政府', 2023, [], { received: 21, review: 0 }), lines: [] },
  ];
  assert.deepEqual(
    groupByOrgan(entries).map((g) => g.map((e) => e.result.file)),
    [['/r/b.txt'], ['/r/a.txt', '/r/c.txt']],
  );
  const html = page(entries);
  assert.equal(html.match(/<figure class="chart">/g)?.length, 4, 'two figures, shown with each of the organ’s two reports');
  assert.ok(
    html.includes(
      '<figcaption>新收申请</figcaption><svg width="180" height="64" viewBox="0 0 180 64" role="img" aria-label="新收申请"><polyline class="line" points="18.0,40.5 162.0,14.0"/>',
    ),
  );
});
