import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { GovreportApi } from '../../../client/src/extension';
import type { PreviewProbe } from '../../../client/src/preview';
import { ruleOf, until, WAIT_MS, withTimeout, readRepoFixture } from './wait';

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
});
