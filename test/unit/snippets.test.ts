import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bind } from '../../server/src/engine/bind';
import { parseReport } from '../../server/src/engine/structure';
import { formatById } from '../../server/src/formats';
import { SNIPPET_FORMATS, snippetFiles, snippets, tableSnippet } from '../../server/src/rules/snippets';
import { renderReport, renderTable } from '../../server/src/template/text';
import { checkText } from '../../server/src/rules';

/** The text a snippet inserts when every tab stop keeps its placeholder. */
const expand = (body: string[]) => body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1');

test('the checked-in snippets/ files are what the format definitions generate (npm run snippets)', () => {
  for (const [name, content] of Object.entries(snippetFiles())) {
    assert.equal(readFileSync(join(__dirname, '..', '..', 'snippets', name), 'utf8'), content, `snippets/${name} is stale: run npm run snippets`);
  }
});

test('typing gr21 offers the 2021 report and each of its tables; gr19 the 2019 ones', () => {
  const prefixes = Object.values(snippets('tsv'))
    .map((s) => s.prefix)
    .filter((p) => p.startsWith('gr1') || p.startsWith('gr2'));
  assert.deepEqual(prefixes, [
    'gr21-report',
    'gr21-art20-1',
    'gr21-art20-5',
    'gr21-art20-6',
    'gr21-art20-8',
    'gr21-table3',
    'gr21-table4',
    'gr19-report',
    'gr19-art20-1',
    'gr19-art20-5',
    'gr19-art20-6',
    'gr19-art20-8',
    'gr19-art20-9',
    'gr19-table3',
    'gr19-table4',
  ]);
});

test('VS Code lists each snippet under a name other than its prefix, and its description says what it inserts', () => {
  const listed = Object.entries(snippets('pipe')).filter(([, s]) => !s.prefix.startsWith('gr19'));
  assert.deepEqual(
    listed.map(([name, s]) => [s.prefix, name, s.description]),
    [
      ['gr-disable-next-line', '停用下一行的某条检查 / Disable a rule for the next line', '停用下一行的某条检查 / Disable a rule for the next line'],
      ['gr-disable-line', '停用本行的某条检查 / Disable a rule for this line', '停用本行的某条检查 / Disable a rule for this line'],
      ['gr-disable', '停用一段范围内的某条检查 / Disable a rule for a range', '停用一段范围内的某条检查 / Disable a rule for a range'],
      ['gr-disable-file', '停用整个文件的某条检查 / Disable a rule for the whole file', '停用整个文件的某条检查 / Disable a rule for the whole file'],
      ['gr21-report', '2021年版年度报告全文框架', '插入2021年版年度报告全文框架：标题、导语、六个部分和 6 张法定表格'],
      [
        'gr21-art20-1',
        '2021年版第二十条第（一）项表',
        '插入2021年版第二十条第（一）项表（行：规章、行政规范性文件；列：本年制发件数、本年废止件数、现行有效件数）',
      ],
      ['gr21-art20-5', '2021年版第二十条第（五）项表', '插入2021年版第二十条第（五）项表（行：行政许可；列：本年处理决定数量）'],
      ['gr21-art20-6', '2021年版第二十条第（六）项表', '插入2021年版第二十条第（六）项表（行：行政处罚、行政强制；列：本年处理决定数量）'],
      ['gr21-art20-8', '2021年版第二十条第（八）项表', '插入2021年版第二十条第（八）项表（行：行政事业性收费；列：本年收费金额（单位：万元））'],
      ['gr21-table3', '2021年版表三：收到和处理政府信息公开申请情况', '插入2021年版表三：收到和处理政府信息公开申请情况（30 行 × 7 列）'],
      ['gr21-table4', '2021年版表四：政府信息公开行政复议、行政诉讼情况', '插入2021年版表四：政府信息公开行政复议、行政诉讼情况（1 行 × 15 列）'],
    ],
  );
  const table3 = Object.values(snippets('tsv')).find((s) => s.prefix === 'gr19-table3')!;
  // The description counts the statutory rows and columns; the body is the official template's grid: three header
  // rows, a line for each of the 23 rows with numbers (the 4 heading rows without numbers span their items), every
  // line three label columns and the 7 value columns wide.
  assert.equal(table3.description, '插入2019年版表三：收到和处理政府信息公开申请情况（27 行 × 7 列）');
  assert.deepEqual([table3.body.length, ...new Set(table3.body.map((line) => line.split('\t').length))], [3 + 23, 3 + 7]);
});

for (const id of SNIPPET_FORMATS) {
  const format = formatById(id);
  for (const syntax of ['tsv', 'pipe'] as const) {
    test(`${id} (${syntax}): the report snippet, as inserted, reports nothing`, () => {
      const report = Object.values(snippets(syntax)).find((s) => s.prefix === `gr${id.slice(2)}-report`)!;
      assert.deepEqual(
        checkText(expand(report.body)).map((f) => f.message),
        [],
      );
    });

    for (const table of format.tables) {
      test(`${id} (${syntax}) ${table.name}: the table snippet inserted into a report that lacks it reads back as that statutory table`, () => {
        const complete = renderReport(format, { organ: '某某县人民政府', year: format.years.from!, syntax, number: () => '0' });
        const tableText = renderTable(table, { syntax, number: () => '0' }).join('\n');
        const withoutTable = complete.join('\n').replace(tableText, '');
        assert.notEqual(withoutTable, complete.join('\n'));
        assert.ok(checkText(withoutTable).some((f) => f.code === 'table.missing'));
        const inserted = complete.join('\n').replace(tableText, expand(tableSnippet(format, table, syntax).body));
        const findings = checkText(inserted).filter((f) => f.code.startsWith('table.') || f.code.startsWith('part.'));
        assert.deepEqual(
          findings.map((f) => f.message),
          [],
        );
        // Every row with numbers is bound (a heading row without numbers is a label spanning its items).
        const bound = bind(parseReport(inserted)).tables.find((t) => t.definition.id === table.id)!;
        assert.deepEqual(
          [...bound.rows.keys()],
          table.rows.filter((r) => r.values).map((r) => r.id),
        );
      });
    }
  }
}
