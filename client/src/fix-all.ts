/** 「全部修正」: applies every preferred fix of the active report, then says what it changed, with an undo button. */
import * as vscode from 'vscode';
import { reportEditor } from './report-editor';
import { APPLY_ALL_FIXES, SHOW_FIX_ALL_SUMMARY, type FixAllSummary } from '../../server/src/lsp/protocol';

/** Fixes listed one by one in the message; the rest are counted. */
const LISTED = 5;

export function registerFixAllCommands(context: vscode.ExtensionContext, serverRunning: () => boolean): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('govreport.fixAll', async () => {
      const document = (await reportEditor())?.document;
      if (!document || !serverRunning()) return;
      const summary = await vscode.commands.executeCommand<FixAllSummary | null>(APPLY_ALL_FIXES, document.uri.toString());
      // Not awaited: the message stays until dismissed, the command is done.
      void showSummary(summary ?? { uri: document.uri.toString(), applied: [] });
    }),
    vscode.commands.registerCommand(SHOW_FIX_ALL_SUMMARY, (summary: FixAllSummary) => void showSummary(summary)),
  );
}

async function showSummary({ uri, applied }: FixAllSummary): Promise<void> {
  if (applied.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to fix automatically.'));
    return;
  }
  const listed = applied.slice(0, LISTED).join(vscode.l10n.t('; '));
  const more = applied.length > LISTED ? vscode.l10n.t(' and {0} more', applied.length - LISTED) : '';
  const undo = vscode.l10n.t('Undo');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Fixed {0} problem(s): {1}{2}.', applied.length, listed, more), undo);
  if (choice !== undo) return;
  await vscode.window.showTextDocument(vscode.Uri.parse(uri));
  await vscode.commands.executeCommand('undo');
}
