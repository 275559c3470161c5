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
import { tableEmptyCell } from './table-empty-cell';
import { tableLabel, tableMissing, tableMissingRow, tableNotNumber, tableUnknownRow } from './tables';
import { valueNegative, valueUnit } from './values';
import { say, type Finding, type Locale, type Rule } from './types';

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
  // One by one: a rule may find more than a spread's arguments fit on the stack.
  for (const rule of rules) for (const finding of rule.check({ bound, locale })) findings.push(finding);
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export interface Analysis {
  bound: BoundReport;
  findings: Finding[];
}

/** Parses, binds and checks a text: everything the editor and the CLI report about one document. */
export function analyze(text: string, options: CheckOptions = {}): Analysis {
  const { bound, findings } = analyzeAll(text, options);
  return { bound, findings: capFindings(findings, options.locale ?? 'zh-cn') };
}

/** As `analyze`, with every finding listed, however many a rule makes: what fix-all works from. */
export function analyzeAll(text: string, options: CheckOptions = {}): Analysis {
  const bound = bind(parseReport(text), { assumedFormat: options.config?.assumeFormat });
  return { bound, findings: finalizeFindings(checkBound(bound, options.locale), bound.report.lines, options.config ?? {}) };
}

/** The findings of one rule listed for one document; the rest are summed up in one more finding. */
export const MAX_FINDINGS_PER_RULE = 200;

/**
 * At most MAX_FINDINGS_PER_RULE findings of each rule, in position order; in place of the first one
 * left out, a finding of the same rule that says how many more there are.
 */
function capFindings(findings: Finding[], locale: Locale): Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_RULE) return findings;
  const counts = new Map<string, number>();
  const summaries = new Map<string, Finding>();
  const listed: Finding[] = [];
  for (const finding of findings) {
    const count = (counts.get(finding.code) ?? 0) + 1;
    counts.set(finding.code, count);
    if (count <= MAX_FINDINGS_PER_RULE) listed.push(finding);
    else if (count === MAX_FINDINGS_PER_RULE + 1) {
      const summary: Finding = { code: finding.code, severity: finding.severity, range: finding.range, message: '', related: [], data: {}, fixes: [] };
      summaries.set(finding.code, summary);
      listed.push(summary);
    }
  }
  for (const [code, summary] of summaries) {
    const more = counts.get(code)! - MAX_FINDINGS_PER_RULE;
    summary.message = say(
      locale,
      `另有 ${more} 处 ${code} 问题未逐一列出（每条规则在一个文档中最多列出 ${MAX_FINDINGS_PER_RULE} 处），从此处起。`,
      `${more} more ${code} problems from here on are not listed (at most ${MAX_FINDINGS_PER_RULE} per rule and document).`,
    );
    summary.data = { more };
  }
  return listed;
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
