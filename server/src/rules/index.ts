import { bind, type BoundReport } from '../engine/bind';
import { readSuppressions } from '../engine/suppressions';
import type { Config } from '../config/config';
import { parseReport } from '../engine/structure';
import { partDuplicate, partMissing, partOrder, partTitle } from './parts';
import { partFeeStatement, reportFormatMismatch, reportPeriodMismatch, reportTitle } from './report';
import { reportPeriodBlank } from './report-period-blank';
import { reportProseVsTable } from './prose';
import { reportStaleYear } from './stale-year';
import { reportLate } from './late';
import { reportCarryOver } from './carry-over';
import { reportCopiedText } from './copied-text';
import { reportInForceMismatch } from './in-force-mismatch';
import type { ReportSummary } from './summary';
import { valueImplausible } from './value-implausible';
import { completeFindings } from './complete';
import { tableBalanceMismatch } from './table-balance-mismatch';
import { tableSubsetExceeds } from './table-subset-exceeds';
import { tableSumMismatch } from './table-sum-mismatch';
import { tableEmptyCell } from './table-empty-cell';
import { tableUnread } from './table-unread';
import { tableLabel, tableMissing, tableMissingRow, tableNotNumber, tableUnknownRow } from './tables';
import { valueNegative, valueUnit } from './values';
import { findingId, identifyFindings, reportIdentity } from './finding-id';
import type { Report } from '../engine/types';
import { say, type Finding, type Locale, type ReportRule, type ReportsRule, type Rule, type RuleFinding, type Severity } from './types';

export type { Finding, Fix, Format, Locale, ReportRule, ReportsRule, Rule, RuleFinding, Severity, TextEdit } from './types';

/** The rules over one report, in the order their findings are listed. */
export const reportRules: readonly ReportRule[] = [
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
  tableUnread,
  valueUnit,
  valueNegative,
  reportFormatMismatch,
  reportPeriodMismatch,
  reportPeriodBlank,
  reportTitle,
  partFeeStatement,
  reportProseVsTable,
  reportStaleYear,
  reportLate,
];

/** The rules that compare several reports. */
export const reportsRules: readonly ReportsRule<ReportSummary>[] = [reportCarryOver, reportCopiedText, reportInForceMismatch, valueImplausible];

/** Every rule: what the rule tables are made from (README, settings, .govreportrc.json schema, SARIF). */
export const rules: readonly Rule[] = [...reportRules, ...reportsRules];

const isReportRule = (rule: Rule): rule is ReportRule => rule.scope === 'report';

export interface CheckOptions {
  locale?: Locale;
  config?: Config;
  /** The rules to run: every rule by default. */
  rules?: readonly Rule[];
}

/** A rule that threw: it found nothing, the other rules ran. The engine logs nothing: its callers tell the user. */
export interface RuleFailure {
  code: string;
  message: string;
  /** Where it threw, when the error has a stack: for the log. */
  stack?: string;
}

export interface Checked {
  findings: Finding[];
  failures: RuleFailure[];
}

/** Runs each rule over a bound report on its own, so that one that throws costs only its own findings; findings come sorted by position. */
export function checkBound(bound: BoundReport, locale: Locale = 'zh-cn', ruleSet: readonly ReportRule[] = reportRules): Checked {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of ruleSet) {
    let found: readonly RuleFinding[];
    try {
      found = rule.check({ bound, locale });
    } catch (error) {
      failures.push(error instanceof Error ? { code: rule.code, message: error.message, stack: error.stack } : { code: rule.code, message: String(error) });
      continue;
    }
    const complete = completeFindings(rule, found, bound.report.lines);
    // A range outside the document would crash the client: such a finding is dropped, and its rule counted as failed.
    if (complete.outOfRange > 0) failures.push({ code: rule.code, message: `${complete.outOfRange} finding(s) outside the document dropped` });
    // One by one: a rule may find more than a spread's arguments fit on the stack.
    for (const finding of complete.findings) findings.push(finding);
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { findings, failures };
}

export interface Analysis {
  bound: BoundReport;
  findings: Finding[];
  /** The rules that threw, and found nothing. */
  failures: RuleFailure[];
}

/** Parses, binds and checks a text: everything the editor and the CLI report about one document. */
export function analyze(text: string, options: CheckOptions = {}): Analysis {
  const { bound, findings, failures } = analyzeAll(text, options);
  return { bound, findings: capFindings(findings, options.locale ?? 'zh-cn', bound.report), failures };
}

/** As `analyze`, with every finding listed, however many a rule makes: what fix-all works from. */
export function analyzeAll(text: string, options: CheckOptions = {}): Analysis {
  const bound = bind(parseReport(text), { assumedFormat: options.config?.assumeFormat });
  // A rule turned off is not run: one that throws can be silenced.
  const ruleSet = (options.rules ?? reportRules).filter(isReportRule).filter((rule) => options.config?.rules?.[rule.code] !== 'off');
  const { findings, failures } = checkBound(bound, options.locale, ruleSet);
  return { bound, findings: identifyFindings(finalizeFindings(findings, bound.report.lines, options.config ?? {}), reportIdentity(bound.report)), failures };
}

/** The findings of one rule listed for one document; the rest are summed up in one more finding. */
export const MAX_FINDINGS_PER_RULE = 200;

/**
 * At most MAX_FINDINGS_PER_RULE findings of each rule, in position order; in place of the first one
 * left out, a finding of the same rule that says how many more there are.
 */
function capFindings(findings: Finding[], locale: Locale, report: Report): Finding[] {
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
    const { organ, year } = reportIdentity(report);
    summary.data = { more, id: `${findingId(code, organ, year, {})}/more` };
  }
  return listed;
}

/** Applies the configured severities: findings of rules turned off are dropped. */
function applyRuleLevels(findings: Finding[], config: Config): Finding[] {
  if (!config.rules) return findings;
  const levels = config.rules;
  return findings.flatMap((f) => {
    const level = levels[f.code];
    if (!level) return [f];
    return level === 'off' ? [] : [{ ...f, severity: level as Severity }];
  });
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

/**
 * The findings of the rules over several reports (report.carry-over, report.copied-text…) for `report`, compared with
 * `others`, under its document's inline suppressions and rule levels: the one entry point of the CLI
 * (over the files it is given) and of the server (over the open and indexed reports).
 */
export function checkAcrossReports(
  report: ReportSummary,
  others: readonly ReportSummary[],
  lines: readonly string[],
  config: Config,
  locale: Locale,
): Finding[] {
  const findings = reportsRules
    .filter((rule) => config.rules?.[rule.code] !== 'off')
    // A finding outside the document is dropped, as in checkBound; these rules have no failure list to count it in.
    .flatMap((rule) => completeFindings(rule, rule.checkReports(report, others, { locale, config }), lines).findings);
  return identifyFindings(finalizeFindings(findings, lines, config), { organ: report.organ, year: report.year });
}

/** The findings of a text, as the editor and the CLI report them. */
export function checkText(text: string, options: CheckOptions = {}): Finding[] {
  return analyze(text, options).findings;
}
