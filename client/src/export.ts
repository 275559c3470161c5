/**
 * 「导出为 Word」: the report as a .docx in the official layout, written by the language server. A report
 * with errors is exported only once the user confirms; then a save dialog, NAME.docx beside the report.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { decodeBase64 } from '../../server/src/lsp/base64';
import { EXPORT_DOCX, type ExportDocxResult } from '../../server/src/lsp/protocol';
import { reportEditor } from './report-editor';
import { SOURCE_SCHEME } from './sources';

export const EXPORT_WORD = 'govreport.exportWord';
/** Errors listed one by one in the confirmation; the rest are counted. */
const LISTED = 10;

export function registerExportCommand(context: vscode.ExtensionContext, client: () => Promise<LanguageClient>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(EXPORT_WORD, async () => {
      const document = (await reportEditor())?.document;
      if (!document) return;
      const result = await (await client()).sendRequest<ExportDocxResult>(EXPORT_DOCX, { uri: document.uri.toString() });
      if (!result.ok) {
        void vscode.window.showErrorMessage(result.message);
        return;
      }
      if (result.errors.length > 0 && !(await confirmErrors(result.errors))) return;
      const target = await vscode.window.showSaveDialog({ defaultUri: defaultTarget(document.uri), filters: { Word: ['docx'] } });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, decodeBase64(result.data));
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}.', fileName(target)));
    }),
  );
}

/** The modal question before exporting a report with errors: true to export anyway. */
async function confirmErrors(errors: readonly string[]): Promise<boolean> {
  const more = errors.length > LISTED ? [vscode.l10n.t('… and {0} more', errors.length - LISTED)] : [];
  const anyway = vscode.l10n.t('Export Anyway');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('The report has {0} error(s). Export it to Word anyway?', errors.length),
    { modal: true, detail: [...errors.slice(0, LISTED), ...more].join('\n') },
    anyway,
  );
  return choice === anyway;
}

/** NAME.docx beside the report (beside its source, for a PDF or Word file opened as a report); in the workspace folder when the report has no folder to write to. */
function defaultTarget(report: vscode.Uri): vscode.Uri | undefined {
  const uri = report.scheme === SOURCE_SCHEME ? vscode.Uri.parse(report.query, true) : report;
  const name = `${fileName(uri).replace(/\.[^.]*$/, '') || 'report'}.docx`;
  if (vscode.workspace.fs.isWritableFileSystem(uri.scheme)) return vscode.Uri.joinPath(uri, '..', name);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && vscode.Uri.joinPath(folder, name);
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
