/**
 * The arithmetic relations a statutory table prints, resolved to the cells of a bound table: each
 * sum (a total and its addends, in a row or down a column), the 勾稽关系 of table 三 in each column,
 * each 其中 item within its whole. The arithmetic rules check them; a fix that changes a cell is
 * judged by them too — it is the obvious fix only where every relation reading that cell still holds.
 */
import type { BoundCell, BoundRow, BoundTable } from '../engine/bind';
import { compareAmounts, formatAmount, sum, type Amount } from '../engine/values';
import type { ColumnDefinition, RuleDefinition } from '../formats';
import { columnName, isNumber, resolveAddends, rowLabel, valueColumns } from './cells';
import { say, type Locale } from './types';

/** A cell a relation reads, by the row or column id the definition names it by. */
export interface Term {
  id: string;
  cell: BoundCell | undefined;
}

export interface Relation {
  rule: RuleDefinition;
  /** A sum: [the total]; the balance: its left side (一、二); a subset: [the 其中 item]. */
  left: Term[];
  /** A sum: the addends; the balance: its right side (三（七）、四); a subset: the whole. */
  right: Term[];
  /** The row a sum across columns runs along. */
  row?: BoundRow;
  /** The column a sum across rows, the balance or a subset runs down. */
  column?: ColumnDefinition;
}

const RELATIONS = new WeakMap<BoundTable, Relation[]>();

/** Every relation of the table's definition, in the definition's order (cached per bound table). */
export function relationsOf(table: BoundTable): Relation[] {
  let relations = RELATIONS.get(table);
  if (!relations) {
    relations = table.definition.rules.flatMap((rule) => relationsOfRule(table, rule));
    RELATIONS.set(table, relations);
  }
  return relations;
}

function relationsOfRule(table: BoundTable, rule: RuleDefinition): Relation[] {
  const down = (ids: string[], column: ColumnDefinition): Term[] => ids.map((id) => ({ id, cell: table.rows.get(id)?.cells.get(column.id) }));
  switch (rule.type) {
    case 'sum':
      if (rule.across === 'columns') {
        return [...table.rows.values()].flatMap((row) => {
          if (rule.only && !rule.only.includes(row.definition.id)) return [];
          const ids = resolveAddends(rule.addends, (id) => row.cells.has(id));
          const cell = row.cells.get(rule.total);
          if (!ids || !cell) return [];
          return [{ rule, row, left: [{ id: rule.total, cell }], right: ids.map((id) => ({ id, cell: row.cells.get(id) })) }];
        });
      } else {
        const totalRow = table.rows.get(rule.total);
        const ids = resolveAddends(rule.addends, (id) => table.rows.has(id));
        if (!totalRow || !ids) return [];
        return valueColumns(table, rule.only).flatMap((column) =>
          totalRow.cells.has(column.id) ? [{ rule, column, left: down([rule.total], column), right: down(ids, column) }] : [],
        );
      }
    case 'balance':
      if (!table.rows.has(rule.at)) return [];
      return valueColumns(table).map((column) => ({ rule, column, left: down(rule.left, column), right: down(rule.right, column) }));
    case 'subset':
      if (!table.rows.has(rule.part)) return [];
      return valueColumns(table).map((column) => ({ rule, column, left: down([rule.part], column), right: down(rule.whole, column) }));
  }
}

/** A cell's value as a relation reads it: undefined for anything but a number. */
export type Valuation = (cell: BoundCell) => Amount | undefined;

export const writtenValues: Valuation = (cell) => (isNumber(cell) ? cell.value : undefined);

export interface Evaluation {
  left: Amount;
  right: Amount;
  holds: boolean;
}

/** Both sides of the relation under the valuation; undefined unless every cell it reads has a value. */
export function evaluate(relation: Relation, valueOf: Valuation = writtenValues): Evaluation | undefined {
  const left = sideValue(relation.left, valueOf);
  const right = left && sideValue(relation.right, valueOf);
  if (!left || !right) return undefined;
  const order = compareAmounts(left, right);
  return { left, right, holds: relation.rule.type === 'subset' ? order <= 0 : order === 0 };
}

/** The sum of one side's cells under the valuation; undefined unless every one has a value. */
export function sideValue(terms: Term[], valueOf: Valuation): Amount | undefined {
  const values: Amount[] = [];
  for (const { cell } of terms) {
    const value = cell && valueOf(cell);
    if (!value) return undefined;
    values.push(value);
  }
  return sum(values);
}

export function reads(relation: Relation, cell: BoundCell): boolean {
  return relation.left.some((t) => t.cell === cell) || relation.right.some((t) => t.cell === cell);
}

/**
 * A relation that would no longer hold, in messages, with both its sides as they would be:
 * 「自然人」列勾稽关系（一 + 二 = 20，三 + 四 = 26）, 「总计」列合计（应为 27）.
 */
export function brokenRelationText(table: BoundTable, relation: Relation, evaluation: Evaluation, locale: Locale): string {
  const [left, right] = [evaluation.left, evaluation.right].map((v) => formatAmount(v));
  const column = relation.column && columnName(table.definition, relation.column);
  switch (relation.rule.type) {
    case 'sum': {
      const line = relation.row
        ? say(locale, `「${rowLabel(table, relation.row.definition.id)}」行`, `the row 「${rowLabel(table, relation.row.definition.id)}」`)
        : say(locale, `「${column}」列`, `the 「${column}」 column`);
      return say(locale, `${line}合计（分项之和 ${right}，合计 ${left}）`, `the total of ${line} (addends ${right}, total ${left})`);
    }
    case 'balance':
      return say(
        locale,
        `「${column}」列勾稽关系（一 + 二 = ${left}，三 + 四 = ${right}）`,
        `the balance of the 「${column}」 column (一 + 二 = ${left}, 三 + 四 = ${right})`,
      );
    case 'subset': {
      const part = rowLabel(table, relation.rule.part);
      return say(locale, `「${part}」不超过其所属项（${left} ≤ ${right}）`, `「${part}」 within its whole (${left} ≤ ${right})`);
    }
  }
}
