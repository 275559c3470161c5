/**
 * table.balance-mismatch — the 勾稽关系 printed in table 三, per column: 一 + 二 = 三（七）总计 + 四.
 * Reported on the 四、结转下年度继续办理 cell of the column; the fix (not preferred: any of the four
 * cells may be the wrong one) sets 结转 to 一 + 二 − （七） when that is not negative.
 */
import { formatAmount, negate, sum, toNumber } from '../engine/values';
import { columnName, isNumber, numberRange, rowLabel } from './cells';
import { evaluate, relationsOf } from './relations';
import { say, type RuleFinding, type ReportRule } from './types';

export const tableBalanceMismatch: ReportRule = {
  code: 'table.balance-mismatch',
  defaultSeverity: 'error',
  fixable: 'offered',
  formats: ['2019', '2021'],
  scope: 'report',
  description: {
    'zh-cn': '第一项加第二项之和不等于第三项加第四项之和',
    en: 'Items 一 + 二 do not equal items 三 + 四',
  },
  docs: {
    finds: "table 三's printed 勾稽关系 broken in a column: 一 + 二 ≠ 三（七）+ 四",
    fix: 'set 四、结转 to 一 + 二 − （七） when ≥ 0 (not preferred: any of the four may be wrong)',
  },
  check({ bound, locale }) {
    const findings: RuleFinding[] = [];
    for (const table of bound.tables) {
      for (const relation of relationsOf(table)) {
        const { rule, column } = relation;
        if (rule.type !== 'balance' || !column) continue;
        const evaluation = evaluate(relation);
        if (!evaluation || evaluation.holds) continue;
        const { left: l, right: r } = evaluation;
        const target = table.rows.get(rule.at)!.cells.get(column.id)!;
        const others = relation.right.flatMap((t) => (t.cell === target || !isNumber(t.cell) ? [] : [t.cell]));
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
          range: target.range,
          message: say(
            locale,
            `「${columnName(table.definition, column)}」列勾稽关系不符：第一项加第二项之和为 ${lt}，第三项加第四项之和为 ${rt}。`,
            `「${columnName(table.definition, column)}」 does not balance: 一 + 二 = ${lt}, but 三（七）+ 四 = ${rt}.`,
          ),
          related: [...relation.left, ...relation.right].map(({ id, cell }) => ({ range: cell!.range, message: `${rowLabel(table, id)} ${cell!.cell!.text}` })),
          data: { rule: rule.id, table: table.definition.id, column: column.id, left: toNumber(l), right: toNumber(r), expected: toNumber(expected) },
          fixes,
        });
      }
    }
    return findings;
  },
};
