/**
 * Reports saved in GB18030/GBK — Notepad's "ANSI" on Chinese Windows — but opened as UTF-8 show as
 * U+FFFD mojibake: nothing can be checked. When such a file reads as a report in GB18030, the user
 * is offered to reopen it in that encoding (once per file), and a command does it on demand.
 */
import * as vscode from 'vscode';
import { looksLikeReport, looksMisdecoded } from '../../server/src/engine/detect';
import { encodingName } from './encoding-label';

export const REOPEN_WITH_GB18030 = 'govreport.reopenWithGb18030';
const GB18030 = 'gb18030';

/**
 * Registers the reopen command; `reopened` is told of each document reopened, so that it is
 * considered as a report again.
 */
export function registerEncodingCommand(context: vscode.ExtensionContext, reopened: (document: vscode.TextDocument) => void): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(REOPEN_WITH_GB18030, async (uri?: vscode.Uri) => {
      const document = await reopenWithGb18030(uri ?? vscode.window.activeTextEditor?.document.uri);
      if (document) reopened(document);
    }),
  );
}

const offered = new Set<string>();

/**
 * Whether the document is text decoded with the wrong encoding. If the file reads as a report in
 * GB18030, the user is offered (once per file) to reopen it so.
 */
export function misdecoded(document: vscode.TextDocument, reopened: (document: vscode.TextDocument) => void): boolean {
  if (!looksMisdecoded(document.getText())) return false;
  const key = document.uri.toString();
  if (!offered.has(key) && document.encoding !== GB18030) {
    offered.add(key);
    void offerReopen(document, reopened);
  }
  return true;
}

async function offerReopen(document: vscode.TextDocument, reopened: (document: vscode.TextDocument) => void): Promise<void> {
  if (!(await readsAsReportInGb18030(document.uri))) return;
  const reopen = vscode.l10n.t('Reopen with GB18030');
  const name = vscode.workspace.asRelativePath(document.uri);
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      '{0} is an annual report saved in GB18030 (GBK) but opened as {1}, so its Chinese text cannot be read.',
      name,
      encodingName(document.encoding),
    ),
    reopen,
  );
  if (choice !== reopen) return;
  const again = await reopenWithGb18030(document.uri);
  if (again) reopened(again);
}

async function readsAsReportInGb18030(uri: vscode.Uri): Promise<boolean> {
  try {
    return looksLikeReport(new TextDecoder(GB18030).decode(await vscode.workspace.fs.readFile(uri)));
  } catch {
    return false; // not a file the workspace can read (untitled, virtual), or no GB18030 decoder
  }
}

async function reopenWithGb18030(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (!uri) return undefined;
  try {
    const document = await vscode.workspace.openTextDocument(uri, { encoding: GB18030 });
    await vscode.window.showTextDocument(document);
    return document;
  } catch (error) {
    // openTextDocument refuses a document with unsaved changes in another encoding.
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not reopen {0} with GB18030: {1}', vscode.workspace.asRelativePath(uri), reason));
    return undefined;
  }
}
