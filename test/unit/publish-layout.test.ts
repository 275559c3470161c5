import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/rules';
import { layoutReport } from '../../server/src/publish/layout';
import type { LayoutBlock, LayoutCell, LayoutTable, Mark, PublishedReport } from '../../server/src/publish/model';
import { fixtureNames, joinLines, readFixture } from '../support/fixtures';

function publish(text: string): PublishedReport {
  const { bound, findings } = analyze(text);
  return layoutReport(bound, findings);
}

function tables(published: PublishedReport): LayoutTable[] {
  return published.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
}

function tableOf(published: PublishedReport, definition: string): LayoutTable {
  const table = tables(published).find((t) => t.definition === definition);
  assert.ok(table, `no table ${definition}`);
  return table;
}

/** A row as `[text rs×cs]` per cell. */
function gridRow(cells: readonly LayoutCell[]): string {
  return cells.map((c) => `[${c.text} ${c.rowSpan}×${c.colSpan}]`).join('');
}

/** The label cells of each body row (the cells left of the values). */
function labelCells(table: LayoutTable, values: number): string[] {
  return table.rows.slice(table.headerRows).map((cells) => gridRow(cells.slice(0, cells.length - values)));
}

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const APPLICATIONS_HEADER = [
  `[${NOTE} 3×3][申请人情况 1×7]`,
  '[自然人 2×1][法人或其他组织 1×5][总计 2×1]',
  '[商业企业 1×1][科研机构 1×1][社会公益组织 1×1][法律服务机构 1×1][其他 1×1]',
];

test('table 三 of a 2019 report: the official header, 三、本年度办理结果 and （三）–（五） spanning their rows, the values as written', () => {
  const table = tableOf(publish(readFixture('seeds', '000_cf77e8731c91250a.txt')), 'applications');
  assert.equal(table.columns, 10);
  assert.equal(table.headerRows, 3);
  assert.deepEqual(table.rows.slice(0, 3).map(gridRow), APPLICATIONS_HEADER);
  assert.deepEqual(labelCells(table, 7), [
    '[一、本年新收政府信息公开申请数量 1×3]',
    '[二、上年结转政府信息公开申请数量 1×3]',
    '[三、本年度办理结果 20×1][(一) 予以公开 1×2]',
    '[(二) 部分公开（区分处理的，只计这一情形，不计其他情形） 1×2]',
    '[（三）不予公开 8×1][1.属于国家秘密 1×1]',
    '[2.其他法律行政法规禁止公开 1×1]',
    '[3.危及“三安全一稳定” 1×1]',
    '[4.保护第三方合法权益 1×1]',
    '[5.属于三类内部事务信息 1×1]',
    '[6.属于四类过程性信息 1×1]',
    '[7.属于行政执法案卷 1×1]',
    '[8.属于行政查询事项 1×1]',
    '[（四）无法提供 3×1][1.本机关不掌握相关政府信息 1×1]',
    '[2.没有现成信息需要另行制作 1×1]',
    '[3.补正后申请内容仍不明确 1×1]',
    '[（五）不予处理 5×1][1.信访举报投诉类申请 1×1]',
    '[2.重复申请 1×1]',
    '[3.要求提供公开出版物 1×1]',
    '[4.无正当理由大量反复申请 1×1]',
    '[5.要求行政机关确认或重新出具已获取信息 1×1]',
    '[(六) 其他处理 1×2]',
    '[(七) 总计 1×2]',
    '[四、结转下年度继续办理 1×3]',
  ]);
  const first = tableOf(publish(readFixture('rules', '2019-tsv-row-total.txt')), 'applications').rows[3];
  assert.deepEqual(
    first.map((c) => c.text),
    ['一、本年新收政府信息公开申请数量', '3', '1', '0', '0', '0', '0', '4'],
  );
  assert.deepEqual(first[1].range, { start: { line: 59, character: 18 }, end: { line: 59, character: 19 } });
});

test('table 三 of a 2021 report: （五）不予处理 spans the items written, 三、本年度办理结果 its 15 rows; rows the report lacks are left out', () => {
  const table = tableOf(publish(readFixture('seeds', '004_5af3a546c32e05da.txt')), 'applications');
  assert.deepEqual(table.rows.slice(0, 3).map(gridRow), APPLICATIONS_HEADER);
  const labels = labelCells(table, 7);
  assert.equal(labels[2], '[三、本年度办理结果 15×1][(一) 予以公开 1×2]');
  // The seed stops after 2.重复申请: the statutory rows after it are not in the published table either.
  assert.deepEqual(labels.slice(15), ['[（五）不予处理 2×1][1.信访举报投诉类申请 1×1]', '[2.重复申请 1×1]']);
  assert.equal(table.rows.length, 20);
  assert.ok(table.rows[19].every((c) => c.range));
});

