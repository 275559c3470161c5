/**
 * report.carry-over — across reports of the same organ: 二、上年结转 of year N equals 四、结转下年度继续办理
 * of year N−1, column by column. It needs more than one document: the CLI runs it over the files it
 * is given, the editor over the workspace's reports.
 */
import type { BoundReport } from '../engine/bind';
import { normalizeText } from '../engine/labels';
import { sameValue } from '../engine/values';
import { columnName, isNumber, valueColumns } from './cells';
import { say, type Finding, type Locale, type Rule } from './types';

export const CARRY_OVER = 'report.carry-over';

export const reportCarryOver: Pick<Rule, 'code' | 'defaultSeverity' | 'description'> = {
  code: CARRY_OVER,
  defaultSeverity: 'error',
  description: { 'zh-cn': '上年结转数与上一年度报告的结转下年度数不符', en: "Carried-over applications differ from last year's report" },
};

export interface ReportDocument {
  uri: string;
  bound: BoundReport;
}

/** The organ and year a report is about, for pairing it with the year before. */
export function reportKey(bound: BoundReport): { organ: string; year: number } | undefined {
  const organ = bound.report.title?.organ;
  const year = bound.report.title?.year ?? bound.report.period?.year;
  return organ && year ? { organ: normalizeText(organ), year } : undefined;
}

/** The findings of `document` against last year's report of the same organ among `others`. */
export function checkCarryOver(document: ReportDocument, others: readonly ReportDocument[], locale: Locale): Finding[] {
  const key = reportKey(document.bound);
  if (!key) return [];
  const previous = others.find((o) => o.uri !== document.uri && reportKey(o.bound)?.organ === key.organ && reportKey(o.bound)?.year === key.year - 1);
  const table = document.bound.tables.find((t) => t.definition.id === 'applications');
  const earlier = previous?.bound.tables.find((t) => t.definition.id === 'applications');
  const carriedIn = table?.rows.get('carried_in');
  const carriedOut = earlier?.rows.get('carried_out');
  if (!previous || !table || !carriedIn || !carriedOut) return [];
  const findings: Finding[] = [];
  for (const column of valueColumns(table)) {
    const now = carriedIn.cells.get(column.id);
    const before = carriedOut.cells.get(column.id);
    if (!isNumber(now) || !isNumber(before) || sameValue(now.value, before.value)) continue;
    const title = previous.bound.report.title?.text ?? `${key.year - 1}`;
    findings.push({
      code: CARRY_OVER,
      severity: reportCarryOver.defaultSeverity,
      range: now.range,
      message: say(
        locale,
        `「${carriedIn.definition.label}」的「${columnName(column)}」为 ${now.cell!.text}，而${key.year - 1}年度报告的「${carriedOut.definition.label}」为 ${before.cell!.text}。`,
        `「${carriedIn.definition.label}」/「${columnName(column)}」 is ${now.cell!.text}, but the ${key.year - 1} report carried ${before.cell!.text} over (「${carriedOut.definition.label}」).`,
      ),
      related: [{ uri: previous.uri, range: before.range, message: `${title}：${carriedOut.definition.label} ${before.cell!.text}` }],
      data: { column: column.id, expected: before.value.value, previousYear: key.year - 1 },
      fixes: [],
    });
  }
  return findings;
}
