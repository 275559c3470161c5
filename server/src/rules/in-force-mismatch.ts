/**
 * report.in-force-mismatch — 现行有效件数 of year N against last year's: what was in force, plus what
 * was issued, less what was repealed (2021 format, 第二十条第（一）项, rows 规章 and 行政规范性文件).
 * Only a plausibility check: documents may have been revised, merged or counted differently.
 */
import { formatAmount, negate, sameValue, sum, toNumber } from '../engine/values';
import { previousReport, rowCells, type ReportSummary } from './summary';
import { say, type ReportsContext, type ReportsRule, type RuleFinding } from './types';

const TABLE = 'article20-1';
const ROWS = ['regulations', 'normative'];

export const reportInForceMismatch: ReportsRule<ReportSummary> = {
  code: 'report.in-force-mismatch',
  defaultSeverity: 'info',
  fixable: false,
  formats: ['2021'],
  scope: 'reports',
  description: {
    'zh-cn': '现行有效件数与上年度现行有效件数和本年制发、废止件数不衔接',
    en: "Documents in force do not follow from last year's and this year's issued and repealed",
  },
  docs: {
    finds:
      "in 第二十条第（一）项 (规章, 行政规范性文件), 现行有效件数 differs from the same organ's year N−1 现行有效件数 (a 2021-format report too: the 2019 format's 对外公开总数量 is not comparable) + 本年制发件数 − 本年废止件数 (a plausibility check: documents may have been revised, merged or counted differently)",
  },
  checkReports: checkInForce,
};

function checkInForce(report: ReportSummary, others: readonly ReportSummary[], { locale }: ReportsContext): RuleFinding[] {
  if (report.format !== '2021') return [];
  const previous = previousReport(report, others);
  // The 2019 format's 对外公开总数量 counts what was ever published, not what is in force: not comparable.
  if (previous?.format !== '2021') return [];
  return ROWS.flatMap((row): RuleFinding[] => {
    const cells = rowCells(report, TABLE, row);
    const [issued, repealed, inForce] = ['issued', 'repealed', 'in_force'].map((column) => cells.find((c) => c.column === column));
    const before = rowCells(previous, TABLE, row).find((c) => c.column === 'in_force');
    if (!issued || !repealed || !inForce || !before) return [];
    const expected = sum([before.value, issued.value, negate(repealed.value)]);
    if (sameValue(expected, inForce.value)) return [];
    const arithmetic = `${before.text} + ${issued.text} − ${repealed.text} = ${formatAmount(expected)}`;
    return [
      {
        range: inForce.range,
        message: say(
          locale,
          `「${inForce.rowLabel}」的现行有效件数为 ${inForce.text}，而按 ${previous.year} 年度报告的现行有效件数和本年制发、废止件数推算为 ${arithmetic}。这只是合理性核对：文件可能经过修订、合并或统计口径不同，请核实。`,
          `「${inForce.rowLabel}」: ${inForce.text} in force, but the ${previous.year} report's in force plus this year's issued less repealed gives ${arithmetic}. A plausibility check only: documents may have been revised, merged or counted differently.`,
        ),
        related: [{ uri: previous.uri, range: before.range, message: `${previous.title}：${before.rowLabel} ${before.columnName} ${before.text}` }],
        data: { row, expected: toNumber(expected), previousYear: previous.year },
        fixes: [],
      },
    ];
  });
}
