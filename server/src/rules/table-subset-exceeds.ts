/**
 * table.subset-exceeds — a 其中 item larger than its parent in the 2008 统计表, e.g. 主动公开规范性文件数
 * above 主动公开政府信息数, or 主要负责同志参加新闻发布会次数 above 参加或举办新闻发布会总次数.
 */
import { formatAmount, toNumber } from '../engine/values';
import { rowLabel } from './cells';
import { evaluate, relationsOf } from './relations';
import { say, type RuleFinding, type ReportRule } from './types';

export const tableSubsetExceeds: ReportRule = {
  code: 'table.subset-exceeds',
  defaultSeverity: 'error',
  fixable: false,
  formats: ['2008'],
  scope: 'report',
  description: {
    'zh-cn': '“其中”项大于其所属项',
    en: 'A 其中 (of which) item exceeds the item it belongs to',
  },
  docs: {
    finds:
      'a 其中 item larger than its parent in the 2008 统计表 (主动公开规范性文件数 > 主动公开政府信息数, …), or 主动公开政府信息数 above the sum of its channels',
  },
  check({ bound, locale }) {
    const findings: RuleFinding[] = [];
    for (const table of bound.tables) {
      for (const relation of relationsOf(table)) {
        const { rule } = relation;
        if (rule.type !== 'subset') continue;
        const evaluation = evaluate(relation);
        if (!evaluation || evaluation.holds) continue;
        const cell = relation.left[0].cell!;
        const wholeName = rule.whole.map((id) => `「${rowLabel(table, id)}」`).join(say(locale, '与', ' + '));
        const wholeText = formatAmount(evaluation.right);
        findings.push({
          range: cell.range,
          message: say(
            locale,
            `「${rowLabel(table, rule.part)}」为 ${cell.cell!.text}，超过了${wholeName}${rule.whole.length > 1 ? '之和' : ''} ${wholeText}。`,
            `「${rowLabel(table, rule.part)}」 is ${cell.cell!.text}, more than ${wholeName} (${wholeText}).`,
          ),
          related: relation.right.map(({ id, cell: c }) => ({ range: c!.range, message: `${rowLabel(table, id)} ${c!.cell!.text}` })),
          data: { rule: rule.id, table: table.definition.id, column: cell.column.id, value: toNumber(evaluation.left), limit: toNumber(evaluation.right) },
          fixes: [],
        });
      }
    }
    return findings;
  },
};
