/**
 * Column widths (twips) that fit a table to the text width with no column clipped: every column gets
 * room for its longest unbreakable run (a number, a Latin word; Chinese text breaks between any two
 * characters), and what is left goes to the columns whose text would otherwise wrap, by how much.
 */
import { placeCells } from '../template/statutory-table';
import type { LayoutTable } from './model';

/** 五号 (10.5 pt): a Chinese character is 210 twips wide, a digit or Latin letter half of it in 仿宋 and two-thirds in the sans fonts that may stand in for it. */
const FULL_WIDTH = 210;
const HALF_WIDTH = 140;
/** The cells' margins, left and right (1 mm each, half Word's default: table 四's fifteen columns of 3-digit numbers fit). */
export const CELL_MARGIN = 57;
/** The margins, and a little room for the layout's rounding: text exactly as wide as its column wraps in LibreOffice. */
const CELL_PADDING = 2 * CELL_MARGIN + 30;
/** Two characters: no column narrower, so a label never stands one character a line. */
const MIN_TEXT = 2 * FULL_WIDTH;

const charWidth = (char: string) => (/[\u0000-\u00ff]/.test(char) ? HALF_WIDTH : FULL_WIDTH);
const textWidth = (text: string) => [...text].reduce((width, char) => width + charWidth(char), 0);

/** The widest piece of the text that cannot break: a run of digits and Latin letters, or one Chinese character. */
function unbreakableWidth(text: string): number {
  const pieces = text.match(/[\u0021-\u00ff]+|[^\s\u0000-\u00ff]/g) ?? [];
  return Math.max(0, ...pieces.map(textWidth));
}

export function columnWidths(table: LayoutTable, total: number): number[] {
  const need = new Array<number>(table.columns).fill(MIN_TEXT);
  const want = new Array<number>(table.columns).fill(MIN_TEXT);
  for (const { cell, column } of placeCells(table.rows, table.columns)) {
    if (cell.colSpan !== 1 || column >= table.columns) continue;
    for (const line of cell.text.split('\n')) {
      need[column] = Math.max(need[column], unbreakableWidth(line));
      want[column] = Math.max(want[column], textWidth(line));
    }
  }
  const needed = need.reduce((a, b) => a + b + CELL_PADDING, 0);
  if (needed >= total)
    return spread(
      need.map((n) => n + CELL_PADDING),
      total,
    );
  const spare = total - needed;
  const wraps = want.map((w, i) => w - need[i]);
  const wrapping = wraps.reduce((a, b) => a + b, 0);
  // Columns whose text fits on a line get its width; the rest shares what is left by how much each would wrap.
  if (wrapping > spare)
    return spread(
      need.map((n, i) => n + CELL_PADDING + (spare * wraps[i]) / wrapping),
      total,
    );
  const even = (spare - wrapping) / table.columns;
  return spread(
    want.map((w) => w + CELL_PADDING + even),
    total,
  );
}

/** Whole twips adding up to exactly `total`, in proportion to `weights`. */
function spread(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w * total) / sum));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}
