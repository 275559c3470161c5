import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { GovreportApi } from '../../../client/src/extension';
import { pipeStops } from '../../support/pipe-stops';
import { withTimeout } from './wait';

suite('reading tables in the editor', () => {
  let api: GovreportApi;

  suiteSetup(async () => {
    api = await vscode.extensions.getExtension<GovreportApi>('govreport.govreport')!.activate();
  });

  test('Format Document on a Markdown report lines its tables up in any font and leaves merged-cell tables alone', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'rules', '2021-markdown.md'));
    const editor = await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'markdown');
    // A Markdown report starts the language server, which then formats it.
    await withTimeout(api.serverReady(), 'the language server to start');
    const before = document.getText().split('\n');
    try {
      await vscode.commands.executeCommand('editor.action.formatDocument');
      const after = editor.document.getText().split('\n');
      // 第二十条第（一）项: every cell of a column as many full-width glyphs (U+3000 pads them) and as many others.
      assert.deepEqual(after.slice(21, 25), [
        '| 信息内容\u3000\u3000\u3000 | 本年制发件数    | 本年废止件数    | 现行有效件数    |',
        '| ------------ | -------------- | ------------- | -------------- |',
        '| 规章\u3000\u3000\u3000\u3000\u3000 | 2\u3000\u3000\u3000\u3000\u3000\u3000   | 0\u3000\u3000\u3000\u3000\u3000\u3000   | 11\u3000\u3000\u3000\u3000\u3000\u3000  |',
        '| 行政规范性文件 | 109\u3000\u3000\u3000\u3000\u3000\u3000 | 489\u3000\u3000\u3000\u3000\u3000\u3000 | 597\u3000\u3000\u3000\u3000\u3000\u3000 |',
      ]);
      for (const [first, last] of [
        [21, 24],
        [26, 28],
        [30, 33],
        [35, 37],
      ]) {
        const stops = after.slice(first, last + 1).filter((_, i) => i !== 1);
        assert.equal(new Set(stops.map(pipeStops)).size, 1, `the table at line ${first}`);
      }
      // Tables 三 and 四 have rows of different cell counts (merged cells): no column layout fits them.
      assert.deepEqual(after.slice(41), before.slice(41));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('word wrap in a report is the user’s choice: the extension sets no default for it', () => {
    const wordWrap = vscode.workspace.getConfiguration('editor', { languageId: 'govreport' }).inspect('wordWrap');
    assert.equal(wordWrap?.defaultLanguageValue, undefined);
    assert.equal(vscode.workspace.getConfiguration('editor', { languageId: 'govreport' }).get('wordWrap'), 'off');
  });
});
