import { bind, type BindOptions } from '../engine/bind';
import { parseReport } from '../engine/structure';
import type { Report } from '../engine/types';
import { tableBalanceMismatch } from './table-balance-mismatch';
import { tableSubsetExceeds } from './table-subset-exceeds';
import { tableSumMismatch } from './table-sum-mismatch';
import type { Finding, Locale, Rule } from './types';

export type { Finding, Fix, Locale, Rule, Severity, TextEdit } from './types';

/** Every rule, in the order their findings are listed. */
export const rules: readonly Rule[] = [tableSumMismatch, tableBalanceMismatch, tableSubsetExceeds];

export interface CheckOptions extends BindOptions {
  locale?: Locale;
}

/** Runs every rule over a parsed report; findings come sorted by position. */
export function checkReport(report: Report, options: CheckOptions = {}): Finding[] {
  const bound = bind(report, options);
  const context = { bound, locale: options.locale ?? 'zh-cn' };
  const findings = rules.flatMap((rule) => rule.check(context));
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export function checkText(text: string, options: CheckOptions = {}): Finding[] {
  return checkReport(parseReport(text), options);
}
