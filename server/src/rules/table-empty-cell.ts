/**
 * table.empty-cell — blanks where the format requires a number: one finding per table, naming the
 * blank columns and rows. Its fix (never preferred) writes 0 into every blank cell it names, and
 * into a blank total the sum of its items as filled, so that the filled table adds up.
 */
import type { BoundCell, BoundRow, BoundTable } from '../engine/bind';
import { isWhitespace } from '../engine/chars';
import { isExtracted } from '../engine/table-layout';
import { tableKeys } from '../engine/definition-keys';
import type { TextEdit } from '../engine/edits';
import type { Report, TableSyntax } from '../engine/types';
import { formatAmount, sum, type Amount } from '../engine/values';
import type { ColumnDefinition, RowDefinition } from '../formats';
import { columnName, isNumber, listNames, rowLabel, valueColumns } from './cells';
import { relationsOf } from './relations';
import { wellRead } from './tables';
import { say, type RuleFinding, type Locale, type ReportRule } from './types';

const ZERO: Amount = { units: 0n, decimals: 0 };

/** A row with blank cells, in document order. */
interface BlankRow {
  row: BoundRow;
  blanks: BoundCell[];
}

export const tableEmptyCell: ReportRule = {
  code: 'table.empty-cell',
  defaultSeverity: 'warning',
  fixable: 'offered',
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '应填数字的单元格为空', en: 'A cell that needs a number is blank' },
  docs: {
    finds:
      'blanks where the format requires a number: one finding per table, on its first row with a blank, naming the columns blank in every row (「科研机构」「社会公益组织」列空白), then the other rows with blanks (the first 3, 等 N 行), or 整表未填数字; related information points at each row with blanks; blank sub-items under a parent of 0 in the 2008 统计表 are fine',
    fix: '本表空白单元格填 0 (not preferred: fix-all never applies it): 0 in every blank cell it names, and the sum of its items in a blank total; cells a row lacks are added as fields',
  },
  check({ bound, locale }) {
    const findings: RuleFinding[] = [];
    for (const table of bound.tables) {
      if (!wellRead(table)) continue;
      const rows = blankRows(table);
      if (rows.length > 0) findings.push(emptyCells(bound.report, table, rows, locale));
    }
    return findings;
  },
};

/** The rows that must hold numbers: a blank sub-item under a parent of 0 in the 2008 统计表 need not. */
function valueRows(table: BoundTable): BoundRow[] {
  return [...table.rows.values()].filter((row) => row.definition.values && !zeroParent(table, row.definition));
}

function blankRows(table: BoundTable): BlankRow[] {
  return valueRows(table)
    .map((row) => ({ row, blanks: [...row.cells.values()].filter((c) => c.value.kind === 'blank') }))
    .filter((r) => r.blanks.length > 0)
    .sort((a, b) => a.row.row.line - b.row.row.line);
}

/** In the 2008 统计表, sub-items left blank under a parent of 0 are the normal way to write "none". */
function zeroParent(table: BoundTable, row: RowDefinition): boolean {
  for (let id = row.parent; id; id = tableKeys(table.definition).rowsById.get(id)?.parent) {
    const parent = table.rows.get(id);
    const values = parent ? [...parent.cells.values()] : [];
    if (values.some((c) => c.value.kind === 'number')) return values.every((c) => c.value.kind !== 'number' || c.value.units === 0n);
  }
  return false;
}

function emptyCells(report: Report, table: BoundTable, rows: BlankRow[], locale: Locale): RuleFinding {
  const first = rows[0].blanks;
  const values = fillValues(table, rows);
  const filled = (cell: BoundCell) => formatAmount(values.get(cell)!);
  const sums = rows.some((r) => r.blanks.some((c) => values.get(c)!.units !== 0n));
  return {
    range: { start: first[0].range.start, end: first[first.length - 1].range.end },
    message: emptyCellsMessage(table, rows, locale),
    related:
      rows.length === 1
        ? first.map((c) => ({ range: c.range, message: columnName(table.definition, c.column) }))
        : rows.map(({ row, blanks }) => ({
            range: { start: blanks[0].range.start, end: blanks[blanks.length - 1].range.end },
            message:
              say(locale, `「${rowLabel(table, row.definition.id)}」：`, `「${rowLabel(table, row.definition.id)}」: `) + columnList(table, blanks, locale),
          })),
    data: { table: table.definition.id, blanks: rows.map(({ row, blanks }) => ({ row: row.definition.id, columns: blanks.map((c) => c.column.id) })) },
    // A blank of text as extraction left it has no cell to write into: no fix there.
    fixes: isExtracted(table.table.syntax)
      ? []
      : [
          {
            title: sums
              ? say(locale, '本表空白单元格填 0（空白的合计填分项之和）', "Fill this table's blank cells with 0 (blank totals with the sum of their items)")
              : say(locale, '本表空白单元格填 0', "Fill this table's blank cells with 0"),
            edits: rows.flatMap(({ row, blanks }) => fillRow(report, table.table.syntax, row, new Map(blanks.map((c) => [c, filled(c)])))),
            preferred: false,
          },
        ],
  };
}

