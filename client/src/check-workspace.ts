/**
 * 检查文件夹中的所有报告 (govreport.checkWorkspace): every report of the workspace folders in the
 * Problems panel, not only the open ones. The language server checks the files on disk; their
 * problems are kept here, in a collection of their own, for the files no editor tab shows: while a
 * tab shows a report, the server's diagnostics of the open document stand for it instead. Once a
 * check has run, a report changed on disk or closed is checked again, and one deleted loses its problems.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import {
  CHECK_WORKSPACE,
  CONVERTED_REPORT,
  WORKSPACE_CHECKED,
  type CheckedFile,
  type CheckWorkspaceParams,
  type CheckWorkspaceResult,
  type WorkspaceChecked,
} from '../../server/src/lsp/protocol';
import { isSourceFile, SOURCE_EXTENSIONS } from '../../server/src/readers/dispatch';
import { reportUriOf, SOURCE_SCHEME } from './sources';

export const CHECK_WORKSPACE_COMMAND = 'govreport.checkWorkspace';

const REPORT_EXTENSIONS = ['txt', 'md', 'markdown', 'govreport', ...SOURCE_EXTENSIONS.map((ext) => ext.slice(1))];
const REPORT_FILES = `**/*.{${REPORT_EXTENSIONS.join(',')}}`;
const isReportFile = (uri: vscode.Uri) => REPORT_EXTENSIONS.some((ext) => uri.path.toLowerCase().endsWith(`.${ext}`));
/** How long file events are gathered before the files are checked again: a save or a copy touches several at once. */
const RECHECK_DELAY_MS = 300;

export function registerWorkspaceCheck(context: vscode.ExtensionContext, startedClient: () => Promise<LanguageClient>): void {
  const problems = vscode.languages.createDiagnosticCollection('govreport-workspace');
  /** The files last found to be reports: checked again when the settings change. */
  const reports = new Set<string>();
  /** Whether a check has run: only then are files checked again when they change. */
  let checkedOnce = false;
  let running: Promise<CheckWorkspaceResult | undefined> | undefined;
  let runs = 0;
  const progressOf = new Map<number, (slice: WorkspaceChecked) => void>();
  /** Slices are published in turn; a check is done once its last slice is. */
  let publishing = Promise.resolve();

  const publish = async (client: LanguageClient, file: CheckedFile) => {
    const uri = vscode.Uri.parse(file.uri);
    // A PDF, Word file or web page: its problems are those of the converted report "Open as report" shows.
    const target = isSourceFile(uri.path) ? reportUriOf(uri) : uri;
    if (file.outcome === 'report') reports.add(uri.toString());
    else reports.delete(uri.toString());
    if (file.outcome !== 'report' || shownInTab(target)) return problems.delete(target);
    const diagnostics = file.source ? file.diagnostics.map((d) => inConvertedReport(d, target.toString())) : file.diagnostics;
    problems.set(target, await client.protocol2CodeConverter.asDiagnostics(diagnostics));
  };

  let client: Promise<LanguageClient> | undefined;
  const connected = () =>
    (client ??= startedClient().then((c) => {
      context.subscriptions.push(
        c.onNotification(WORKSPACE_CHECKED, (slice: WorkspaceChecked) => {
          progressOf.get(slice.run)?.(slice);
          publishing = publishing
            .then(() => Promise.all(slice.files.map((file) => publish(c, file))))
            .then(
              () => undefined,
              (error: unknown) => c.error('Publishing the problems of the folder failed.', error),
            );
        }),
      );
      return c;
    }));

  /** Checks the files (URIs) without telling, as they change; the files named meanwhile wait for the check under way. */
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let rechecking = Promise.resolve();
  const recheck = (uris: Iterable<string>) => {
    for (const uri of uris) pending.add(uri);
    clearTimeout(timer);
    timer = setTimeout(() => {
      rechecking = rechecking.then(async () => {
        if (pending.size === 0) return;
        const params: CheckWorkspaceParams = { run: ++runs, files: [...pending] };
        pending.clear();
        const c = await connected();
        await c.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE, params).catch((error: unknown) => c.error('Checking changed reports failed.', error));
        await publishing;
      });
    }, RECHECK_DELAY_MS);
  };
  /** A report file of the workspace folders no tab shows, changed, closed or created: checked again, once a check has run. */
  const changed = (uri: vscode.Uri) => {
    const file = fileOf(uri);
    if (checkedOnce && file.scheme === 'file' && isReportFile(file) && vscode.workspace.getWorkspaceFolder(file) && !shownInTab(uri))
      recheck([file.toString()]);
  };
  /** A tab now shows the report: the open document's diagnostics stand for it. */
  const shown = (uri: vscode.Uri) => {
    if (shownInTab(uri)) problems.delete(uri);
  };
  /** Files and folders gone: their problems go with them. */
  const deleted = (gone: vscode.Uri) =>
    problems.forEach((uri) => {
      if (isIn(fileOf(uri).toString(), gone)) problems.delete(uri);
    });

  /** Checks every report under the folder given (from the Explorer), or under the workspace folders. */
  const checkFolder = async (folder: vscode.Uri | undefined): Promise<CheckWorkspaceResult | undefined> => {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to check the reports in it.'));
      return undefined;
    }
    const c = await connected();
    const run = ++runs;
    const folders = folder ? [folder] : vscode.workspace.workspaceFolders.map((f) => f.uri);
    const found = new Set<string>();
    const notReports: { uri: string; reason: string }[] = [];
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the reports in the folder'), cancellable: true },
      async (progress, token) => {
        progressOf.set(run, (slice) => {
          progress.report({ message: vscode.l10n.t('{0} of {1} files', slice.done, slice.total), increment: (100 * slice.files.length) / slice.total });
          for (const file of slice.files) {
            found.add(vscode.Uri.parse(file.uri).toString());
            if (file.outcome === 'not-report') notReports.push(file);
          }
        });
        try {
          const params: CheckWorkspaceParams = { run, folders: folders.map((f) => f.toString()) };
          return await c.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE, params, token);
        } catch (error) {
          return { ok: false as const, message: error instanceof Error ? error.message : String(error) };
        } finally {
          progressOf.delete(run);
        }
      },
    );
    await publishing;
    checkedOnce ||= result.ok;
    if (result.ok && !result.cancelled) forgetAllBut(found, folders);
    tell(result, notReports, c.outputChannel);
    return result;
  };
  /** After a whole check: the problems of files in its folders that it did not find (gone meanwhile) go too. */
  const forgetAllBut = (found: ReadonlySet<string>, folders: readonly vscode.Uri[]) =>
    problems.forEach((uri) => {
      const file = fileOf(uri).toString();
      if (!found.has(file) && folders.some((folder) => isIn(file, folder))) problems.delete(uri);
    });

  let inTabs = urisInTabs();
  const watcher = vscode.workspace.createFileSystemWatcher(REPORT_FILES);
  const deletions = vscode.workspace.createFileSystemWatcher('**', true, true, false);
  const configFiles = vscode.workspace.createFileSystemWatcher('**/.govreportrc.json');
  /** The rules' levels changed: the reports are checked again. */
  const reconfigured = () => {
    if (checkedOnce) recheck(reports);
  };
  context.subscriptions.push(
    problems,
    watcher,
    deletions,
    configFiles,
    configFiles.onDidChange(reconfigured),
    configFiles.onDidCreate(reconfigured),
    configFiles.onDidDelete(reconfigured),
    vscode.commands.registerCommand(
      CHECK_WORKSPACE_COMMAND,
      (folder?: unknown) => (running ??= checkFolder(folder instanceof vscode.Uri ? folder : undefined).finally(() => (running = undefined))),
    ),
    watcher.onDidChange(changed),
    watcher.onDidCreate(changed),
    deletions.onDidDelete(deleted),
    vscode.workspace.onDidOpenTextDocument((document) => shown(document.uri)),
    vscode.workspace.onDidCloseTextDocument((document) => changed(document.uri)),
    // What the tabs show, compared as a whole: a preview tab showing another file is not reported as closed.
    vscode.window.tabGroups.onDidChangeTabs(() => {
      const before = inTabs;
      inTabs = urisInTabs();
      for (const [key, uri] of before) if (!inTabs.has(key)) changed(uri);
      for (const [key, uri] of inTabs) if (!before.has(key)) shown(uri);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('govreport')) reconfigured();
    }),
    { dispose: () => clearTimeout(timer) },
  );
}

/** Whether an editor tab shows the document as a report: the language server's diagnostics of the open document then stand for the file. */
function shownInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  return (document?.languageId === 'govreport' || document?.languageId === 'markdown') && urisInTabs().has(key);
}

/** The documents the editor tabs show, by URI. */
function urisInTabs(): Map<string, vscode.Uri> {
  const uris = new Map<string, vscode.Uri>();
  for (const group of vscode.window.tabGroups.all)
    for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText) uris.set(tab.input.uri.toString(), tab.input.uri);
  return uris;
}

/** Whether the file (a URI) is `folder` or inside it. */
function isIn(file: string, folder: vscode.Uri): boolean {
  const path = folder.toString();
  return file === path || file.startsWith(path.endsWith('/') ? path : `${path}/`);
}

/** The file a report stands for: a converted report's source, or the report itself. */
function fileOf(uri: vscode.Uri): vscode.Uri {
  return uri.scheme === SOURCE_SCHEME ? vscode.Uri.parse(uri.query, true) : uri;
}

/** A diagnostic of a source's converted report: what it names in that report, under the URI the report opens with. */
function inConvertedReport(diagnostic: Diagnostic, report: string): Diagnostic {
  const relatedInformation = diagnostic.relatedInformation?.map((r) =>
    r.location.uri === CONVERTED_REPORT ? { ...r, location: { ...r.location, uri: report } } : r,
  );
  return { ...diagnostic, relatedInformation };
}

/** The summary of a check; the files not checked, and why, in the output channel. */
function tell(result: CheckWorkspaceResult, notReports: readonly { uri: string; reason: string }[], output: vscode.LogOutputChannel): void {
  if (!result.ok) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The reports in the folder could not be checked: {0}', result.message));
    return;
  }
  const summary = summaryOf(result);
  const named = (uri: string, reason: string) => `  ${vscode.l10n.t('{0}: {1}', vscode.workspace.asRelativePath(vscode.Uri.parse(uri)), reason)}`;
  output.info(summary);
  for (const { uri, reason } of result.notRead) output.warn(named(uri, reason));
  for (const { uri, reason } of notReports) output.info(named(uri, reason));
  const showProblems = vscode.l10n.t('Show problems');
  const showNotChecked = vscode.l10n.t('Show files not checked');
  const actions = result.notReports + result.notRead.length > 0 ? [showProblems, showNotChecked] : [showProblems];
  const show = result.notRead.length > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(summary, ...actions).then((choice) => {
    if (choice === showProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
    else if (choice === showNotChecked) output.show(true);
  });
}

/** 已检查 212 份报告：15 份有错误（共 43 个错误）。另有 3 个文件不是年度报告。… */
function summaryOf(result: Extract<CheckWorkspaceResult, { ok: true }>): string {
  const sentences = [
    result.cancelled ? vscode.l10n.t('Cancelled.') : '',
    result.files === 0
      ? result.cancelled
        ? ''
        : vscode.l10n.t('There are no report files (.txt, .md, .govreport, PDF, Word, web pages) in the folder.')
      : result.reports === 0
        ? vscode.l10n.t('No annual reports were found.')
        : result.withErrors > 0
          ? vscode.l10n.t('Checked {0} reports: {1} with errors ({2} errors in all).', result.reports, result.withErrors, result.errors)
          : vscode.l10n.t('Checked {0} reports: no errors.', result.reports),
    result.notReports > 0 ? vscode.l10n.t('{0} files are not annual reports.', result.notReports) : '',
    result.notRead.length > 0 ? vscode.l10n.t('{0} files or folders could not be read.', result.notRead.length) : '',
  ];
  // Sentences follow each other with a space in English, without one in Chinese.
  return sentences.filter(Boolean).reduce((text, sentence) => vscode.l10n.t('{0} {1}', text, sentence));
}
