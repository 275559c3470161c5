/**
 * Ruled tables: the drawn lines of a page grouped into grids, each grid's cell boxes found from
 * the lines between its columns and rows (a box with no line through it spans several grid places:
 * a merged cell), and the text runs inside each box read as that cell's text.
 */
import type { Table, TableCell, TableRow } from '../model';
import { joinWrapped } from '../../engine/text';
import { cellText } from './lines';
import { centerX, centerY, clusterValues, intervalIndex, isHorizontal, nearestIndex, type Rule, type TextRun } from './geometry';

/** A cell box of a ruled grid: grid places [row0, row1] × [col0, col1], inclusive. */
export interface CellBox {
  row0: number;
  row1: number;
  col0: number;
  col1: number;
  text: string;
  /** No line drawn along its top (or bottom) edge: the table was cut there by a page break. */
  openTop: boolean;
  openBottom: boolean;
}

export interface RuledTable {
  page: number;
  /** Column boundaries, left to right. */
  xs: number[];
  /** Row boundaries, top to bottom. */
  ys: number[];
  cells: CellBox[];
}

/** Lines closer than this are one line (a border drawn twice, or by two adjacent cells). */
const SNAP = 2.5;
/** A page with more drawn lines than this is a drawing, not a table: its lines are not read. */
export const MAX_RULES = 5000;
/** A grid of more places than this is no report's table (its text is read as lines). */
const MAX_PLACES = 20_000;

/** The page's ruled tables, and the runs outside them. */
export function findRuledTables(page: number, rules: readonly Rule[], runs: readonly TextRun[]): { tables: RuledTable[]; rest: TextRun[] } {
  const tables: RuledTable[] = [];
  let rest = [...runs];
  for (const group of connectedRules(rules)) {
    const grid = gridOf(group);
    if (!grid) continue;
    const inside = (run: TextRun) => within(centerX(run), grid.xs) && within(centerY(run), grid.ys);
    const table = { page, ...grid, cells: cellBoxes(grid, group, rest.filter(inside)) };
    if (table.cells.every((c) => c.text === '')) continue;
    tables.push(table);
    rest = rest.filter((run) => !inside(run));
  }
  return { tables: tables.sort((a, b) => a.ys[0] - b.ys[0]), rest };
}

const within = (value: number, bounds: readonly number[]) => value > bounds[0] && value < bounds[bounds.length - 1];

/** Groups of lines that cross or touch one another. */
function connectedRules(rules: readonly Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) if (touch(rules[i], rules[j])) parent[find(i)] = find(j);
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((rule, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), rule]));
  return [...groups.values()];
}

function touch(a: Rule, b: Rule): boolean {
  return a.x0 <= b.x1 + SNAP && b.x0 <= a.x1 + SNAP && a.y0 <= b.y1 + SNAP && b.y0 <= a.y1 + SNAP;
}

/**
 * The grid's column and row boundaries: where its vertical and horizontal lines stand, and its outer
 * edges (a table cut by a page break has no line along the cut; one without side borders, none there).
 * Undefined when the lines do not make at least two cells.
 */
function gridOf(group: readonly Rule[]): { xs: number[]; ys: number[] } | undefined {
  const horizontal = group.filter(isHorizontal);
  const vertical = group.filter((r) => !isHorizontal(r));
  if (horizontal.length === 0 || vertical.length === 0) return undefined;
  const edges = (lo: number[], hi: number[]) => [Math.min(...lo), Math.max(...hi)];
  const xs = clusterValues(
    [
      ...vertical.map((r) => r.x0),
      ...edges(
        horizontal.map((r) => r.x0),
        horizontal.map((r) => r.x1),
      ),
    ],
    SNAP,
  );
  const ys = clusterValues(
    [
      ...horizontal.map((r) => r.y0),
      ...edges(
        vertical.map((r) => r.y0),
        vertical.map((r) => r.y1),
      ),
    ],
    SNAP,
  );
  const places = (xs.length - 1) * (ys.length - 1);
  if (places < 2 || places > MAX_PLACES) return undefined;
  return { xs, ys };
}

/** Whether the lines drawn along a boundary cover most of [from, to]. */
function ruled(lines: readonly Rule[], from: number, to: number): boolean {
  let covered = 0;
  for (const line of lines) {
    const [start, end] = isHorizontal(line) ? [line.x0, line.x1] : [line.y0, line.y1];
    covered += Math.max(0, Math.min(end, to) - Math.max(start, from));
  }
  return covered >= (to - from) / 2;
}

/** The lines drawn along each boundary: `at[i]` holds those standing at bounds[i]. */
function linesAlong(lines: readonly Rule[], bounds: readonly number[], position: (line: Rule) => number): Rule[][] {
  const at = bounds.map((): Rule[] => []);
  for (const line of lines) {
    const i = nearestIndex(bounds, position(line));
    if (Math.abs(bounds[i] - position(line)) <= SNAP) at[i].push(line);
  }
  return at;
}

