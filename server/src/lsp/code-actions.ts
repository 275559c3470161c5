import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextEdit } from '../engine/edits';
import type { Fix, Locale } from '../rules';
import { say } from '../rules/types';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govreport`;

/**
 * The quick fixes carried by our diagnostics in the request's context, then for each rule the
 * comments that silence it on this line or in the whole file.
 */
export function quickFixes(params: CodeActionParams, document: { version: number; lines: readonly string[]; eol: string }, locale: Locale): CodeAction[] {
  const actions: CodeAction[] = [];
  const uri = params.textDocument.uri;
  const silenced = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    for (const fix of fixesOf(diagnostic)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: versionedEdit(uri, document.version, fix.edits),
      });
    }
  }
  for (const diagnostic of params.context.diagnostics) {
    const code = typeof diagnostic.code === 'string' && diagnostic.source === 'govreport' ? diagnostic.code : undefined;
    if (!code || silenced.has(`${code}@${diagnostic.range.start.line}`)) continue;
    silenced.add(`${code}@${diagnostic.range.start.line}`);
    const line = diagnostic.range.start.line;
    const indent = /^[ \u3000]*/.exec(document.lines[line] ?? '')![0];
    const insert = (at: number, text: string) => [
      { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: text + document.eol },
    ];
    actions.push(
      {
        title: say(locale, `在此行停用 ${code}`, `Disable ${code} for this line`),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: versionedEdit(uri, document.version, insert(line, `${indent}<!-- govreport-disable-next-line ${code} -->`)),
      },
      {
        title: say(locale, `在整个文件停用 ${code}`, `Disable ${code} for the entire file`),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: versionedEdit(uri, document.version, insert(0, `<!-- govreport-disable-file ${code} -->`)),
      },
    );
  }
  return actions;
}

export function fixAllAction(uri: string, version: number, edits: TextEdit[], title: string): CodeAction | undefined {
  if (edits.length === 0) return undefined;
  return { title, kind: FIX_ALL_KIND, edit: versionedEdit(uri, version, edits) };
}

/** Whether the request asks for fix-all actions (`source.fixAll`, or ours in particular). */
export function wantsFixAll(only: string[] | undefined): boolean {
  return !!only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`));
}

export function wantsQuickFixes(only: string[] | undefined): boolean {
  return !only || only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === '');
}

/** A versioned edit: the client refuses it if the document changed since the check. */
export function versionedEdit(uri: string, version: number, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri, version }, edits }] };
}

function fixesOf(diagnostic: Diagnostic): Fix[] {
  if (diagnostic.source !== 'govreport') return [];
  const data = diagnostic.data as { fixes?: Fix[] } | undefined;
  return Array.isArray(data?.fixes) ? data.fixes : [];
}
