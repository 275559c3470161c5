import type * as z from 'zod/mini';
import {
  CodeActionKind,
  CodeActionRequest,
  CodeActionResolveRequest,
  CodeActionTriggerKind,
  CompletionRequest,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  MessageType,
  ShowMessageRequest,
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
import { lineEdits } from '../engine/edits';
import { analyze, checkAcrossReports, type Finding, type Locale, type Rule, type RuleFailure } from '../rules';
import { CONFIG_FILE, mergeConfigs, type Config, type ConfigFile } from '../config/config';
import { appliedFixText, fixAll } from '../rules/fix-all';
import { say } from '../rules/types';
import {
  describeRefusal,
  fixAllAction,
  FIX_ALL_KIND,
  quickFixes,
  resolveAction,
  versionedEdit,
  wantsFixAll,
  wantsQuickFixes,
  type Snapshot,
} from './code-actions';
import { toDiagnostics } from './diagnostics';
import { toFoldingRanges } from './folding';
import { errorText, guardWith, parsed } from './guard';
import {
  anyParams,
  codeActionParams,
  codeActionSchema,
  didChangeParams,
  didChangeWatchedFilesParams,
  didOpenParams,
  documentParams,
  executeCommandParams,
  initializeParams,
  positionParams,
  rangeParams,
  willSaveParams,
} from './params';
import { textHash } from './text-hash';
import { reportHover } from './hover';
import { defaultSettings, parseSettings, type Settings } from './settings';
import { toDocumentSymbols } from './symbols';
import { labelCompletions } from './completion';
import { registerTemplateRequests } from './templates';
import { APPLY_ALL_FIXES, PUBLISHED_LAYOUT, REPORTS_CHANGED, SHOW_FIX_ALL_SUMMARY, STATUS, type FixAllSummary, type ReportStatus } from './protocol';
import { totalHints } from './inlay-hints';
import { checkLogLine } from './check-log';
import { servedAsReport } from './served';
import { formatTables } from '../engine/table-layout';
import { reportSummary } from '../rules/summary';
import type { WorkspaceIndexFactory } from './workspace-index';
import { registerSourceRequests, type ConvertSource } from './sources';
import { registerWorkspaceCheck, type WorkspaceFiles } from './workspace-check';
import { registerRollupRequest } from './rollup';
import { registerExportRequest, type ExportDocx } from './export';
import { countFindings, listedReport, registerReportsRequest, reportsNotifier } from './reports';
import { exportErrors } from '../publish/errors';
import { layoutReport } from '../publish/layout';
import type { PublishedReport } from '../publish/model';

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
  /** Whether the rules ran: not when the document is larger than govreport.maxDocumentSize, nor with govreport.enable off. */
  checked: boolean;
  /** The rules that threw on this document, and found nothing. */
  failures: RuleFailure[];
}

/** An open document at one version: its text's hash, and its analysis (undefined for a document that is not a report, or could not be read). */
interface DocumentState extends Snapshot {
  /** A document reopened under the same URI is another object: its state is never taken for the closed one's. */
  document: TextDocument;
  analysis: Analysis | undefined;
}

/** The longest the first requests wait for the client's settings: a client that never answers must not hang them. */
const SETTINGS_WAIT_MS = 5000;

/**
 * Wires the engine to an LSP connection. Every handler is guarded: an internal error is logged
 * to the client's output channel and the request answers empty, never with an exception.
 */
export interface ServerOptions {
  /** Reads the workspace's reports for the cross-document checks; without it they use the open documents only. */
  workspaceIndex?: WorkspaceIndexFactory;
  /** Finds the `.govreportrc.json` that applies to a document, looking no higher than its workspace folder; without it only the settings apply. */
  configFile?: (documentUri: string, workspaceFolders: readonly string[]) => ConfigFile | undefined;
  /** A `.govreportrc.json` changed on disk: forget what `configFile` remembered. */
  configFilesChanged?: () => void;
  /** Reads a PDF, Word file or web page as report text; without it the server cannot open such files. */
  convertSource?: ConvertSource;
  /** Writes a report as a .docx for govreport/exportDocx; without it the export answers that it needs the desktop version. */
  exportDocx?: ExportDocx;
  /** Lists and reads the workspace's files for govreport/checkWorkspace; without it the check answers that it cannot. */
  workspaceFiles?: WorkspaceFiles;
  /** The rules to run: every rule by default. */
  rules?: readonly Rule[];
}

