import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { GovreportApi } from '../../../client/src/extension';
import { ruleOf, until, withTimeout } from './wait';

suite('statutory templates in the editor', () => {
  suiteSetup(async () => {
    const api = await vscode.extensions.getExtension<GovreportApi>('govreport.govreport')!.activate();
    await withTimeout(api.serverReady(), 'the language server to start');
  });

  test('新建年度报告: a new 2021 report with the six parts and its tables, and no finding', async () => {
    await vscode.commands.executeCommand('govreport.newReport', { organ: '某某镇人民政府', year: 2021 });
    const document = vscode.window.activeTextEditor!.document;
    assert.equal(document.languageId, 'govreport');
    assert.equal(document.lineAt(0).text, '某某镇人民政府2021年政府信息公开工作年度报告');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    assert.deepEqual(
      symbols.slice(1).map((s) => s.name),
      [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ],
    );
    // The template itself gives no finding: once a wrong number is typed, that is all there is.
    const line = [...Array(document.lineCount).keys()].find((i) => document.lineAt(i).text.startsWith('一、本年新收政府信息公开申请数量'))!;
    const edit = new vscode.WorkspaceEdit();
    // The row's first number (自然人), after its label across the template's three label columns.
    const first = document.lineAt(line).text.indexOf('\t0') + 1;
    assert.equal(document.lineAt(line).text.slice(0, first), '一、本年新收政府信息公开申请数量\t\t\t');
    edit.replace(document.uri, new vscode.Range(line, first, line, first + 1), '2');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const codes = await until(
      vscode.languages.onDidChangeDiagnostics,
      () => {
        const found = vscode.languages.getDiagnostics(document.uri).map(ruleOf);
        return found.length > 0 ? found : undefined;
      },
      'diagnostics of the edited report',
    );
    assert.deepEqual(codes.sort(), ['table.balance-mismatch', 'table.sum-mismatch']);
  });

  test('插入法定表格: the table goes in at the cursor as a snippet', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'govreport', content: '二、主动公开政府信息情况\n\n' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    await vscode.commands.executeCommand('govreport.insertTable', { format: '2021', table: 'article20-6' });
    assert.equal(document.getText(), '二、主动公开政府信息情况\n\n第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t0\n行政强制\t0');
    await vscode.commands.executeCommand('leaveSnippet');
  });

  test('snippets: typing gr21 in a report offers the 2021 tables', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'govreport', content: 'gr21' });
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 4));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const prefix of ['gr21-report', 'gr21-art20-1', 'gr21-table3', 'gr21-table4'])
      assert.ok(labels.includes(prefix), `${prefix} not offered: ${labels.join(', ')}`);
  });

  test('转换表格为 Markdown: the table at the cursor becomes a pipe table, every value kept', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, '004_5af3a546c32e05da.txt')));
    await until(vscode.workspace.onDidOpenTextDocument, () => (editor.document.languageId === 'govreport' ? true : undefined), 'the report language');
    editor.selection = new vscode.Selection(33, 0, 33, 0);
    await vscode.commands.executeCommand('govreport.convertTableToMarkdown');
    const lines = editor.document.getText().split('\n');
    assert.deepEqual(lines.slice(31, 37), [
      '第二十条第（六）项\t\t\t',
      '',
      '| 信息内容 | 本年处理决定数量 |  |  |',
      '|---|---|---|---|',
      '| 行政处罚 | 14 |  |  |',
      '| 行政强制 | 3 |  |  |',
    ]);
  });
});
