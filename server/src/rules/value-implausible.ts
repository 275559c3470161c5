/**
 * value.implausible — figures that are possible but unlikely enough to look at again: a count that
 * jumped or fell many times over since last year, fees in 万元 as large as a 元 figure written in
 * the wrong unit, and （六）其他处理 taking a large share of （七）总计 (the 2019 notice asks the
 * 主管部门 to look into organs that close many applications that way). Thresholds from the configuration.
 */
import { tableKeys } from '../engine/definition-keys';
import { compareAmounts, formatAmount, toNumber, type Amount } from '../engine/values';
import { formatById } from '../formats';
import { plausibility, type Plausibility } from '../config/config';
import { previousReport, rowCells, type ReportSummary, type SummaryCell } from './summary';
import { say, type Locale, type ReportsRule, type RuleFinding } from './types';

export const valueImplausible: ReportsRule<ReportSummary> = {
  code: 'value.implausible',
  defaultSeverity: 'hint',
  fixable: false,
  formats: ['2019', '2021'],
  scope: 'reports',
  description: { 'zh-cn': '数值与上年或常理相差悬殊，请核实', en: 'A figure far from last year’s or from the usual' },
  docs: {
    finds:
      "a count more than `plausibility.ratio` (5) times, or under 1/ratio of, the same cell of the same organ's year N−1 report, both at least `plausibility.minCount` (20) (amounts are not compared: they vary more); 本年收费金额（单位：万元） of at least `plausibility.feeWanYuan` (200000 万元, i.e. 20亿元: cities report up to about 10亿元), a likely 元 figure; （六）其他处理 above `plausibility.otherShare` (0.2) of （七）总计 (总计 at least 10)",
  },
  checkReports: (report, others, { locale, config }) => {
    const thresholds = plausibility(config);
    return [...jumps(report, others, thresholds, locale), ...largeFees(report, thresholds, locale), ...otherHandling(report, thresholds, locale)];
  },
};

/** （七）总计 below this says too little for a share (1 of 2). */
const MIN_OUTCOME_TOTAL = 10;

const name = (cell: SummaryCell) => (cell.rowLabel === cell.columnName ? `「${cell.rowLabel}」` : `「${cell.rowLabel}」的「${cell.columnName}」`);

function jumps(report: ReportSummary, others: readonly ReportSummary[], { ratio, minCount }: Plausibility, locale: Locale): RuleFinding[] {
  const previous = previousReport(report, others);
  if (!previous) return [];
  return report.cells.flatMap((now): RuleFinding[] => {
    const before =
      now.kind === 'count' && previous.cells.find((c) => c.kind === 'count' && c.table === now.table && c.row === now.row && c.column === now.column);
    if (!before) return [];
    const [a, b] = [toNumber(before.value), toNumber(now.value)];
    if (a < minCount || b < minCount || (b <= a * ratio && b * ratio >= a)) return [];
    const times = b > a ? `${Math.round((b / a) * 10) / 10}` : `1/${Math.round((a / b) * 10) / 10}`;
    return [
      {
        range: now.range,
        message: say(
          locale,
          `${name(now)}为 ${now.text}，是 ${previous.year} 年度报告（${before.text}）的 ${times} 倍，请核实。`,
          `${name(now)} is ${now.text}, ${times} times the ${previous.year} report's ${before.text}: please check.`,
        ),
        related: [{ uri: previous.uri, range: before.range, message: `${previous.title}：${name(before)} ${before.text}` }],
        data: { check: 'year-over-year', previous: a, previousYear: previous.year },
        fixes: [],
      },
    ];
  });
}

/** The amount divided by 10^places, exactly (no binary fraction: 316441.3 万元 is 31.64413 亿元), without trailing zeros. */
const inPowerOfTen = (amount: Amount, places: number) =>
  formatAmount({ units: amount.units, decimals: amount.decimals + places })
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');

function largeFees(report: ReportSummary, { feeWanYuan }: Plausibility, locale: Locale): RuleFinding[] {
  return rowCells(report, 'article20-8', 'fees')
    .filter((c) => c.column === 'fee_amount' && toNumber(c.value) >= feeWanYuan)
    .map((fee) => ({
      range: fee.range,
      message: say(
        locale,
        `本年收费金额为 ${fee.text} 万元，即 ${inPowerOfTen(fee.value, 4)} 亿元：是否把以元计的金额填在了以万元计的栏中？`,
        `Fees of ${fee.text} 万元 (${inPowerOfTen(fee.value, 5)} billion yuan): is this an amount in 元 written in the 万元 column?`,
      ),
      related: [],
      data: { check: 'fee-unit', threshold: feeWanYuan },
      fixes: [],
    }));
}

function otherHandling(report: ReportSummary, { otherShare }: Plausibility, locale: Locale): RuleFinding[] {
  const table = formatById(report.format).tables.find((t) => t.id === 'applications');
  if (!table) return [];
  const { rowsById, children } = tableKeys(table);
  const totalOf = (row: string) => rowCells(report, 'applications', row).find((c) => c.column === 'total');
  const total = totalOf('outcome_total');
  // The 2019 format's one row （六）其他处理, or the 2021 format's rows under it.
  const parts = (children.get('other_handling') ?? []).map((r) => r.id);
  const cells = (parts.length > 0 ? parts : ['other_handling']).map(totalOf);
  const [otherLabel, totalLabel] = ['other_handling', 'outcome_total'].map((id) => rowsById.get(id)?.label ?? id);
  if (!total || cells.some((c) => !c) || compareAmounts(total.value, { units: BigInt(MIN_OUTCOME_TOTAL), decimals: 0 }) < 0) return [];
  const other = cells.reduce((n, c) => n + toNumber(c!.value), 0);
  const share = other / toNumber(total.value);
  if (share <= otherShare) return [];
  const first = cells[0]!;
  const percent = `${Math.round(share * 100)}%`;
  return [
    {
      range: first.range,
      message: say(
        locale,
        `${otherLabel}共 ${other} 件，占${totalLabel} ${total.text} 件的 ${percent}（超过 ${Math.round(otherShare * 100)}%）：以「其他处理」办结的申请偏多，请核实分类。`,
        `${otherLabel} is ${other} of ${totalLabel} ${total.text} (${percent}, above ${Math.round(otherShare * 100)}%): many applications closed as 「other」; please check how they were classified.`,
      ),
      related: [{ range: total.range, message: `${totalLabel} ${total.text}` }],
      data: { check: 'other-handling', share: Math.round(share * 1000) / 1000 },
      fixes: [],
    },
  ];
}
