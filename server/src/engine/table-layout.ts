/**
 * Formatting and converting tables without touching a label or a number: Markdown pipe tables
 * aligned by display width (CJK and full-width characters count double), trailing empty cells of
 * tab-separated rows trimmed, and a table converted between the two forms cell for cell.
 */
import stringWidth from 'string-width';
import type { BoundReport } from './bind';
import type { TextEdit } from './edits';
import { parseCellValue } from './values';
import type { Report, Table, TableRow } from './types';

const PIPE_ROW = /^[ \t\u3000]*\|/;
/**
 * Longer cells are written as they are and set no column width: aligning a column to one would pad
 * every row by as much, and measuring its display width takes time that grows faster than its length.
 */
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
  const edits: TextEdit[] = [];
  for (const table of report.tables) {
    if (table.range.end.line < from || table.range.start.line > to) continue;
    const lines = table.syntax === 'pipe' ? alignPipeTable(report, table) : trimTsvTable(report, table, lastValueCell);
    for (const [line, text] of lines) {
      if (report.lines[line] !== text) edits.push(replaceLine(report, line, text));
    }
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

/** Pipe rows' cells padded to common column widths; separator rows keep their alignment colons. */
function alignPipeTable(report: Report, table: Table): Map<number, string> {
  // Only the rows read as pipe rows: a tab-separated row whose first cell starts with | stays as it is.
  const rows = table.rows.filter((r) => r.kind !== 'debris' && PIPE_ROW.test(report.lines[r.line]) && !report.lines[r.line].includes('\t'));
  if (rows.length === 0) return new Map();
  const columns = mostCells(rows);
  const widths = new Array<number>(columns).fill(3);
  for (const row of rows) {
    if (row.kind === 'rule') continue;
    row.cells.forEach((c, i) => {
      widths[i] = Math.max(widths[i], alignedWidth(c.text));
    });
  }
  const lines = new Map<number, string>();
  for (const row of rows) {
    const indent = /^[ \t\u3000]*/.exec(report.lines[row.line])![0];
    // A short row keeps its cell count: numbers are read right-aligned, so an added empty cell would move them.
    const cells = row.cells.map((c, i) => (row.kind === 'rule' ? ruleCell(c.text, widths[i]) : padCell(c.text, widths[i])));
    lines.set(row.line, `${indent}| ${cells.join(' | ')} |`);
  }
  return lines;
}

/** The display width a pipe-table column is aligned to for this cell: 0 for a cell too long to align. */
export function alignedWidth(text: string): number {
  return text.length <= MAX_ALIGNED_LENGTH ? stringWidth(text) : 0;
}

/** The cell padded to the column's display width; a cell too long to align as it is. */
export function padCell(text: string, width: number): string {
  return text.length <= MAX_ALIGNED_LENGTH ? text + ' '.repeat(Math.max(0, width - stringWidth(text))) : text;
}

function ruleCell(text: string, width: number): string {
  const left = text.startsWith(':');
  const right = text.endsWith(':') && text.length > 1;
  return (left ? ':' : '') + '-'.repeat(width - (left ? 1 : 0) - (right ? 1 : 0)) + (right ? ':' : '');
}

/** Converts the table between tab-separated and Markdown pipe form, cell for cell; separator rows are regenerated. */
export function convertTable(report: Report, table: Table, to: Table['syntax']): TextEdit[] {
  const rows = table.rows.filter((r) => r.kind !== 'rule');
  if (rows.length === 0 || table.syntax === to) return [];
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

function toPipe(rows: TableRow[]): string[] {
  const columns = mostCells(rows);
  const row = (r: TableRow) => `| ${Array.from({ length: columns }, (_, i) => (r.cells[i]?.text ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
  return [row(rows[0]), `|${new Array(columns).fill('---').join('|')}|`, ...rows.slice(1).map(row)];
}

/** The table a line belongs to, if any. */
export function tableAt(report: Report, line: number): Table | undefined {
  return report.tables.find((t) => t.range.start.line <= line && line <= t.range.end.line);
}
