/** The template commands: insert a statutory table, start a new report, convert the table at the cursor. */
import * as vscode from 'vscode';
import { reportEditor } from './report-editor';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  CONVERT_TABLE,
  NEW_REPORT,
  TABLE_SNIPPET,
  TEMPLATES,
  type ConvertTableParams,
  type ConvertTableResult,
  type TableSyntax,
  type TemplateChoice,
} from '../../server/src/lsp/protocol';

export function registerTemplateCommands(context: vscode.ExtensionContext, client: () => Promise<LanguageClient>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('govreport.insertTable', (args?: InsertTableArgs) => insertTable(client, args)),
    vscode.commands.registerCommand('govreport.newReport', (args?: NewReportArgs) => newReport(client, args)),
    vscode.commands.registerCommand('govreport.convertTableToMarkdown', () => convertTable(client, 'pipe')),
    vscode.commands.registerCommand('govreport.convertTableToTsv', () => convertTable(client, 'tsv')),
  );
}

/** Given by a keybinding or another extension, the arguments skip the questions. */
interface InsertTableArgs {
  format: string;
  table: string;
}

interface NewReportArgs {
  organ: string;
  year: number;
}

/** Markdown documents get pipe tables, plain-text reports tab-separated ones. */
function syntaxOf(document: vscode.TextDocument): TableSyntax {
  return document.languageId === 'markdown' ? 'pipe' : 'tsv';
}

async function insertTable(client: () => Promise<LanguageClient>, args?: InsertTableArgs): Promise<void> {
  const editor = await reportEditor();
  if (!editor) return;
  const c = await client();
  const chosen = args ?? (await chooseTable(c));
  if (!chosen) return;
  const snippet = await c.sendRequest<string | null>(TABLE_SNIPPET, { ...chosen, syntax: syntaxOf(editor.document) });
  if (snippet) await editor.insertSnippet(new vscode.SnippetString(snippet));
}

async function chooseTable(c: LanguageClient): Promise<InsertTableArgs | undefined> {
  const choices = await c.sendRequest<TemplateChoice[]>(TEMPLATES);
  const era = await vscode.window.showQuickPick(
    choices.map((choice) => ({ label: choice.formatName, choice })),
    { title: vscode.l10n.t('Insert statutory table'), placeHolder: vscode.l10n.t('Format of the report') },
  );
  if (!era) return undefined;
  const table = await vscode.window.showQuickPick(
    era.choice.tables.map((t) => ({ label: t.name, description: t.prefix, id: t.id })),
    { title: vscode.l10n.t('Insert statutory table'), placeHolder: vscode.l10n.t('Table') },
  );
  return table && { format: era.choice.format, table: table.id };
}

async function newReport(client: () => Promise<LanguageClient>, args?: NewReportArgs): Promise<void> {
  const answers = args ?? (await askReport());
  if (!answers) return;
  const text = await (await client()).sendRequest<string>(NEW_REPORT, answers);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'govreport', content: text }));
}

async function askReport(): Promise<NewReportArgs | undefined> {
  const organ = await vscode.window.showInputBox({
    title: vscode.l10n.t('New annual report'),
    prompt: vscode.l10n.t('Name of the organ'),
    value: vscode.l10n.t('某某县人民政府'),
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Enter the name of the organ')),
  });
  if (!organ) return undefined;
  const year = await vscode.window.showInputBox({
    title: vscode.l10n.t('New annual report'),
    prompt: vscode.l10n.t('Year reported on'),
    value: String(new Date().getFullYear() - 1),
    validateInput: (value) => (/^(19|20)\d{2}$/.test(value.trim()) ? undefined : vscode.l10n.t('Enter a year such as 2024')),
  });
  return year ? { organ: organ.trim(), year: Number(year.trim()) } : undefined;
}

/**
 * The edits come from the server for the document version the command was given; they are applied
 * only if the server computed them for that version and the document is still at it — typing while
 * the server answers must not get the conversion applied to a text it was not made for.
 */
async function convertTable(client: () => Promise<LanguageClient>, to: TableSyntax): Promise<void> {
  const editor = await reportEditor();
  if (!editor) return;
  const c = await client();
  const asked = editor.document.version;
  const params: ConvertTableParams = { uri: editor.document.uri.toString(), position: editor.selection.active, to };
  const answer = await c.sendRequest<ConvertTableResult>(CONVERT_TABLE, params);
  const edits = (await c.protocol2CodeConverter.asTextEdits(answer.edits)) ?? [];
  if (editor.document.version !== asked || (answer.version !== null && answer.version !== asked)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The document changed while the table was being converted; nothing was changed. Try again.'));
    return;
  }
  if (answer.extracted) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The table at the cursor is text as copied from a PDF (aligned with spaces, or one cell per line): it is checked, but not converted.'),
    );
    return;
  }
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no table at the cursor to convert.'));
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(editor.document.uri, edits);
  await vscode.workspace.applyEdit(edit);
}
