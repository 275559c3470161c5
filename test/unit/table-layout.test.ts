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
import { fixtureNames, fixturesDir, joinLines, readFixture } from '../support/fixtures';
import { pipeStops } from '../support/pipe-stops';

const format = (text: string) => applyEdits(text, formatTables(bind(parseReport(text))));
/** Every bound cell's text by table, row and column: what formatting and conversion must keep. */
const values = (text: string) =>
  bind(parseReport(text)).tables.flatMap((t) =>
    [...t.rows.values()].flatMap((r) => [...r.cells.values()].map((c) => `${t.definition.id}/${r.definition.id}/${c.column.id}=${c.cell?.text ?? ''}`)),
  );

test('Markdown tables line up in any font: every cell of a column holds as many full-width glyphs (padded with U+3000) and as many others (padded with spaces)', () => {
  const text = joinLines('| 信息内容 | 本年处理决定数量 |', '|---|---|', '| 行政处罚 | 14 |', '| 行政强制 | 3 |');
  const formatted = format(text).split('\n');
  assert.deepEqual(formatted, [
    '| 信息内容 | 本年处理决定数量   |',
    '| ------- | ---------------- |',
    '| 行政处罚 | 14\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000 |',
    '| 行政强制 | 3\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000  |',
  ]);
  assert.deepEqual(formatted.map(pipeStops), ['0+0 4+3 12+8', '0+0 0+10 0+29', '0+0 4+3 12+8', '0+0 4+3 12+8']);
  // The padding reads as blank: the cells keep their values.
  assert.deepEqual(values(formatted.join('\n')), values(text));
});

test('the separator row keeps its alignment colons, and a cell is padded on the side its alignment leaves free', () => {
  const aligned = format(joinLines('| a | 总计 |', '|:---|---:|', '| 1 | 2 |'));
  assert.equal(aligned, joinLines('| a    |  总计 |', '| :--- | ----: |', '| 1    | \u3000\u30002 |'));
  // Centred cells are padded on both sides.
  const centred = format(joinLines('| 信息内容 | 总计 |', '|:---:|:---:|', '| 行政许可 | 3 |', '| 其他 | 12 |'));
  assert.equal(centred, joinLines('| 信息内容 |  总计  |', '| :-----: | :----: |', '| 行政许可 | \u30003\u3000  |', '| \u3000其他\u3000 | \u300012\u3000 |'));
  // Three dashes besides the colons at least: the row still reads as a separator, not as a row of the table.
  for (const text of [aligned, centred]) assert.equal(parseReport(text).tables[0].rows[1].kind, 'rule');
  // Markdown reads `|:-:|--|` as the delimiter row, the engine as a row of cells: such a table is left as it is.
  const shortDashes = joinLines('| 信息内容 | 总计 |', '|:-:|--|', '| 行政许可 | 3 |');
  assert.equal(format(shortDashes), shortDashes);
});

test('a Markdown table whose rows differ in their cell count (merged cells) is left as it is; the others are aligned', () => {
  const table3 = [
    '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |',
    '|---|---|',
    '| 自然人 | 法人或其他组织 | 总计 |',
    '| 一、本年新收政府信息公开申请数量 | 20 | 0 | 0 | 0 | 0 | 1 | 21 |',
    '| 三、本年度办理结果 | （一）予以公开 | 6 | 0 | 0 | 0 | 0 | 1 | 7 |',
    '| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 6 | 0 | 0 | 0 | 0 | 0 | 6 |',
  ];
  const text = joinLines(
    '二、主动公开政府信息情况',
    '',
    '| 信息内容 | 本年处理决定数量 |',
    '|---|---|',
    '| 行政许可 | 3 |',
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
    ...table3,
  );
  const formatted = format(text).split('\n');
  assert.deepEqual(formatted.slice(8), table3);
  assert.equal(formatted[4], '| 行政许可 | 3\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000 |');
});

test('a Markdown table is laid out whole: its caption rows (第二十条第（一）项) line up with the tables they split', () => {
  const text = joinLines(
    '| 第二十条第（一）项 | | |',
    '|---|---|---|',
    '| 信息内容 | 本年制发件数 | 现行有效件数 |',
    '| 规章 | 0 | 7 |',
    '| 第二十条第（五）项 | | |',
    '| 信息内容 | 本年处理决定数量 | |',
    '| 行政许可 | 396 | |',
  );
  const formatted = format(text).split('\n');
  assert.equal(new Set(formatted.filter((_, i) => i !== 1).map(pipeStops)).size, 1);
});

// Every table of the real reports written as a Markdown table, then formatted: each | stands after the
// same glyphs in every content row, and every value is read back as it was before formatting.
for (const folder of ['seeds', 'corpus']) {
  for (const name of fixtureNames(folder)) {
    test(`the tables of ${folder}/${name} in Markdown line up after formatting`, () => {
      const text = readFixture(folder, name);
      const report = parseReport(text);
      const markdown = applyEdits(
        text,
        report.tables.flatMap((t) => convertTable(report, t, 'pipe')),
      );
      const formatted = format(markdown);
      assert.deepEqual(values(formatted), values(markdown));
      const lines = formatted.split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (!lines[i].startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
        const block = [];
        for (let j = i; lines[j]?.startsWith('|'); j++) if (j !== i + 1) block.push(pipeStops(lines[j]));
        assert.equal(new Set(block).size, 1, `the table at line ${i}`);
      }
    });
  }
}

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

// A row with fewer cells than the table (its merged group label left out, as PDF conversion writes it)
// keeps its numbers in their columns: the missing cells are the leading label cells.
for (const folder of ['seeds', 'corpus']) {
  for (const name of fixtureNames(folder)) {
    test(`converting every table of ${folder}/${name} to Markdown keeps the findings`, () => {
      const text = readFixture(folder, name);
      const report = parseReport(text);
      const markdown = applyEdits(
        text,
        report.tables.flatMap((t) => convertTable(report, t, 'pipe')),
      );
      const findings = (t: string) => checkText(t).map((f) => `${f.code} ${f.message}`);
      assert.deepEqual(findings(markdown), findings(text));
    });
  }
}