/**
 * 「…」表整表未填数字 for a table with no number at all; 「（一）予以公开」有 3 个单元格未填数字：… for
 * one row; for several, the columns blank in every row (「科研机构」「社会公益组织」列空白) and then the
 * rows with other blanks, the first few by name.
 */
function emptyCellsMessage(table: BoundTable, rows: BlankRow[], locale: Locale): string {
  const tableName = `「${table.definition.name}」`;
  const single = valueColumns(table).length === 1;
  const everyCell = rows.length === valueRows(table).length && rows.every((r) => r.blanks.length === r.row.cells.size);
  if (everyCell && rows.length * valueColumns(table).length > 1) {
    return say(locale, `${tableName}表整表未填数字（无则填 0）。`, `${tableName} has no numbers at all (write 0 for none).`);
  }
  if (rows.length === 1) {
    const { row, blanks } = rows[0];
    const label = `「${rowLabel(table, row.definition.id)}」`;
    if (single) return say(locale, `${label}未填数字（无则填 0）。`, `${label} has no number (write 0 for none).`);
    const name = table.definition.layout === 'single-row' ? say(locale, `${tableName}表`, tableName) : label;
    return say(
      locale,
      `${name}有 ${blanks.length} 个单元格未填数字：${columnList(table, blanks, locale)}（无则填 0）。`,
      `${name} has ${blanks.length} blank cell(s): ${columnList(table, blanks, locale)} (write 0 for none).`,
    );
  }
  if (single) {
    const listed = listNames(
      rows.map((r) => `「${rowLabel(table, r.row.definition.id)}」`),
      '行',
      locale,
    );
    return say(
      locale,
      `${tableName}表中 ${rows.length} 行未填数字：${listed}（无则填 0）。`,
      `${tableName} has no number in ${rows.length} rows: ${listed} (write 0 for none).`,
    );
  }
  const whole = wholeColumns(table, rows);
  const rest = rows.flatMap(({ row, blanks }) => {
    const others = blanks.filter((c) => !whole.includes(c.column));
    return others.length > 0 ? [{ row, blanks: others }] : [];
  });
  const listed = listNames(
    rest.map((r) => {
      const blanks = r.blanks.length + whole.length === r.row.cells.size ? say(locale, '整行', 'whole row') : columnList(table, r.blanks, locale);
      return say(locale, `「${rowLabel(table, r.row.definition.id)}」（${blanks}）`, `「${rowLabel(table, r.row.definition.id)}」 (${blanks})`);
    }),
    '行',
    locale,
  );
  if (whole.length === 0) {
    return say(
      locale,
      `${tableName}表中 ${rows.length} 行有空白单元格：${listed}（无则填 0）。`,
      `${tableName} has blank cells in ${rows.length} rows: ${listed} (write 0 for none).`,
    );
  }
  const columns = whole.map((c) => `「${columnName(table.definition, c)}」`);
  return say(
    locale,
    `${tableName}表中${columns.join('')}列空白${rest.length > 0 ? `，另有 ${rest.length} 行还有空白：${listed}` : ''}（无则填 0）。`,
    `${tableName}: the ${columns.length > 1 ? `${columns.slice(0, -1).join(', ')} and ${columns.at(-1)} columns are` : `${columns[0]} column is`} blank` +
      `${rest.length > 0 ? `; ${rest.length} more row(s) have blanks: ${listed}` : ''} (write 0 for none).`,
  );
}

/** The value columns blank in every row that must hold numbers. */
function wholeColumns(table: BoundTable, rows: BlankRow[]): ColumnDefinition[] {
  if (rows.length < 2 || rows.length < valueRows(table).length) return [];
  return valueColumns(table).filter((column) => rows.every((r) => r.blanks.some((c) => c.column === column)));
}