test('table 四: 行政复议 over five columns, 行政诉讼 over 未经复议直接起诉 and 复议后起诉, one row of numbers', () => {
  const table = tableOf(publish(readFixture('rules', '2019-tsv-row-total.txt')), 'review-litigation');
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  assert.equal(table.columns, 15);
  assert.equal(table.headerRows, 3);
  assert.deepEqual(table.rows.map(gridRow), [
    '[行政复议 1×5][行政诉讼 1×10]',
    results.map((r) => `[${r} 2×1]`).join('') + '[未经复议直接起诉 1×5][复议后起诉 1×5]',
    [...results, ...results].map((r) => `[${r} 1×1]`).join(''),
    Array.from({ length: 15 }, () => '[0 1×1]').join(''),
  ]);
  assert.ok(table.rows[3].every((c) => c.range && c.align === 'center' && !c.header));
});

test('a 第二十条 table: its caption, a header row under 信息内容, a row per statutory row', () => {
  const table = tableOf(publish(readFixture('seeds', '000_cf77e8731c91250a.txt')), 'article20-6');
  assert.equal(table.caption, '第二十条第（六）项');
  assert.equal(table.name, '第二十条第（六）项');
  assert.deepEqual(table.rows.map(gridRow), [
    '[信息内容 1×1][上一年项目数量 1×1][本年增/减 1×1][处理决定数量 1×1]',
    '[行政处罚 1×1][0 1×1][0 1×1][0 1×1]',
    '[行政强制 1×1][0 1×1][0 1×1][0 1×1]',
  ]);
});

test('the 2008 统计表: 统计指标, 单位 and 统计数, the indicators written with their 单位 as written, rows the statute lacks after its rows', () => {
  const table = tableOf(publish(readFixture('corpus', '平潭综合实验区_2013.txt')), 'statistics');
  assert.equal(gridRow(table.rows[0]), '[统计指标 1×1][单位 1×1][统计数 1×1]');
  assert.deepEqual(table.rows.slice(1, 3).map(gridRow), ['[主动公开信息数 1×1][条 1×1][72804 1×1]', '[1.政府公报公开政府信息数 1×1][条 1×1][0 1×1]']);
  // 13 statutory rows written, in statutory order (网站公开 is 2.政府网站公开政府信息数, 受理依申请公开信息总数 is （一）收到申请数),
  // no heading row the report lacks; then the report's own: its 单位 in the 单位 column, its 历年累计 column left out as bind leaves it.
  assert.deepEqual(table.rows.slice(3, 5).map(gridRow), ['[其中：1、网站公开 1×1][条 1×1][72804 1×1]', '[受理依申请公开信息总数 1×1][条 1×1][0 1×1]']);
  assert.equal(gridRow(table.rows[13]), '[五、行政诉讼数量 1×1][件 1×1][0 1×1]');
  assert.deepEqual(table.rows.slice(14).map(gridRow), [
    '[3、电子邮件申请数 1×1][条 1×1][0 1×1]',
    '[4、网上申请数 1×1][条 1×1][0 1×1]',
    '[行政申诉、举报数 1×1][件 1×1][0 1×1]',
  ]);
});

test('rows of the other era are appended after the statutory rows with their numbers', () => {
  const table = tableOf(publish(readFixture('rules', '2019-with-2021-rows.txt')), 'applications');
  const rows = table.rows.slice(-4).map((cells) => cells.map((c) => c.text).join('|'));
  assert.deepEqual(rows, [
    '四、结转下年度继续办理|0|0|0|0|0|0|0',
    '(六) 其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请|0|0|0|0|0|0|0',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请|0|0|0|0|0|0|0',
    '3.其他|0|0|0|0|0|0|0',
  ]);
  assert.ok(table.rows.slice(-3).every((cells) => cells[0].colSpan === 3 && cells[0].range));
});

test('a wrong total: its cell carries the table.sum-mismatch mark, the title and parts their own findings', () => {
  const published = publish(readFixture('rules', '2019-tsv-row-total.txt'));
  const table = tableOf(published, 'applications');
  const marked = table.rows.flat().filter((c) => c.marks.length > 0);
  assert.deepEqual(
    marked.map((c) => [c.text, c.range?.start, c.marks.map((m) => [m.code, m.severity])]),
    [
      ['5', { line: 61, character: 31 }, [['table.sum-mismatch', 'error']]],
      ['4', { line: 81, character: 19 }, [['table.sum-mismatch', 'error']]],
    ],
  );
  assert.match(marked[0].marks[0].message, /4/);
  const heading = published.blocks.find((b): b is Extract<LayoutBlock, { kind: 'heading' }> => b.kind === 'heading' && b.text.startsWith('五、'));
  assert.deepEqual(
    heading?.marks.map((m) => m.code),
    ['part.missing', 'part.title'],
  );
  assert.equal(published.errors, 3);
});

