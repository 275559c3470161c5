import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { bind } from '../../server/src/engine/bind';
import { parseReport } from '../../server/src/engine/structure';
import type { OutlineNode } from '../../server/src/engine/types';
import { toDocumentSymbols } from '../../server/src/lsp/symbols';
import { joinLines, readFixture } from '../support/fixtures';

/** name (children…) in a compact form for readable expectations. */
function tree(nodes: OutlineNode[]): string[] {
  return nodes.map((n) => (n.type === 'table' ? `[${n.name}]` : n.children.length ? `${n.name} (${tree(n.children).join(', ')})` : n.name));
}

test('levels nest by numbering: 一、 > （一） > 1. > （1）', () => {
  const report = parseReport(
    joinLines('一、总体情况', '（一）主动公开', '1.用权公开', '（1）权责清单', '（2）标准化', '2.政策解读', '（二）依申请公开', '二、主动公开政府信息情况'),
  );
  assert.deepEqual(tree(report.outline), [
    '一、总体情况 (（一）主动公开 (1.用权公开 (（1）权责清单, （2）标准化), 2.政策解读), （二）依申请公开)',
    '二、主动公开政府信息情况',
  ]);
});

test('a section spans from its heading to its last non-blank line', () => {
  const report = parseReport(joinLines('一、总体情况', '', '正文第一段。', '', '', '二、主动公开政府信息情况', '正文', ''));
  const [first, second] = report.outline;
  assert.deepEqual(first.range, { start: { line: 0, character: 0 }, end: { line: 2, character: 6 } });
  assert.deepEqual(second.range, { start: { line: 5, character: 0 }, end: { line: 6, character: 2 } });
});

