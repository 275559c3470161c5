/**
 * The statutory templates as report text — a part's heading, a table, a whole report skeleton — for
 * the fixes that insert what is missing, the snippets and the insert commands alike. A table is its
 * official template's grid (statutoryTable) written as a reader writes a table it read from Word or
 * PDF: every header row, a merged cell's text in its top-left place and the places it covers empty,
 * so that a template, the published layout and the checks never disagree.
 */
import { pipeTable } from '../engine/table-layout';
import { formatChineseNumber } from '../formats/numerals';
import type { FormatDefinition, TableDefinition } from '../formats/schema';
import { placeCells, statutoryTable, type TemplateCell } from './statutory-table';

export interface TemplateOptions {
  /** `tsv` for plain-text reports, `pipe` for Markdown tables. */
  syntax: 'tsv' | 'pipe';
  /** What each number cell holds, called once per cell in order: '' for empty cells, '0', a snippet tab stop. */
  number: () => string;
  /** When given, what each table's number cell holds instead of `number()`: a roll-up's sums. */
  value?: (table: string, row: string, column: string) => string;
}

/** What stands for a number to fill in within a sentence when the template leaves numbers empty. */
const BLANK = '＿＿';

export function partHeading(format: FormatDefinition, number: number): string {
  const part = format.parts.find((p) => p.number === number);
  return `${formatChineseNumber(number)}、${part?.title ?? ''}`;
}

/** The table's lines, caption first when it has one. */
export function renderTable(table: TableDefinition, options: TemplateOptions): string[] {
  const grid = statutoryTable(table);
  const numberColumns = table.columns.filter((c) => c.kind !== 'text');
  // A heading row standing alone (the 2008 统计表's) keeps its value cells blank.
  const numberCells = new Map(
    table.rows.filter((r) => r.values).flatMap((r) => numberColumns.map((c) => [grid.values.get(r.id)!.get(c.id)!, { row: r.id, column: c.id }] as const)),
  );
  const { value } = options;
  const fill = value ? (place: { row: string; column: string }) => value(table.id, place.row, place.column) : () => options.number();
  // Filled in grid order, so that snippet tab stops run row by row.
  for (const row of grid.rows) for (const cell of row) if (numberCells.has(cell)) cell.text = fill(numberCells.get(cell)!);
  const texts = gridTexts(grid.rows, grid.columns);
  const lines = options.syntax === 'pipe' ? pipeTable(texts) : texts.map((cells) => cells.join('\t'));
  return table.caption ? [table.caption, ...(options.syntax === 'pipe' ? [''] : []), ...lines] : lines;
}

/** The grid's text place by place: a merged cell's text in its top-left place, the places it covers ''. */
function gridTexts(rows: readonly (readonly TemplateCell[])[], columns: number): string[][] {
  const texts = rows.map(() => new Array<string>(columns).fill(''));
  for (const { cell, row, column } of placeCells(rows, columns)) if (column < columns) texts[row][column] = cell.text;
  return texts;
}

/** A part: its heading and, for parts with tables, the statutory tables, blank lines between. */
export function renderPart(format: FormatDefinition, number: number, options: TemplateOptions): string[] {
  const lines = [partHeading(format, number)];
  for (const statement of format.parts.find((p) => p.number === number)?.body ?? [])
    lines.push(
      '',
      statement.replace(/\{n\}/g, () => options.number() || BLANK),
    );
  for (const table of format.tables.filter((t) => t.part === number)) lines.push('', ...renderTable(table, options));
  return lines;
}

export interface ReportTemplateOptions extends TemplateOptions {
  organ: string;
  /** The report year, or a snippet placeholder standing for it. */
  year: number | string;
  /** What follows the organ and year in the title: 「（汇总）」 for a roll-up. */
  titleSuffix?: string;
  /** Paragraphs after the statistical period's, before the first part. */
  preamble?: readonly string[];
}

/** A whole report: title, preamble with the statistical period, every part, and any 附件 table. */
export function renderReport(format: FormatDefinition, options: ReportTemplateOptions): string[] {
  const lines = [
    `${options.organ}${options.year}年政府信息公开工作年度报告${options.titleSuffix ?? ''}`,
    '',
    `本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自${options.year}年1月1日起至${options.year}年12月31日止。`,
    ...(options.preamble ?? []).flatMap((paragraph) => ['', paragraph]),
  ];
  for (const part of format.parts) lines.push('', ...renderPart(format, part.number, options));
  const attached = format.tables.filter((t) => t.part === 0);
  if (attached.length > 0) {
    lines.push('', '附件');
    for (const table of attached) lines.push('', table.name, '', ...renderTable(table, options));
  }
  return lines;
}