test('text: the title, headings at their numbering level, an inline heading split from its paragraph, Markdown markers left out', () => {
  const published = publish(
    joinLines(
      '# 某县人民政府2021年政府信息公开工作年度报告',
      '',
      '本报告统计期限自2021年1月1日起至2021年12月31日止。',
      '',
      '## 一、总体情况',
      '',
      '**（一）主动公开。**本年主动公开信息10条。',
      '1.制度建设',
      '正文一行',
    ),
  );
  assert.equal(published.format, '2021');
  assert.equal(published.title?.text, '某县人民政府2021年政府信息公开工作年度报告');
  assert.deepEqual(
    published.blocks.map((b) =>
      b.kind === 'table'
        ? ['table']
        : [b.kind, b.kind === 'heading' ? b.level : 0, b.text, `${b.range.start.line}:${b.range.start.character}-${b.range.end.character}`],
    ),
    [
      ['paragraph', 0, '本报告统计期限自2021年1月1日起至2021年12月31日止。', '2:0-32'],
      ['heading', 1, '一、总体情况', '4:3-9'],
      ['heading', 2, '（一）主动公开。', '6:2-10'],
      ['paragraph', 0, '本年主动公开信息10条。', '6:12-24'],
      ['heading', 3, '1.制度建设', '7:0-6'],
      ['paragraph', 0, '正文一行', '8:0-4'],
    ],
  );
});

test('a table of no statutory format: its rows of cells, the first row its header, short rows filled out', () => {
  const table = tables(publish(joinLines('标题报告', '', '项目\t数量\t备注', '甲\t1', '乙\t2\t说明')))[0];
  assert.equal(table.definition, undefined);
  assert.equal(table.headerRows, 1);
  assert.deepEqual(table.rows.map(gridRow), ['[项目 1×1][数量 1×1][备注 1×1]', '[甲 1×1][1 1×2]', '[乙 1×1][2 1×1][说明 1×1]']);
});

const reports = [...fixtureNames('seeds').map((name) => ['seeds', name]), ...fixtureNames('corpus').map((name) => ['corpus', name])];

test('every seed and corpus report lays out: every bound value once, every row as wide as the table, every finding marked once', () => {
  for (const [folder, name] of reports) {
    const { bound, findings } = analyze(readFixture(folder, name));
    const published = layoutReport(bound, findings);
    const cells = tables(published).flatMap((t) => t.rows.flat());
    const at = (range: { start: { line: number; character: number } }) => `${range.start.line}:${range.start.character}`;
    const byStart = new Map<string, LayoutCell[]>();
    for (const cell of cells) if (cell.range) byStart.set(at(cell.range), [...(byStart.get(at(cell.range)) ?? []), cell]);
    for (const table of bound.tables)
      for (const row of table.rows.values())
        for (const { cell } of row.cells.values()) {
          if (!cell || cell.text === '') continue;
          const found = byStart.get(at(cell.range)) ?? [];
          assert.deepEqual(
            found.map((c) => c.text),
            [cell.text],
            `${name}: ${cell.text} at ${at(cell.range)}`,
          );
        }
    for (const table of tables(published)) assertColumns(table, name);
    const nodes: { marks: Mark[] }[] = published.blocks.flatMap((b): { marks: Mark[] }[] => (b.kind === 'table' ? b.table.rows.flat() : [b]));
    if (published.title) nodes.push(published.title);
    const marks = nodes.reduce((n, node) => n + node.marks.length, 0);
    assert.equal(marks, findings.length, `${name}: marks`);
  }
});

/** Every row's cells, with the cells spanning into it from rows above, cover the table's columns exactly. */
function assertColumns(table: LayoutTable, name: string): void {
  const covered: number[] = new Array(table.rows.length).fill(0);
  table.rows.forEach((row, r) => {
    for (const cell of row) for (let k = 0; k < cell.rowSpan; k++) covered[r + k] += cell.colSpan;
  });
  assert.equal(covered.length, table.rows.length, `${name} ${table.name}: a row span reaches past the table`);
  assert.deepEqual(
    covered,
    table.rows.map(() => table.columns),
    `${name} ${table.name}`,
  );
}
