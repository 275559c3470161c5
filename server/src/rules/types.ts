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

export interface Finding {
  code: string;
  severity: Severity;
  range: Range;
  message: string;
  /** Cells behind the finding; `uri` where they stand in another document (report.carry-over). */
  related: { range: Range; message: string; uri?: string }[];
  /** Machine-readable facts behind the message, e.g. the computed value. */
  data: Record<string, unknown>;
  fixes: Fix[];
}

export interface RuleContext {
  bound: BoundReport;
  locale: Locale;
}

/** One rule: a stable public code, its default severity, a description and its check. */
export interface Rule {
  code: string;
  defaultSeverity: Severity;
  description: Record<Locale, string>;
  check(context: RuleContext): Finding[];
}

/** Picks the message for the locale. */
export function say(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}
