import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type BaseLanguageClient, type ErrorHandler, type LanguageClientOptions } from 'vscode-languageclient';
import { looksLikeReport } from '../../server/src/engine/detect';
import { servedAsReport } from '../../server/src/lsp/served';
import { registerTemplateCommands } from './commands';
import { registerFixAllCommands } from './fix-all';
import { trackTextEditors } from './report-editor';
import { misdecoded, registerEncodingCommand } from './encoding';
import { restartPolicy } from './restart-policy';
import { registerStatusItems, type ShownStatus } from './status';
import { registerSourceCommands } from './sources';
import { registerWorkspaceCheck } from './check-workspace';
import { registerExportCommand } from './export';
import { registerRollupCommand } from './rollup';
import { registerPreview, type PreviewApi } from './preview';
import { registerReportsView, type ReportsViewApi } from './reports-view';

const LANGUAGE_ID = 'govreport';

let client: BaseLanguageClient | undefined;
let starting: Promise<void> | undefined;
let serverStarted: () => void;
const serverReady = new Promise<void>((resolve) => (serverStarted = resolve));

/** What `activate` returns to other extensions and to the end-to-end tests. */
export interface GovreportApi {
  /** Settles once the language server runs (it starts when the first report is opened). */
  serverReady(): Promise<void>;
  /** What the report's status bar item and language status item show, and when that changes. */
  readonly status: { shown(): ShownStatus; readonly onDidUpdate: vscode.Event<ShownStatus> };
  /** What a report's preview shows (the tests read the webview's page through it). */
  readonly preview: PreviewApi;
  /** The 「年度报告」 view's tree. */
  readonly reports: ReportsViewApi;
}

/** Creates the runtime's language client: over IPC to dist/server.js in Node, a web worker in the browser. */
export type ClientFactory = (context: vscode.ExtensionContext, options: LanguageClientOptions) => BaseLanguageClient;

/**
 * The client stays idle until a report is open: a `*.govreport` file, or (with content
 * detection on) a `.txt`/`.md` document whose content reads as a report. Plain-text reports are
 * switched to the `govreport` language each time they are opened (a user who switches the open
 * document back to plain text keeps it so); Markdown reports keep VS Code's Markdown features and
 * are also served by our language server.
 */
export function activateWith(context: vscode.ExtensionContext, createClient: ClientFactory): GovreportApi {
  // The documents switched, not their URIs: VS Code changes a document's language by closing and
  // reopening the same object, so finding it here again as plain text means the user switched it
  // back. A report closed and opened again is another object, and is switched again.
  const switched = new WeakSet<vscode.TextDocument>();

  const consider = (doc: vscode.TextDocument) => {
    const candidate = doc.languageId === LANGUAGE_ID || (contentDetection() && (doc.languageId === 'plaintext' || doc.languageId === 'markdown'));
    // Mojibake of a GB18030 file read as UTF-8: nothing to check; reopening it is offered instead.
    if (candidate && misdecoded(doc, consider)) return;
    if (doc.languageId === LANGUAGE_ID) {
      void ensureStarted(context, createClient);
      return;
    }
    if (!contentDetection() || (doc.languageId !== 'plaintext' && doc.languageId !== 'markdown')) return;
    if (!looksLikeReport(doc.getText())) return;
    if (doc.languageId === 'plaintext') {
      if (switched.has(doc)) return; // the user chose plain text for this open document: respect it
      switched.add(doc);
      void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    } else {
      void ensureStarted(context, createClient);
    }
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(consider),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('govreport.contentDetection')) vscode.workspace.textDocuments.forEach(consider);
    }),
  );
  registerEncodingCommand(context, consider);
  trackTextEditors(context);
  registerFixAllCommands(context, () => client !== undefined);
  const startedClient = async () => {
    await ensureStarted(context, createClient);
    return client!;
  };
  registerTemplateCommands(context, startedClient);
  registerSourceCommands(context, startedClient);
  registerWorkspaceCheck(context, startedClient);
  registerExportCommand(context, startedClient);
  registerRollupCommand(context, startedClient);
  const preview = registerPreview(context, startedClient);
  const reports = registerReportsView(context, startedClient, serverReady);
  const status = registerStatusItems(context, checkedByServer);
  void serverReady.then(() => status.listen(client!));
  vscode.workspace.textDocuments.forEach(consider);
  return { serverReady: () => serverReady, status, preview, reports };
}

/** Whether the language server checks the document: it is sent govreport and Markdown documents (documentSelector). */
function checkedByServer(doc: vscode.TextDocument): boolean {
  return (doc.languageId === LANGUAGE_ID || doc.languageId === 'markdown') && servedAsReport(doc.languageId, doc.getText(), contentDetection());
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

export const CLIENT_ID = LANGUAGE_ID;
export const CLIENT_NAME = '政府信息公开工作年度报告 (govreport)';

/** Restarts a crashed server, telling the user each time; gives up at the 5th crash in 3 minutes (see restart-policy.ts). */
function restartingErrorHandler(): ErrorHandler {
  const stopped = restartPolicy({
    now: Date.now,
    restartMessage: vscode.l10n.t('The govreport language server stopped and has been restarted.'),
    giveUpMessage: vscode.l10n.t('The govreport language server stopped 5 times in 3 minutes and will not be restarted. See the govreport output channel.'),
  });
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const { restart, message } = stopped();
      return { action: restart ? CloseAction.Restart : CloseAction.DoNotRestart, message };
    },
  };
}

function contentDetection(): boolean {
  return vscode.workspace.getConfiguration('govreport').get<boolean>('contentDetection', true);
}

function ensureStarted(context: vscode.ExtensionContext, createClient: ClientFactory): Promise<void> {
  starting ??= start(context, createClient);
  return starting;
}

async function start(context: vscode.ExtensionContext, createClient: ClientFactory): Promise<void> {
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }, { language: 'markdown' }],
    synchronize: { configurationSection: 'govreport', fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.txt,*.md,*.govreport,.govreportrc.json}') },
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: true },
    errorHandler: restartingErrorHandler(),
  };
  client = createClient(context, clientOptions);
  await client.start();
  serverStarted();
}
