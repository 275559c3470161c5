/**
 * Space-aligned tables (`pdftotext -layout`, copies from PDF viewers), read from the fixtures in
 * test/fixtures/extracted/ (made by scripts/make-extracted-fixtures.mjs; their findings are pinned
 * in rules.test.ts): the same wrong totals as the source text, the same outline, blank cells in place.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReport } from '../../server/src/engine/structure';
import { analyze, checkText } from '../../server/src/rules';
import { readFixture } from '../support/fixtures';

const layout = (name: string) => readFixture('extracted', `${name}.layout.txt`);
const corpus = (name: string) => readFixture('corpus', `${name}.txt`);
const at = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** The numbered parts of the outline, as 「number name」. */
const parts = (text: string) =>
  parseReport(text)
    .outline.filter((n) => n.type === 'section' && n.kind === 'part')
    .map((n) => (n.type === 'section' ? `${n.number} ${n.name.replace(/\s/g, '')}` : ''));

test('平潭 2020 -layout: the same wrong totals as its source text, on the （七）总计 row', () => {
  const sums = (text: string) =>
    checkText(text)
      .filter((f) => f.code === 'table.sum-mismatch')
      .map((f) => ({ message: f.message, expected: f.data.expected }));
  assert.deepEqual(sums(layout('平潭综合实验区_2020')), sums(corpus('平潭综合实验区_2020')));
  assert.deepEqual(
    checkText(layout('平潭综合实验区_2020')).map((f) => `${f.code} ${at(f.range)}`),
    // The 第二十条第（九）项 row (395, 73802895.90 元: an amount with its unit) is not read as a row, and that is said.
    ['table.unread 239:15-239:24', 'table.sum-mismatch 314:23-314:25', 'table.sum-mismatch 314:52-314:54'],
  );
});

test('the published 洪泽区 2023 PDF, -layout: the wrong 行政复议 and 复议后起诉 totals its text twin has', () => {
  const sums = checkText(layout('淮安市洪泽区人民政府_2023_published')).filter((f) => f.code === 'table.sum-mismatch');
  assert.deepEqual(
    sums.map((f) => f.message),
    [
      '「行政复议·总计」应为 11，实为 0（行政复议·结果维持 10 + 行政复议·结果纠正 1，其余 2 项为 0）。',
      '「行政诉讼·复议后起诉·总计」应为 5，实为 0（行政诉讼·复议后起诉·结果维持 5，其余 3 项为 0）。',
    ],
  );
});

test('-layout: table rows (四、结转下年度继续办理 0 0 …) never enter the outline: the parts are those of the source text', () => {
  for (const name of ['平潭综合实验区_2020', '上海市人民政府办公厅_2019', '淮安市洪泽区人民政府_2024', '平潭综合实验区_2016']) {
    assert.deepEqual(parts(layout(name)), parts(corpus(name)), name);
  }
  for (const name of ['淮安市洪泽区人民政府_2023_published', '淮安市人民政府_2024_published']) {
    assert.deepEqual(
      parts(layout(name)).map((p) => p.split(' ')[0]),
      ['1', '2', '3', '4', '5', '6'],
      name,
    );
  }
});

test('平潭 2020 -layout: every statutory table is read, from its header lines to its last row, and prose stays prose', () => {
  const report = parseReport(layout('平潭综合实验区_2020'));
  assert.deepEqual(
    report.tables.map((t) => `${t.syntax} ${at(t.range)} ${t.name}`),
    [
      'spaces 209:16-212:43 第二十条第（一）项',
      'spaces 217:16-220:43 第二十条第（五）项',
      'spaces 224:16-227:50 第二十条第（六）项',
      'spaces 232:15-234:49 第二十条第（八）项',
      'spaces 247:0-315:54 一、本年新收政府信息公开申请数量 20 0 0 0 0 1 21',
      'spaces 321:0-327:45 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0',
    ],
  );
  const { bound } = analyze(layout('平潭综合实验区_2020'));
  assert.deepEqual(
    bound.tables.map((t) => `${t.definition.id} ${t.rows.size}`),
    ['article20-1 2', 'article20-5 2', 'article20-6 2', 'article20-8 1', 'applications 23', 'review-litigation 1'],
  );
});

