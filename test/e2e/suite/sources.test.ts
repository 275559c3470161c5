import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { GovreportApi } from '../../../client/src/extension';
import { poll, ruleOf, until, withTimeout } from './wait';

const SOURCE_SCHEME = 'govreport-source';

/** Part names (一、… 六、) of the document's outline. */
async function partNames(uri: vscode.Uri): Promise<string[]> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
  return (symbols ?? []).map((s) => s.name.slice(0, 2)).filter((name) => /^[一二三四五六]、$/.test(name));
}

/** Runs the command on the source and returns the converted report it opens beside it. */
async function openAsReport(source: vscode.Uri): Promise<vscode.TextDocument> {
  const opened = until(
    vscode.window.onDidChangeActiveTextEditor,
    () => {
      const document = vscode.window.activeTextEditor?.document;
      return document?.uri.scheme === SOURCE_SCHEME && document.uri.query === source.toString() ? document : undefined;
    },
    `the converted report of ${source.path}`,
  );
  await vscode.commands.executeCommand('govreport.openAsReport', source);
  return opened;
}

suite('reports as published: PDF and Word files opened as reports', () => {
  let folder: vscode.Uri;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<GovreportApi>('govreport.govreport');
    assert.ok(extension, 'the govreport extension is not installed');
    await extension.activate();
    folder = vscode.workspace.workspaceFolders![0].uri;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a PDF opens read-only as a govreport document, with its outline and its wrong totals, each naming its page', async () => {
    const source = vscode.Uri.joinPath(folder, 'published', '淮安市洪泽区人民政府_2023.pdf');
    const report = await openAsReport(source);
    assert.equal(report.languageId, 'govreport');
    const sums = await poll(() => {
      const found = vscode.languages.getDiagnostics(report.uri).filter((d) => ruleOf(d) === 'table.sum-mismatch');
      return found.length === 2 ? found : undefined;
    }, 'the two table.sum-mismatch diagnostics of the PDF');
    assert.deepEqual(await partNames(report.uri), ['一、', '二、', '三、', '四、', '五、', '六、']);
    for (const diagnostic of sums) {
      assert.match(diagnostic.message, /总计/);
      const related = diagnostic.relatedInformation?.find((r) => r.location.uri.toString() === source.toString());
      assert.ok(related, 'the diagnostic names its place in the PDF');
      assert.match(related.message, /^(原文第 4 页|in the source: page 4)$/);
    }
    // Read-only: typing into the converted report changes nothing.
    const before = report.getText();
    await vscode.window.showTextDocument(report);
    await vscode.commands.executeCommand('type', { text: '错' });
    assert.equal(report.getText(), before);
    assert.equal(report.isDirty, false);
  });

  test('a WPS-made Word template opens as a 2021-format report whose table cells are all blank', async () => {
    const source = vscode.Uri.joinPath(folder, 'published', '政务公开年报模版_2021格式.docx');
    const report = await openAsReport(source);
    const blanks = await poll(() => {
      const found = vscode.languages.getDiagnostics(report.uri).filter((d) => ruleOf(d) === 'table.empty-cell');
      return found.length > 0 ? found : undefined;
    }, 'table.empty-cell diagnostics of the template');
    assert.deepEqual(await partNames(report.uri), ['一、', '二、', '三、', '四、', '五、', '六、']);
    assert.ok(blanks.every((d) => d.relatedInformation?.some((r) => r.location.uri.toString() === source.toString())));
    assert.ok(!vscode.languages.getDiagnostics(report.uri).some((d) => ruleOf(d) === 'table.sum-mismatch'));
  });

  test('Import as editable report writes NAME.md beside the PDF and opens it', async () => {
    const source = vscode.Uri.joinPath(folder, 'published', '淮安市洪泽区人民政府_2023.pdf');
    const target = vscode.Uri.joinPath(folder, 'published', '淮安市洪泽区人民政府_2023.md');
    const opened = until(
      vscode.window.onDidChangeActiveTextEditor,
      () => (vscode.window.activeTextEditor?.document.uri.toString() === target.toString() ? vscode.window.activeTextEditor.document : undefined),
      'the imported report to open',
    );
    await vscode.commands.executeCommand('govreport.importAsReport', source);
    const document = await withTimeout(opened, 'the imported report');
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.equal(document.getText(), written);
    assert.match(written, /^\| 行政处罚[ \u3000]+\| 4119[ \u3000]+\|/m);
    const sums = await poll(() => {
      const found = vscode.languages.getDiagnostics(target).filter((d) => ruleOf(d) === 'table.sum-mismatch');
      return found.length === 2 ? found : undefined;
    }, 'the imported report to be checked');
    assert.equal(sums.length, 2);
  });
});
