/**
 * What the active report's last check found, in two places: a status bar item (its problem counts and
 * format; a click opens the Problems panel), and the language status item (the `{}` popup: the
 * format's full name, the problems, the time of the check). Both are blank beside other documents,
 * and say the report is being checked until its first check comes in.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { STATUS, type ReportStatus } from '../../server/src/lsp/protocol';

const SHOW_PROBLEMS = 'workbench.actions.view.problems';

/** What the two items show, read from the items themselves, beside the active editor's document. */
export interface ShownStatus {
  document: string | undefined;
  statusBar: { visible: boolean; text: string; tooltip: string | undefined; command: string | undefined };
  language: { text: string; detail: string | undefined; busy: boolean };
}

export interface StatusItems {
  /** Takes the server's status notifications. */
  listen(client: BaseLanguageClient): void;
  shown(): ShownStatus;
  /** Fires with what the items show each time they are updated. */
  readonly onDidUpdate: vscode.Event<ShownStatus>;
}

/** `isReport`: whether a document is one the server checks. */
export function registerStatusItems(context: vscode.ExtensionContext, isReport: (document: vscode.TextDocument) => boolean): StatusItems {
  const bar = vscode.window.createStatusBarItem('govreport.reportStatus', vscode.StatusBarAlignment.Right, 101);
  bar.name = vscode.l10n.t('Annual report');
  bar.command = SHOW_PROBLEMS;
  let barVisible = false;
  const language = vscode.languages.createLanguageStatusItem('govreport.report', [{ language: 'govreport' }, { language: 'markdown' }]);
  language.name = vscode.l10n.t('Annual report');
  language.command = { title: vscode.l10n.t('Show problems'), command: SHOW_PROBLEMS };
  const statuses = new Map<string, ReportStatus>();
  const updated = new vscode.EventEmitter<ShownStatus>();

  const shown = (): ShownStatus => ({
    document: vscode.window.activeTextEditor?.document.uri.toString(),
    statusBar: {
      visible: barVisible,
      text: bar.text,
      tooltip: typeof bar.tooltip === 'string' ? bar.tooltip : undefined,
      command: typeof bar.command === 'string' ? bar.command : bar.command?.command,
    },
    language: { text: language.text, detail: language.detail, busy: language.busy },
  });

  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isReport(document)) {
      // VS Code shows the language status item beside Markdown documents too.
      showLanguage(language, { text: vscode.l10n.t('Not an annual report') });
      bar.hide();
      barVisible = false;
    } else {
      const status = statuses.get(document.uri.toString());
      const view = status ? checkedView(status) : checkingView();
      showLanguage(language, view.language);
      Object.assign(bar, view.bar);
      bar.show();
      barVisible = true;
    }
    updated.fire(shown());
  };

  context.subscriptions.push(
    bar,
    language,
    updated,
    vscode.window.onDidChangeActiveTextEditor(update),
    // A document changes its language by closing and opening again: a report just switched to govreport.
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidCloseTextDocument((d) => {
      statuses.delete(d.uri.toString());
      update();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('govreport.contentDetection')) update();
    }),
  );
  update();
  return {
    listen: (client) =>
      context.subscriptions.push(
        client.onNotification(STATUS, (status: ReportStatus) => {
          statuses.set(status.uri, status);
          update();
        }),
      ),
    shown,
    onDidUpdate: updated.event,
  };
}

interface LanguageView {
  text: string;
  detail?: string;
  busy?: boolean;
  severity?: vscode.LanguageStatusSeverity;
}

interface View {
  bar: { text: string; tooltip: string; accessibilityInformation: vscode.AccessibilityInformation };
  language: LanguageView;
}

function showLanguage(
  item: vscode.LanguageStatusItem,
  { text, detail, busy = false, severity = vscode.LanguageStatusSeverity.Information }: LanguageView,
): void {
  Object.assign(item, { text, detail, busy, severity });
}

function checkingView(): View {
  const checking = vscode.l10n.t('Checking the report…');
  return {
    bar: { text: `$(loading~spin) ${checking}`, tooltip: checking, accessibilityInformation: { label: checking } },
    language: { text: checking, busy: true },
  };
}

function checkedView(status: ReportStatus): View {
  const time = new Date(status.checkedAt).toLocaleTimeString(vscode.env.language);
  const format = vscode.l10n.t('{0} format', status.format);
  if (!status.checked) {
    const why = vscode.l10n.t('Not checked: govreport.enable is off, or the report is larger than govreport.maxDocumentSize.');
    return {
      bar: { text: `$(circle-slash) ${format}`, tooltip: `${status.formatName}\n${why}`, accessibilityInformation: { label: `${status.formatName}. ${why}` } },
      language: { text: status.formatName, detail: why },
    };
  }
  const counts = vscode.l10n.t('Errors: {0}, warnings: {1}, other findings: {2}', status.errors, status.warnings, status.others);
  const problems = status.errors + status.warnings + status.others;
  // A rule that threw checked nothing: never shown as a clean report.
  const failed =
    status.failedRules.length > 0 ? vscode.l10n.t('Rule {0} failed and did not check the report.', status.failedRules.join(vscode.l10n.t(', '))) : undefined;
  const checkedAt = vscode.l10n.t('{0} problems ({1} errors) · checked at {2}', problems, status.errors, time);
  return {
    bar: {
      text: problems > 0 ? `${problemCounts(status)} · ${format}` : `$(${failed ? 'warning' : 'check'}) ${format}`,
      tooltip: [status.formatName, vscode.l10n.t('{0} · checked at {1}', counts, time), failed, vscode.l10n.t('Click to show the Problems panel.')]
        .filter(Boolean)
        .join('\n'),
      accessibilityInformation: { label: [`${status.formatName}: ${counts}`, failed].filter(Boolean).join('. ') },
    },
    language: {
      text: status.formatName,
      detail: failed ? `${failed} ${checkedAt}` : checkedAt,
      severity:
        status.errors > 0
          ? vscode.LanguageStatusSeverity.Error
          : status.warnings > 0 || failed
            ? vscode.LanguageStatusSeverity.Warning
            : vscode.LanguageStatusSeverity.Information,
    },
  };
}

/** Of a report with findings: its errors and warnings, or if it has none, its other findings. */
function problemCounts({ errors, warnings, others }: ReportStatus): string {
  const shown = [errors > 0 ? `$(error) ${errors}` : '', warnings > 0 ? `$(warning) ${warnings}` : ''].filter(Boolean);
  return shown.length > 0 ? shown.join(' ') : `$(info) ${others}`;
}
