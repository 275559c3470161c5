/**
 * table.sum-mismatch — a total differs from the sum of what it totals: the 总计 column of table
 * 三 on every row (A2), row （七）总计 in every column (A3), each block's 总计 in table 四 (A4),
 * and the parent indicators of the 2008 统计表 (P1–P7). A rule runs only where every cell it
 * needs holds a number: a blank is never taken for 0.
 *
 * The fix is preferred (fix-all applies it) only when nothing contradicts it: not for a grand total
 * whose row and column add up to different values, and not for a column total counting a row with a
 * blank cell, whose numbers may stand in the wrong columns — the total may well be right.
 */
import type { BoundCell, BoundTable } from '../engine/bind';
import { formatAmount, sameValue, sum, toNumber, type Amount } from '../engine/values';
import { cellName, columnName, isNumber, numberRange, resolveAddends, rowLabel, termName, valueColumns, written, type NumberCell } from './cells';
import { say, type Finding, type Locale, type Rule } from './types';

/** Addends listed one by one in a message before the zeros are summarised. */
const LISTED_TERMS = 8;

/** One total a sum rule checks, and the cells it should add up to. */
interface Total {
  ruleId: string;
  /** `columns`: a row's total; `rows`: a column's total. */
  across: 'columns' | 'rows';
  cell: BoundCell;
  /** The addends: column ids for a row's total, row ids for a column's. */
  terms: { id: string; cell: BoundCell | undefined }[];
  /** The total's name in messages; only needed when it is wrong. */
  name: () => string;
  /** The row (across columns) or column (across rows) that adds up, in messages: 「（七）总计」行, 「总计」列. */
  lineName: (locale: Locale) => string;
}

export const tableSumMismatch: Rule = {
  code: 'table.sum-mismatch',
  defaultSeverity: 'error',
  description: {
    'zh-cn': '合计数与其各分项之和不符',
    en: 'A total differs from the sum of what it totals',
  },
  check({ bound, locale }) {
    return bound.tables.flatMap((table) => mismatchesOf(table, locale));
  },
};

function mismatchesOf(table: BoundTable, locale: Locale): Finding[] {
  const checked = totalsOf(table, locale).flatMap((t) => checkedTotal(t) ?? []);
  const byCell = new Map<BoundCell, Checked[]>();
  for (const c of checked) {
    const same = byCell.get(c.total.cell) ?? [];
    same.push(c);
    byCell.set(c.total.cell, same);
  }
  const wrong = checked.filter((c) => !sameValue(c.expected, c.cell.value));
  const blankRows = new Map(checked.map((c) => [c, c.total.across === 'rows' ? rowsWithBlanks(table, c.total) : []]));
  // What each total becomes once fix-all has applied the fixes nothing contradicts: a grand total is
  // judged against its row and its column as they will be, so a cascade of fixes is not taken for a conflict.
  const corrected = new Map<BoundCell, Amount>();
  for (const c of wrong) if (byCell.get(c.total.cell)!.length === 1 && blankRows.get(c)!.length === 0) corrected.set(c.total.cell, c.expected);
  return wrong.map((c) => {
    // A grand total is checked twice, by its row and by its column: where they disagree, one of its addends is wrong.
    const disagreeing = byCell.get(c.total.cell)!.flatMap((other) => {
      const value = other === c ? undefined : sum(other.terms.map((t) => corrected.get(t.cell) ?? t.cell.value));
      return value && !sameValue(value, c.expected) ? [{ check: other, value }] : [];
    });
    const suspects = [c, ...disagreeing.map((d) => d.check)].flatMap((x) => blankRows.get(x)!);
    return mismatch(table, c, disagreeing, [...new Set(suspects)], locale);
  });
}

/** Every total the table's sum rules check: each row's total, each column's total. */
function totalsOf(table: BoundTable, locale: Locale): Total[] {
  const totals: Total[] = [];
  for (const rule of table.definition.rules) {
    if (rule.type !== 'sum') continue;
    if (rule.across === 'columns') {
      for (const row of table.rows.values()) {
        if (rule.only && !rule.only.includes(row.definition.id)) continue;
        const ids = resolveAddends(rule.addends, (id) => row.cells.has(id));
        const cell = row.cells.get(rule.total);
        if (!ids || !cell) continue;
        totals.push({
          ruleId: rule.id,
          across: 'columns',
          cell,
          terms: ids.map((id) => ({ id, cell: row.cells.get(id) })),
          name: () => cellName(table, row, cell.column, locale),
          lineName: (l) => say(l, `「${rowLabel(table, row.definition.id)}」行`, `the row 「${rowLabel(table, row.definition.id)}」`),
        });
      }
    } else {
      const totalRow = table.rows.get(rule.total);
      const ids = resolveAddends(rule.addends, (id) => table.rows.has(id));
      if (!totalRow || !ids) continue;
      for (const column of valueColumns(table, rule.only)) {
        const cell = totalRow.cells.get(column.id);
        if (!cell) continue;
        totals.push({
          ruleId: rule.id,
          across: 'rows',
          cell,
          terms: ids.map((id) => ({ id, cell: table.rows.get(id)?.cells.get(column.id) })),
          name: () => cellName(table, totalRow, column, locale),
          lineName: (l) => say(l, `「${columnName(table.definition, column)}」列`, `the 「${columnName(table.definition, column)}」 column`),
        });
      }
    }
  }
  return totals;
}

