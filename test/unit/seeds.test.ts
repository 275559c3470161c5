import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bind } from '../../server/src/engine/bind';
import { parseReport } from '../../server/src/engine/structure';
import type { OutlineNode, Range } from '../../server/src/engine/types';
import { toDocumentSymbols } from '../../server/src/lsp/symbols';
import { fixtureNames, readFixture } from '../support/fixtures';
import { assertWellFormed } from '../support/invariants';
import { symbolOutline } from '../support/outline';
import { seedOutlines } from '../support/seed-outlines';

for (const seed of fixtureNames('seeds')) {
  test(`seed ${seed}: outline`, () => {
    const text = readFixture('seeds', seed);
    const report = parseReport(text);
    assert.deepEqual(symbolOutline(toDocumentSymbols(bind(report))), seedOutlines[seed]);
    assertWellFormed(report, text);
  });

  test(`seed ${seed}: same outline with CRLF line endings`, () => {
    const text = readFixture('seeds', seed);
    assert.deepEqual(parseReport(text.replace(/\n/g, '\r\n')), { ...parseReport(text), eol: '\r\n' });
  });
}

test('seed 000: the part-一 sub-headings are inline headings named up to the first 。', () => {
  const report = parseReport(readFixture('seeds', '000_cf77e8731c91250a.txt'));
  const first = (report.outline[0] as Extract<OutlineNode, { type: 'section' }>).children[0];
  assert.equal(first.type, 'section');
  assert.equal(first.name, '（一）加强组织领导，建立健全工作机制');
  assert.deepEqual(first.type === 'section' && first.selectionRange, range(10, 0, 10, 18));
});

test('seed 003: bold inline headings are named by their bold text', () => {
  const report = parseReport(readFixture('seeds', '003_721881aa274abb1a.txt'));
  const part = report.outline[0];
  assert.equal(part.type === 'section' && part.name, '一、总体情况');
  const first = part.type === 'section' ? part.children[0] : undefined;
  assert.equal(first?.type === 'section' && first.name, '（一）强化工作部署');
  // The range skips the opening ** and stops before 。**.
  assert.deepEqual(first?.type === 'section' && first.selectionRange, range(12, 2, 12, 11));
});

test('seed 003: the #### marker of part 四 does not change its level', () => {
  const report = parseReport(readFixture('seeds', '003_721881aa274abb1a.txt'));
  const names = report.outline.map((n) => n.type === 'section' && n.name);
  assert.deepEqual(names.slice(2, 5), ['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况']);
});

test('seed 003: the broken rows of table 三 stay inside the table', () => {
  const report = parseReport(readFixture('seeds', '003_721881aa274abb1a.txt'));
  const table = report.tables.find((t) => t.rows.some((r) => r.cells[0]?.text === '本年 度办'));
  assert.ok(table);
  assert.equal(table.range.start.line, 44);
  assert.equal(table.range.end.line, 72);
  assert.ok(table.rows.some((r) => r.cells[0]?.text === '理结果'));
});

test('seed 000: blank lines and the ---- separator debris stay inside table 三', () => {
  const report = parseReport(readFixture('seeds', '000_cf77e8731c91250a.txt'));
  const table = report.tables[5];
  assert.equal(table.rows.at(-1)?.kind, 'rule');
  assert.equal(table.rows.at(-2)?.cells[0].text, '四、结转下年度继续办理');
  assert.equal(table.rows.length, 27);
});

test('seed 001: cells keep their column index and exact range', () => {
  const report = parseReport(readFixture('seeds', '001_6ba39ebe6f690d1f.txt'));
  const procurement = report.tables[4].rows.find((r) => r.cells[0].text === '政府集中采购');
  assert.deepEqual(
    procurement?.cells.map((c) => [c.index, c.text]),
    [
      [0, '政府集中采购'],
      [1, '12'],
      [2, '2406.2243'],
      [3, ''],
    ],
  );
  assert.deepEqual(procurement?.cells[2].range, range(33, 10, 33, 19));
});

test('seed 002: the 2008 statistics table is the 附件 and keeps all its indicator rows', () => {
  const report = parseReport(readFixture('seeds', '002_bc6bcd97b1a1f0b8.txt'));
  const appendix = report.outline.at(-1);
  assert.equal(appendix?.type === 'section' && appendix.kind, 'appendix');
  const table = report.tables.at(-1)!;
  assert.equal(table.rows[0].cells[0].text, '统计指标');
  assert.equal(table.rows.at(-1)?.cells[0].text, '(三) 接受培训人员数');
  assert.equal(table.rows.filter((r) => r.kind === 'cells').length, 68);
});

test('seed titles give organ and year', () => {
  const titles = fixtureNames('seeds').map((seed) => {
    const t = parseReport(readFixture('seeds', seed)).title;
    return [t?.organ, t?.year];
  });
  assert.deepEqual(titles, [
    ['隆德县联财镇', 2019],
    ['九皋镇人民政府', 2020],
    ['平罗县陶乐镇人民政府', 2017],
    ['柴河镇人民政府', 2019],
    ['沙坡头区宣和镇', 2021],
  ]);
});

function range(l1: number, c1: number, l2: number, c2: number): Range {
  return { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } };
}
