/**
 * table.subset-exceeds — a 其中 item larger than its parent in the 2008 统计表, e.g. 主动公开规范性文件数
 * above 主动公开政府信息数, or 主要负责同志参加新闻发布会次数 above 参加或举办新闻发布会总次数.
 */
import { compareAmounts, formatAmount, sum, toNumber } from '../engine/values';
import { isNumber, rowLabel, rulesOfType, valueColumns } from './cells';
import { say, type Finding, type Rule } from './types';

export const tableSubsetExceeds: Rule = {
  code: 'table.subset-exceeds',
  defaultSeverity: 'error',
  description: {
    'zh-cn': '“其中”项大于其所属项',
    en: 'A 其中 (of which) item exceeds the item it belongs to',
  },
  check({ bound, locale }) {
    const findings: Finding[] = [];
    for (const [table, rule] of rulesOfType(bound, 'subset')) {
      const part = table.rows.get(rule.part);
      if (!part) continue;
      for (const column of valueColumns(table)) {
        const cell = part.cells.get(column.id);
        const wholes = rule.whole.map((id) => table.rows.get(id)?.cells.get(column.id));
        if (!isNumber(cell) || !wholes.every(isNumber)) continue;
        const whole = sum(wholes.map((c) => c.value));
        if (compareAmounts(cell.value, whole) <= 0) continue;
        const wholeName = rule.whole.map((id) => `「${rowLabel(table, id)}」`).join(say(locale, '与', ' + '));
        const wholeText = formatAmount(whole);
        findings.push({
          code: tableSubsetExceeds.code,
          severity: tableSubsetExceeds.defaultSeverity,
          range: cell.range,
          message: say(
            locale,
            `「${rowLabel(table, rule.part)}」为 ${cell.cell!.text}，超过了${wholeName}${rule.whole.length > 1 ? '之和' : ''} ${wholeText}。`,
            `「${rowLabel(table, rule.part)}」 is ${cell.cell!.text}, more than ${wholeName} (${wholeText}).`,
          ),
          related: wholes.map((c, i) => ({ range: c.range, message: `${rowLabel(table, rule.whole[i])} ${c.cell!.text}` })),
          data: { rule: rule.id, table: table.definition.id, value: toNumber(cell.value), limit: toNumber(whole) },
          fixes: [],
        });
      }
    }
    return findings;
  },
};
