import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { GovreportApi } from '../../../client/src/extension';
import { RESOLVE_ALL, ruleOf, until, withTimeout, readRepoFixture } from './wait';

/** The server speaks the UI's language. */
const chinese = vscode.env.language.toLowerCase().startsWith('zh');

const sumMismatches = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => ruleOf(d) === 'table.sum-mismatch');

/** An untitled report with the fixture's text, shown, once its sum mismatches are in. */
async function openUntitled(text: string, mismatches: number): Promise<{ document: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const document = await vscode.workspace.openTextDocument({ language: 'govreport', content: text });
  await vscode.window.showTextDocument(document);
  const diagnostics = await until(
    vscode.languages.onDidChangeDiagnostics,
    () => (sumMismatches(document.uri).length === mismatches ? sumMismatches(document.uri) : undefined),
    `${mismatches} sum-mismatch diagnostics`,
  );
  return { document, diagnostics };
}

suite('which fix is preferred, and what fix all says it changed', () => {
  suiteSetup(async () => {
    const api = await vscode.extensions.getExtension<GovreportApi>('govreport.govreport')!.activate();
    await vscode.workspace.openTextDocument({ language: 'govreport', content: readRepoFixture('rules', '2019-tsv-row-total.txt') });
    await withTimeout(api.serverReady(), 'the language server to start');
  });

  // 平潭综合实验区 2020: the outcome rows add up to 26 in the 自然人 column, （七）总计 says 20, and the
  // printed 勾稽关系 一 + 二 = 三 + 四 holds with 20: the outcome rows are the likelier error.
  test('平潭 2020: the total the 勾稽关系 agrees with is offered, not preferred, and fix all leaves it', async () => {
    const text = readRepoFixture('corpus', '平潭综合实验区_2020.txt');
    const { document, diagnostics } = await openUntitled(text, 2);
    // The 自然人 cell comes first on the （七）总计 row, the 总计 cell last.
    const [natural] = [...diagnostics].sort((a, b) => a.range.start.character - b.range.start.character);
    assert.match(
      natural.message,
      chinese
        ? /但改为 26 后，「自然人」列勾稽关系（一 \+ 二 = 20，三 \+ 四 = 26）将不成立，而现有的 20 与之相符，有误的可能是分项。请核对；「全部修正」不改此处。$/
        : /But with 26, the balance of the 「自然人」 column \(一 \+ 二 = 20, 三 \+ 四 = 26\) would not hold, while 20 as written does: the addends may be what is wrong\. Check them: fix all leaves this total alone\.$/,
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      natural.range,
      vscode.CodeActionKind.QuickFix.value,
      RESOLVE_ALL,
    );
    const fix = actions.find((a) => a.title === (chinese ? '将「（七）总计」的「自然人」改为 26' : 'Change 「（七）总计」/「自然人」 to 26'));
    assert.ok(fix, `the correction is offered among: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, false);
    const summary = await vscode.commands.executeCommand('govreport.applyAllFixes', document.uri.toString());
    assert.deepEqual(summary, { uri: document.uri.toString(), applied: [] });
    assert.equal(document.getText(), text);
  });

  test('fix all changes what it can and lists each change, old → new', async () => {
    const { document } = await openUntitled(readRepoFixture('rules', '2019-tsv-row-total.txt'), 2);
    const summary = await vscode.commands.executeCommand('govreport.applyAllFixes', document.uri.toString());
    assert.deepEqual(summary, {
      uri: document.uri.toString(),
      applied: chinese
        ? ['将「（一）予以公开」的「总计」改为 4（5 → 4）', '插入「六、其他需要报告的事项」']
        : ['Change 「（一）予以公开」/「总计」 to 4 (5 → 4)', 'Insert 「六、其他需要报告的事项」'],
    });
    assert.equal(document.lineAt(61).text, '三、本年度办理结果\t(一) 予以公开\t3\t1\t0\t0\t0\t0\t4\t');
    await until(vscode.languages.onDidChangeDiagnostics, () => (sumMismatches(document.uri).length === 0 ? true : undefined), 'the sum mismatches to go');
  });
});
