/**
 * Shared by the arithmetic rules: resolving a rule's rows and columns to the cells of a bound
 * table, reading them as numbers, and naming them in messages.
 */
import type { BoundCell, BoundRow, BoundTable } from '../engine/bind';
import { tableKeys } from '../engine/definition-keys';
import type { Range } from '../engine/types';
import type { Addend, ColumnDefinition, TableDefinition } from '../formats';
import { say, type Locale } from './types';

export interface NumberCell extends BoundCell {
  value: Extract<BoundCell['value'], { kind: 'number' }>;
}

export function isNumber(cell: BoundCell | undefined): cell is NumberCell {
  return cell?.value.kind === 'number';
}

/** The value columns a rule runs over. */
export function valueColumns(table: BoundTable, only?: string[]): ColumnDefinition[] {
  return table.definition.columns.filter((c) => c.kind !== 'text' && (!only || only.includes(c.id)));
}

/**
 * The ids an addend list stands for: plain ids as they are; for `anyOf`, the first alternative
 * whose every id is `present`. Undefined when an `anyOf` has no present alternative.
 */
export function resolveAddends(addends: Addend[], present: (id: string) => boolean): string[] | undefined {
  const ids: string[] = [];
  for (const a of addends) {
    if (typeof a === 'string') ids.push(a);
    else {
      const alternative = a.anyOf.find((alt) => alt.every(present));
      if (!alternative) return undefined;
      for (const id of alternative) ids.push(id);
    }
  }
  return ids;
}

/**
 * A column's name in messages: its label, with its header group where the label alone is
 * ambiguous in the table (总计 of 行政复议, of 未经复议直接起诉, of 复议后起诉 → 行政复议·总计).
 */
export function columnName(table: TableDefinition, column: ColumnDefinition): string {
  const ambiguous = column.group && table.columns.filter((c) => c.label === column.label).length > 1;
  return ambiguous ? `${column.group}·${column.label}` : column.label;
}

/** Names a cell by its row and column: 「（七）总计」的「自然人」; a lone row or column is enough. */
export function cellName(table: BoundTable, row: BoundRow, column: ColumnDefinition, locale: Locale): string {
  if (table.definition.layout === 'single-row') return `「${columnName(table.definition, column)}」`;
  const label = rowLabel(table, row.definition.id);
  if (valueColumns(table).length === 1) return `「${label}」`;
  return locale === 'en' ? `「${label}」/「${columnName(table.definition, column)}」` : `「${label}」的「${columnName(table.definition, column)}」`;
}

/**
 * A row's name in messages: its statutory label without the trailing remark, with its group's
 * number where the label's own number repeats across groups: （四）1.本机关不掌握相关政府信息.
 */
export function rowLabel(table: BoundTable, id: string): string {
  const rows = tableKeys(table.definition).rowsById;
  const row = rows.get(id);
  if (!row) return id;
  const label = row.label.replace(/^(.+?)（[^（）]*）$/, '$1');
  const parent = row.parent ? rows.get(row.parent) : undefined;
  const group = parent && /^\d/.test(label) ? /^（[一二三四五六七八九十]+）/.exec(parent.label)?.[0] : undefined;
  return (group ?? '') + label;
}

/** A short name for an addend in a list of terms. */
export function termName(table: BoundTable, id: string): string {
  if (tableKeys(table.definition).rowsById.has(id)) return rowLabel(table, id);
  const column = table.definition.columns.find((c) => c.id === id);
  return column ? columnName(table.definition, column) : id;
}

/** Where the number itself stands in the document (a cell's unit, as in 25987（元）, is left out). */
export function numberRange(cell: NumberCell): Range {
  const { line, character } = cell.range.start;
  return { start: { line, character: character + cell.value.start }, end: { line, character: character + cell.value.end } };
}

/** The number as the cell writes it, without the cell's unit. */
export function written(cell: NumberCell): string {
  return cell.cell!.text.slice(cell.value.start, cell.value.end);
}

/** Names listed one by one in a message before the rest are counted. */
const LISTED_NAMES = 3;

/** The first names in full, then how many in all: 「a」、「b」、「c」等 5 行 (`unit` counts them: 行, 项). */
export function listNames(names: readonly string[], unit: string, locale: Locale): string {
  const listed = names.slice(0, LISTED_NAMES);
  if (names.length <= LISTED_NAMES) return listed.join(say(locale, '、', ', '));
  return say(locale, `${listed.join('、')}等 ${names.length} ${unit}`, `${listed.join(', ')} and ${names.length - LISTED_NAMES} more`);
}
