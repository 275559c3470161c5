/**
 * Formatting and converting tables without touching a label or a number: Markdown pipe tables
 * aligned so that their |s line up in any editor font (see pipeTableLines), trailing empty cells of
 * tab-separated rows trimmed, and a table converted between the two forms cell for cell.
 */
import stringWidth from 'string-width';
import type { BoundReport } from './bind';
import type { TextEdit } from './edits';
import { parseCellValue } from './values';
import { scanLine, type RowLine } from './scan';
import type { Report, Table, TableRow, TableSyntax } from './types';

/** Longer cells are written as they are and set no column width: aligning a column to one would pad every row by as much. */
const MAX_ALIGNED_LENGTH = 200;

/** The edits that format every table touching lines [from, to] (the whole document by default). */
export function formatTables(bound: BoundReport, from = 0, to = bound.report.lineCount - 1): TextEdit[] {
  const report = bound.report;
  const lastValueCell = new Map<number, number>();
  for (const table of bound.tables) {
    for (const row of table.rows.values()) {
      let last = -1;
      for (const c of row.cells.values()) last = Math.max(last, c.cell?.index ?? -1);
      lastValueCell.set(row.row.line, last);
    }
  }
  const formatted = new Map<number, string>();
  // Lines of the Markdown tables laid out (or left alone) so far: two tables split by a caption row share one.
  const visited = new Set<number>();
  for (const table of report.tables) {
    if (table.range.end.line < from || table.range.start.line > to) continue;
    if (isExtracted(table.syntax)) continue;
    const lines = table.syntax === 'pipe' ? alignPipeTables(report, table, visited) : trimTsvTable(report, table, lastValueCell);
    for (const [line, text] of lines) formatted.set(line, text);
  }
  const edits: TextEdit[] = [];
  for (const [line, text] of formatted) {
    if (report.lines[line] !== text) edits.push(replaceLine(report, line, text));
  }
  return edits;
}

function replaceLine(report: Report, line: number, text: string): TextEdit {
  return { range: { start: { line, character: 0 }, end: { line, character: report.lines[line].length } }, newText: text };
}

/**
 * Tab-separated rows lose the empty cells trailing beyond their values — the debris of merged
 * cells. A blank value cell stays: numbers are read right-aligned, so it holds its column's place.
 * Rows of headers and captions lose all trailing empty cells; rows with unknown numbers are left alone.
 */
function trimTsvTable(report: Report, table: Table, lastValueCell: Map<number, number>): Map<number, string> {
  const lines = new Map<number, string>();
  for (const row of table.rows) {
    if (row.kind !== 'cells') continue;
    const hasNumbers = row.cells.some((c) => parseCellValue(c.text).kind === 'number');
    // At least two cells stay: a row trimmed to one cell would no longer read as a table row.
    const keep = Math.max(1, lastValueCell.get(row.line) ?? (hasNumbers ? row.cells.length - 1 : lastFilled(row)));
    const cells = report.lines[row.line].split('\t');
    if (keep < 0 || keep >= cells.length - 1 || cells.slice(keep + 1).some((c) => c.trim() !== '')) continue;
    lines.set(row.line, cells.slice(0, keep + 1).join('\t'));
  }
  return lines;
}

function lastFilled(row: TableRow): number {
  for (let i = row.cells.length - 1; i >= 0; i--) if (row.cells[i].text !== '') return i;
  return -1;
}

/**
 * Each Markdown table (a run of pipe rows) that a row of the table stands in, laid out whole: its
 * caption rows (第二十条第（一）项) are rows of the same Markdown table. A run whose rows differ in their
 * cell count (merged cells written as fewer cells) is left as it is: no column layout fits it.
 */
function alignPipeTables(report: Report, table: Table, visited: Set<number>): Map<number, string> {
  const lines = new Map<number, string>();
  for (const row of table.rows) {
    if (visited.has(row.line)) continue;
    const rows = markdownTableAt(report, row.line);
    for (const r of rows) visited.add(r.line);
    if (rows.length === 0 || rows.some((r) => r.cells.length !== rows[0].cells.length) || unreadDelimiter(rows)) continue;
    const laidOut = pipeTableLines(rows.map((r) => ({ cells: r.cells.map((c) => c.text), separator: r.rule })));
    rows.forEach((r, i) => lines.set(r.line, /^[ \t\u3000]*/.exec(report.lines[r.line])![0] + laidOut[i]));
  }
  return lines;
}

/** A cell of Markdown's delimiter row, the second row of a table: `---`, `:-:`, `--:`. */
const DELIMITER_CELL = /^:?-+:?$/;

