import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { until } from './wait';

suite('content detection', () => {
  test('a plain-text report switches to govreport; a plain-text document that is not a report stays plain text', async () => {
    const notReport = '会议纪要\n一、会议内容\n二、下一步工作\n';
    const report = '某某镇人民政府2021年政府信息公开工作年度报告\n\n一、总体情况\n正文。\n';
    const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: notReport });
    await vscode.workspace.openTextDocument({ language: 'plaintext', content: report });
    // Documents are considered in the order they open: once the report has switched, the first
    // document has had its turn.
    await until(
      vscode.workspace.onDidOpenTextDocument,
      () => vscode.workspace.textDocuments.find((d) => d.languageId === 'govreport' && d.getText() === report),
      'the report to switch to govreport',
    );
    assert.equal(other.languageId, 'plaintext');
    assert.equal(vscode.workspace.textDocuments.find((d) => d.getText() === notReport)?.languageId, 'plaintext');
  });
});