test('a part number that does not move forward is not a part heading', () => {
  const report = parseReport(
    joinLines(
      '一、总体情况',
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量',
      '三、本年度办理结果',
      '四、政府信息公开行政复议、行政诉讼情况',
    ),
  );
  assert.deepEqual(tree(report.outline), ['一、总体情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
});

test('table rows are never headings, and a table is a child of its section', () => {
  const report = parseReport(
    joinLines(
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量\t0\t0',
      '三、本 年度 办理 结果\t(一) 予以公开\t0',
      '四、结转下年度继续办理\t0\t0',
      '四、政府信息公开行政复议、行政诉讼情况',
    ),
  );
  assert.deepEqual(tree(report.outline), [
    '三、收到和处理政府信息公开申请情况 ([一、本年新收政府信息公开申请数量 0 0])',
    '四、政府信息公开行政复议、行政诉讼情况',
  ]);
});

test('a numbered line between two table rows is table debris, not a heading', () => {
  const report = parseReport(joinLines('三、收到和处理政府信息公开申请情况', '1.属于国家秘密\t0\t0', '（四）无', '2.没有现成信息需要另行制作\t0\t0'));
  assert.deepEqual(tree(report.outline), ['三、收到和处理政府信息公开申请情况 ([1.属于国家秘密 0 0])']);
  assert.deepEqual(
    report.tables[0].rows.map((r) => r.kind),
    ['cells', 'debris', 'cells'],
  );
});

test('captions split one tab-separated block into tables, with or without their own tabs', () => {
  const report = parseReport(
    joinLines(
      '二、主动公开政府信息情况',
      '第二十条第（一）项\t\t\t',
      '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      '规章\t0\t0\t0',
      '第二十条第（五）项',
      '',
      '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
      '行政许可\t0\t0\t0',
    ),
  );
  assert.deepEqual(tree(report.outline), ['二、主动公开政府信息情况 ([第二十条第（一）项], [第二十条第（五）项])']);
  assert.deepEqual(
    report.tables.map((t) => [t.range.start.line, t.range.end.line, t.rows.length]),
    [
      [1, 3, 2],
      [4, 7, 2],
    ],
  );
});

test('blank lines inside a table do not end it; a paragraph does', () => {
  const report = parseReport(joinLines('a\t1', '', 'b\t2', '', '上表为本年度主动公开政府信息的数量，下表为依申请公开的情况。', '', 'c\t3', 'd\t4'));
  assert.deepEqual(
    report.tables.map((t) => t.rows.map((r) => r.cells[0].text)),
    [
      ['a', 'b'],
      ['c', 'd'],
    ],
  );
});

test('a cell fragment that conversion put on a line of its own stays in the table', () => {
  const report = parseReport(joinLines('a\t1', '形，不计其他情形）', 'b\t2', '', '（四）无', '', 'c\t3'));
  assert.deepEqual(
    report.tables.map((t) => t.rows.map((r) => [r.kind, r.cells[0].text])),
    [
      [
        ['cells', 'a'],
        ['debris', '形，不计其他情形）'],
        ['cells', 'b'],
        ['debris', '（四）无'],
        ['cells', 'c'],
      ],
    ],
  );
});

test('a prose line with a stray tab is not a table', () => {
  const report = parseReport(joinLines('一、总体情况', '本年度工作顺利完成。\t', '二、主动公开政府信息情况'));
  assert.equal(report.tables.length, 0);
});

test('a line of nothing but tabs is a row of blank cells in a table, and no table on its own', () => {
  const blankRow = '\t'.repeat(14);
  const report = parseReport(
    joinLines('四、政府信息公开行政复议、行政诉讼情况', '行政复议\t\t\t\t\t行政诉讼', blankRow, '', blankRow, '五、存在的主要问题及改进情况'),
  );
  assert.deepEqual(
    report.tables.map((t) => t.rows.map((r) => r.cells.length)),
    [[6, 15, 15]],
  );
  assert.equal(parseReport(joinLines('一、总体情况', blankRow, blankRow, '二、主动公开政府信息情况')).tables.length, 0);
});

test('Markdown pipe tables', () => {
  const report = parseReport(joinLines('四、政府信息公开行政复议、行政诉讼情况', '', '| 结果维持 | 结果纠正 | 总计 |', '|---|---|---|', '| 0 | 1 | 1 |'));
  assert.equal(report.tables.length, 1);
  assert.equal(report.tables[0].syntax, 'pipe');
  assert.deepEqual(
    report.tables[0].rows.map((r) => r.kind),
    ['cells', 'rule', 'cells'],
  );
  assert.deepEqual(tree(report.outline), ['四、政府信息公开行政复议、行政诉讼情况 ([结果维持 结果纠正 总计])']);
});

test('the title: one line, or split over two Markdown headings; organ and year', () => {
  const one = parseReport(joinLines('', '九皋镇人民政府2020年政府信息公开工作年度报告', '', '一、总体情况'));
  assert.deepEqual(
    [one.title?.text, one.title?.organ, one.title?.year, one.title?.range.start.line],
    ['九皋镇人民政府2020年政府信息公开工作年度报告', '九皋镇人民政府', 2020, 1],
  );
  const two = parseReport(joinLines('# 柴河镇人民政府', '', '## 2019 年度政府信息公开工作年度报告', '正文。', '### 一、总体情况'));
  assert.deepEqual([two.title?.text, two.title?.organ, two.title?.year], ['柴河镇人民政府 2019 年度政府信息公开工作年度报告', '柴河镇人民政府', 2019]);
  assert.deepEqual(two.title?.extent, { start: { line: 0, character: 2 }, end: { line: 3, character: 3 } });
  const yearFirst = parseReport('2019年上海市人民政府办公厅政府信息公开工作年度报告');
  assert.equal(yearFirst.title?.organ, '上海市人民政府办公厅');
});

test('a standalone 附件 starts the appendix; an attachment list line in the body does not', () => {
  const report = parseReport(
    joinLines(
      '八、存在的问题',
      '正文。',
      '附件：政府信息公开情况统计表',
      '平罗县陶乐镇人民政府',
      '附件',
      '政府信息公开情况统计表',
      '统计指标\t单位\t统计数',
      '一、主动公开情况\t——\t',
    ),
  );
  assert.deepEqual(tree(report.outline), ['八、存在的问题', '附件 政府信息公开情况统计表 ([政府信息公开情况统计表])']);
  assert.equal(report.outline[0].range.end.line, 3);
});

test('empty and whitespace-only documents have an empty outline', () => {
  for (const text of ['', '\n\n', ' \u3000\r\n']) {
    const report = parseReport(text);
    assert.deepEqual([report.outline, report.tables, report.title], [[], [], undefined]);
  }
});

/** The outline's table names, in document order, as the editor shows them. */
function tableSymbolNames(text: string): string[] {
  const names: string[] = [];
  const visit = (symbols: DocumentSymbol[]) =>
    symbols.forEach((s) => {
      if (s.kind === SymbolKind.Struct) names.push(s.name);
      visit(s.children ?? []);
    });
  visit(toDocumentSymbols(bind(parseReport(text))));
  return names;
}

test('the outline names a statutory table as the statute does, in every era; any other table by its caption or header words', () => {
  // 2019: the caption of each 第二十条 table, then 表三 and 表四 by their parts.
  assert.deepEqual(tableSymbolNames(readFixture('seeds', '001_6ba39ebe6f690d1f.txt')), [
    '第二十条第（一）项',
    '第二十条第（五）项',
    '第二十条第（六）项',
    '第二十条第（八）项',
    '第二十条第（九）项',
    '表三 收到和处理政府信息公开申请情况',
    '表四 政府信息公开行政复议、行政诉讼情况',
  ]);
  // 2021: the caption as the statute writes it (第二十条 第（一）项 in the report), without 第（九）项.
  assert.deepEqual(tableSymbolNames(readFixture('corpus', '淮安市人民政府_2024.txt')), [
    '第二十条第（一）项',
    '第二十条第（五）项',
    '第二十条第（六）项',
    '第二十条第（八）项',
    '表三 收到和处理政府信息公开申请情况',
    '表四 政府信息公开行政复议、行政诉讼情况',
  ]);
  // 2008: the 统计表, whatever its header says (指标名称 计量单位 2016年度 历年累计).
  assert.deepEqual(tableSymbolNames(readFixture('corpus', '平潭综合实验区_2016.txt')), ['政府信息公开情况统计表']);
  // Not a table of the statute: its header words.
  assert.deepEqual(tableSymbolNames(joinLines('一、总体情况', '', '项目\t数量', '培训\t3')), ['项目 数量']);
});