/**
 * Markdown's delimiter row with fewer than three dashes in a cell (`|:-:|--|`), which the engine reads
 * as a row of cells: laying it out as either would change what the other reads.
 */
function unreadDelimiter(rows: readonly RowLine[]): boolean {
  return rows.length > 1 && !rows[1].rule && rows[1].cells.every((c) => DELIMITER_CELL.test(c.text));
}

/** The run of pipe rows around the line, if it is one. */
function markdownTableAt(report: Report, line: number): RowLine[] {
  if (!pipeRowAt(report, line)) return [];
  let first = line;
  while (pipeRowAt(report, first - 1)) first--;
  const rows: RowLine[] = [];
  for (let l = first, r = pipeRowAt(report, l); r; r = pipeRowAt(report, ++l)) rows.push(r);
  return rows;
}

/** The line as a pipe row; a tab-separated row whose first cell starts with | is none. */
function pipeRowAt(report: Report, line: number): RowLine | undefined {
  if (line < 0 || line >= report.lineCount) return undefined;
  const scanned = scanLine(report.lines[line], line);
  return scanned.kind === 'row' && scanned.syntax === 'pipe' ? scanned : undefined;
}

/** A row of a pipe table to lay out; a separator row's cells keep their alignment colons. */
export interface PipeRow {
  cells: readonly string[];
  separator: boolean;
}

/** How many glyphs of each kind a cell shows: full-width ones (CJK, full-width forms) and the others. */
interface Glyphs {
  full: number;
  half: number;
}

/** The alignment colons of a separator cell: `:--` left, `--:` right, `:-:` both (centred). */
interface Colons {
  left: boolean;
  right: boolean;
}

/**
 * The lines of a pipe table (every row as many cells) whose |s line up in whatever font the editor
 * uses. Editors draw CJK with a CJK font, one em wide, and the rest with the editor's font, often
 * 0.55–0.6 em (Consolas, Menlo, DejaVu Sans Mono): a CJK character is not two spaces wide, so no
 * number of spaces pads it. Every cell of a column is padded instead to the same number of full-width
 * glyphs, with U+3000 IDEOGRAPHIC SPACE, and of other glyphs, with spaces: the cells then take the
 * same room in any font. Cells are padded on the side their column's alignment leaves free.
 */
export function pipeTableLines(rows: readonly PipeRow[]): string[] {
  const columns = rows.length > 0 ? rows[0].cells.length : 0;
  const rooms = Array.from({ length: columns }, () => ({ full: 0, half: 0 }));
  for (const row of rows) {
    if (row.separator) continue;
    row.cells.forEach((text, i) => {
      const glyphs = glyphsOf(text);
      rooms[i].full = Math.max(rooms[i].full, glyphs.full);
      rooms[i].half = Math.max(rooms[i].half, glyphs.half);
    });
  }
  const separator = rows.find((r) => r.separator);
  const colons = rooms.map((_, i) => colonsOf(separator?.cells[i] ?? ''));
  // Room for three dashes besides the colons: fewer would not read as a separator row.
  rooms.forEach((room, i) => {
    const least = MIN_DASHES + Number(colons[i].left) + Number(colons[i].right);
    room.half = Math.max(room.half, Math.ceil(least - room.full * DASHES_PER_FULL_WIDTH));
  });
  const dashes = separatorDashes(rooms);
  return rows.map((row) => {
    const cells = row.separator ? row.cells.map((_, i) => ruleCell(colons[i], dashes[i])) : row.cells.map((text, i) => padCell(text, rooms[i], colons[i]));
    return `| ${cells.join(' | ')} |`;
  });
}

/**
 * A Markdown pipe table of rows of cell texts, laid out by pipeTableLines: the first row, the
 * separator, then the others, every row as many cells as the widest, |s in cells escaped.
 */
export function pipeTable(rows: readonly (readonly string[])[]): string[] {
  let columns = 0;
  for (const row of rows) columns = Math.max(columns, row.length);
  const pipeRows = rows.map((cells) => ({ cells: Array.from({ length: columns }, (_, i) => (cells[i] ?? '').replace(/\|/g, '\\|')), separator: false }));
  return pipeTableLines([pipeRows[0], { cells: new Array<string>(columns).fill('---'), separator: true }, ...pipeRows.slice(1)]);
}

const MIN_DASHES = 3;
/**
 * The separator row may hold only dashes, colons and spaces, so it cannot take a CJK column's exact
 * room: its dashes stand for full-width glyphs at the ratio of VS Code's default fonts (a CJK glyph
 * of one em over Latin glyphs of 0.55 em in Consolas, 0.6 em in Menlo and DejaVu Sans Mono).
 */
