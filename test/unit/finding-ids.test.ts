import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bind } from '../../server/src/engine/bind';
import { applyEdits } from '../../server/src/engine/edits';
import { parseReport } from '../../server/src/engine/structure';
import { convertTable, formatTables } from '../../server/src/engine/table-layout';
import { analyzeAll, checkAcrossReports, type Finding } from '../../server/src/rules';
import { reportSummary } from '../../server/src/rules/summary';
import { REPEAT_MARK } from '../../server/src/rules/finding-id';
import { fixturesDir, readFixture } from '../support/fixtures';

const ids = (text: string) => analyzeAll(text).findings.map((f) => String(f.data.id));
const sorted = (list: string[]) => [...list].sort();

/** The text with every table written as a Markdown pipe table. */
function toMarkdownTables(text: string): string {
  const report = parseReport(text);
  return applyEdits(
    text,
    report.tables.flatMap((table) => convertTable(report, table, 'pipe')),
  );
}

/** The text after Format Document. */
function formatDocument(text: string): string {
  return applyEdits(text, formatTables(bind(parseReport(text))));
}

for (const folder of ['rules', 'seeds', 'corpus']) {
  for (const name of readdirSync(join(fixturesDir, folder))
    .filter((n) => /\.(txt|md)$/.test(n) && n !== 'README.md')
    .sort()) {
    const text = readFixture(folder, name);
    test(`${folder}/${name}: every finding has its own id, named by what it is about, not by a repeat ordinal`, () => {
      const found = ids(text);
      assert.deepEqual(
        found.filter((id, i) => found.indexOf(id) !== i),
        [],
      );
      assert.deepEqual(
        found.filter((id) => id.includes(REPEAT_MARK)),
        [],
      );
    });
    test(`${folder}/${name}: the ids stay the same after Format Document and after converting the tables to Markdown`, () => {
      const before = sorted(ids(text));
      assert.deepEqual(sorted(ids(formatDocument(text))), before, 'Format Document');
      assert.deepEqual(sorted(ids(toMarkdownTables(text))), before, 'tables converted to Markdown');
    });
  }
}

test('ids name the rule, the organ, the year, the table, the row, the column and the definition rule', () => {
  const findings = analyzeAll(readFixture('corpus', '平潭综合实验区_2020.txt')).findings;
  const sums = findings.filter((f: Finding) => f.code === 'table.sum-mismatch').map((f) => f.data.id);
  assert.ok(sums.length > 0);
  for (const id of sums) assert.match(String(id), /^table\.sum-mismatch\/平潭综合实验区\/2020\/[a-z_]+\/[a-z_.]+\/[a-z_]+\/[a-z0-9]+$/);
});

test('a corner total wrong both ways: its row check (a2) and its column check (a3) share a range but not an id', () => {
  const text = readFixture('corpus', '平潭综合实验区_2020.txt');
  const corner = analyzeAll(text)
    .bound.tables.find((t) => t.definition.id === 'applications')!
    .rows.get('outcome_total')!
    .cells.get('total')!;
  const wrong = applyEdits(text, [{ range: corner.range, newText: '99999' }]);
  const atCorner = analyzeAll(wrong).findings.filter(
    (f) => f.code === 'table.sum-mismatch' && f.range.start.line === corner.range.start.line && f.range.start.character === corner.range.start.character,
  );
  assert.deepEqual(
    atCorner.map((f) => f.data.id),
    [
      'table.sum-mismatch/平潭综合实验区/2020/applications/outcome_total/total/a2',
      'table.sum-mismatch/平潭综合实验区/2020/applications/outcome_total/total/a3',
    ],
  );
});

test('a finding across reports is named by the report it is in, as the others are', () => {
  const report = (year: number, row: string, count: number) =>
    [
      `某某县人民政府${year}年政府信息公开工作年度报告`,
      '',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
      `${row}\t${count}\t0\t0\t0\t0\t0\t${count}`,
    ].join('\n');
  const [before, now] = [report(2022, '四、结转下年度继续办理', 3), report(2023, '二、上年结转政府信息公开申请数量', 5)].map((text, i) => {
    const { bound } = analyzeAll(text);
    return { lines: bound.report.lines, summary: reportSummary(`${i}.txt`, bound) };
  });
  assert.deepEqual(
    checkAcrossReports(now.summary, [before.summary, now.summary], now.lines, {}, 'zh-cn').map((f) => f.data.id),
    ['report.carry-over/某某县人民政府/2023/natural', 'report.carry-over/某某县人民政府/2023/total'],
  );
});
