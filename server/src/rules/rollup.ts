/**
 * The roll-up (逐级汇总): the statutory tables of the units' reports of one year summed cell by cell
 * into a report of that year's format, its parts left for the writer. A report is summed whole or not
 * at all: one of another year or format, one whose tables could not be read in full, and two reports
 * of one organ are left out and listed with why — never counted as 0. A blank cell adds nothing
 * (blank + blank stays blank, blank + 3 is 3); so does a not-applicable mark (—, 无).
 */
import type { Config } from '../config/config';
import { bind, type BoundReport, type BoundTable } from '../engine/bind';
import { tableKeys } from '../engine/definition-keys';
import { normalizeText } from '../engine/labels';
import { organKey, sameOrgan } from '../engine/organ';
import { parseReport } from '../engine/structure';
import { formatAmount, sum, type Amount } from '../engine/values';
import { formatForYear, type FormatDefinition, type FormatId } from '../formats';
import { renderReport } from '../template/text';
import type { Locale } from './types';

/** A report to sum, with the name it is listed under when it is left out (its file's). */
export interface RollupInput {
  name: string;
  bound: BoundReport;
}

export interface RollupOptions {
  /** The organ making the roll-up, for its title. */
  organ: string;
  /** The units expected to report (`.govreportrc.json` `units`). */
  units?: readonly string[];
  /** `pipe` for Markdown, `tsv` for a plain-text report. */
  syntax: 'tsv' | 'pipe';
}

export interface SummedUnit {
  name: string;
  organ: string;
}

export interface LeftOut {
  name: string;
  /** Why, in both languages: the preamble is always Chinese, the CLI's and editor's lists follow the user's language. */
  reason: Record<Locale, string>;
}

function both(zh: string, en: string): Record<Locale, string> {
  return { 'zh-cn': zh, en };
}

export interface Rollup {
  year: number;
  format: FormatId;
  text: string;
  summed: SummedUnit[];
  leftOut: LeftOut[];
  /** Expected units with no report summed (none of theirs given, or theirs left out). */
  missing: string[];
}

export function rollupInput(name: string, text: string, config: Config): RollupInput {
  return { name, bound: bind(parseReport(text), { assumedFormat: config.assumeFormat }) };
}

/** The year a report is about: its title's, else its statistical period's. */
export function reportYear(bound: BoundReport): number | undefined {
  return bound.report.title?.year ?? bound.report.period?.year;
}

/** The year a roll-up is made for when none is asked for: the latest among the reports (last year's reports arrive in January). */
export function latestYear(reports: readonly BoundReport[]): number | undefined {
  const years = reports.map(reportYear).filter((y) => y !== undefined);
  return years.length > 0 ? Math.max(...years) : undefined;
}

export function rollUp(inputs: readonly RollupInput[], year: number, options: RollupOptions): Rollup {
  const format = formatForYear(year);
  const leftOut: LeftOut[] = [];
  const eligible: (SummedUnit & { key: string; tables: Map<string, BoundTable> })[] = [];
  for (const { name, bound } of inputs) {
    const tables = firstTables(bound);
    const reason = whyNotSummed(bound, year, format, tables);
    if (reason) leftOut.push({ name, reason });
    else {
      const organ = normalizeText(bound.report.title!.organ!);
      eligible.push({ name, organ, key: organKey(organ), tables });
    }
  }
  // Two reports of one organ: which is right is the writer's call, so neither is summed.
  const summed = eligible.filter((unit) => {
    const others = eligible.filter((o) => o !== unit && sameOrgan(o.key, unit.key));
    if (others.length > 0)
      leftOut.push({
        name: unit.name,
        reason: both(
          `与 ${others.map((o) => o.name).join('、')} 同为${unit.organ}${year}年的报告，只应保留一份`,
          `${unit.organ} has another ${year} report: ${others.map((o) => o.name).join(', ')}; keep only one`,
        ),
      });
    return others.length === 0;
  });
  const missing = (options.units ?? []).filter((unit) => !summed.some((s) => sameOrgan(organKey(unit), s.key)));
  const totals = sumTables(
    format,
    summed.map((s) => s.tables),
  );
  const text = renderReport(format, {
    organ: options.organ,
    year,
    titleSuffix: '（汇总）',
    syntax: options.syntax,
    number: () => '',
    value: (table, row, column) => totals.get(`${table}\u0000${row}\u0000${column}`) ?? '',
    preamble: preamble(year, summed, leftOut, missing),
  });
  return { year, format: format.id, text: text.join('\n') + '\n', summed: summed.map(({ name, organ }) => ({ name, organ })), leftOut, missing };
}