const DASHES_PER_FULL_WIDTH = 1.75;

/** East Asian wide and full-width characters are full-width; ambiguous ones (“ ” — …) are drawn by the editor's font. */
function glyphsOf(text: string): Glyphs {
  const glyphs = { full: 0, half: 0 };
  if (text.length > MAX_ALIGNED_LENGTH) return glyphs;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const width = code >= 0x20 && code < 0x7f ? 1 : stringWidth(char);
    if (width === 2) glyphs.full++;
    else glyphs.half += width;
  }
  return glyphs;
}

function colonsOf(separatorCell: string): Colons {
  return { left: separatorCell.startsWith(':'), right: separatorCell.endsWith(':') && separatorCell.length > 1 };
}

/** The cell padded to its column's room, on the side its alignment leaves free; a cell too long to align as it is. */
function padCell(text: string, room: Glyphs, { left, right }: Colons): string {
  if (text.length > MAX_ALIGNED_LENGTH) return text;
  const glyphs = glyphsOf(text);
  const full = room.full - glyphs.full;
  const half = room.half - glyphs.half;
  const before = !right ? { full: 0, half: 0 } : left ? { full: full >> 1, half: half >> 1 } : { full, half };
  const pad = (f: number, h: number) => '\u3000'.repeat(f) + ' '.repeat(h);
  return pad(before.full, before.half) + text + pad(full - before.full, half - before.half);
}

/** Each column's dash count, rounded so that the separator row's |s stray no further as the row goes on. */
function separatorDashes(rooms: readonly Glyphs[]): number[] {
  let exact = 0;
  let written = 0;
  return rooms.map((room) => {
    exact += room.half + room.full * DASHES_PER_FULL_WIDTH;
    const dashes = Math.round(exact) - written;
    written += dashes;
    return dashes;
  });
}

function ruleCell({ left, right }: Colons, width: number): string {
  return (left ? ':' : '') + '-'.repeat(width - Number(left) - Number(right)) + (right ? ':' : '');
}

/** Converts the table between tab-separated and Markdown pipe form, cell for cell; separator rows are regenerated. */
export function convertTable(report: Report, table: Table, to: Table['syntax']): TextEdit[] {
  const rows = table.rows.filter((r) => r.kind !== 'rule');
  // An extracted table's header is stacked words over columns no cell holds: converting it would lose them.
  if (rows.length === 0 || table.syntax === to || isExtracted(table.syntax)) return [];
  const first = table.rows[0].line;
  const last = table.rows[table.rows.length - 1].line;
  const lines = to === 'pipe' ? toPipe(rows) : rows.map((r) => r.cells.map((c) => c.text.replace(/\\\|/g, '|')).join('\t'));
  // A Markdown table cannot continue a paragraph: it needs a blank line above it.
  if (to === 'pipe' && first > 0 && report.lines[first - 1].trim() !== '') lines.unshift('');
  return [{ range: { start: { line: first, character: 0 }, end: { line: last, character: report.lines[last].length } }, newText: lines.join(report.eol) }];
}

/** The cell count of the longest row (a loop: a table may have more rows than arguments fit on the stack). */
function mostCells(rows: readonly TableRow[]): number {
  let most = 0;
  for (const r of rows) most = Math.max(most, r.cells.length);
  return most;
}

/**
 * Every row gets the longest row's cell count. A shorter row lacks leading label cells (a merged group
 * label written once, as PDF conversion leaves it): the empty cells go before its own, so its numbers
 * stay the trailing cells, in their columns.
 */
function toPipe(rows: TableRow[]): string[] {
  const columns = mostCells(rows);
  const row = (r: TableRow) => {
    const cells = [...new Array<string>(columns - r.cells.length).fill(''), ...r.cells.map((c) => c.text.replace(/\|/g, '\\|'))];
    return `| ${cells.join(' | ')} |`;
  };
  return [row(rows[0]), `|${new Array(columns).fill('---').join('|')}|`, ...rows.slice(1).map(row)];
}

/** The table a line belongs to, if any. */
export function tableAt(report: Report, line: number): Table | undefined {
  return report.tables.find((t) => t.range.start.line <= line && line <= t.range.end.line);
}

/** A table as text extraction leaves it (space-aligned, one cell per line): read and checked, never laid out again. */
export function isExtracted(syntax: TableSyntax): boolean {
  return syntax === 'spaces' || syntax === 'lines';
}
