/** The errors that make an export ask first (the CLI needs --force): one line each, as the user is shown them. */
import type { Finding, Locale } from '../rules';
import { say } from '../rules/types';

export function exportErrors(findings: readonly Finding[], locale: Locale): string[] {
  return findings
    .filter((f) => f.severity === 'error')
    .map((f) => say(locale, `第 ${f.range.start.line + 1} 行：${f.message}（${f.code}）`, `line ${f.range.start.line + 1}: ${f.message} (${f.code})`));
}