/** The report's first table of each statutory table (a second copy is table.duplicate's concern). */
function firstTables(bound: BoundReport): Map<string, BoundTable> {
  const tables = new Map<string, BoundTable>();
  for (const table of bound.tables) if (!tables.has(table.definition.id)) tables.set(table.definition.id, table);
  return tables;
}

function whyNotSummed(bound: BoundReport, year: number, format: FormatDefinition, tables: Map<string, BoundTable>): Record<Locale, string> | undefined {
  const own = reportYear(bound);
  if (own === undefined) return both('标题和统计期限都未写明年度', 'neither the title nor the statistical period gives the year');
  if (own !== year) return both(`是${own}年的报告`, `a report for ${own}`);
  if (bound.era.format.id !== format.id)
    return both(`按${bound.era.format.id}年格式编写，不是${year}年应用的格式`, `follows the ${bound.era.format.id} format, not ${year}'s`);
  if (!bound.report.title?.organ) return both('标题未写明机关', 'the title does not name the organ');
  for (const definition of format.tables) {
    const table = tables.get(definition.id);
    if (!table) return both(`缺少表格「${definition.name}」或未能读出`, `the table 「${definition.name}」 is missing or could not be read`);
    const rows = tableKeys(definition).valueRows.filter((r) => !table.rows.has(r.id));
    if (rows.length > 0)
      return both(
        `表格「${definition.name}」缺少行：${rows.map((r) => `「${r.label}」`).join('、')}`,
        `the table 「${definition.name}」 lacks rows: ${rows.map((r) => `「${r.label}」`).join(', ')}`,
      );
    const unit = unitMismatch(table);
    if (unit)
      return both(
        `表格「${definition.name}」的金额单位（${unit}）与法定单位不同`,
        `the table 「${definition.name}」 states amounts in ${unit}, not the statutory unit`,
      );
  }
  return undefined;
}

/** A unit the table states (in its header or in a cell) other than its format's: such amounts cannot be added as written. */
function unitMismatch(table: BoundTable): string | undefined {
  for (const column of table.definition.columns) {
    if (!column.unit) continue;
    const declared = table.units.get(column.id)?.unit;
    if (declared && declared !== column.unit) return declared;
    for (const row of table.rows.values()) {
      const value = row.cells.get(column.id)?.value;
      if (value?.kind === 'number' && value.unit && value.unit !== column.unit) return value.unit;
    }
  }
  return undefined;
}

/** Each value cell's sum over the reports, keyed table, row, column; a cell no report wrote a number in is absent (blank). */
function sumTables(format: FormatDefinition, reports: readonly Map<string, BoundTable>[]): Map<string, string> {
  const totals = new Map<string, string>();
  for (const definition of format.tables)
    for (const row of tableKeys(definition).valueRows)
      for (const column of tableKeys(definition).valueColumns) {
        const amounts: Amount[] = [];
        for (const tables of reports) {
          const value = tables.get(definition.id)?.rows.get(row.id)?.cells.get(column.id)?.value;
          if (value?.kind === 'number') amounts.push(value);
        }
        if (amounts.length > 0) totals.set(`${definition.id}\u0000${row.id}\u0000${column.id}`, formatAmount(sum(amounts)));
      }
  return totals;
}

function preamble(year: number, summed: readonly SummedUnit[], leftOut: readonly LeftOut[], missing: readonly string[]): string[] {
  const lines = [`本报告表格数据由以下${summed.length}个单位的${year}年政府信息公开工作年度报告逐级汇总：${summed.map((s) => s.organ).join('、') || '无'}。`];
  if (missing.length > 0) lines.push(`未收到报告：${missing.join('、')}。`);
  if (leftOut.length > 0) lines.push(`未汇总：${leftOut.map((l) => `${l.name}（${l.reason['zh-cn']}）`).join('；')}。`);
  return lines;
}
