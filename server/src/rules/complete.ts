/**
 * What the engine adds to the findings of a rule: the rule's code and severity, and the check that
 * every range the finding gives lies in the document (a range outside it would crash the client).
 */
import type { Position, Range } from '../engine/types';
import type { Finding, RuleFinding, RuleMetadata } from './types';

const inDocument = (lines: readonly string[]) => (position: Position) =>
  position.line >= 0 && position.line < lines.length && position.character >= 0 && position.character <= lines[position.line].length;

const isBefore = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** Whether a range lies in the document of these lines, start before end. */
export function rangeInDocument(range: Range, lines: readonly string[]): boolean {
  const within = inDocument(lines);
  return within(range.start) && within(range.end) && isBefore(range.start, range.end);
}

/** Every range of a finding in this document: its own, its related information here (not in another document), its fixes' edits. */
function findingInDocument(finding: RuleFinding, lines: readonly string[]): boolean {
  return (
    rangeInDocument(finding.range, lines) &&
    finding.related.every((r) => r.uri !== undefined || rangeInDocument(r.range, lines)) &&
    finding.fixes.every((fix) => fix.edits.every((edit) => rangeInDocument(edit.range, lines)))
  );
}

/** A rule's findings with its code and severity, and how many were dropped for a range outside the document. */
export function completeFindings(rule: RuleMetadata, found: readonly RuleFinding[], lines: readonly string[]): { findings: Finding[]; outOfRange: number } {
  const findings: Finding[] = [];
  for (const finding of found)
    if (findingInDocument(finding, lines)) findings.push({ code: rule.code, ...finding, severity: finding.severity ?? rule.defaultSeverity });
  return { findings, outOfRange: found.length - findings.length };
}
