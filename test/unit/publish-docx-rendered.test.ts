/**
 * The export to Word as LibreOffice lays it out: seeds and a report with 4-digit numbers, exported,
 * converted to PDF by LibreOffice headless, and read with pdftotext. Every value of every table row
 * stands whole on the row's line, in order (no number wrapped or clipped by a narrow column), and
 * every label's text is on the page.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exportDocx } from '../../server/src/publish/docx';
import { layoutReport } from '../../server/src/publish/layout';
import type { LayoutTable } from '../../server/src/publish/model';
import { analyze } from '../../server/src/rules';
import { fixtureNames, readFixture } from '../support/fixtures';
import { convert, requireSoffice } from '../support/rendered-documents';

const REPORTS = [...fixtureNames('seeds').map((name) => ['seeds', name]), ['corpus', '淮安市人民政府_2024.txt']];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const squeezed = (text: string) => text.replace(/\s+/g, '');

/** Whether the characters of `part` stand in `text` in their order, perhaps with others between. */
function inOrder(text: string, part: string): boolean {
  let at = 0;
  for (const char of part) {
    at = text.indexOf(char, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

function tablesOf(text: string): LayoutTable[] {
  const { bound, findings } = analyze(text, { locale: 'zh-cn' });
  return layoutReport(bound, findings).blocks.flatMap((block) => (block.kind === 'table' ? [block.table] : []));
}

describe('export to Word, rendered by LibreOffice: nothing clipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-export-'));
  const pdfText = new Map<string, { rows: string[]; cells: string }>();
  before(async () => {
    await requireSoffice();
    const files: string[] = [];
    for (const [folder, name] of REPORTS) {
      const { bound, findings } = analyze(readFixture(folder, name), { locale: 'zh-cn' });
      const file = join(dir, name.replace(/\.txt$/, '.docx'));
      writeFileSync(file, await exportDocx(layoutReport(bound, findings)));
      files.push(file);
    }
    await convert(dir, 'pdf', files);
    const text = (file: string, ...options: string[]) => execFileSync('pdftotext', [...options, file.replace(/\.docx$/, '.pdf'), '-'], { encoding: 'utf8' });
    // -layout keeps a row on its line; -raw (the order LibreOffice drew the text in) keeps a cell's wrapped lines together.
    for (const file of files) pdfText.set(file, { rows: text(file, '-layout').split('\n'), cells: squeezed(text(file, '-raw')) });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [folder, name] of REPORTS) {
    test(`${folder}/${name}`, () => {
      const { rows: lines, cells: page } = pdfText.get(join(dir, name.replace(/\.txt$/, '.docx')))!;
      for (const table of tablesOf(readFixture(folder, name))) {
        for (const row of table.rows) {
          const numbers = row.filter((cell) => /^[\d.,%-]+$/.test(cell.text.trim())).map((cell) => cell.text.trim());
          if (numbers.length > 0) {
            const whole = new RegExp(`(^|\\s)${numbers.map(escape).join('\\s+')}(\\s|$)`);
            assert.ok(
              lines.some((line) => whole.test(line)),
              `${table.name}: ${row.map((c) => c.text).join(' | ')}: ${numbers.join(' ')} not on one line`,
            );
          }
          // A cell merged down several rows may go on over a page break, the repeated header rows between its parts.
          for (const cell of row)
            assert.ok(
              cell.rowSpan > 1 ? inOrder(page, squeezed(cell.text)) : page.includes(squeezed(cell.text)),
              `${table.name}: 「${cell.text}」 not on the page`,
            );
        }
      }
    });
  }
});
