/**
 * PDF, Word and web-page reports in the editor. "Open as report" shows the converted report
 * read-only beside its source (a virtual document the language server checks like any report);
 * "Import as editable report" writes NAME.md next to the source and opens it. Opening such a file
 * offers both once, when it reads as a report.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { looksLikeReport } from '../../server/src/engine/detect';
import { encodeBase64 } from '../../server/src/lsp/base64';
import { READ_SOURCE, type ReadSourceParams, type ReadSourceResult } from '../../server/src/lsp/protocol';
import { isSourceFile, SOURCE_EXTENSIONS } from '../../server/src/readers/dispatch';
import { LIMITS } from '../../server/src/readers/model';

export const SOURCE_SCHEME = 'govreport-source';
export const OPEN_AS_REPORT = 'govreport.openAsReport';
export const IMPORT_AS_REPORT = 'govreport.importAsReport';

/** The converted report of a source: the source's path with `.govreport` added (so it opens in the govreport language), the source's URI in the query. */
export function reportUriOf(source: vscode.Uri): vscode.Uri {
  return source.with({ scheme: SOURCE_SCHEME, path: `${source.path}.govreport`, query: source.toString(), fragment: '' });
}

function sourceUriOf(report: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(report.query, true);
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export function registerSourceCommands(context: vscode.ExtensionContext, client: () => Promise<LanguageClient>): void {
  /** Converted reports by the URI they open under: what the content provider returns. */
  const converted = new Map<string, string>();
  /** A source read again (opened as a report once more, perhaps changed): its open report shows the new reading. */
  const changed = new vscode.EventEmitter<vscode.Uri>();

  /** The source's bytes; undefined for a file larger than the readers take. */
  const bytesOf = async (source: vscode.Uri): Promise<Uint8Array | undefined> =>
    (await vscode.workspace.fs.stat(source)).size > LIMITS.fileBytes ? undefined : vscode.workspace.fs.readFile(source);

  /** The language server's reading of the bytes, remembered for the document it opens under. */
  const request = async (source: vscode.Uri, bytes: Uint8Array): Promise<ReadSourceResult> => {
    const reportUri = reportUriOf(source);
    const params: ReadSourceParams = { uri: reportUri.toString(), source: source.toString(), name: fileName(source), data: encodeBase64(bytes) };
    const result = await (await client()).sendRequest<ReadSourceResult>(READ_SOURCE, params);
    if (result.ok && converted.get(reportUri.toString()) !== result.text) {
      converted.set(reportUri.toString(), result.text);
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === reportUri.toString())) changed.fire(reportUri);
    }
    return result;
  };

  /** Reads a source, telling the user what could not be read (a clear message, never silence). */
  const convert = async (source: vscode.Uri): Promise<Extract<ReadSourceResult, { ok: true }> | undefined> => {
    const tooLarge = vscode.l10n.t('{0} is larger than {1} MB and was not read.', fileName(source), LIMITS.fileBytes / 1024 / 1024);
    let result: ReadSourceResult;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading {0}…', fileName(source)) },
        async () => {
          const bytes = await bytesOf(source);
          return bytes ? request(source, bytes) : { ok: false, reason: 'too-large', message: tooLarge };
        },
      );
    } catch (error) {
      result = { ok: false, reason: 'io', message: error instanceof Error ? error.message : String(error) };
    }
    if (result.ok) return result;
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read {0} as a report: {1}', fileName(source), result.message));
    return undefined;
  };

  const tellNotes = (source: vscode.Uri, notes: string[]) => {
    for (const note of notes) void vscode.window.showWarningMessage(`${fileName(source)}: ${note}`);
  };

  const openAsReport = async (source: vscode.Uri | undefined) => {
    source ??= await pickSource();
    if (!source) return;
    const result = await convert(source);
    if (!result) return;
    if (!looksLikeReport(result.text)) void vscode.window.showWarningMessage(vscode.l10n.t('{0} does not read as an annual report.', fileName(source)));
    tellNotes(source, result.notes);
    const document = await vscode.workspace.openTextDocument(reportUriOf(source));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  };

  const importAsReport = async (source: vscode.Uri | undefined) => {
    source ??= await pickSource();
    if (!source) return;
    const result = await convert(source);
    if (!result) return;
    const name = fileName(source).replace(/\.[^.]*$/, '') + '.md';
    const target = vscode.Uri.joinPath(source, '..', name);
    if (await exists(target)) {
      const overwrite = vscode.l10n.t('Overwrite');
      const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Overwrite it?', name), { modal: true }, overwrite);
      if (choice !== overwrite) return;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    tellNotes(source, result.notes);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
  };

  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: async (uri) => {
        const cached = converted.get(uri.toString());
        if (cached !== undefined) return cached;
        // Reopened after a reload: read the source again.
        const result = await convert(sourceUriOf(uri));
        return result?.text ?? '';
      },
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === SOURCE_SCHEME) converted.delete(document.uri.toString());
    }),
    vscode.commands.registerCommand(OPEN_AS_REPORT, (uri?: vscode.Uri) => openAsReport(uri ?? activeSource())),
    vscode.commands.registerCommand(IMPORT_AS_REPORT, (uri?: vscode.Uri) => importAsReport(uri ?? activeSource())),
    vscode.window.tabGroups.onDidChangeTabs((event) => {
      for (const tab of event.opened) {
        const uri = tabUri(tab);
        if (uri) void offer(uri);
      }
    }),
  );

  const offered = new Set<string>();
  /** Offered once per file, and only when it reads as a report. */
  const offer = async (source: vscode.Uri) => {
    if (source.scheme === SOURCE_SCHEME || !isSourceFile(source.path) || offered.has(source.toString())) return;
    offered.add(source.toString());
    let result: ReadSourceResult;
    try {
      const bytes = await bytesOf(source);
      if (!bytes || !mayBeReport(source, bytes)) return;
      result = await request(source, bytes);
    } catch {
      return; // not a file the workspace can read
    }
    if (!result.ok || !looksLikeReport(result.text)) return;
    const open = vscode.l10n.t('Open as report');
    const importIt = vscode.l10n.t('Import as editable report');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('{0} is an annual report. Open it as a report to see its outline and checks?', fileName(source)),
      open,
      importIt,
    );
    if (choice === open) await openAsReport(source);
    else if (choice === importIt) await importAsReport(source);
  };
  for (const group of vscode.window.tabGroups.all) {
    const uri = group.activeTab && tabUri(group.activeTab);
    if (uri) void offer(uri);
  }
}

/** Web pages are many and mostly not reports: only one that names 政府信息公开 (in UTF-8 or GBK) is read. */
function mayBeReport(source: vscode.Uri, bytes: Uint8Array): boolean {
  if (!/\.html?$/i.test(source.path)) return true;
  const head = bytes.subarray(0, 256 * 1024);
  return [new TextDecoder('utf-8'), new TextDecoder('gb18030')].some((decoder) => decoder.decode(head).includes('政府信息公开'));
}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) return input.uri;
  return undefined;
}

/** The source in the active tab (a PDF shown by a PDF viewer, a web page open as text). */
function activeSource(): vscode.Uri | undefined {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  const uri = tab && tabUri(tab);
  return uri && isSourceFile(uri.path) ? uri : undefined;
}

async function pickSource(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Open as report'),
    filters: { [vscode.l10n.t('Reports (PDF, Word, web pages)')]: SOURCE_EXTENSIONS.map((ext) => ext.slice(1)) },
  });
  return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
