import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { poll, ruleOf, until } from './wait';

suite('a report saved in GB18030, opened as UTF-8', () => {
  test('is left unchecked as mojibake, and once reopened with GB18030 by the command is a report with its findings', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const seed = readFileSync(vscode.Uri.joinPath(folder.uri, '000_cf77e8731c91250a.txt').fsPath, 'utf8');
    const uri = vscode.Uri.joinPath(folder.uri, 'gb18030-000.txt');
    writeFileSync(uri.fsPath, iconv.encode(seed, 'gb18030'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.encoding, 'utf8');
    assert.ok(document.getText().includes('\uFFFD'), 'VS Code decoded the GB18030 bytes as UTF-8');

    await vscode.commands.executeCommand('govreport.reopenWithGb18030', uri);
    const same = (d: vscode.TextDocument) => d.uri.toString() === uri.toString();
    const reopened = await poll(() => vscode.workspace.textDocuments.find((d) => same(d) && d.encoding === 'gb18030'), 'the document in GB18030');
    assert.equal(reopened.getText(), seed);
    // Considered again, the report switches to govreport and is checked: seed 000 lacks part 六.
    await poll(() => vscode.workspace.textDocuments.find((d) => same(d) && d.languageId === 'govreport'), 'the report to switch to govreport');
    const missing = await until(
      vscode.languages.onDidChangeDiagnostics,
      () => {
        const found = vscode.languages.getDiagnostics(uri).filter((d) => ruleOf(d) === 'part.missing');
        return found.length > 0 ? found : undefined;
      },
      'the part.missing diagnostic',
    );
    assert.equal(missing.length, 1);
    assert.ok(missing[0].message.includes('六、其他需要报告的事项'), missing[0].message);
  });
});
