import type { Config } from '../config/config';
import type { BoundReport } from '../engine/bind';
import type { TextEdit } from '../engine/edits';
import type { Range } from '../engine/types';

export type { TextEdit };

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Locale = 'zh-cn' | 'en';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one obvious fix, applied by 「全部修正」 and `source.fixAll.govreport`. */
  preferred: boolean;
  /** Among preferred fixes, lower runs first (row totals before column totals). */
  order?: number;
}

/** A finding as a rule makes it; the engine adds the rule's `code` and `severity`. */
export interface RuleFinding {
  range: Range;
  message: string;
  /** Cells behind the finding; `uri` where they stand in another document (report.carry-over). */
  related: { range: Range; message: string; uri?: string }[];
  /** Machine-readable facts behind the message, e.g. the computed value. */
  data: Record<string, unknown>;
  fixes: Fix[];
  /** Only where this finding departs from the rule's default severity (part.missing in the 2008 era). */
  severity?: Severity;
}

export interface Finding extends RuleFinding {
  code: string;
  severity: Severity;
}

export interface RuleContext {
  bound: BoundReport;
  locale: Locale;
}

/** The formats of the statutory tables: 2008 (统计表), 2019 and 2021. */
export const FORMATS = ['2008', '2019', '2021'] as const;
export type Format = (typeof FORMATS)[number];

/** Whether a rule's findings carry fixes: one fix-all applies ('preferred'), only ones to choose (`offered`), or none. */
export type Fixable = 'preferred' | 'offered' | false;

/** What every rule declares, whatever it checks: the rule tables (README, settings, SARIF) are made from it. */
export interface RuleMetadata {
  /** The stable public code, e.g. `table.sum-mismatch`. */
  code: string;
  defaultSeverity: Severity;
  fixable: Fixable;
  /** The formats of the reports it can find something in. */
  formats: readonly Format[];
  /** One report, or several reports compared. */
  scope: 'report' | 'reports';
  description: Record<Locale, string>;
  /** The README's rule table: what it finds and its quick fix, in English. */
  docs: { finds: string; fix?: string };
}

/** A rule over one report. */
export interface ReportRule extends RuleMetadata {
  scope: 'report';
  check(context: RuleContext): RuleFinding[];
}

/** What a rule over several reports is given besides the reports: the locale and the configuration (its thresholds). */
export interface ReportsContext {
  locale: Locale;
  config: Config;
}

/** A rule over several reports: each is compared with the others through its summary. */
export interface ReportsRule<Summary = unknown> extends RuleMetadata {
  scope: 'reports';
  checkReports(report: Summary, others: readonly Summary[], context: ReportsContext): RuleFinding[];
}

export type Rule = ReportRule | ReportsRule<never>;

/** Picks the message for the locale. */
export function say(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}
