import * as assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { GovreportApi } from '../../../client/src/extension';
import { RESOLVE_ALL, ruleOf, until, withTimeout } from './wait';

/** The server speaks the UI's language. */
const chinese = vscode.env.language.toLowerCase().startsWith('zh');

suite('what the format requires is in the Problems panel; blank cells are filled on request', () => {
  let folder: vscode.Uri;

  const diagnosticsOf = (uri: vscode.Uri, code: string) => vscode.languages.getDiagnostics(uri).filter((d) => ruleOf(d) === code);
  const open = async (uri: vscode.Uri) => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));

  suiteSetup(async () => {
    const api = await vscode.extensions.getExtension<GovreportApi>('govreport.govreport')!.activate();
    folder = vscode.workspace.workspaceFolders![0].uri;
    // The server starts with the first report opened.
    await open(vscode.Uri.joinPath(folder, '004_5af3a546c32e05da.txt'));
    await withTimeout(api.serverReady(), 'the language server to start');
  });

  test('seed 004: the missing 信息处理费 statement of the 2021 format is information, not a hint hidden from the Problems panel', async () => {
    const { document } = await open(vscode.Uri.joinPath(folder, '004_5af3a546c32e05da.txt'));
    const [fee] = await until(
      vscode.languages.onDidChangeDiagnostics,
      () => (diagnosticsOf(document.uri, 'part.fee-statement').length ? diagnosticsOf(document.uri, 'part.fee-statement') : undefined),
      'the part.fee-statement diagnostic',
    );
    assert.equal(fee.severity, vscode.DiagnosticSeverity.Information);
    assert.deepEqual(
      vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Hint),
      [],
    );
  });

  test('a table with blank cells: one diagnostic, and 「本表空白单元格填 0」 — never the preferred fix — fills them', async () => {
    // A copy no other suite opens or edits.
    const uri = vscode.Uri.joinPath(folder, 'blank-cells.txt');
    copyFileSync(vscode.Uri.joinPath(folder, 'rules', '2019-tsv-review-litigation.txt').fsPath, uri.fsPath);
    const editor = await open(uri);
    const [blank] = await until(
      vscode.languages.onDidChangeDiagnostics,
      () => (diagnosticsOf(uri, 'table.empty-cell').length ? diagnosticsOf(uri, 'table.empty-cell') : undefined),
      'the table.empty-cell diagnostic',
    );
    assert.equal(diagnosticsOf(uri, 'table.empty-cell').length, 1);
    assert.equal(blank.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(
      blank.relatedInformation?.map((r) => r.location.range.start.line),
      [42, 43],
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      blank.range,
      vscode.CodeActionKind.QuickFix.value,
      RESOLVE_ALL,
    );
    const fill = actions.find((a) => a.title === (chinese ? '本表空白单元格填 0' : "Fill this table's blank cells with 0"));
    assert.ok(fill?.edit, `no fill among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(!fill.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(fill.edit));
    assert.equal(editor.document.lineAt(42).text, '三、本年度办理结果\t(一) 予以公开\t0\t0\t0\t0\t0\t0\t0');
    await until(
      vscode.languages.onDidChangeDiagnostics,
      () => (diagnosticsOf(uri, 'table.empty-cell').length === 0 ? true : undefined),
      'the blanks to be filled',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
