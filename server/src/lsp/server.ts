import {
  CodeActionKind,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type TextEdit,
  type InlayHint,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bind, type BoundReport } from '../engine/bind';
import { parseReport } from '../engine/structure';
import { splitLines } from '../engine/lines';
import { isBinary, looksLikeReport, looksMisdecoded } from '../engine/detect';
import { lineEdits } from '../engine/edits';
import { analyze, finalizeFindings, type Finding, type Locale } from '../rules';
import { CONFIG_FILE, mergeConfigs, type Config, type ConfigFile } from '../config/config';
import { fixAll } from '../rules/fix-all';
import { say } from '../rules/types';
import { fixAllAction, FIX_ALL_KIND, quickFixes, resolveAction, versionedEdit, wantsFixAll, wantsQuickFixes } from './code-actions';
import { toDiagnostics } from './diagnostics';
import { toFoldingRanges } from './folding';
import { guardWith } from './guard';
import { reportHover } from './hover';
import { defaultSettings, parseSettings, type Settings } from './settings';
import { toDocumentSymbols } from './symbols';
import { labelCompletions } from './completion';
import { registerTemplateRequests } from './templates';
import { APPLY_ALL_FIXES, STATUS, type ReportStatus } from './protocol';
import { totalHints } from './inlay-hints';
import { formatTables } from '../engine/table-layout';
import { carrySummary, checkCarryOver } from '../rules/carry-over';
import type { WorkspaceIndexFactory } from './workspace-index';
import { registerSourceRequests, type ConvertSource } from './sources';

export const LANGUAGE_ID = 'govreport';

/** The UTF-8 size of a text, without encoding it. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff)
      i++; // a surrogate pair: 4 bytes for 2 code units
    else if (c >= 0x800) bytes += 2;
    else if (c >= 0x80) bytes += 1;
  }
  return bytes;
}

interface Analysis {
  bound: BoundReport;
  config: Config;
  findings: Finding[];
}

/**
 * Wires the engine to an LSP connection. Every handler is guarded: an internal error is logged
 * to the client's output channel and the request answers empty, never with an exception.
 */
export interface ServerOptions {
  /** Reads the workspace's reports for the cross-document checks; without it they use the open documents only. */
  workspaceIndex?: WorkspaceIndexFactory;
  /** Finds the `.govreportrc.json` that applies to a document; without it only the settings apply. */
  configFile?: (documentUri: string) => ConfigFile | undefined;
  /** A `.govreportrc.json` changed on disk: forget what `configFile` remembered. */
  configFilesChanged?: () => void;
  /** Reads a PDF, Word file or web page as report text; without it the server cannot open such files. */
  convertSource?: ConvertSource;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const workspace = options.workspaceIndex?.();
  const documents = new TextDocuments(TextDocument);
  /** Each open document's analysis at the version it was made for; undefined for documents that are not reports. */
  const analyses = new Map<string, { version: number; analysis: Analysis | undefined }>();
  let settings: Settings = defaultSettings;
  let canPullConfiguration = false;
  let locale: Locale = 'zh-cn';
  /** Whether the client resolves a code action's `edit` (codeAction/resolve); if not, actions carry their edit. */
  let resolvesEdits = false;
  const guard = guardWith(connection.console);

  const reportedProblems = new Set<string>();
  const tooLarge = new Set<string>();
  /** The configuration of a document: its `.govreportrc.json`, overridden by the settings. */
  const configOf = (uri: string): Config => {
    const file = options.configFile?.(uri);
    if (file && file.problems.length > 0 && !reportedProblems.has(file.path)) {
      reportedProblems.add(file.path);
      const message = `govreport: ${file.path}: ${file.problems.join('; ')}`;
      connection.console.warn(message);
      void connection.window.showWarningMessage(message);
    }
    return mergeConfigs(file?.config ?? {}, settings.config);
  };

