import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { GovreportApi } from '../../../client/src/extension';
import type { PreviewProbe } from '../../../client/src/preview';
import { poll, ruleOf, until, WAIT_MS, withTimeout, readRepoFixture } from './wait';

const chinese = vscode.env.language.toLowerCase().startsWith('zh');
const sumMismatches = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => ruleOf(d) === 'table.sum-mismatch');

/** Asks the preview what its page shows until `check` accepts it (the page is drawn after the webview has loaded and the server has answered). */
async function probeUntil(api: GovreportApi, uri: vscode.Uri, check: (probe: PreviewProbe) => boolean, what: string): Promise<PreviewProbe> {
  const deadline = Date.now() + WAIT_MS;
  let last: PreviewProbe | undefined;
  while (Date.now() < deadline) {
    last = await withTimeout(api.preview.probe(uri), 'the preview to answer');
    if (last && check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}; the preview shows ${JSON.stringify(last)}`);
}

suite('report preview', () => {
  let api: GovreportApi;
  suiteSetup(async () => {
    api = await vscode.extensions.getExtension<GovreportApi>('govreport.govreport')!.activate();
  });

  // rules/2019-tsv-row-total.txt: the 总计 of （一）予以公开 (line 62) is 5 where its row adds up to 4,
  // and the （七）总计 row's 总计 (4) then disagrees with the column.
  test('marks the wrong total in its severity with its message, and unmarks it once corrected', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'govreport', content: readRepoFixture('rules', '2019-tsv-row-total.txt') });
    await vscode.window.showTextDocument(document);
    await withTimeout(api.serverReady(), 'the language server to start');
    const mismatches = await until(
      vscode.languages.onDidChangeDiagnostics,
      () => (sumMismatches(document.uri).length === 2 ? sumMismatches(document.uri) : undefined),
      '2 sum-mismatch diagnostics',
    );
    const wrongTotal = mismatches.find((d) => d.range.start.line === 61)!;
    assert.equal(document.getText(wrongTotal.range), '5');

    await vscode.commands.executeCommand('govreport.showPreviewToSide');
    const shown = await probeUntil(api, document.uri, (p) => p.marked.some((m) => m.text === '5'), 'the wrong total to be marked');
    assert.equal(shown.title, '隆德县联财镇 2019 年政府信息公开工作年度报告');
    assert.deepEqual(
      shown.marked.filter((m) => m.text === '5'),
      [{ text: '5', severity: 'error', message: wrongTotal.message }],
    );
    const columnTotal = mismatches.find((d) => d.range.start.line !== 61)!;
    assert.ok(
      shown.marked.some((m) => m.severity === 'error' && m.message === columnTotal.message),
      `the （七）总计 total is marked too: ${JSON.stringify(shown.marked)}`,
    );

    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, wrongTotal.range, '4');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const mismatchMessages = mismatches.map((d) => d.message);
    const corrected = await probeUntil(api, document.uri, (p) => !p.marked.some((m) => m.text === '5'), 'the preview to follow the edit');
    // The other findings (a missing part, the prose contradicting the table…) stay marked.
    assert.deepEqual(
      corrected.marked,
      shown.marked.filter((m) => !mismatchMessages.includes(m.message)),
    );
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // seeds/002: a long report, its part 五 (a heading block, line 74) far down the page.
  test('scrolling the preview scrolls the editor to the line at the top of the preview', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '002_bc6bcd97b1a1f0b8.txt');
    const editor = await vscode.window.showTextDocument(uri);
    const part5 = 73;
    assert.equal(editor.document.lineAt(part5).text, '五、政策解读情况');
    assert.equal(editor.visibleRanges[0].start.line, 0);
    await vscode.commands.executeCommand('govreport.showPreviewToSide');
    await probeUntil(api, uri, (p) => p.blocks > 0, 'the preview to draw the report');

    // Sticky scroll would draw headings over the editor's first lines: the line revealed at the top is then below them.
    const sticky = vscode.workspace.getConfiguration('editor.stickyScroll');
    await sticky.update('enabled', false, vscode.ConfigurationTarget.Global);
    assert.ok(api.preview.scrollPreviewAsUser(uri, part5));
    await until(
      vscode.window.onDidChangeTextEditorVisibleRanges,
      () => (editor.visibleRanges[0].start.line === part5 ? true : undefined),
      `the editor to show line ${part5} at its top`,
    );
    assert.equal((await api.preview.probe(uri))?.topLine, part5, 'the preview stays where it was scrolled');
    await sticky.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a preview comes back after a reload, on its report; on a report gone, it says so', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '004_5af3a546c32e05da.txt');
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('govreport.showPreviewToSide');
    const before = await probeUntil(api, uri, (p) => p.blocks > 0, 'the preview to draw the report');
    assert.deepEqual(before.state, { document: uri.toString() });
    // A reload would end the suite: its restore is the serializer VS Code calls, given a new panel and the state the webview kept.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await poll(() => (vscode.window.tabGroups.all.every((g) => g.tabs.length === 0) ? true : undefined), 'the editors and the preview to close');
    const restored = vscode.window.createWebviewPanel('govreport.preview', 'restored', { viewColumn: vscode.ViewColumn.One, preserveFocus: true });
    await api.preview.serializer.deserializeWebviewPanel(restored, before.state);
    const after = await probeUntil(api, uri, (p) => p.blocks === before.blocks, 'the restored preview to draw the report');
    assert.deepEqual(after, before);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    assert.ok(!tabs.some((t) => t.input instanceof vscode.TabInputText), 'the report is loaded, not shown');
    restored.dispose();

    const gone = vscode.window.createWebviewPanel('govreport.preview', 'gone', vscode.ViewColumn.One);
    await api.preview.serializer.deserializeWebviewPanel(gone, { document: vscode.Uri.joinPath(uri, '..', 'gone.txt').toString() });
    assert.match(gone.webview.html, chinese ? /<p>此处预览的报告已不存在：gone\.txt<\/p>/ : /<p>The report previewed here no longer exists: gone\.txt<\/p>/);
    gone.dispose();
  });
});
