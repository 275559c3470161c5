import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { Finding } from '../rules';
import { say, type Locale } from '../rules/types';

/** Beside each total that does not add up, the value it should have (on unless govreport.inlayHints.enabled is off). */
export function totalHints(findings: readonly Finding[], range: Range, locale: Locale): InlayHint[] {
  return findings
    .filter((f) => f.code === 'table.sum-mismatch' && f.range.end.line >= range.start.line && f.range.end.line <= range.end.line)
    .map((f) => {
      // The fix writes the exact sum (at any number of digits); `data.expected` is a number, exact only below 2⁵³.
      const { expected, decimals } = f.data as { expected: number; decimals: number };
      const value = f.fixes[0]?.edits[0]?.newText ?? expected.toFixed(decimals);
      return { position: f.range.end, label: say(locale, `应为 ${value}`, `should be ${value}`), kind: InlayHintKind.Parameter, paddingLeft: true };
    });
}