  const analysisOf = (uri: string): Analysis | undefined => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const cached = analyses.get(uri);
    if (cached?.version === document.version) return cached.analysis;
    const text = document.getText();
    // Binary files and text decoded with the wrong encoding (the client offers to reopen it) get nothing: there is nothing to read.
    const readable = !isBinary(text) && !looksMisdecoded(text);
    const served = readable && (document.languageId === LANGUAGE_ID || (settings.contentDetection && looksLikeReport(text)));
    let analysis: Analysis | undefined;
    if (served && utf8Length(text) > settings.maxDocumentSize) {
      // Too large to check while typing: the outline only, and say so once.
      const config = configOf(uri);
      analysis = { bound: bind(parseReport(text), { assumedFormat: config.assumeFormat }), config, findings: [] };
      if (!tooLarge.has(uri)) {
        tooLarge.add(uri);
        void connection.window.showInformationMessage(
          say(
            locale,
            `该报告超过 ${settings.maxDocumentSize} 字节（govreport.maxDocumentSize），只显示大纲，不做检查。`,
            `This report is larger than ${settings.maxDocumentSize} bytes (govreport.maxDocumentSize): outline only, no checks.`,
          ),
        );
      }
    } else if (served) {
      const config = configOf(uri);
      const { bound, findings } = analyze(text, { locale, config });
      analysis = { bound, config, findings: settings.enable ? findings : [] };
    }
    analyses.set(uri, { version: document.version, analysis });
    return analysis;
  };

  const refreshSettings = async () => {
    if (!canPullConfiguration) return;
    settings = parseSettings(await connection.workspace.getConfiguration({ section: 'govreport' }));
    if (settings.problems.length > 0) connection.console.warn(`govreport: settings: ${settings.problems.join('; ')}`);
    analyses.clear();
  };

  const fixAllEdits = (uri: string) => {
    const document = documents.get(uri);
    if (!document || !analysisOf(uri)) return undefined;
    const text = document.getText();
    return { version: document.version, edits: lineEdits(text, fixAll(text, { locale })) };
  };

  /** The findings of a document, with those that compare it to the other reports of the workspace. */
  const findingsOf = (uri: string, analysis: Analysis): Finding[] => {
    const summary = carrySummary(uri, analysis.bound);
    if (!summary) return analysis.findings;
    const open = documents.all().flatMap((d) => {
      const other = d.uri === uri ? undefined : analysisOf(d.uri);
      const s = other && carrySummary(d.uri, other.bound);
      return s ? [s] : [];
    });
    const others = [...open, ...(workspace?.summaries() ?? []).filter((s) => !open.some((o) => o.uri === s.uri))];
    const crossDocument = settings.enable ? finalizeFindings(checkCarryOver(summary, others, locale), analysis.bound.report.lines, analysis.config) : [];
    return crossDocument.length === 0 ? analysis.findings : [...analysis.findings, ...crossDocument];
  };

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    locale = params.locale?.toLowerCase().startsWith('zh') || !params.locale ? 'zh-cn' : 'en';
    resolvesEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: '政府信息公开工作年度报告' },
        foldingRangeProvider: true,
        hoverProvider: true,
        // report.carry-over compares a report with last year's: a change to one can change the other's diagnostics.
        diagnosticProvider: { identifier: 'govreport', interFileDependencies: true, workspaceDiagnostics: false },
        // The edits are attached on resolve, and only while the document is still at the version they were computed for.
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        executeCommandProvider: { commands: [APPLY_ALL_FIXES] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        completionProvider: {},
        inlayHintProvider: true,
      },
      serverInfo: { name: 'govreport' },
    };
  });
  let workspaceFolders: string[] = [];
  connection.onInitialized(
    guard('initialized', undefined, async () => {
      await refreshSettings();
      workspace?.onDidChange(() => connection.languages.diagnostics.refresh());
      workspace?.start(workspaceFolders);
    }),
  );
  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', undefined, (params) => {
      for (const change of params.changes) {
        if (change.uri.endsWith(CONFIG_FILE)) {
          reportedProblems.clear();
          options.configFilesChanged?.();
          analyses.clear();
          connection.languages.diagnostics.refresh();
        } else workspace?.refresh(change.uri);
      }
    }),
  );
  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', undefined, async () => {
      await refreshSettings();
      connection.languages.diagnostics.refresh();
    }),
  );

  const sources = registerSourceRequests(connection, guard, options.convertSource, () => locale);
  documents.onDidClose((e) => {
    analyses.delete(e.document.uri);
    sources.forget(e.document.uri);
  });

  connection.onDocumentSymbol(
    guard('documentSymbol', [], (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? toDocumentSymbols(analysis.bound.report) : [];
    }),
  );
  connection.onFoldingRanges(
    guard('foldingRange', [], (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? toFoldingRanges(analysis.bound.report) : [];
    }),
  );
  connection.onHover(
    guard('hover', null, (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return (analysis && reportHover(analysis.bound, params.position, locale)) ?? null;
    }),
  );
  connection.languages.diagnostics.on(
    guard('diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] }, (params) => {
      const uri = params.textDocument.uri;
      const analysis = analysisOf(uri);
      const version = documents.get(uri)?.version;
      if (!analysis || version === undefined) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const findings = findingsOf(uri, analysis);
      const era = analysis.bound.era;
      const status: ReportStatus = {
        uri,
        format: era.format.id,
        formatName: say(locale, era.format.name, era.format.nameEn),
        source: era.source,
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
        others: findings.filter((f) => f.severity === 'info' || f.severity === 'hint').length,
        checkedAt: new Date().toISOString(),
      };
      void connection.sendNotification(STATUS, status);
      return { kind: DocumentDiagnosticReportKind.Full, items: sources.withPlaces(uri, toDiagnostics(findings, uri, version)) };
    }),
  );
  connection.languages.inlayHint.on(
    guard('inlayHint', [] as InlayHint[], (params) => {
      const analysis = settings.inlayHints.enabled ? analysisOf(params.textDocument.uri) : undefined;
      return analysis ? totalHints(analysis.findings, params.range, locale) : [];
    }),
  );
  connection.onCodeAction(
    guard('codeAction', [] as CodeAction[], (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document || !analysisOf(params.textDocument.uri)) return [];
      const actions: CodeAction[] = [];
      if (wantsQuickFixes(params.context.only)) {
        const text = document.getText();
        const lines = splitLines(text);
        actions.push(...quickFixes(params, { version: document.version, lines, eol: /\r\n/.test(text) ? '\r\n' : '\n' }, locale, resolvesEdits));
      }
      if (wantsFixAll(params.context.only)) {
        const all = fixAllEdits(params.textDocument.uri);
        const title = say(locale, '修正所有可自动修正的问题', 'Fix all auto-fixable problems');
        const action = all && fixAllAction(params.textDocument.uri, all.version, all.edits, title, resolvesEdits);
        if (action) actions.push(action);
      }
      return actions;
    }),
  );
  // The user picked an action: its edit, unless the document changed since the edit was computed.
  // Told once per document version: a client applying several actions in a row (quick fixes on save)
  // has the first change the document and the others refused.
  let lastRefused = '';
  connection.onCodeActionResolve((action) =>
    guard('codeActionResolve', action, (unresolved: CodeAction) => {
      const { action: resolved, refused } = resolveAction(unresolved, (uri) => documents.get(uri)?.version);
      if (refused) {
        const now = refused.current === undefined ? 'closed' : `at version ${refused.current}`;
        connection.console.log(`govreport: "${unresolved.title}" not applied: ${refused.uri} is ${now}, the edit was made for version ${refused.version}`);
        if (lastRefused !== `${refused.uri}@${now}`) {
          lastRefused = `${refused.uri}@${now}`;
          void connection.window.showWarningMessage(
            say(locale, '文档已更改，未应用修正，请重试。', 'The document has changed; the fix was not applied. Please try again.'),
          );
        }
      }
      return resolved;
    })(action),
  );
  connection.onExecuteCommand(
    guard('executeCommand', undefined, async (params) => {
      const uri = params.arguments?.[0];
      if (params.command !== APPLY_ALL_FIXES || typeof uri !== 'string') return;
      const all = fixAllEdits(uri);
      if (all && all.edits.length > 0)
        await connection.workspace.applyEdit({ label: say(locale, '修正所有问题', 'Fix all problems'), edit: versionedEdit(uri, all.version, all.edits) });
    }),
  );

  connection.onDocumentFormatting(
    guard('formatting', [] as TextEdit[], (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? formatTables(analysis.bound) : [];
    }),
  );
  connection.onDocumentRangeFormatting(
    guard('rangeFormatting', [] as TextEdit[], (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? formatTables(analysis.bound, params.range.start.line, params.range.end.line) : [];
    }),
  );
  connection.onCompletion(
    guard('completion', [] as CompletionItem[], (params) => {
      const analysis = analysisOf(params.textDocument.uri);
      return analysis ? labelCompletions(analysis.bound, params.position) : [];
    }),
  );
  registerTemplateRequests(connection, guard, (uri) => {
    const analysis = analysisOf(uri);
    const version = documents.get(uri)?.version;
    return analysis && version !== undefined ? { report: analysis.bound.report, version } : undefined;
  });

  documents.listen(connection);
  connection.listen();
}