/** A total whose cell and addends all hold numbers, with what the addends add up to. */
interface Checked {
  total: Total;
  cell: NumberCell;
  terms: { id: string; cell: NumberCell }[];
  expected: Amount;
}

/** The total with its sum; undefined unless the total and every addend hold a number. */
function checkedTotal(total: Total): Checked | undefined {
  if (!isNumber(total.cell)) return undefined;
  const terms: Checked['terms'] = [];
  for (const { id, cell } of total.terms) {
    if (!isNumber(cell)) return undefined;
    terms.push({ id, cell });
  }
  return { total, cell: total.cell, terms, expected: sum(terms.map((t) => t.cell.value)) };
}

/** The addend rows of a column's total that have a blank cell: their numbers may have slipped into the wrong columns. */
function rowsWithBlanks(table: BoundTable, total: Total): string[] {
  return total.terms.flatMap(({ id }) => {
    const row = table.rows.get(id);
    return row && [...row.cells.values()].some((c) => c.value.kind === 'blank') ? [rowLabel(table, id)] : [];
  });
}

/** The finding of a wrong total; its fix is preferred unless the total disagrees with its other check or counts rows with blank cells (`suspects`). */
function mismatch(table: BoundTable, checked: Checked, disagreeing: { check: Checked; value: Amount }[], suspects: string[], locale: Locale): Finding {
  const { total, cell, terms, expected } = checked;
  const decimals = Math.max(expected.decimals, cell.value.decimals);
  const expectedText = formatAmount(expected, decimals);
  const actualText = written(cell);
  const nonZero = terms.filter((t) => t.cell.value.units !== 0n);
  const shown = nonZero.slice(0, LISTED_TERMS);
  const hidden = nonZero.slice(LISTED_TERMS);
  const zeros = terms.length - nonZero.length;
  let listed = shown.map((t) => `${termName(table, t.id)} ${written(t.cell)}`).join(' + ');
  if (hidden.length > 0) {
    const hiddenSum = formatAmount(sum(hidden.map((t) => t.cell.value)), decimals);
    listed += say(locale, ` + 另 ${hidden.length} 项共 ${hiddenSum}`, ` + ${hidden.length} more totalling ${hiddenSum}`);
  }
  if (zeros > 0) listed += say(locale, `${listed ? '，' : ''}其余 ${zeros} 项为 0`, `${listed ? ', ' : ''}${zeros} more are 0`);
  let message = say(
    locale,
    `${total.name()}应为 ${expectedText}（${listed}），实为 ${actualText}。`,
    `${total.name()} should be ${expectedText} (${listed}) but is ${actualText}.`,
  );
  for (const { check, value } of disagreeing) {
    const other = check.total.lineName(locale);
    const otherText = formatAmount(value, Math.max(value.decimals, cell.value.decimals));
    message += say(locale, `但按${other}合计应为 ${otherText}，两者不一致。`, ` But by ${other} it should be ${otherText}: the two disagree.`);
  }
  if (suspects.length > 0) {
    const rows = suspects.map((r) => `「${r}」`);
    message += say(
      locale,
      `${rows.join('、')}有空白单元格，其数字可能错列。`,
      ` ${rows.join(', ')} ${rows.length > 1 ? 'have blank cells: their' : 'has blank cells: its'} numbers may stand in the wrong columns.`,
    );
  }
  const preferred = disagreeing.length === 0 && suspects.length === 0;
  if (!preferred) message += say(locale, '请核对；「全部修正」不改此处。', ' Check them: fix all leaves this total alone.');
  return {
    code: tableSumMismatch.code,
    severity: tableSumMismatch.defaultSeverity,
    range: cell.range,
    message,
    related: terms.map((t) => ({ range: t.cell.range, message: `${termName(table, t.id)} ${t.cell.cell!.text}` })),
    data: { rule: total.ruleId, table: table.definition.id, expected: toNumber(expected), actual: toNumber(cell.value), decimals },
    fixes: [
      {
        title: say(locale, `将合计改为 ${expectedText}`, `Change the total to ${expectedText}`),
        edits: [{ range: numberRange(cell), newText: expectedText }],
        preferred,
        order: total.across === 'columns' ? 0 : 1,
      },
    ],
  };
}
