/**
 * table.balance-mismatch — the 勾稽关系 printed in table 三, per column: 一 + 二 = 三（七）总计 + 四.
 * Reported on the 四、结转下年度继续办理 cell of the column; the fix (not preferred: any of the four
 * cells may be the wrong one) sets 结转 to 一 + 二 − （七） when that is not negative.
 */
import { formatAmount, negate, sameValue, sum, toNumber } from '../engine/values';
import { columnName, isNumber, numberRange, rowLabel, rulesOfType, valueColumns } from './cells';
import { say, type Finding, type Rule } from './types';

export const tableBalanceMismatch: Rule = {
  code: 'table.balance-mismatch',
  defaultSeverity: 'error',
  description: {
    'zh-cn': '第一项加第二项之和不等于第三项加第四项之和',
    en: 'Items 一 + 二 do not equal items 三 + 四',
  },
  check({ bound, locale }) {
    const findings: Finding[] = [];
    for (const [table, rule] of rulesOfType(bound, 'balance')) {
      const at = table.rows.get(rule.at);
      if (!at) continue;
      for (const column of valueColumns(table)) {
        const left = rule.left.map((id) => table.rows.get(id)?.cells.get(column.id));
        const right = rule.right.map((id) => table.rows.get(id)?.cells.get(column.id));
        if (!left.every(isNumber) || !right.every(isNumber)) continue;
        const l = sum(left.map((c) => c.value));
        const r = sum(right.map((c) => c.value));
        if (sameValue(l, r)) continue;
        const target = at.cells.get(column.id)!;
        const others = right.filter((c) => c !== target);
        const expected = sum([l, ...others.map((c) => negate(c.value))]);
        const decimals = Math.max(l.decimals, r.decimals);
        const [lt, rt, et] = [l, r, expected].map((v) => formatAmount(v, decimals));
        const fixes =
          expected.units >= 0n && isNumber(target)
            ? [
                {
                  title: say(locale, `将「${rowLabel(table, rule.at)}」改为 ${et}`, `Change 「${rowLabel(table, rule.at)}」 to ${et}`),
                  edits: [{ range: numberRange(target), newText: et }],
                  preferred: false,
                },
              ]
            : [];
        findings.push({
          code: tableBalanceMismatch.code,
          severity: tableBalanceMismatch.defaultSeverity,
          range: target.range,
          message: say(
            locale,
            `「${columnName(table.definition, column)}」列勾稽关系不符：第一项加第二项之和为 ${lt}，第三项加第四项之和为 ${rt}。`,
            `「${columnName(table.definition, column)}」 does not balance: 一 + 二 = ${lt}, but 三（七）+ 四 = ${rt}.`,
          ),
          related: [...rule.left, ...rule.right].flatMap((id, i) => {
            const cell = [...left, ...right][i];
            return [{ range: cell.range, message: `${rowLabel(table, id)} ${cell.cell!.text}` }];
          }),
          data: { rule: rule.id, table: table.definition.id, column: column.id, left: toNumber(l), right: toNumber(r), expected: toNumber(expected) },
          fixes,
        });
      }
    }
    return findings;
  },
};