/** The grid's cell boxes: places joined wherever no line separates them, each with the text of its runs. */
function cellBoxes(grid: { xs: number[]; ys: number[] }, lines: readonly Rule[], runs: readonly TextRun[]): CellBox[] {
  const { xs, ys } = grid;
  const vertical = linesAlong(
    lines.filter((l) => !isHorizontal(l)),
    xs,
    (l) => l.x0,
  );
  const horizontal = linesAlong(lines.filter(isHorizontal), ys, (l) => l.y0);
  const columns = xs.length - 1;
  const owner = new Array<number>(columns * (ys.length - 1)).fill(-1);
  const cells: CellBox[] = [];
  for (let row = 0; row + 1 < ys.length; row++) {
    for (let col = 0; col < columns; col++) {
      if (owner[row * columns + col] >= 0) continue;
      let col1 = col;
      while (col1 + 1 < columns && owner[row * columns + col1 + 1] < 0 && !ruled(vertical[col1 + 1], ys[row], ys[row + 1])) col1++;
      let row1 = row;
      while (row1 + 2 < ys.length && !ruled(horizontal[row1 + 1], xs[col], xs[col1 + 1])) row1++;
      for (let r = row; r <= row1; r++) for (let c = col; c <= col1; c++) owner[r * columns + c] = cells.length;
      const [x0, x1] = [xs[col], xs[col1 + 1]];
      cells.push({ row0: row, row1, col0: col, col1, text: '', openTop: !ruled(horizontal[row], x0, x1), openBottom: !ruled(horizontal[row1 + 1], x0, x1) });
    }
  }
  const runsOf = cells.map((): TextRun[] => []);
  for (const run of runs) {
    const row = intervalIndex(ys, centerY(run));
    const col = intervalIndex(xs, centerX(run));
    if (row >= 0 && col >= 0) runsOf[owner[row * columns + col]].push(run);
  }
  cells.forEach((cell, i) => (cell.text = cellText(runsOf[i])));
  return cells;
}

/** Column boundaries closer than this are the same boundary on two pages. */
const ALIGNED = 4;

/**
 * Whether `next` (at the top of a page) goes on with `table` (at the bottom of the page before):
 * the same outer edges, and most of its inner column boundaries where the first one has them.
 */
export function continuesOn(table: RuledTable, next: RuledTable): boolean {
  const [a, b] = [table.xs, next.xs];
  if (Math.abs(a[0] - b[0]) > ALIGNED || Math.abs(a[a.length - 1] - b[b.length - 1]) > ALIGNED) return false;
  const inner = b.slice(1, -1);
  const shared = inner.filter((x) => a.some((y) => Math.abs(x - y) <= ALIGNED));
  return shared.length * 2 >= inner.length;
}

/**
 * The model's table from one ruled table or several that continue one another over page breaks:
 * one grid over all their column boundaries, each cell box's text in its top-left place, covered
 * places ''. A cell box cut by a page break (no line along the cut) is read as one cell.
 */
export function toTable(pieces: readonly RuledTable[]): Table {
  const xs = clusterValues(
    pieces.flatMap((p) => p.xs),
    ALIGNED,
  );
  const texts = new Map(pieces.flatMap((p) => p.cells.map((c) => [c, c.text] as const)));
  for (let i = 1; i < pieces.length; i++) joinCutCells(pieces[i - 1], pieces[i], texts);
  const rows: TableRow[] = [];
  for (const piece of pieces) {
    for (let row = 0; row + 1 < piece.ys.length; row++) {
      const starting = piece.cells.filter((c) => c.row0 === row && texts.has(c));
      if (starting.length === 0) continue;
      const cells: TableCell[] = xs.slice(1).map(() => ({ text: '' }));
      for (const cell of starting) cells[nearestIndex(xs, piece.xs[cell.col0])].text = texts.get(cell)!;
      rows.push({ cells, source: { kind: 'pdf', page: piece.page, y: Math.round(piece.ys[row]) } });
    }
  }
  return { kind: 'table', rows, source: rows[0].source };
}

/**
 * A cell box cut by the page break between `above` and `below`: the text at the top of `below` is
 * appended to the box above it, and the box below leaves `texts`. A cut box has no line along the
 * cut; but WPS closes both parts with lines, and then a label box that spans several rows and starts
 * without an item number (`法提供` under `（四）无`) is taken as the rest of the label above it.
 */
function joinCutCells(above: RuledTable, below: RuledTable, texts: Map<CellBox, string>): void {
  const lastRow = above.ys.length - 2;
  for (const cell of below.cells) {
    const text = texts.get(cell);
    if (cell.row0 !== 0 || text === undefined) continue;
    const [x0, x1] = [below.xs[cell.col0], below.xs[cell.col1 + 1]];
    const cut = above.cells.find((c) => c.row1 === lastRow && Math.abs(above.xs[c.col0] - x0) <= ALIGNED && Math.abs(above.xs[c.col1 + 1] - x1) <= ALIGNED);
    const cutText = cut && texts.get(cut);
    if (!cut || cutText === undefined) continue;
    const open = cut.openBottom && cell.openTop;
    const labelGoesOn = cell.row1 > cell.row0 && text !== '' && !ITEM_NUMBER.test(text) && !NUMBER.test(text) && cutText !== '' && !NUMBER.test(cutText);
    if (!open && !labelGoesOn) continue;
    texts.set(cut, joinWrapped([cutText, text]));
    texts.delete(cell);
  }
}

const ITEM_NUMBER = /^[（(]?[一二三四五六七八九十百\d]+[）)、.．]/;
const NUMBER = /^[-+]?[\d,，.]+%?$/;
