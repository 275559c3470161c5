/**
 * Tables drawn without lines: consecutive lines whose text stands in columns parted by wide gaps,
 * with numbers in them. The columns are where the numbers stand; the labels are the text left of
 * them, in as many label columns as their left edges make. A line with text in the number columns
 * is a row; a line of label text only is a label that wrapped, and joins the row nearest to it.
 */
import type { TableCell } from '../model';
import { joinWrapped } from '../../engine/text';
import { clusterValues, nearestIndex } from './geometry';
import type { Chunk, Line } from './lines';

/** Rows of a table read from text columns: the line each row stands on, and its cells. */
export interface TextTable {
  lines: Line[];
  rows: TableCell[][];
}

const NUMBER = /^[-+]?\d[\d,，]*(\.\d+)?%?$/;
const isNumber = (chunk: Chunk) => NUMBER.test(chunk.text);

/** Lines of one table stand no further apart than this many font sizes. */
const ROW_GAP = 4;
/** A label's wrapped lines stand within this many font sizes of its row's line. */
const WRAP = 2;
/** At least this many of its lines hold numbers. */
const NUMBER_ROWS = 2;

/** Splits a page's lines into plain lines and text tables, in order. */
export function findTextTables(lines: readonly Line[]): (Line | TextTable)[] {
  const out: (Line | TextTable)[] = [];
  let i = 0;
  while (i < lines.length) {
    const end = regionEnd(lines, i);
    const table = end > i + 1 ? textTable(lines.slice(i, end)) : undefined;
    if (table) {
      out.push(table);
      i = end;
    } else out.push(lines[i++]);
  }
  return out;
}

/**
 * Where a table starting at lines[start] would end: lines in columns (two chunks or more) in one
 * type size, each close below the one before; between them, lines of one chunk that stands left of
 * every number so far (a label that wrapped).
 */
function regionEnd(lines: readonly Line[], start: number): number {
  const first = lines[start];
  if (first.chunks.length < 2) return start;
  let firstNumber = leftmostNumber(first, Infinity);
  let lastColumned = start;
  let end = start + 1;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    const near = line.y - lines[i - 1].y <= ROW_GAP * line.size && Math.abs(line.size - first.size) <= first.size * 0.2;
    const wrappedLabel = line.chunks.length === 1 && line.x + line.width < firstNumber && !isNumber(line.chunks[0]);
    if (!near || (line.chunks.length < 2 && !wrappedLabel)) break;
    if (line.chunks.length >= 2) lastColumned = i;
    // A label that wrapped below the last row belongs to it.
    if (i === lastColumned || middle(line) - middle(lines[lastColumned]) <= WRAP * line.size) end = i + 1;
    firstNumber = leftmostNumber(line, firstNumber);
  }
  return end;
}

/** The left edge of the line's first number, if left of `than`; else `than`. */
const leftmostNumber = (line: Line, than: number) => line.chunks.reduce((left, c) => (isNumber(c) ? Math.min(left, c.x) : left), than);

interface Column {
  x0: number;
  x1: number;
}

function textTable(lines: Line[]): TextTable | undefined {
  const numbers = lines.flatMap((l) => l.chunks.filter(isNumber));
  if (lines.filter((l) => l.chunks.some(isNumber)).length < NUMBER_ROWS) return undefined;
  const columns = numberColumns(numbers);
  const isLabel = (chunk: Chunk) => chunk.x + chunk.width < columns[0].x0 && !isNumber(chunk);
  const size = lines.reduce((max, l) => Math.max(max, l.size), 0);
  const labelColumns = clusterValues(
    lines.flatMap((l) => l.chunks.filter(isLabel).map((c) => c.x)),
    size,
  );
  const width = labelColumns.length + columns.length;
  if (width < 2) return undefined;
  // A line of labels only is a row of its own unless it stands within two lines of a row: then it is part of that row's labels.
  const rowsNear = (line: Line) =>
    line.chunks.every(isLabel)
      ? lines.filter((row) => row !== line && !row.chunks.every(isLabel) && Math.abs(middle(row) - middle(line)) <= WRAP * line.size)
      : [];
  const rowLines = lines.filter((line) => rowsNear(line).length === 0);
  const labelsOf = new Map<Line, Line[]>(rowLines.map((l) => [l, [l]]));
  for (const line of lines) {
    const near = rowsNear(line);
    if (near.length > 0) labelsOf.get(nearestLine(near, line))!.push(line);
  }
  const rows = rowLines.map((row) => {
    const labels = labelColumns.map((): string[] => []);
    const values = columns.map((): string[] => []);
    for (const line of labelsOf.get(row)!.sort((a, b) => a.y - b.y)) {
      for (const chunk of line.chunks) {
        if (isLabel(chunk)) labels[nearestIndex(labelColumns, chunk.x)].push(chunk.text);
        else values[nearestColumn(columns, chunk)].push(chunk.text);
      }
    }
    return [...labels.map(joinWrapped), ...values.map((v) => v.join(' '))].map((text) => ({ text }));
  });
  return { lines: rowLines, rows };
}

/** The spans of the number columns, left to right: numbers in one column overlap, whether set left, centred or right. */
function numberColumns(numbers: readonly Chunk[]): Column[] {
  const columns: Column[] = [];
  for (const chunk of [...numbers].sort((a, b) => a.x - b.x)) {
    const last = columns[columns.length - 1];
    if (last && chunk.x <= last.x1) last.x1 = Math.max(last.x1, chunk.x + chunk.width);
    else columns.push({ x0: chunk.x, x1: chunk.x + chunk.width });
  }
  return columns;
}

/** The column the chunk overlaps most, or else the one whose centre is nearest its centre. */
function nearestColumn(columns: readonly Column[], chunk: Chunk): number {
  const overlap = (c: Column) => Math.min(c.x1, chunk.x + chunk.width) - Math.max(c.x0, chunk.x);
  const distance = (c: Column) => Math.abs((c.x0 + c.x1) / 2 - (chunk.x + chunk.width / 2));
  let best = 0;
  columns.forEach((column, i) => {
    const [a, b] = [overlap(column), overlap(columns[best])];
    if (a > b || (a <= 0 && b <= 0 && distance(column) < distance(columns[best]))) best = i;
  });
  return best;
}

const middle = (l: Line) => l.y + l.height / 2;

function nearestLine(candidates: readonly Line[], line: Line): Line {
  let best = candidates[0];
  for (const candidate of candidates) if (Math.abs(middle(candidate) - middle(line)) < Math.abs(middle(best) - middle(line))) best = candidate;
  return best;
}
