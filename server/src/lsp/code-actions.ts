import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextEdit } from '../engine/edits';
import type { Fix } from '../rules';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govreport`;

/** The quick fixes carried by our diagnostics in the request's context. */
export function quickFixes(params: CodeActionParams, version: number): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    for (const fix of fixesOf(diagnostic)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: versionedEdit(params.textDocument.uri, version, fix.edits),
      });
    }
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
