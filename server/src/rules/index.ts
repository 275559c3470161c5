import { bind, type BindOptions, type BoundReport } from '../engine/bind';
import { parseReport } from '../engine/structure';
import type { Report } from '../engine/types';
import { partDuplicate, partMissing, partOrder, partTitle } from './parts';
import { partFeeStatement, reportFormatMismatch, reportPeriodMismatch, reportTitle } from './report';
import { reportProseVsTable } from './prose';
import { reportCarryOver } from './carry-over';
import { tableBalanceMismatch } from './table-balance-mismatch';
import { tableSubsetExceeds } from './table-subset-exceeds';
import { tableSumMismatch } from './table-sum-mismatch';
import { tableEmptyCell, tableLabel, tableMissing, tableMissingRow, tableNotNumber, tableUnknownRow } from './tables';
import { valueNegative, valueUnit } from './values';
import type { Finding, Locale, Rule } from './types';

export type { Finding, Fix, Locale, Rule, Severity, TextEdit } from './types';

/** Every rule, in the order their findings are listed. */
export const rules: readonly Rule[] = [
  tableSumMismatch,
  tableBalanceMismatch,
  tableSubsetExceeds,
  partMissing,
  partOrder,
  partDuplicate,
  partTitle,
  tableMissing,
  tableMissingRow,
  tableUnknownRow,
  tableLabel,
  tableEmptyCell,
  tableNotNumber,
  valueUnit,
  valueNegative,
  reportFormatMismatch,
  reportPeriodMismatch,
  reportTitle,
  partFeeStatement,
  reportProseVsTable,
];

export interface CheckOptions extends BindOptions {
  locale?: Locale;
}

/** Runs every rule over a bound report; findings come sorted by position. */
export function checkBound(bound: BoundReport, locale: Locale = 'zh-cn'): Finding[] {
  const findings = rules.flatMap((rule) => rule.check({ bound, locale }));
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export interface Analysis {
  bound: BoundReport;
  findings: Finding[];
}

/** Parses, binds and checks a text: everything the editor and the CLI report about one document. */
export function analyze(text: string, options: CheckOptions = {}): Analysis {
  const bound = bind(parseReport(text), options);
  return { bound, findings: checkBound(bound, options.locale) };
}

/** Every rule's code, severity and description, the cross-document ones included (for rule tables). */
export const ruleInfo: readonly Pick<Rule, 'code' | 'defaultSeverity' | 'description'>[] = [...rules, reportCarryOver];

export function checkReport(report: Report, options: CheckOptions = {}): Finding[] {
  return checkBound(bind(report, options), options.locale);
}

export function checkText(text: string, options: CheckOptions = {}): Finding[] {
  return checkReport(parseReport(text), options);
}