test('a label wrapped around its numbers, above and below, and the group column cut into fragments, read as one label', () => {
  const { bound } = analyze(layout('平潭综合实验区_2020'));
  const applications = bound.tables.find((t) => t.definition.id === 'applications')!;
  const label = (id: string) => {
    const row = [...applications.rows.values()].find((r) => r.definition.id === id)!;
    return `${row.labelCell!.text} ${at(row.labelCell!.range)} ${row.match}`;
  };
  const ids = [...applications.rows.keys()];
  assert.deepEqual(ids.map(label).slice(3, 6), [
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 256:5-258:9 exact',
    '1.属于国家秘密 259:9-259:17 exact',
    '2.其他法律行政法规禁止公开 260:9-262:15 exact',
  ]);
});

test('a blank cell of a space-aligned row stays in its column: the row is read, the blank is said', () => {
  const lines = layout('平潭综合实验区_2020').split('\n');
  // 「（六）其他处理」 without its 科研机构 value, as a PDF of a report that left it blank renders it.
  assert.equal(lines[313], '     （六）其他处理           4    0    0      0   0   0    4');
  lines[313] = '     （六）其他处理           4    0           0   0   0    4';
  const findings = checkText(lines.join('\n')).filter((f) => f.code === 'table.empty-cell' || f.code === 'table.unread');
  assert.deepEqual(
    findings.map((f) => `${f.code} ${at(f.range)} ${f.message}`),
    [
      'table.unread 239:15-239:24 「第二十条第（九）项」表的数字未能读取，合计未核对：本部分提到了这张表，但其内容未能读成表格（可能是从 PDF 或网页复制时表格变成了文字）。',
      'table.empty-cell 313:29-313:29 「（六）其他处理」有 1 个单元格未填数字：科研机构（无则填 0）。',
    ],
  );
  // Text as extraction left it is read, never rewritten: no 0 written into the spaces, no row inserted.
  assert.deepEqual(findings[1].fixes, []);
  const cut = lines.filter((l) => !l.includes('（六）其他处理')).join('\n');
  const missing = checkText(cut).filter((f) => f.code === 'table.missing-row');
  assert.ok(missing.length > 0);
  assert.deepEqual(
    missing.flatMap((f) => f.fixes),
    [],
  );
});

test('a space-aligned row with fewer numbers than columns and no column to tell: not read by position, and said', () => {
  const findings = checkText(layout('上海市人民政府办公厅_2019')).filter((f) => f.code === 'table.unread' && f.range.start.line === 230);
  assert.match(findings[0].message, /^「收到和处理政府信息公开申请情况」表的数字未能读取，合计未核对：有 15 行的数字个数与列数不符/);
});

test('space-aligned tables are read in linear time: 200 000 lines of rows and wrapped label fragments', () => {
  const block = ['          1.属于国家秘密', '                       0    0    0      0   0   0   0', '          信息'];
  const lines = ['  三、收到和处理政府信息公开申请情况', ...Array.from({ length: 66_667 }, () => block).flat()];
  const start = performance.now();
  const report = parseReport(lines.join('\n'));
  const seconds = (performance.now() - start) / 1000;
  assert.equal(report.tables[0].rows.length, 66_667);
  assert.ok(seconds < 10, `took ${seconds.toFixed(1)} s`);
});

test('space-aligned: 30 000 label fragments between two rows are read in linear time, each row keeping its own label', () => {
  const lines = [
    '一、本年新收政府信息公开申请数量       20    0     0   0    0  1 21',
    ...Array.from({ length: 30_000 }, () => '          续'),
    '二、上年结转政府信息公开申请数量       0     0     0   0    0  0  0',
    '（七）总计                             20   0    0      0   0   1   21',
  ];
  const start = performance.now();
  const report = parseReport(lines.join('\n'));
  const seconds = (performance.now() - start) / 1000;
  assert.deepEqual(
    report.tables[0].rows.map((r) => r.cells[0].text.length),
    [16 + 30_000, 16, 5],
  );
  assert.ok(seconds < 10, `took ${seconds.toFixed(1)} s`);
});
