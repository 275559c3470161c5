import {
  TextDocuments,
  TextDocumentSyncKind,
  DocumentDiagnosticReportKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isBinary, looksLikeReport } from '../engine/detect';
import { parseReport } from '../engine/structure';
import type { Report } from '../engine/types';
import { toFoldingRanges } from './folding';
import { guardWith } from './guard';
import { defaultSettings, parseSettings, type Settings } from './settings';
import { toDocumentSymbols } from './symbols';

export const LANGUAGE_ID = 'govreport';

/**
 * Wires the engine to an LSP connection. Every handler is guarded: an internal error is logged
 * to the client's output channel and the request answers empty, never with an exception.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const reports = new Map<string, { version: number; report: Report | undefined }>();
  let settings: Settings = defaultSettings;
  let canPullConfiguration = false;

  const guard = guardWith(connection.console);

  /** The parsed report of an open document, or undefined when the document is not a report. */
  const reportOf = (uri: string): Report | undefined => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const cached = reports.get(uri);
    if (cached?.version === document.version) return cached.report;
    const text = document.getText();
    const served = !isBinary(text) && (document.languageId === LANGUAGE_ID || (settings.contentDetection && looksLikeReport(text)));
    const report = served ? parseReport(text) : undefined;
    reports.set(uri, { version: document.version, report });
    return report;
  };

  const refreshSettings = async () => {
    if (!canPullConfiguration) return;
    settings = parseSettings(await connection.workspace.getConfiguration({ section: 'govreport' }));
    reports.clear();
  };

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: '政府信息公开工作年度报告' },
        foldingRangeProvider: true,
        diagnosticProvider: { identifier: 'govreport', interFileDependencies: false, workspaceDiagnostics: false },
      },
      serverInfo: { name: 'govreport' },
    };
  });
  connection.onInitialized(guard('initialized', undefined, refreshSettings));
  connection.onDidChangeConfiguration(guard('didChangeConfiguration', undefined, async () => {
    await refreshSettings();
    connection.languages.diagnostics.refresh();
  }));

  documents.onDidClose((e) => reports.delete(e.document.uri));

  connection.onDocumentSymbol(guard('documentSymbol', [], (params) => {
    const report = reportOf(params.textDocument.uri);
    return report ? toDocumentSymbols(report) : [];
  }));
  connection.onFoldingRanges(guard('foldingRange', [], (params) => {
    const report = reportOf(params.textDocument.uri);
    return report ? toFoldingRanges(report) : [];
  }));
  connection.languages.diagnostics.on(guard('diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] }, () => (
    { kind: DocumentDiagnosticReportKind.Full, items: [] }
  )));

  documents.listen(connection);
  connection.listen();
}
