import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import * as z from 'zod/mini';
import type { TextEdit } from '../engine/edits';
import { rules, type Fix, type Locale } from '../rules';
import { say } from '../rules/types';
import { textEditSchema, type codeActionParams } from './params';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govreport`;

/**
 * A document as an edit was computed for: its version and a hash of its text. The version alone does
 * not tell: editors restart at version 1 when a document is closed and reopened.
 */
export interface Snapshot {
  version: number;
  hash: string;
}

const snapshotSchema = z.looseObject({ version: z.int(), hash: z.string() });

/**
 * What a code action carries in `data` until it is resolved: its edits and the document they were
 * computed for. VS Code drops the version of a code action's edit (vscode-languageclient's
 * asWorkspaceEdit ignores it), so a versioned edit would be applied blindly to whatever the user typed
 * since; instead the edit is attached by `codeAction/resolve` — when the user picks the action — and
 * only while the document is still that snapshot.
 */
const pendingEditSchema = z.object({ uri: z.string(), version: z.int(), hash: z.string(), edits: z.array(textEditSchema) });
export type PendingEdit = z.infer<typeof pendingEditSchema>;

/** The document a code action request is about, as the server holds it. */
export interface ActionDocument extends Snapshot {
  lines: readonly string[];
  eol: string;
}

/**
 * The quick fixes carried by our diagnostics in the request's context, then for each rule the
 * comments that silence it on this line or in the whole file. A diagnostic computed for another
 * snapshot of the document than the current one gets neither: its fixes and its line are those of a
 * text that is gone. With `resolve` (the client resolves `edit`), the actions carry their edits in
 * `data` and get them from resolveAction; otherwise they carry the versioned edit itself.
 */
export function quickFixes(params: z.infer<typeof codeActionParams>, document: ActionDocument, locale: Locale, resolve = true): CodeAction[] {
  const actions: CodeAction[] = [];
  const uri = params.textDocument.uri;
  const current = params.context.diagnostics.filter((d) => d.source === 'govreport' && sameSnapshot(snapshotOf(d.data), document));
  const withEdits = (action: CodeAction, edits: TextEdit[]) => withPendingEdits(action, uri, document, edits, resolve);
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
    const rule = ruleName(code, locale);
    const indent = /^[ \u3000]*/.exec(document.lines[line] ?? '')![0];
    const insert = (at: number, text: string) => [
      { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: text + document.eol },
    ];
    actions.push(
      withEdits(
        { title: say(locale, `在此行停用${rule}`, `Disable ${rule} for this line`), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] },
        insert(line, `${indent}<!-- govreport-disable-next-line ${code} -->`),
      ),
      withEdits(
        { title: say(locale, `在整个文件停用${rule}`, `Disable ${rule} for the entire file`), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] },
        insert(0, `<!-- govreport-disable-file ${code} -->`),
      ),
    );
  }
  return actions;
}

/**
 * A rule as a suppression action names it: its description in words, its code in parentheses — the
 * code is what the comment holds. Quotes inside a Chinese description become the inner ‘’ pair.
 */
function ruleName(code: string, locale: Locale): string {
  const rule = rules.find((r) => r.code === code);
  if (!rule) return code;
  return say(locale, `“${rule.description['zh-cn'].replace(/“/g, '‘').replace(/”/g, '’')}”（${code}）`, `"${rule.description.en}" (${code})`);
}

export function fixAllAction(uri: string, document: Snapshot, edits: TextEdit[], title: string, resolve = true): CodeAction | undefined {
  if (edits.length === 0) return undefined;
  return withPendingEdits({ title, kind: FIX_ALL_KIND }, uri, document, edits, resolve);
}

/** The action with its edits in `data`, to be attached on resolve; for a client that does not resolve, the versioned edit itself. */
function withPendingEdits(action: CodeAction, uri: string, document: Snapshot, edits: TextEdit[], resolve: boolean): CodeAction {
  const pending: PendingEdit = { uri, version: document.version, hash: document.hash, edits };
  return resolve ? { ...action, data: pending } : { ...action, edit: versionedEdit(uri, document.version, edits) };
}

/** Why an edit was not applied: the document it was made for, and what it is now (undefined: closed). */
export interface Refusal {
  uri: string;
  version: number;
  current: Snapshot | undefined;
}

/**
 * `codeAction/resolve`: the action with its edit when the document is still the snapshot its edits
 * were computed for (`currentSnapshot` answers undefined for a document that is not open); otherwise
 * the action without an edit — nothing is applied — and what was refused. An action that carries no
 * pending edit comes back as it is.
 */
export function resolveAction<A extends { edit?: WorkspaceEdit; data?: unknown }>(
  action: A,
  currentSnapshot: (uri: string) => Snapshot | undefined,
): { action: A; refused?: Refusal } {
  const pending = pendingEditSchema.safeParse(action.data);
  if (!pending.success) return { action };
  const { uri, version, edits } = pending.data;
  const current = currentSnapshot(uri);
  const rest = { ...action };
  delete rest.edit;
  if (!sameSnapshot(current, pending.data)) return { action: rest, refused: { uri, version, current } };
  return { action: { ...rest, edit: versionedEdit(uri, version, edits) } };
}

/** How a refused edit's document stands now, for the log: closed, at another version, or at the same version with another text. */
export function describeRefusal({ version, current }: Refusal): string {
  if (!current) return 'closed';
  return current.version === version ? `at version ${version} with another text` : `at version ${current.version}`;
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

function sameSnapshot(a: Snapshot | undefined, b: Snapshot): boolean {
  return a?.version === b.version && a.hash === b.hash;
}

/** The snapshot a diagnostic of ours was computed for, from its `data` (undefined for one without it). */
function snapshotOf(data: unknown): Snapshot | undefined {
  const parsed = snapshotSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

const fixesSchema = z.catch(z.object({ fixes: z.array(z.object({ title: z.string(), preferred: z.boolean(), edits: z.array(textEditSchema) })) }), {
  fixes: [],
});

/** The fixes a diagnostic of ours carries in `data`; none when they are not well-formed. */
function fixesOf(diagnostic: Diagnostic): Fix[] {
  return fixesSchema.parse(diagnostic.data).fixes;
}
