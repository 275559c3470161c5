import { bind, type BoundReport } from '../engine/bind';
import { readSuppressions } from '../engine/suppressions';
import { applyRuleLevels, type Config } from '../config/config';
import { parseReport } from '../engine/structure';
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

export interface CheckOptions {
  locale?: Locale;
  config?: Config;
}

/** Runs every rule over a bound report; findings come sorted by position. */
export function checkBound(bound: BoundReport, locale: Locale = 'zh-cn'): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) findings.push(...rule.check({ bound, locale }));
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export interface Analysis {
  bound: BoundReport;
  findings: Finding[];
}

/** Parses, binds and checks a text: everything the editor and the CLI report about one document. */
export function analyze(text: string, options: CheckOptions = {}): Analysis {
  const bound = bind(parseReport(text), { assumedFormat: options.config?.assumeFormat });
  return { bound, findings: finalizeFindings(checkBound(bound, options.locale), bound.report.lines, options.config ?? {}) };
}

/**
 * What the user asked for: findings silenced by inline comments are dropped, then the configured
 * severities applied (or the rule turned off). Cross-document findings pass through here as well.
 */
export function finalizeFindings(findings: Finding[], lines: readonly string[], config: Config): Finding[] {
  const suppressions = readSuppressions(lines);
  return applyRuleLevels(
    findings.filter((f) => !suppressions.isSuppressed(f.code, f.range.start.line)),
    config,
  );
}

/** Every rule's code, severity and description, the cross-document ones included (for rule tables). */
export const ruleInfo: readonly Pick<Rule, 'code' | 'defaultSeverity' | 'description'>[] = [...rules, reportCarryOver];

/** The findings of a text, as the editor and the CLI report them. */
export function checkText(text: string, options: CheckOptions = {}): Finding[] {
  return analyze(text, options).findings;
}
