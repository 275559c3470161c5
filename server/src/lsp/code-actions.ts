import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextEdit } from '../engine/edits';
import type { Fix, Locale } from '../rules';
import { say } from '../rules/types';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govreport`;

/**
 * What a code action carries in `data` until it is resolved: its edits and the document version they
 * were computed for. VS Code drops the version of a code action's edit (vscode-languageclient's
 * asWorkspaceEdit ignores it), so a versioned edit would be applied blindly to whatever the user typed
 * since; instead the edit is attached by `codeAction/resolve` — when the user picks the action — and
 * only while the document is still at that version.
 */
export interface PendingEdit {
  uri: string;
  version: number;
  edits: TextEdit[];
}

/** The document a code action request is about, at the version the server holds. */
export interface ActionDocument {
  version: number;
  lines: readonly string[];
  eol: string;
}

/**
 * The quick fixes carried by our diagnostics in the request's context, then for each rule the
 * comments that silence it on this line or in the whole file. A diagnostic computed for another
 * version of the document than the current one gets neither: its fixes and its line are those of a
 * text that is gone. With `resolve` (the client resolves `edit`), the actions carry their edits in
 * `data` and get them from resolveAction; otherwise they carry the versioned edit itself.
 */
export function quickFixes(params: CodeActionParams, document: ActionDocument, locale: Locale, resolve = true): CodeAction[] {
  const actions: CodeAction[] = [];
  const uri = params.textDocument.uri;
  const current = params.context.diagnostics.filter((d) => d.source === 'govreport' && diagnosticVersion(d) === document.version);
  const withEdits = (action: CodeAction, edits: TextEdit[]) => withPendingEdits(action, uri, document.version, edits, resolve);
  for (const diagnostic of current) {
    for (const fix of fixesOf(diagnostic)) {
      actions.push(withEdits({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred }, fix.edits));
    }
  }
  const silenced = new Set<string>();
  for (const diagnostic of current) {
    const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
    if (!code || silenced.has(`${code}@${diagnostic.range.start.line}`)) continue;
    silenced.add(`${code}@${diagnostic.range.start.line}`);
    const line = diagnostic.range.start.line;
    const indent = /^[ \u3000]*/.exec(document.lines[line] ?? '')![0];
    const insert = (at: number, text: string) => [
      { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: text + document.eol },
    ];
    actions.push(
      withEdits(
        { title: say(locale, `在此行停用 ${code}`, `Disable ${code} for this line`), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] },
        insert(line, `${indent}<!-- govreport-disable-next-line ${code} -->`),
      ),
      withEdits(
        { title: say(locale, `在整个文件停用 ${code}`, `Disable ${code} for the entire file`), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] },
        insert(0, `<!-- govreport-disable-file ${code} -->`),
      ),
    );
  }
  return actions;
}

export function fixAllAction(uri: string, version: number, edits: TextEdit[], title: string, resolve = true): CodeAction | undefined {
  if (edits.length === 0) return undefined;
  return withPendingEdits({ title, kind: FIX_ALL_KIND }, uri, version, edits, resolve);
}

/** The action with its edits in `data`, to be attached on resolve; for a client that does not resolve, the versioned edit itself. */
function withPendingEdits(action: CodeAction, uri: string, version: number, edits: TextEdit[], resolve: boolean): CodeAction {
  const pending: PendingEdit = { uri, version, edits };
  return resolve ? { ...action, data: pending } : { ...action, edit: versionedEdit(uri, version, edits) };
}

/**
 * `codeAction/resolve`: the action with its edit when the document is still at the version its edits
 * were computed for (`currentVersion` answers undefined for a document that is not open); otherwise the
 * action without an edit — nothing is applied — and what was refused. An action that carries no
 * pending edit comes back as it is.
 */
export function resolveAction(
  action: CodeAction,
  currentVersion: (uri: string) => number | undefined,
): { action: CodeAction; refused?: { uri: string; version: number; current: number | undefined } } {
  const pending = action.data;
  if (!isPendingEdit(pending)) return { action };
  const current = currentVersion(pending.uri);
  const rest = { ...action };
  delete rest.edit;
  if (current !== pending.version) return { action: rest, refused: { uri: pending.uri, version: pending.version, current } };
  return { action: { ...rest, edit: versionedEdit(pending.uri, pending.version, pending.edits) } };
}

/** Whether the request asks for fix-all actions (`source.fixAll`, or ours in particular). */
export function wantsFixAll(only: string[] | undefined): boolean {
  return !!only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`));
}

export function wantsQuickFixes(only: string[] | undefined): boolean {
  return !only || only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === '');
}

/** A versioned edit: a client that honours the version refuses it if the document changed since. */
export function versionedEdit(uri: string, version: number, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri, version }, edits }] };
}

function isPendingEdit(data: unknown): data is PendingEdit {
  const d = data as Partial<PendingEdit> | null | undefined;
  return typeof d === 'object' && d !== null && typeof d.uri === 'string' && Number.isInteger(d.version) && Array.isArray(d.edits);
}

/** The document version a diagnostic of ours was computed for (undefined for one without it). */
function diagnosticVersion(diagnostic: Diagnostic): number | undefined {
  const version = (diagnostic.data as { version?: unknown } | undefined)?.version;
  return typeof version === 'number' ? version : undefined;
}

function fixesOf(diagnostic: Diagnostic): Fix[] {
  const data = diagnostic.data as { fixes?: Fix[] } | undefined;
  return Array.isArray(data?.fixes) ? data.fixes : [];
}