/** The log lines of the rules that threw, once per rule for the server's life (`logged` remembers them): a rule that fails fails on every keystroke. */
export function ruleFailureLogLines(failures: readonly RuleFailure[], logged: Set<string>, uri: string): string[] {
  const fresh = failures.filter((f) => !logged.has(f.code));
  for (const f of fresh) logged.add(f.code);
  return fresh.map((f) => `govreport: rule ${f.code} failed on ${uri} and was skipped: ${f.stack ?? f.message}`);
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const workspace = options.workspaceIndex?.();
  const documents = new TextDocuments(TextDocument);
  /** Each open document's state at the version it was made for. */
  const states = new Map<string, DocumentState>();
  let settings: Settings = defaultSettings;
  let canPullConfiguration = false;
  /** Settles once the settings were first read (or could not be): requests wait for it, so that the first diagnostics honour them. */
  let settingsRead: Promise<void> = Promise.resolve();
  /** Settles `settingsRead`; false when it had already settled by timing out. */
  let settleSettingsRead = () => true;
  let locale: Locale = 'zh-cn';
  let workspaceFolders: string[] = [];
  /** Whether the client resolves a code action's `edit` (codeAction/resolve); if not, actions carry their edit. */
  let resolvesEdits = false;
  const guard = guardWith(connection.console);
  /** Sends what needs no answer: a client that answers with an error, or is gone, is logged — never an unhandled rejection, which would stop the server. */
  const unanswered = (what: string, sent: Promise<unknown>): void =>
    void sent.catch((error: unknown) =>
      connection.console.log(`govreport: ${what} not taken by the client: ${error instanceof Error ? error.message : String(error)}`),
    );
  const refreshDiagnostics = () => unanswered('workspace/diagnostic/refresh', connection.languages.diagnostics.refresh());
  const reportsChanged = reportsNotifier(() => unanswered(REPORTS_CHANGED, connection.sendNotification(REPORTS_CHANGED)));
  connection.onShutdown(reportsChanged.stop);
  /** The settings or a `.govreportrc.json` changed: every report is checked again when the list is next asked for. */
  const forgetListedReports = () => {
    listedReports.forget();
    reportsChanged.changed();
  };
  const show = (type: MessageType, message: string) =>
    unanswered('window/showMessageRequest', connection.sendRequest(ShowMessageRequest.type, { type, message }));

  const reportedProblems = new Set<string>();
  const loggedRuleFailures = new Set<string>();
  const tooLarge = new Set<string>();
  /** The configuration of a document: its `.govreportrc.json`, overridden by the settings. */
  const configOf = (uri: string): Config => {
    const file = options.configFile?.(uri, workspaceFolders);
    if (file && file.problems.length > 0 && !reportedProblems.has(file.path)) {
      reportedProblems.add(file.path);
      const message = `govreport: ${file.path}: ${file.problems.join('; ')}`;
      connection.console.warn(message);
      show(MessageType.Warning, message);
    }
    return mergeConfigs(file?.config ?? {}, settings.config);
  };

  /** `quiet`: not telling the user of a text too large to check (the workspace check lists it instead). */
  const analyse = (uri: string, languageId: string, text: string, quiet = false): Analysis | undefined => {
    if (!servedAsReport(languageId, text, settings.contentDetection)) return undefined;
    const config = configOf(uri);
    if (utf8Length(text) > settings.maxDocumentSize) {
      // Too large to check while typing: the outline only, and say so once.
      if (!quiet && !tooLarge.has(uri)) {
        tooLarge.add(uri);
        show(
          MessageType.Info,
          say(
            locale,
            `该报告超过 ${settings.maxDocumentSize} 字节（govreport.maxDocumentSize），只显示大纲，不做检查。`,
            `This report is larger than ${settings.maxDocumentSize} bytes (govreport.maxDocumentSize): outline only, no checks.`,
          ),
        );
      }
      return { bound: bind(parseReport(text), { assumedFormat: config.assumeFormat }), config, findings: [], checked: false, failures: [] };
    }
    const { bound, findings, failures } = analyze(text, { locale, config, rules: options.rules });
    if (!settings.enable) return { bound, config, findings: [], checked: false, failures: [] };
    for (const line of ruleFailureLogLines(failures, loggedRuleFailures, uri)) connection.console.error(line);
    return { bound, config, findings, checked: true, failures };
  };

  /** The document's state at its current version. A document that cannot be analysed is logged and gets no analysis: it affects only itself. */
  const stateOf = (uri: string): DocumentState | undefined => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const cached = states.get(uri);
    if (cached?.document === document && cached.version === document.version) return cached;
    const text = document.getText();
    let analysis: Analysis | undefined;
    try {
      analysis = analyse(uri, document.languageId, text);
    } catch (error) {
      connection.console.error(`govreport: cannot check ${uri} (version ${document.version}): ${errorText(error)}`);
    }
    const state = { document, version: document.version, hash: textHash(text), analysis };
    states.set(uri, state);
    return state;
  };
  /** The document's state for a request: once the settings were first read. */
  const requestedState = async (uri: string) => {
    await settingsRead;
    return stateOf(uri);
  };
  const analysisOf = async (uri: string) => (await requestedState(uri))?.analysis;

  /** Reads the settings; a client that answers with an error leaves them as they were. */
  const refreshSettings = async () => {
    if (!canPullConfiguration) return;
    try {
      settings = parseSettings(await connection.workspace.getConfiguration({ section: 'govreport' }));
    } catch (error) {
      connection.console.error(`govreport: cannot read the settings: ${errorText(error)}`);
      return;
    }
    if (settings.problems.length > 0) connection.console.warn(`govreport: settings: ${settings.problems.join('; ')}`);
    states.clear();
    forgetListedReports();
  };

  /** The edits of fix-all under the document's rule levels, and what they fix; none for a document that is not checked (too large, or checks off). */
  const fixAllOf = (state: DocumentState): { edits: TextEdit[]; summary: FixAllSummary } => {
    const uri = state.document.uri;
    if (!state.analysis?.checked) return { edits: [], summary: { uri, applied: [] } };
    const text = state.document.getText();
    const fixed = fixAll(text, { locale, config: state.analysis.config });
    return { edits: lineEdits(text, fixed.text), summary: { uri, applied: fixed.applied.map((f) => appliedFixText(f, locale)) } };
  };

  /** The findings of a document, with those that compare it to the other reports of the workspace. */
  const findingsOf = (uri: string, analysis: Analysis): Finding[] => {
    const summary = reportSummary(uri, analysis.bound);
    if (!summary) return analysis.findings;
    const open = documents.all().flatMap((d) => {
      const other = d.uri === uri ? undefined : stateOf(d.uri)?.analysis;
      const s = other && reportSummary(d.uri, other.bound);
      return s ? [s] : [];
    });
    const others = [...open, ...(workspace?.summaries() ?? []).filter((s) => !open.some((o) => o.uri === s.uri))];
    const crossDocument = settings.enable ? checkAcrossReports(summary, others, analysis.bound.report.lines, analysis.config, locale) : [];
    return crossDocument.length === 0 ? analysis.findings : [...analysis.findings, ...crossDocument];
  };

  connection.onInitialize((raw): InitializeResult => {
    const params = initializeParams.parse(raw);
    canPullConfiguration = params.capabilities?.workspace?.configuration === true;
    if (canPullConfiguration) ({ promise: settingsRead, settle: settleSettingsRead } = waitAtMost(SETTINGS_WAIT_MS));
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    locale = params.locale?.toLowerCase().startsWith('zh') || !params.locale ? 'zh-cn' : 'en';
    resolvesEdits = params.capabilities?.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
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
  let initialized = false;
  connection.onInitialized(
    notification(
      guard(
        'initialized',
        undefined,
        parsed(anyParams, async () => {
          if (initialized) return;
          initialized = true;
          workspace?.onDidChange(refreshDiagnostics);
          workspace?.onDidChange(reportsChanged.changed);
          workspace?.start(workspaceFolders);
          try {
            await refreshSettings();
          } finally {
            // Requests that timed out waiting went on with the defaults: pull again with the settings.
            if (!settleSettingsRead()) refreshDiagnostics();
          }
        }),
      ),
    ),
  );
  connection.onDidChangeWatchedFiles(
    notification(
      guard(
        'didChangeWatchedFiles',
        undefined,
        parsed(didChangeWatchedFilesParams, (params) => {
          for (const change of params.changes) {
            if (change.uri.endsWith(CONFIG_FILE)) {
              reportedProblems.clear();
              options.configFilesChanged?.();
              states.clear();
              forgetListedReports();
              refreshDiagnostics();
            } else workspace?.refresh(change.uri);
          }
        }),
      ),
    ),
  );
  connection.onDidChangeConfiguration(
    notification(
      guard(
        'didChangeConfiguration',
        undefined,
        parsed(anyParams, async () => {
          await refreshSettings();
          refreshDiagnostics();
        }),
      ),
    ),
  );

  const sources = registerSourceRequests(connection, guard, options.convertSource, () => locale);
  documents.onDidClose((e) => {
    states.delete(e.document.uri);
    reportsChanged.closed(e.document.uri);
    sources.forget(e.document.uri);
  });

  /**
   * A request about one document's report: malformed params refused, an internal error answered with
   * `fallback`, and `fallback` for a document that is not a checked report.
   */
  const aboutReport = <S extends z.ZodMiniType<{ textDocument: { uri: string } }>, R>(
    name: string,
    fallback: R,
    schema: S,
    answer: (analysis: Analysis, params: z.infer<S>) => R,
  ) =>
    guard(
      name,
      fallback,
      parsed(schema, async (params) => {
        const analysis = await analysisOf(params.textDocument.uri);
        return analysis ? answer(analysis, params) : fallback;
      }),
    );

  connection.onRequest(
    DocumentSymbolRequest.type,
    aboutReport('documentSymbol', [], documentParams, (analysis) => toDocumentSymbols(analysis.bound)),
  );
  connection.onRequest(
    FoldingRangeRequest.type,
    aboutReport('foldingRange', [], documentParams, (analysis) => toFoldingRanges(analysis.bound.report)),
  );
  connection.onRequest(
    HoverRequest.type,
    aboutReport('hover', null, positionParams, (analysis, params) => reportHover(analysis.bound, params.position, locale) ?? null),
  );
  connection.onRequest(
    DocumentDiagnosticRequest.type,
    guard(
      'diagnostic',
      { kind: DocumentDiagnosticReportKind.Full, items: [] },
      parsed(documentParams, async (params) => {
        const uri = params.textDocument.uri;
        await settingsRead;
        const started = Date.now();
        const state = stateOf(uri);
        const analysis = state?.analysis;
        if (!analysis) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
        const findings = findingsOf(uri, analysis);
        const era = analysis.bound.era;
        const status: ReportStatus = {
          uri,
          format: era.format.id,
          formatName: say(locale, era.format.name, era.format.nameEn),
          source: era.source,
          checked: analysis.checked,
          ...countFindings(findings),
          failedRules: analysis.failures.map((f) => f.code),
          checkedAt: new Date().toISOString(),
        };
        unanswered(STATUS, connection.sendNotification(STATUS, status));
        reportsChanged.checked(uri, state.hash);
        connection.console.info(checkLogLine(status, state.version, Date.now() - started));
        return { kind: DocumentDiagnosticReportKind.Full, items: sources.withPlaces(uri, toDiagnostics(findings, uri, state)) };
      }),
    ),
  );
  connection.onRequest(
    InlayHintRequest.type,
    aboutReport('inlayHint', [] as InlayHint[], rangeParams, (analysis, params) =>
      settings.inlayHints.enabled ? totalHints(analysis.findings, params.range, locale) : [],
    ),
  );
  connection.onRequest(
    CodeActionRequest.type,
    guard(
      'codeAction',
      [] as CodeAction[],
      parsed(codeActionParams, async (params) => {
        const uri = params.textDocument.uri;
        const state = await requestedState(uri);
        if (!state?.analysis) return [];
        const actions: CodeAction[] = [];
        if (wantsQuickFixes(params.context.only)) {
          const text = state.document.getText();
          const document = { ...state, lines: splitLines(text), eol: /\r\n/.test(text) ? '\r\n' : '\n' };
          for (const action of quickFixes(params, document, locale, resolvesEdits)) actions.push(action);
        }
        if (wantsFixAll(params.context.only)) {
          const title = say(locale, '修正所有可自动修正的问题', 'Fix all auto-fixable problems');
          const { edits, summary } = fixAllOf(state);
          const action = fixAllAction(uri, state, edits, title, resolvesEdits);
          // Asked for by the user (not on save): once applied, the client says what was changed.
          if (action && params.context.triggerKind === CodeActionTriggerKind.Invoked)
            action.command = { title, command: SHOW_FIX_ALL_SUMMARY, arguments: [summary] };
          if (action) actions.push(action);
        }
        return actions;
      }),
    ),
  );
  // The user picked an action: its edit, unless the document changed since the edit was computed.
  // Told once per document version: a client applying several actions in a row (quick fixes on save)
  // has the first change the document and the others refused.
  let lastRefused = '';
  connection.onRequest(CodeActionResolveRequest.type, (action) =>
    guard(
      'codeActionResolve',
      action,
      parsed(codeActionSchema, (unresolved) => {
        const { action: resolved, refused } = resolveAction(unresolved, stateOf);
        if (refused) {
          const now = describeRefusal(refused);
          connection.console.log(`govreport: "${unresolved.title}" not applied: ${refused.uri} is ${now}, the edit was made for version ${refused.version}`);
          if (lastRefused !== `${refused.uri}@${now}`) {
            lastRefused = `${refused.uri}@${now}`;
            show(MessageType.Warning, say(locale, '文档已更改，未应用修正，请重试。', 'The document has changed; the fix was not applied. Please try again.'));
          }
        }
        return resolved;
      }),
    )(action),
  );
  connection.onRequest(
    ExecuteCommandRequest.type,
    guard(
      'executeCommand',
      null,
      parsed(executeCommandParams, async ({ arguments: [uri] }) => {
        const state = await requestedState(uri);
        if (!state) return null;
        const { edits, summary } = fixAllOf(state);
        if (edits.length === 0) return summary;
        const { applied } = await connection.workspace.applyEdit({
          label: say(locale, '修正所有问题', 'Fix all problems'),
          edit: versionedEdit(uri, state.version, edits),
        });
        return applied ? summary : { uri, applied: [] };
      }),
    ),
  );

  connection.onRequest(
    DocumentFormattingRequest.type,
    aboutReport('formatting', [] as TextEdit[], documentParams, (analysis) => formatTables(analysis.bound)),
  );
  connection.onRequest(
    DocumentRangeFormattingRequest.type,
    aboutReport('rangeFormatting', [] as TextEdit[], rangeParams, (analysis, params) =>
      formatTables(analysis.bound, params.range.start.line, params.range.end.line),
    ),
  );
  connection.onRequest(
    CompletionRequest.type,
    aboutReport('completion', [] as CompletionItem[], positionParams, (analysis, params) => labelCompletions(analysis.bound, params.position)),
  );
  connection.onRequest(
    PUBLISHED_LAYOUT,
    aboutReport('publishedLayout', null as PublishedReport | null, documentParams, (analysis, params) =>
      layoutReport(analysis.bound, findingsOf(params.textDocument.uri, analysis)),
    ),
  );
  registerExportRequest(
    connection,
    guard,
    options.exportDocx,
    () => locale,
    async (uri) => {
      const analysis = await analysisOf(uri);
      if (!analysis) return undefined;
      const findings = findingsOf(uri, analysis);
      return { report: layoutReport(analysis.bound, findings), errors: exportErrors(findings, locale) };
    },
  );
  registerTemplateRequests(connection, guard, async (uri) => {
    const state = await requestedState(uri);
    return state?.analysis && { report: state.analysis.bound.report, version: state.version };
  });

  registerWorkspaceCheck(connection, guard, {
    files: options.workspaceFiles,
    folders: () => workspaceFolders,
    locale: () => locale,
    // report.carry-over compares with the workspace's other reports: once they are all indexed.
    ready: async () => void (await Promise.all([settingsRead, workspace?.indexed()])),
    enabled: () => settings.enable,
    maxDocumentSize: () => settings.maxDocumentSize,
    isOpen: (uri) => documents.get(uri) !== undefined,
    check: (uri, content) => {
      const analysis = content ? analyse(uri, content.languageId, content.text, true) : stateOf(uri)?.analysis;
      if (!analysis) return 'not-report';
      return analysis.checked ? { findings: findingsOf(uri, analysis), summary: reportSummary(uri, analysis.bound) } : 'too-large';
    },
    indexed: () => workspace?.summaries() ?? [],
    log: (message) => connection.console.error(message),
  });
  registerRollupRequest(connection, guard, {
    files: options.workspaceFiles,
    locale: () => locale,
    maxDocumentSize: () => settings.maxDocumentSize,
    configOf,
    openText: (uri) => documents.get(uri)?.getText(),
  });
  const listedReports = registerReportsRequest(connection, guard, {
    ready: async () => void (await Promise.all([settingsRead, workspace?.indexed()])),
    indexed: () => workspace?.summaries() ?? [],
    open: (uri) => {
      const state = stateOf(uri);
      if (!state) return undefined;
      return state.analysis ? listedReport(uri, state.analysis.bound, findingsOf(uri, state.analysis), locale) : null;
    },
    edition: stateOf,
    read: async (uri) => {
      const content = await options.workspaceFiles?.read(uri, settings.maxDocumentSize, locale);
      if (content?.kind !== 'text') return undefined;
      try {
        const analysis = analyse(uri, content.languageId, content.text, true);
        return (analysis && listedReport(uri, analysis.bound, findingsOf(uri, analysis), locale)) ?? undefined;
      } catch (error) {
        connection.console.error(`govreport: cannot check ${uri}: ${errorText(error)}`);
        return undefined;
      }
    },
  });

  documents.listen(checkedSync(connection, guard));
  connection.listen();
}

/** A guarded notification handler: what the guard answers goes nowhere. */
const notification =
  <P>(handler: (params: P) => Promise<unknown>) =>
  (params: P): void =>
    void handler(params);

type SyncConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

/**
 * The text synchronisation notifications, for TextDocuments, with their params checked first: a
 * malformed one (a didOpen whose text is not a string…) is logged and dropped, never stored.
 */
function checkedSync(connection: Connection, guard: ReturnType<typeof guardWith>): SyncConnection {
  return {
    onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument(notification(guard('didOpen', undefined, parsed(didOpenParams, handler)))),
    onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument(notification(guard('didChange', undefined, parsed(didChangeParams, handler)))),
    onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(notification(guard('didClose', undefined, parsed(documentParams, handler)))),
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(notification(guard('willSave', undefined, parsed(willSaveParams, handler)))),
    // No edits on save: the server never registers a will-save handler with TextDocuments.
    onWillSaveTextDocumentWaitUntil: () =>
      connection.onWillSaveTextDocumentWaitUntil(
        guard(
          'willSaveWaitUntil',
          [],
          parsed(willSaveParams, () => []),
        ),
      ),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(notification(guard('didSave', undefined, parsed(documentParams, handler)))),
  };
}

/** A promise that `settle` resolves — answering whether it was still pending — or that resolves by itself after `ms`. */
function waitAtMost(ms: number): { promise: Promise<void>; settle: () => boolean } {
  let settle!: () => boolean;
  const promise = new Promise<void>((resolve) => {
    let pending = true;
    const timer = setTimeout(() => {
      pending = false;
      resolve();
    }, ms);
    settle = () => {
      clearTimeout(timer);
      resolve();
      const was = pending;
      pending = false;
      return was;
    };
  });
  return { promise, settle };
}
