import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bind } from '../../server/src/engine/bind';
import { applyEdits } from '../../server/src/engine/edits';
import { parseReport } from '../../server/src/engine/structure';
import { convertTable, formatTables, tableAt } from '../../server/src/engine/table-layout';
import { labelCompletions } from '../../server/src/lsp/completion';
import { checkText } from '../../server/src/rules';
import { fixturesDir, joinLines, readFixture } from '../support/fixtures';

const format = (text: string) => applyEdits(text, formatTables(bind(parseReport(text))));
/** Every bound cell's text by table, row and column: what formatting and conversion must keep. */
const values = (text: string) =>
  bind(parseReport(text)).tables.flatMap((t) =>
    [...t.rows.values()].flatMap((r) => [...r.cells.values()].map((c) => `${t.definition.id}/${r.definition.id}/${c.column.id}=${c.cell?.text ?? ''}`)),
  );

test('Markdown tables are aligned by display width: CJK characters count double', () => {
  const text = joinLines('| 信息内容 | 本年处理决定数量 |', '|---|---|', '| 行政处罚 | 14 |', '| 行政强制 | 3 |');
  assert.equal(
    format(text),
    joinLines('| 信息内容 | 本年处理决定数量 |', '| -------- | ---------------- |', '| 行政处罚 | 14               |', '| 行政强制 | 3                |'),
  );
});

test('alignment colons of the separator row are kept', () => {
  assert.equal(format(joinLines('| a | 总计 |', '|:---|---:|', '| 1 | 2 |')), joinLines('| a   | 总计 |', '| :-- | ---: |', '| 1   | 2    |'));
});

test('tab-separated rows lose their trailing empty cells, nothing else', () => {
  const text = readFixture('seeds', '004_5af3a546c32e05da.txt');
  const formatted = format(text).split('\n');
  const before = text.split('\n');
  assert.equal(formatted[30], '行政许可\t0');
  assert.equal(before[30], '行政许可\t0\t\t');
  assert.equal(formatted[44], '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0');
  assert.equal(before[44], '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t');
  // Only table rows changed, and only at their ends.
  formatted.forEach((line, i) => assert.ok(before[i].startsWith(line) && /^[\t ]*$/.test(before[i].slice(line.length)), `line ${i}`));
  assert.equal(formatted.length, before.length);
});

// Formatting every fixture: labels and numbers stay, the findings stay, and a second run changes nothing.
for (const folder of ['seeds', 'corpus', 'rules']) {
  for (const name of readdirSync(join(fixturesDir, folder)).filter((n) => /\.(txt|md)$/.test(n) && n !== 'README.md')) {
    test(`formatting ${folder}/${name} keeps every value and finding and is idempotent`, () => {
      const text = readFixture(folder, name);
      const formatted = format(text);
      assert.deepEqual(values(formatted), values(text));
      assert.deepEqual(
        checkText(formatted).map((f) => `${f.code} ${f.range.start.line}`),
        checkText(text).map((f) => `${f.code} ${f.range.start.line}`),
      );
      assert.equal(format(formatted), formatted);
    });
  }
}

test('converting table 三 of seed 000 to Markdown and back keeps every value', () => {
  const text = readFixture('seeds', '000_cf77e8731c91250a.txt');
  const report = parseReport(text);
  const table = tableAt(report, 60)!;
  const markdown = applyEdits(text, convertTable(report, table, 'pipe'));
  const converted = parseReport(markdown).tables.find((t) => t.range.start.line === 56)!;
  assert.equal(converted.syntax, 'pipe');
  assert.equal(markdown.split('\n')[57], '|---|---|---|---|---|---|---|---|---|---|');
  assert.deepEqual(values(markdown), values(text));
  const back = parseReport(markdown);
  const tsv = applyEdits(markdown, convertTable(back, tableAt(back, 60)!, 'tsv'));
  assert.deepEqual(values(tsv), values(text));
  assert.deepEqual(convertTable(report, table, 'tsv'), []);
});

test('a pipe table converted from a caption line gets the blank line Markdown needs', () => {
  const text = joinLines('二、主动公开政府信息情况', '第二十条第（五）项', '信息内容\t本年处理决定数量', '行政许可\t3');
  const report = parseReport(text);
  assert.equal(
    applyEdits(text, convertTable(report, report.tables[0], 'pipe')),
    joinLines('二、主动公开政府信息情况', '第二十条第（五）项', '', '| 信息内容 | 本年处理决定数量 |', '|---|---|', '| 行政许可 | 3 |'),
  );
});

test('completion of statutory row labels in the label cell: typing 信访 offers 1.信访举报投诉类申请', () => {
  const text = readFixture('seeds', '003_721881aa274abb1a.txt').split('\n');
  text.splice(67, 0, '\t\t信访');
  const bound = bind(parseReport(text.join('\n')));
  const items = labelCompletions(bound, { line: 67, character: 4 });
  const item = items.find((i) => i.label === '1.信访举报投诉类申请');
  assert.ok(item);
  assert.equal(item.filterText, '信访举报投诉类申请');
  assert.deepEqual(item.textEdit, { range: { start: { line: 67, character: 2 }, end: { line: 67, character: 4 } }, newText: '1.信访举报投诉类申请' });
  assert.equal(items.length, 27);
  // Not in a number cell, not outside a table.
  assert.deepEqual(labelCompletions(bound, { line: 47, character: 30 }), []);
  assert.deepEqual(labelCompletions(bound, { line: 10, character: 3 }), []);
});
