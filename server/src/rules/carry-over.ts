/**
 * report.carry-over — across reports of the same organ: 二、上年结转 of year N equals 四、结转下年度继续办理
 * of year N−1, column by column. It needs more than one document: the CLI runs it over the files it
 * is given, the editor over the workspace's reports. Reports are compared through small summaries,
 * which the CLI's worker threads and the server's workspace index can pass around.
 */
import type { BoundReport } from '../engine/bind';
import { normalizeText } from '../engine/labels';
import type { Range } from '../engine/types';
import { sameValue, toNumber, type Amount } from '../engine/values';
import { columnName, valueColumns } from './cells';
import { say, type Locale, type ReportsRule, type RuleFinding } from './types';

export const reportCarryOver: ReportsRule<CarrySummary> = {
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

interface CarriedCell {
  column: string;
  columnName: string;
  value: Amount;
  text: string;
  range: Range;
}

/** What one report says about its carried-over applications. */
export interface CarrySummary {
  uri: string;
  organ: string;
  year: number;
  title: string;
  carriedIn?: { label: string; cells: CarriedCell[] };
  carriedOut?: { label: string; cells: CarriedCell[] };
}

export function carrySummary(uri: string, bound: BoundReport): CarrySummary | undefined {
  const organ = bound.report.title?.organ;
  const year = bound.report.title?.year ?? bound.report.period?.year;
  const table = bound.tables.find((t) => t.definition.id === 'applications');
  if (!organ || !year) return undefined;
  const row = (id: string) => {
    const bound = table?.rows.get(id);
    if (!table || !bound) return undefined;
    const cells = valueColumns(table).flatMap((column) => {
      const cell = bound.cells.get(column.id);
      return cell?.value.kind === 'number'
        ? [
            {
              column: column.id,
              columnName: columnName(table.definition, column),
              value: { units: cell.value.units, decimals: cell.value.decimals },
              text: cell.cell!.text,
              range: cell.range,
            },
          ]
        : [];
    });
    return { label: bound.definition.label, cells };
  };
  return { uri, organ: normalizeText(organ), year, title: bound.report.title!.text, carriedIn: row('carried_in'), carriedOut: row('carried_out') };
}

/** The findings of `report` against last year's report of the same organ among `others`. */
function checkCarryOver(report: CarrySummary, others: readonly CarrySummary[], locale: Locale): RuleFinding[] {
  const previous = others.find((o) => o.uri !== report.uri && o.organ === report.organ && o.year === report.year - 1);
  if (!previous?.carriedOut || !report.carriedIn) return [];
  const findings: RuleFinding[] = [];
  for (const now of report.carriedIn.cells) {
    const before = previous.carriedOut.cells.find((c) => c.column === now.column);
    if (!before || sameValue(before.value, now.value)) continue;
    findings.push({
      range: now.range,
      message: say(
        locale,
        `「${report.carriedIn.label}」的「${now.columnName}」为 ${now.text}，而 ${previous.year} 年度报告的「${previous.carriedOut.label}」为 ${before.text}。`,
        `「${report.carriedIn.label}」/「${now.columnName}」 is ${now.text}, but the ${previous.year} report carried ${before.text} over (「${previous.carriedOut.label}」).`,
      ),
      related: [{ uri: previous.uri, range: before.range, message: `${previous.title}：${previous.carriedOut.label} ${before.text}` }],
      data: { column: now.column, expected: toNumber(before.value), previousYear: previous.year },
      fixes: [],
    });
  }
  return findings;
}
