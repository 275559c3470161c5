import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { GovreportApi } from '../../../client/src/extension';
import type { RollupResult } from '../../../server/src/lsp/protocol';
import { withTimeout } from './wait';

/** The desk's roll-up fixtures: 甲镇 and 乙镇 of 2023, 丙镇 of 2022, and the expected units 甲镇, 乙镇, 丁镇. */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'desk', 'rollup-2023');

suite('汇总下级报告: a folder of reports rolled up into a new untitled report', () => {
  let folder: vscode.Uri;

  suiteSetup(async () => {
    const api = await vscode.extensions.getExtension<GovreportApi>('govreport.govreport')!.activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '某某县');
    await vscode.workspace.fs.copy(vscode.Uri.file(FIXTURES), folder, { overwrite: true });
    // The server starts with the first report opened.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, '甲镇_2023.txt')));
    await withTimeout(api.serverReady(), 'the language server to start');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the command, its questions answered by its arguments, opens the roll-up unsaved with the summed figures', async () => {
    const result = await vscode.commands.executeCommand<RollupResult>('govreport.rollup', { folder, year: 2023, organ: '某某县人民政府' });
    assert.ok(result?.ok && result.rollup, JSON.stringify(result));
    assert.deepEqual(result.years, [2023, 2022]);
    assert.deepEqual(result.rollup.missing, ['丁镇人民政府']);
    const document = vscode.window.activeTextEditor!.document;
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'govreport');
    const lines = document.getText().split('\n');
    assert.equal(lines[0], '某某县人民政府2023年政府信息公开工作年度报告（汇总）');
    assert.ok(
      lines.includes('本报告表格数据由以下2个单位的2023年政府信息公开工作年度报告逐级汇总：乙镇人民政府、甲镇人民政府。'),
      lines.slice(0, 9).join('\n'),
    );
    assert.ok(lines.includes('未收到报告：丁镇人民政府。'));
    // 新收申请 3 + 10, 行政处罚 blank + 5, 本年收费金额 1.5 + 0.25 万元.
    assert.ok(
      lines.includes('一、本年新收政府信息公开申请数量\t\t\t13\t0\t0\t0\t0\t0\t13'),
      lines.find((l) => l.startsWith('一、本年新收')),
    );
    assert.ok(lines.includes('行政处罚\t5'));
    assert.ok(lines.includes('行政事业性收费\t1.75'));
  });
});
