/**
 * 「预览报告」: the report as it will be published, in a webview beside its editor (as Markdown's
 * preview). The server lays the report out (govreport/publishedLayout) with its findings marked; the
 * webview (media/preview/) draws it, updating its page in place as the document changes, scrolls with
 * the editor and the editor with it, and reveals in the editor the cell or heading clicked. A preview
 * open when the window closes comes back with it (the webview keeps its document in its state).
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
/**
 * How long after scrolling an editor to follow the preview its scroll events are taken for the echo
 * of that: sent back, they would move the preview from where the user put it (the editor's top line is
 * not the one revealed when sticky scroll shows headings over it).
 */
const ECHO_MS = 300;

/** What the preview's page shows: the marked cells, headings and paragraphs with their severity and message (their tooltip). */
export interface PreviewProbe {
  title: string | null;
  blocks: number;
  marked: { text: string; severity: string; message: string }[];
  /** The line of the document at the top of the page. */
  topLine: number;
  /** What the webview keeps for the preview's restore after a reload. */
  state: PreviewState | undefined;
}

/** The webview's state (vscode.setState in preview.js): the document it previews. */
export interface PreviewState {
  document: string;
}

export interface PreviewApi {
  /**
   * Asks the preview of the document what its page shows (undefined without a preview, or before
   * its page is loaded). For tests: the extension host cannot read a webview's DOM, so the webview
   * itself answers from what it drew.
   */
  probe(document: vscode.Uri): Promise<PreviewProbe | undefined>;
  /**
   * For tests: scrolls the document's preview as the user would, bringing the element drawn from
   * `line` to the top of its page (false without a loaded preview).
   */
  scrollPreviewAsUser(document: vscode.Uri, line: number): boolean;
  /** What restores the previews after a window reload (for tests: a reload would end them). */
  readonly serializer: vscode.WebviewPanelSerializer<PreviewState | undefined>;
}

/** The messages the extension sends to the webview (media/preview/preview.js). */
type ToWebview =
  | { type: 'render'; report: PublishedReport | null }
  | { type: 'scroll'; line: number }
  | { type: 'scrollAsUser'; line: number }
  | { type: 'probe'; id: number };
/** The messages the webview sends back: `scrolled` gives the line at the top of the page the user scrolled. */
type FromWebview =
  { type: 'ready' } | { type: 'reveal'; range: Range } | { type: 'scrolled'; line: number } | { type: 'probed'; id: number; probe: PreviewProbe };

export function registerPreview(context: vscode.ExtensionContext, client: () => Promise<LanguageClient>): PreviewApi {
  const previews = new Map<string, Preview>();
  const media = vscode.Uri.joinPath(context.extensionUri, 'media', 'preview');
  const attach = (panel: vscode.WebviewPanel, uri: vscode.Uri, editor: vscode.TextEditor | undefined) => {
    const key = uri.toString();
    const preview = new Preview(panel, media, uri, editor, client);
    previews.set(key, preview);
    panel.onDidDispose(() => {
      previews.delete(key);
      preview.dispose();
    });
  };
  const show = async (toSide: boolean) => {
    const editor = await reportEditor();
    if (!editor) return;
    const uri = editor.document.uri;
    const column = toSide ? vscode.ViewColumn.Beside : (editor.viewColumn ?? vscode.ViewColumn.Active);
    const open = previews.get(uri.toString());
    if (open) return open.panel.reveal(column, toSide);
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, previewTitle(uri), { viewColumn: column, preserveFocus: toSide }, webviewOptions(media));
    attach(panel, uri, editor);
  };
  const serializer: vscode.WebviewPanelSerializer<PreviewState | undefined> = {
    async deserializeWebviewPanel(panel, state) {
      panel.webview.options = webviewOptions(media);
      const uri = state && vscode.Uri.parse(state.document, true);
      // Loaded, not shown: the restored window keeps the focus where it was.
      const document = uri && (await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined));
      if (!uri || !document) {
        panel.webview.html = messageHtml(vscode.l10n.t('The report previewed here no longer exists: {0}', uri ? fileName(uri) : ''));
        return;
      }
      if (previews.has(uri.toString())) return panel.dispose();
      attach(
        panel,
        uri,
        vscode.window.visibleTextEditors.find((e) => e.document === document),
      );
    },
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
      if (top) previews.get(e.textEditor.document.uri.toString())?.editorScrolled(e.textEditor, top.start.line);
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, serializer),
    { dispose: () => previews.forEach((p) => p.panel.dispose()) },
  );
  return {
    probe: async (uri) => previews.get(uri.toString())?.probe(),
    scrollPreviewAsUser: (uri, line) => previews.get(uri.toString())?.scrollAsUser(line) ?? false,
    serializer,
  };
}

