/**
 * A table's rows as a Word file lays them out — each cell placed on the table's column grid,
 * spanning some columns, perhaps continuing a vertical merge — turned into the model's grid:
 * a merged cell's text in its top-left place, covered places '', every row as wide as the widest.
 */
import { LIMITS, type Paragraph, type ReaderNote, type SourcePlace, type Table } from './model';
import { joinWrapped } from '../engine/text';

export interface PlacedCell {
  text: string;
  /** The first grid column it covers, from 0. */
  column: number;
  /** How many grid columns it covers (at least 1). */
  span: number;
  /** It continues the vertically merged cell above it (Word's vMerge continue). */
  continuesAbove: boolean;
}

export interface PlacedRow {
  cells: PlacedCell[];
  source: SourcePlace;
}

/** The grid; undefined if it would be too large to be a real table (more places than LIMITS.textChars, as a hostile span could ask). */
export function gridTable(rows: readonly PlacedRow[], source: SourcePlace, minColumns = 0): Table | undefined {
  let width = minColumns;
  for (const row of rows) for (const cell of row.cells) width = Math.max(width, cell.column + cell.span);
  if (width * rows.length > LIMITS.textChars) return undefined;
  const grid = rows.map(() => new Array<string>(width).fill(''));
  // For each column, the place of the cell a vertical merge in that column continues.
  const origins = new Map<number, { row: number; column: number }>();
  rows.forEach((row, r) => {
    for (const cell of row.cells) {
      const origin = cell.continuesAbove ? origins.get(cell.column) : undefined;
      const place = origin ?? { row: r, column: cell.column };
      // A continued cell is normally empty; if not, its text joins the merged cell's rather than being lost.
      grid[place.row][place.column] = joinWrapped([grid[place.row][place.column], cell.text]);
      if (origin) continue;
      for (let c = cell.column; c < cell.column + cell.span; c++) origins.delete(c);
      origins.set(cell.column, place);
    }
  });
  return { kind: 'table', rows: rows.map((row, r) => ({ cells: grid[r].map((text) => ({ text })), source: row.source })), source };
}

/** A table that cannot be laid out cell by cell: its non-blank cells as paragraphs, in reading order, each with its row's place. */
export function cellsAsParagraphs(rows: readonly { texts: readonly string[]; source: SourcePlace }[]): Paragraph[] {
  return rows.flatMap((row) => row.texts.filter((text) => text !== '').map((text): Paragraph => ({ kind: 'paragraph', text, source: row.source })));
}

export const TABLES_AS_TEXT: ReaderNote = {
  code: 'tables-as-text',
  message: {
    'zh-cn': '文档中有表格无法逐格还原，其单元格内容按段落列出，其中的数字没有按表格核对',
    en: 'some tables could not be recovered cell by cell; their cells are listed as paragraphs and their numbers were not checked as tables',
  },
};
