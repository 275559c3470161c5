/**
 * The editor a report command acts on: the active text editor, or — when the walkthrough or another
 * view has the focus — the text editor last active, shown again. Without either, the user is told
 * to open or create a report first.
 */
import * as vscode from 'vscode';

let lastEditor: vscode.TextEditor | undefined;

export function trackTextEditors(context: vscode.ExtensionContext): void {
  lastEditor = vscode.window.activeTextEditor;
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor((editor) => (lastEditor = editor ?? lastEditor)));
}

export async function reportEditor(): Promise<vscode.TextEditor | undefined> {
  const active = vscode.window.activeTextEditor;
  if (active) return active;
  if (lastEditor && !lastEditor.document.isClosed) return vscode.window.showTextDocument(lastEditor.document, lastEditor.viewColumn);
  void vscode.window.showInformationMessage(vscode.l10n.t('Open or create a report first.'));
  return undefined;
}
