import * as assert from 'node:assert/strict';
import { copyFileSync, rmSync } from 'node:fs';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { poll, ruleOf, until } from './wait';

const same = (a: vscode.Uri, b: vscode.Uri) => a.toString() === b.toString();
const documentOf = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => same(d.uri, uri));

/** Opens the file in an editor of its own, as the Explorer does (not through the extension API, which keeps documents open for minutes). */
async function openFromExplorer(uri: vscode.Uri): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
  return poll(() => documentOf(uri), `${uri.path} to open`);
}

/** Closes the file's editor and waits for its document to close (a language change closes and reopens it: that does not count). */
async function closeEditorOf(uri: vscode.Uri): Promise<void> {
  const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && same(t.input.uri, uri));
  assert.ok(tab, `no editor shows ${uri.path}`);
  const closed = until(vscode.workspace.onDidCloseTextDocument, () => (documentOf(uri) ? undefined : true), `the document of ${uri.path} to close`);
  await vscode.window.tabGroups.close(tab);
  await closed;
}

const becomesReport = (uri: vscode.Uri) =>
  until(vscode.workspace.onDidOpenTextDocument, () => (documentOf(uri)?.languageId === 'govreport' ? true : undefined), `${uri.path} to switch to govreport`);

suite('a plain-text report opened again', () => {
  let a: vscode.Uri;
  let b: vscode.Uri;

  suiteSetup(() => {
    // Copies no other suite opens: a document opened through the API stays open after its editor closes.
    const folder = vscode.workspace.workspaceFolders![0].uri;
    a = vscode.Uri.joinPath(folder, 'reopen-a.txt');
    b = vscode.Uri.joinPath(folder, 'reopen-b.txt');
    copyFileSync(vscode.Uri.joinPath(folder, '000_cf77e8731c91250a.txt').fsPath, a.fsPath);
    copyFileSync(vscode.Uri.joinPath(folder, '003_721881aa274abb1a.txt').fsPath, b.fsPath);
  });

  // The copies would be second reports of their organs for the suites after this one (the Reports view lists them).
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [a, b]) rmSync(uri.fsPath, { force: true });
  });

  test('opened, closed after another report was opened, and opened again: govreport again, with its findings', async () => {
    await openFromExplorer(a);
    await becomesReport(a);
    await openFromExplorer(b);
    await becomesReport(b);
    await closeEditorOf(a);

    const reopened = await openFromExplorer(a);
    await becomesReport(a);
    assert.equal(reopened.languageId, 'govreport');
    // Checked: seed 000 lacks part 六.
    const missing = await poll(() => {
      const found = vscode.languages.getDiagnostics(a).filter((d) => ruleOf(d) === 'part.missing');
      return found.length > 0 ? found : undefined;
    }, 'the part.missing diagnostic of the reopened report');
    assert.equal(missing.length, 1);
    assert.ok(missing[0].message.includes('六、其他需要报告的事项'), missing[0].message);
  });

  test('switched back to plain text by the user while open, it stays plain text', async () => {
    const report = documentOf(a) ?? (await openFromExplorer(a));
    await becomesReport(a);
    await vscode.languages.setTextDocumentLanguage(report, 'plaintext');
    // Documents are considered in the order they open: once a report opened after this switches,
    // the switch of A back to plain text has had its turn.
    const later = await vscode.workspace.openTextDocument({
      language: 'plaintext',
      content: '某某镇人民政府2021年政府信息公开工作年度报告\n\n一、总体情况\n正文。\n',
    });
    await until(vscode.workspace.onDidOpenTextDocument, () => (later.languageId === 'govreport' ? true : undefined), 'a report opened later to switch');
    assert.equal(documentOf(a)?.languageId, 'plaintext');
  });
});
