/**
 * report.carry-over — across reports of the same organ: 二、上年结转 of year N equals 四、结转下年度继续办理
 * of year N−1, column by column. It needs more than one document: the CLI runs it over the files it
 * is given, the editor over the workspace's reports. Reports are compared through small summaries,
 * which the CLI's worker threads and the server's workspace index can pass around.
 */
import { sameValue, toNumber } from '../engine/values';
import { previousReport, rowCells, type ReportSummary } from './summary';
import { say, type ReportsContext, type ReportsRule, type RuleFinding } from './types';

export const reportCarryOver: ReportsRule<ReportSummary> = {
  code: 'report.carry-over',
  defaultSeverity: 'error',
  fixable: false,
  formats: ['2019', '2021'],
  scope: 'reports',
  description: { 'zh-cn': '上年结转数与上一年度报告的结转下年度数不符', en: "Carried-over applications differ from last year's report" },
  docs: {
    finds:
      "二、上年结转 of year N differs from 四、结转下年度继续办理 of the same organ's year N−1 report, per column (in the CLI across the files given; in the editor across the workspace's reports, indexed in the background)",
  },
  checkReports: checkCarryOver,
};

/** The findings of `report` against last year's report of the same organ among `others`. */
function checkCarryOver(report: ReportSummary, others: readonly ReportSummary[], { locale }: ReportsContext): RuleFinding[] {
  const previous = previousReport(report, others);
  if (!previous) return [];
  const carriedOut = rowCells(previous, 'applications', 'carried_out');
  const findings: RuleFinding[] = [];
  for (const now of rowCells(report, 'applications', 'carried_in')) {
    const before = carriedOut.find((c) => c.column === now.column);
    if (!before || sameValue(before.value, now.value)) continue;
    findings.push({
      range: now.range,
      message: say(
        locale,
        `「${now.rowLabel}」的「${now.columnName}」为 ${now.text}，而 ${previous.year} 年度报告的「${before.rowLabel}」为 ${before.text}。`,
        `「${now.rowLabel}」/「${now.columnName}」 is ${now.text}, but the ${previous.year} report carried ${before.text} over (「${before.rowLabel}」).`,
      ),
      related: [{ uri: previous.uri, range: before.range, message: `${previous.title}：${before.rowLabel} ${before.text}` }],
      data: { column: now.column, expected: toNumber(before.value), previousYear: previous.year },
      fixes: [],
    });
  }
  return findings;
}
