import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bind } from '../../server/src/engine/bind';
import { parseReport } from '../../server/src/engine/structure';
import { formatById, type FormatDefinition, type TableDefinition } from '../../server/src/formats';
import { checkText } from '../../server/src/rules';
import { renderReport, renderTable, type TemplateOptions } from '../../server/src/template/text';

const FORMATS = ['2008', '2019', '2021'] as const;
const SYNTAXES: TemplateOptions['syntax'][] = ['tsv', 'pipe'];

function render(format: FormatDefinition, syntax: TemplateOptions['syntax'], number: () => string): string {
  return renderReport(format, { organ: '某某县人民政府', year: format.years.from ?? format.years.to!, syntax, number }).join('\n') + '\n';
}

/** The statutory rows that have numbers: each has a row of its own in the template (a heading row without numbers is a label spanning its items). */
const rowsWithNumbers = (table: TableDefinition) => table.rows.filter((r) => r.values);
const numberColumns = (table: TableDefinition) => table.columns.filter((c) => c.kind !== 'text');

/** Each table's value cells as bound, row by row in statutory order, column by column; undefined for a table not bound. */
function boundValues(text: string, format: FormatDefinition): Map<string, (string | undefined)[] | undefined> {
  const bound = bind(parseReport(text));
  return new Map(
    format.tables.map((table) => {
      const tableBound = bound.tables.find((t) => t.definition.id === table.id);
      const values =
        tableBound && rowsWithNumbers(table).flatMap((row) => numberColumns(table).map((c) => tableBound.rows.get(row.id)?.cells.get(c.id)?.cell?.text));
      return [table.id, values];
    }),
  );
}

test('table 三 is the official template as a reader gives it: merged cells in their top-left place, the places they cover empty', () => {
  const table = formatById('2021').tables.find((t) => t.id === 'applications')!;
  assert.deepEqual(renderTable(table, { syntax: 'tsv', number: () => '0' }).slice(0, 8), [
    // The 勾稽 note over the three label columns and the three header rows; 申请人情况 over the seven value columns.
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t',
    // 自然人 and 总计 span two header rows, 法人或其他组织 its five kinds.
    '\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
    '\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
    '一、本年新收政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0',
    '二、上年结转政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0',
    // 三、本年度办理结果 spans its outcome rows, （三）不予公开 its items: a heading row without numbers has no row of its own.
    '三、本年度办理结果\t（一）予以公开\t\t0\t0\t0\t0\t0\t0\t0',
    '\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t0\t0\t0\t0\t0\t0\t0',
    '\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0',
  ]);
});

test('table 四 as a Markdown table: 行政诉讼 over its two kinds of suit, each over its five results, laid out as Format Document lays it out', () => {
  const table = formatById('2021').tables.find((t) => t.layout === 'single-row')!;
  const lines = renderTable(table, { syntax: 'pipe', number: () => '0' });
  const cells = (line: string) =>
    line
      .slice(2, -2)
      .split(' | ')
      .map((c) => c.trim().replace(/\u3000/g, ''));
  assert.deepEqual(lines.map(cells), [
    ['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''],
    [
      '--------',
      '--------',
      '--------',
      '--------',
      '-----',
      '---------------',
      '--------',
      '--------',
      '--------',
      '----',
      '----------',
      '--------',
      '--------',
      '--------',
      '----',
    ],
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
    ['', '', '', '', '', ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'], ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']],
    new Array<string>(15).fill('0'),
  ]);
  // Every | lines up: each line is as wide, counted in full-width and other glyphs alike.
  assert.equal(new Set(lines.filter((_, i) => i !== 1).map((l) => l.length)).size, 1);
});

test('the 2008 统计表: every row stands alone, a heading row with —— for its unit and no number', () => {
  const table = formatById('2008').tables[0];
  assert.deepEqual(renderTable(table, { syntax: 'tsv', number: () => '0' }).slice(0, 4), [
    '统计指标\t单位\t统计数',
    '一、主动公开情况\t——\t',
    '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）\t条\t0',
    '其中：主动公开规范性文件数\t条\t0',
  ]);
});

for (const id of FORMATS) {
  const format = formatById(id);
  for (const syntax of SYNTAXES) {
    test(`${id} (${syntax}): the report template with 0 in every cell reads back with no finding`, () => {
      assert.deepEqual(
        checkText(render(format, syntax, () => '0')).map((f) => `${f.code}: ${f.message}`),
        [],
      );
    });

    test(`${id} (${syntax}): every number of the report template binds to its statutory row and column`, () => {
      let next = 1;
      const values = boundValues(
        render(format, syntax, () => String(next++)),
        format,
      );
      for (const table of format.tables) {
        const cells = values.get(table.id);
        assert.ok(cells, `${table.name} is not bound`);
        // The template fills its cells in order: a table's numbers, row by row, run on by one.
        const first = Number(cells[0]);
        assert.deepEqual(
          cells,
          cells.map((_, i) => String(first + i)),
          table.name,
        );
      }
    });

    test(`${id} (${syntax}): the report template with blank cells (as 插入法定表格 leaves them) binds every table, each found empty once`, () => {
      const text = render(format, syntax, () => '');
      const findings = checkText(text);
      assert.deepEqual(
        findings.map((f) => f.code),
        format.tables.map(() => 'table.empty-cell'),
      );
      for (const [table, cells] of boundValues(text, format))
        assert.deepEqual(
          cells?.length,
          rowsWithNumbers(format.tables.find((t) => t.id === table)!).length * numberColumns(format.tables.find((t) => t.id === table)!).length,
          table,
        );
    });
  }
}