function columnList(table: BoundTable, blanks: BoundCell[], locale: Locale): string {
  return blanks.map((c) => columnName(table.definition, c.column)).join(say(locale, '、', ', '));
}

/**
 * What the fix writes into each blank cell: 0, but for a blank total the sum of its items as they
 * will be — a total written as 0 over items that are not would only trade a blank for a wrong total.
 */
function fillValues(table: BoundTable, rows: BlankRow[]): Map<BoundCell, Amount> {
  const blanks = new Set(rows.flatMap((r) => r.blanks));
  const sums = relationsOf(table).filter((r) => r.rule.type === 'sum' && r.left[0].cell && blanks.has(r.left[0].cell));
  const totals = new Set(sums.map((r) => r.left[0].cell!));
  const values = new Map<BoundCell, Amount>();
  for (const cell of blanks) if (!totals.has(cell)) values.set(cell, ZERO);
  const valueOf = (cell: BoundCell | undefined): Amount | undefined => (cell ? (values.get(cell) ?? (isNumber(cell) ? cell.value : undefined)) : undefined);
  // A grand total is the total of its row and of its column: filled from whichever can be added up first.
  for (let progress = true; progress;) {
    progress = false;
    for (const relation of sums) {
      const total = relation.left[0].cell!;
      if (values.has(total)) continue;
      const items = relation.right.map((t) => valueOf(t.cell));
      if (!items.every((v) => v !== undefined)) continue;
      values.set(total, sum(items as Amount[]));
      progress = true;
    }
  }
  // A total over an item that is no number (「—」, text) is not checked: 0 as well.
  for (const cell of totals) if (!values.has(cell)) values.set(cell, ZERO);
  return values;
}

/**
 * The edits writing values into a row's blank cells: each into its blank field (between its
 * separators), and the cells the row lacks (merged away in conversion, bound as its leading columns)
 * as whole new fields, inserted before its first value field — or at its end when it has none.
 */
function fillRow(report: Report, syntax: TableSyntax, row: BoundRow, values: Map<BoundCell, string>): TextEdit[] {
  const line = row.row.line;
  const text = report.lines[line];
  const pipe = syntax === 'pipe';
  const edit = (from: number, to: number, newText: string): TextEdit => ({
    range: { start: { line, character: from }, end: { line, character: to } },
    newText,
  });
  const edits: TextEdit[] = [];
  const cells = [...row.cells.values()];
  const missing = cells.filter((c) => !c.cell).map((c) => values.get(c)!);
  const present = cells.find((c) => c.cell);
  if (missing.length > 0 && present) {
    const at = fieldStart(text, present.cell!.range.start.character);
    edits.push(edit(at, at, missing.map((v) => (pipe ? ` ${v} |` : `${v}\t`)).join('')));
  } else if (missing.length > 0) {
    const closed = pipe && text.trimEnd().endsWith('|');
    const at = closed ? text.trimEnd().length : text.length;
    edits.push(edit(at, at, missing.map((v) => (closed ? ` ${v} |` : pipe ? `| ${v} ` : `\t${v}`)).join('')));
  }
  for (const cell of cells) {
    const value = cell.cell && values.get(cell);
    if (value === undefined) continue;
    const end = cell.range.end.character;
    const from = fieldStart(text, end);
    edits.push(edit(from, end, pipe ? pipeField(text.slice(from, end), value) : value));
  }
  return edits;
}

/**
 * A value in a pipe table's blank field, padded as the field was: the value takes the place of as many
 * spaces as there are, full-width spaces (U+3000, which Format Document pads CJK columns with) are
 * kept, so that an aligned table stays aligned where its padding allows.
 */
function pipeField(blank: string, value: string): string {
  const padding = blank.replace(/^ /, '').replace(/ $/, '');
  const full = padding.split('\u3000').length - 1;
  const half = padding.length - full;
  return ` ${value}${'\u3000'.repeat(full)}${' '.repeat(Math.max(0, half - value.length))} `;
}

/** Where a field begins: back over the whitespace before `at` to the delimiter (a tab or a pipe). */
function fieldStart(line: string, at: number): number {
  while (at > 0 && line[at - 1] !== '\t' && isWhitespace(line.charCodeAt(at - 1))) at--;
  return at;
}
