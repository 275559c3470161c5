/** The language status item: the format the report is checked against, its problems, the last check's time. */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { STATUS, type ReportStatus } from '../../server/src/lsp/protocol';

export function registerStatusItem(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.languages.createLanguageStatusItem('govreport.report', [{ language: 'govreport' }, { language: 'markdown' }]);
  item.name = vscode.l10n.t('Annual report');
  item.command = { title: vscode.l10n.t('Show problems'), command: 'workbench.actions.view.problems' };
  const statuses = new Map<string, ReportStatus>();

  const show = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? statuses.get(uri) : undefined;
    if (!status) {
      item.text = vscode.l10n.t('Not an annual report');
      item.detail = undefined;
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const problems = status.errors + status.warnings + status.others;
    item.text = status.formatName;
    item.detail = vscode.l10n.t('{0} problems ({1} errors) · checked at {2}', problems, status.errors, new Date(status.checkedAt).toLocaleTimeString());
    item.severity =
      status.errors > 0
        ? vscode.LanguageStatusSeverity.Error
        : status.warnings > 0
          ? vscode.LanguageStatusSeverity.Warning
          : vscode.LanguageStatusSeverity.Information;
  };

  context.subscriptions.push(
    item,
    client.onNotification(STATUS, (status: ReportStatus) => {
      statuses.set(status.uri, status);
      show();
    }),
    vscode.window.onDidChangeActiveTextEditor(show),
    vscode.workspace.onDidCloseTextDocument((d) => statuses.delete(d.uri.toString())),
  );
  show();
}
