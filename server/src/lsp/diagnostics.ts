import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../rules';
import type { Snapshot } from './code-actions';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Where each rule's documentation page is published (docs/rules/<code>.md in the repository). */
export const RULE_DOCS = 'https://github.com/govreport/govreport/blob/main/docs/rules/';

/**
 * Findings as LSP diagnostics; the fixes travel in `data` so code actions never re-check, with the
 * snapshot of the document (version and text hash) they were computed for: a code action request may
 * carry diagnostics older than the document, and their fixes are then not offered (see code-actions.ts).
 */
export function toDiagnostics(findings: readonly Finding[], uri: string, { version, hash }: Snapshot): Diagnostic[] {
  return findings.map((f) => ({
    range: f.range,
    severity: SEVERITIES[f.severity],
    code: f.code,
    codeDescription: { href: `${RULE_DOCS}${f.code}.md` },
    source: 'govreport',
    message: f.message,
    relatedInformation: f.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message })),
    data: { ...f.data, version, hash, fixes: f.fixes },
  }));
}
