/**
 * 「预览报告」: the report as it will be published, in a webview beside its editor (as Markdown's
 * preview). The server lays the report out (govreport/publishedLayout) with its findings marked; the
 * webview (media/preview/) draws it, updating its page in place as the document changes, scrolls with
 * the editor, and reveals in the editor the cell or heading clicked.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { Range } from '../../server/src/engine/types';
import { PUBLISHED_LAYOUT } from '../../server/src/lsp/protocol';
import type { PublishedReport } from '../../server/src/publish/model';
import { reportEditor } from './report-editor';

const VIEW_TYPE = 'govreport.preview';
/** Edits are laid out again once typing pauses this long. */
const DEBOUNCE_MS = 300;

/** What the preview's page shows: the marked cells, headings and paragraphs with their severity and message (their tooltip). */
export interface PreviewProbe {
  title: string | null;
  blocks: number;
  marked: { text: string; severity: string; message: string }[];
}

export interface PreviewApi {
  /**
   * Asks the preview of the document what its page shows (undefined without a preview, or before
   * its page is loaded). For tests: the extension host cannot read a webview's DOM, so the webview
   * itself answers from what it drew.
   */
  probe(document: vscode.Uri): Promise<PreviewProbe | undefined>;
}

/** The messages the extension sends to the webview (media/preview/preview.js). */
type ToWebview = { type: 'render'; report: PublishedReport | null } | { type: 'scroll'; line: number } | { type: 'probe'; id: number };
/** The messages the webview sends back. */
type FromWebview = { type: 'ready' } | { type: 'reveal'; range: Range } | { type: 'probed'; id: number; probe: PreviewProbe };

export function registerPreview(context: vscode.ExtensionContext, client: () => Promise<LanguageClient>): PreviewApi {
  const previews = new Map<string, Preview>();
  const show = async (toSide: boolean) => {
    const editor = await reportEditor();
    if (!editor) return;
    const key = editor.document.uri.toString();
    const column = toSide ? vscode.ViewColumn.Beside : (editor.viewColumn ?? vscode.ViewColumn.Active);
    const open = previews.get(key);
    if (open) return open.panel.reveal(column, toSide);
    const preview = new Preview(context, editor, column, toSide, client);
    previews.set(key, preview);
    preview.panel.onDidDispose(() => {
      previews.delete(key);
      preview.dispose();
    });
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('govreport.showPreview', () => show(false)),
    vscode.commands.registerCommand('govreport.showPreviewToSide', () => show(true)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) previews.get(e.document.uri.toString())?.changed();
    }),
    // Findings also change with another report (carry-over) or the settings.
    vscode.languages.onDidChangeDiagnostics((e) => e.uris.forEach((uri) => previews.get(uri.toString())?.changed())),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      const top = e.visibleRanges[0];
      if (top) previews.get(e.textEditor.document.uri.toString())?.scrollTo(top.start.line);
    }),
    { dispose: () => previews.forEach((p) => p.panel.dispose()) },
  );
  return { probe: async (uri) => previews.get(uri.toString())?.probe() };
}

class Preview {
  readonly panel: vscode.WebviewPanel;
  private readonly uri: vscode.Uri;
  /** The column of the editor the preview was opened from: a click in the preview reveals the text there. */
  private readonly editorColumn: vscode.ViewColumn | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Numbers the layout requests: an answer overtaken by a later request is dropped. */
  private requested = 0;
  private topLine: number;
  private ready = false;
  private readonly probes = new Map<number, (probe: PreviewProbe) => void>();
  private probed = 0;

  constructor(
    context: vscode.ExtensionContext,
    editor: vscode.TextEditor,
    column: vscode.ViewColumn,
    preserveFocus: boolean,
    private readonly client: () => Promise<LanguageClient>,
  ) {
    this.uri = editor.document.uri;
    this.editorColumn = editor.viewColumn;
    this.topLine = editor.visibleRanges[0]?.start.line ?? 0;
    const media = vscode.Uri.joinPath(context.extensionUri, 'media', 'preview');
    this.panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      vscode.l10n.t('Preview {0}', this.uri.path.split('/').pop() ?? ''),
      { viewColumn: column, preserveFocus },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [media] },
    );
    this.panel.webview.onDidReceiveMessage((message: FromWebview) => this.received(message));
    // A hidden webview's page is unloaded; shown again, it loads and says it is ready.
    this.panel.onDidChangeViewState(() => (this.ready &&= this.panel.visible));
    this.panel.webview.html = pageHtml(this.panel.webview, media);
  }

  changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), DEBOUNCE_MS);
  }

  scrollTo(line: number): void {
    this.topLine = line;
    if (this.ready) this.post({ type: 'scroll', line });
  }

  probe(): Promise<PreviewProbe | undefined> {
    if (!this.ready) return Promise.resolve(undefined);
    const id = ++this.probed;
    return new Promise((resolve) => {
      this.probes.set(id, resolve);
      this.post({ type: 'probe', id });
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.probes.clear();
  }

  private async received(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.render();
        this.ready = true;
        this.post({ type: 'scroll', line: this.topLine });
        return;
      case 'reveal':
        return this.reveal(message.range);
      case 'probed':
        this.probes.get(message.id)?.(message.probe);
        this.probes.delete(message.id);
    }
  }

  private async render(): Promise<void> {
    const request = ++this.requested;
    const c = await this.client();
    const report = await c.sendRequest<PublishedReport | null>(PUBLISHED_LAYOUT, { textDocument: { uri: this.uri.toString() } });
    if (request === this.requested) this.post({ type: 'render', report });
  }

  private async reveal({ start, end }: Range): Promise<void> {
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const document = visible?.document ?? (await vscode.workspace.openTextDocument(this.uri));
    // Not over the preview itself when it was opened in the editor's place.
    const column = this.editorColumn === this.panel.viewColumn ? vscode.ViewColumn.Beside : this.editorColumn;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? column, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }
}

/** The page: its script and style from media/preview/ only, under a policy that allows nothing else. */
function pageHtml(webview: vscode.Webview, media: vscode.Uri): string {
  const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(media, name)).toString();
  const policy = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
  // The report is Chinese whatever the UI language: zh-CN makes the fonts draw its Han characters in their Chinese forms.
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('preview.css')}">
</head>
<body>
<main id="report" data-not-report="${escapeHtml(vscode.l10n.t('This document is not read as a report.'))}"></main>
<script nonce="${nonce}" src="${asset('preview.js')}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