const previewTitle = (uri: vscode.Uri) => vscode.l10n.t('Preview {0}', fileName(uri));
const fileName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? '';
const webviewOptions = (media: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions => ({
  enableScripts: true,
  enableFindWidget: true,
  localResourceRoots: [media],
});

class Preview {
  /** The column of the editor the preview was opened from: a click in the preview reveals the text there. */
  private readonly editorColumn: vscode.ViewColumn | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Numbers the layout requests: an answer overtaken by a later request is dropped. */
  private requested = 0;
  private topLine: number;
  private ready = false;
  private readonly probes = new Map<number, (probe: PreviewProbe) => void>();
  private probed = 0;
  /** The editor last scrolled to follow the preview, and when (see ECHO_MS). */
  private followed: { editor: vscode.TextEditor; at: number } | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    media: vscode.Uri,
    private readonly uri: vscode.Uri,
    editor: vscode.TextEditor | undefined,
    private readonly client: () => Promise<LanguageClient>,
  ) {
    this.editorColumn = editor?.viewColumn;
    this.topLine = editor?.visibleRanges[0]?.start.line ?? 0;
    this.panel.webview.onDidReceiveMessage((message: FromWebview) => this.received(message));
    // A hidden webview's page is unloaded; shown again, it loads and says it is ready.
    this.panel.onDidChangeViewState(() => (this.ready &&= this.panel.visible));
    this.panel.webview.html = pageHtml(this.panel.webview, media, uri);
  }

  changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), DEBOUNCE_MS);
  }

  editorScrolled(editor: vscode.TextEditor, line: number): void {
    if (this.followed?.editor === editor && Date.now() - this.followed.at < ECHO_MS) return;
    this.topLine = line;
    if (this.ready) this.post({ type: 'scroll', line });
  }

  scrollAsUser(line: number): boolean {
    if (this.ready) this.post({ type: 'scrollAsUser', line });
    return this.ready;
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
      case 'scrolled':
        return this.follow(message.line);
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
    const column = this.editorColumn === undefined || this.editorColumn === this.panel.viewColumn ? vscode.ViewColumn.Beside : this.editorColumn;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? column, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Scrolls the report's visible editors so that the line at the preview's top is at theirs. */
  private follow(line: number): void {
    this.topLine = line;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== this.uri.toString() || editor.visibleRanges[0]?.start.line === line) continue;
      this.followed = { editor, at: Date.now() };
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    }
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }
}

/** The page: its script and style from media/preview/ only, under a policy that allows nothing else. */
function pageHtml(webview: vscode.Webview, media: vscode.Uri, document: vscode.Uri): string {
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
<main id="report" data-document="${escapeHtml(document.toString())}" data-not-report="${escapeHtml(vscode.l10n.t('This document is not read as a report.'))}"></main>
<script nonce="${nonce}" src="${asset('preview.js')}"></script>
</body>
</html>`;
}

/** A page that only says `message`: no script, no resource. */
function messageHtml(message: string): string {
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none';">
</head>
<body><p>${escapeHtml(message)}</p></body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
