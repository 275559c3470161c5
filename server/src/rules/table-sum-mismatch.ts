/**
 * table.sum-mismatch — a total differs from the sum of what it totals: the 总计 column of table
 * 三 on every row (A2), row （七）总计 in every column (A3), each block's 总计 in table 四 (A4),
 * and the parent indicators of the 2008 统计表 (P1–P7). A rule runs only where every cell it
 * needs holds a number: a blank is never taken for 0.
 */
import type { BoundCell, BoundTable } from '../engine/bind';
import { formatNumber, sameValue, sum } from '../engine/values';
import { cellName, isNumber, numberRange, resolveAddends, rulesOfType, termName, valueColumns, written, type NumberCell } from './cells';
import { say, type Finding, type Locale, type Rule } from './types';

/** Addends listed one by one in a message before the zeros are summarised. */
const LISTED_TERMS = 8;

export const tableSumMismatch: Rule = {
  code: 'table.sum-mismatch',
  defaultSeverity: 'error',
  description: {
    'zh-cn': '合计数与其各分项之和不符',
    en: 'A total differs from the sum of what it totals',
  },
  check({ bound, locale }) {
    const findings: Finding[] = [];
    for (const [table, rule] of rulesOfType(bound, 'sum')) {
      if (rule.across === 'columns') {
        for (const row of table.rows.values()) {
          if (rule.only && !rule.only.includes(row.definition.id)) continue;
          const ids = resolveAddends(rule.addends, (id) => row.cells.has(id));
          const total = row.cells.get(rule.total);
          if (!ids || !total) continue;
          const finding = compare(
            table,
            total,
            ids,
            (id) => row.cells.get(id),
            0,
            rule.id,
            locale,
            () => cellName(table, row, total.column, locale),
          );
          if (finding) findings.push(finding);
        }
      } else {
        const totalRow = table.rows.get(rule.total);
        const ids = resolveAddends(rule.addends, (id) => table.rows.has(id));
        if (!totalRow || !ids) continue;
        for (const column of valueColumns(table, rule.only)) {
          const total = totalRow.cells.get(column.id);
          if (!total) continue;
          const cellOf = (id: string) => table.rows.get(id)?.cells.get(column.id);
          const finding = compare(table, total, ids, cellOf, 1, rule.id, locale, () => cellName(table, totalRow, column, locale));
          if (finding) findings.push(finding);
        }
      }
    }
    return findings;
  },
};

function compare(
  table: BoundTable,
  total: BoundCell,
  ids: string[],
  cellOf: (id: string) => BoundCell | undefined,
  order: number,
  ruleId: string,
  locale: Locale,
  /** The total's name in the message; only needed when the total is wrong. */
  name: () => string,
): Finding | undefined {
  if (!isNumber(total)) return undefined;
  const terms: { id: string; cell: NumberCell }[] = [];
  for (const id of ids) {
    const cell = cellOf(id);
    if (!isNumber(cell)) return undefined;
    terms.push({ id, cell });
  }
  const expected = sum(terms.map((t) => t.cell.value));
  if (sameValue(expected, total.value)) return undefined;
  const decimals = Math.max(expected.decimals, total.value.decimals);
  const expectedText = formatNumber(expected.value, decimals);
  const actualText = written(total);
  const nonZero = terms.filter((t) => t.cell.value.value !== 0);
  const shown = nonZero.slice(0, LISTED_TERMS);
  const hidden = nonZero.slice(LISTED_TERMS);
  const zeros = terms.length - nonZero.length;
  let listed = shown.map((t) => `${termName(table, t.id)} ${written(t.cell)}`).join(' + ');
  if (hidden.length > 0) {
    const hiddenSum = formatNumber(sum(hidden.map((t) => t.cell.value)).value, decimals);
    listed += say(locale, ` + 另 ${hidden.length} 项共 ${hiddenSum}`, ` + ${hidden.length} more totalling ${hiddenSum}`);
  }
  if (zeros > 0) listed += say(locale, `${listed ? '，' : ''}其余 ${zeros} 项为 0`, `${listed ? ', ' : ''}${zeros} more are 0`);
  return {
    code: tableSumMismatch.code,
    severity: tableSumMismatch.defaultSeverity,
    range: total.range,
    message: say(
      locale,
      `${name()}应为 ${expectedText}（${listed}），实为 ${actualText}。`,
      `${name()} should be ${expectedText} (${listed}) but is ${actualText}.`,
    ),
    related: terms.map((t) => ({ range: t.cell.range, message: `${termName(table, t.id)} ${t.cell.cell!.text}` })),
    data: { rule: ruleId, table: table.definition.id, expected: expected.value, actual: total.value.value, decimals },
    fixes: [
      {
        title: say(locale, `将合计改为 ${expectedText}`, `Change the total to ${expectedText}`),
        edits: [{ range: numberRange(total), newText: expectedText }],
        preferred: true,
        order,
      },
    ],
  };
}
