/**
 * A report read from any of its published forms gives the findings of its text. Corpus reports are
 * rendered as a drafter's files would be (HTML with the statutory merged cells, the Word file, the
 * .doc and the PDF LibreOffice makes of it: narrow columns, wrapped labels and numbers, table 三
 * across a page break), read back with readSource, and checked: the same findings as the text,
 * with the same messages, on a line of the same text.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readSource } from '../../server/src/readers';
import { renderReport } from '../../server/src/readers/render';
import { analyze } from '../../server/src/rules';
import { readFixture } from '../support/fixtures';
import { DOCUMENT_FORMS, renderCorpusDocuments, type RenderedDocuments } from '../support/rendered-documents';

const REPORTS = [
  // 2021 format with table 三 in the 2019 layout, a label typo, and two wrong totals in table 四.
  '淮安市洪泽区人民政府_2023',
  // 2019 format: （七）总计 20 where the outcomes add to 26 (and 21 vs 27), 三、本年度办理结果 written twice.
  '平潭综合实验区_2020',
  // 2008 era: the 统计表 as one table at the end, with a 计量单位 column.
  '平潭综合实验区_2016',
  // A clean 2021-format report with 4-digit numbers and （六）其他处理's three sub-rows.
  '淮安市人民政府_2024',
];

/** A finding as the user sees it, without its range (each form places lines differently). */
interface SeenFinding {
  code: string;
  message: string;
  /** The text the finding's range covers. */
  text: string;
  /** The line it stands on: a table row's non-blank cells, else the line's text. */
  line: string;
}

function findingsOf(text: string): SeenFinding[] {
  const { bound, findings } = analyze(text, { locale: 'zh-cn' });
  const { lines, tables } = bound.report;
  const rows = new Map(tables.flatMap((t) => t.rows).map((r) => [r.line, r]));
  return findings.map((f) => {
    const { start, end } = f.range;
    const row = rows.get(start.line);
    return {
      code: f.code,
      message: f.message,
      text: start.line === end.line ? lines[start.line].slice(start.character, end.character) : lines.slice(start.line, end.line + 1).join('\n'),
      line: row
        ? row.cells
            .map((c) => c.text)
            .filter((t) => t !== '')
            .join(' ‖ ')
        : lines[start.line].trim(),
    };
  });
}

/** Every cell of the statutory tables as bound, `table row column = text`: where a reader puts a number decides what it counts. */
function statutoryCells(text: string): string[] {
  const { bound } = analyze(text, { locale: 'zh-cn' });
  return bound.tables.flatMap((table) =>
    [...table.rows].flatMap(([row, boundRow]) =>
      [...boundRow.cells].map(([column, cell]) => `${table.definition.id} ${row} ${column} = ${cell.cell?.text ?? '(none)'}`),
    ),
  );
}

let rendered: RenderedDocuments | undefined;

before(async () => (rendered = await renderCorpusDocuments(REPORTS)), { timeout: 120_000 });
after(() => rendered && rmSync(rendered.dir, { recursive: true, force: true }));

for (const name of REPORTS) {
  describe(name, () => {
    const text = readFixture('corpus', `${name}.txt`);
    const expected = findingsOf(text);

    test('its text gives the findings its fixture lists', () => {
      const listed = (JSON.parse(readFixture('corpus', `${name}.expected.json`)) as { code: string }[]).map((f) => f.code);
      assert.deepEqual(
        expected.map((f) => f.code),
        listed,
      );
    });

    for (const form of DOCUMENT_FORMS) {
      test(`read from its .${form}, it gives the same findings and the same statutory cells, with no note`, async () => {
        const path = rendered!.paths.get(name)![form];
        const result = await readSource(new Uint8Array(readFileSync(path)), basename(path));
        const read = renderReport(result, 'md').text;
        assert.equal(result.kind, form);
        assert.deepEqual(findingsOf(read), expected);
        assert.deepEqual(statutoryCells(read), statutoryCells(text));
        assert.deepEqual(result.notes, []);
      });
    }
  });
}
