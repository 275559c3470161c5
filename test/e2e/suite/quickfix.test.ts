import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { GovreportApi } from '../../../client/src/extension';
import { RESOLVE_ALL, ruleOf, until, withTimeout } from './wait';

/** The server speaks the UI's language. */
const chinese = vscode.env.language.toLowerCase().startsWith('zh');

/** How many findings of each rule the Problems panel lists for the document. */
function ruleCounts(uri: vscode.Uri): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of vscode.languages.getDiagnostics(uri)) counts[ruleOf(d)!] = (counts[ruleOf(d)!] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort());
}

const sumMismatches = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => ruleOf(d) === 'table.sum-mismatch');

/** The quick fixes VS Code gets for a range, the first `resolve` of them resolved (given their edits). */
function quickFixes(uri: vscode.Uri, range: vscode.Range, resolve = RESOLVE_ALL): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value, resolve);
}

async function open(name: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders![0];
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'rules', name)));
  return editor;
}

suite('a wrong total, fixed in the editor', () => {
  suiteSetup(async () => {
    const api = await vscode.extensions.getExtension<GovreportApi>('govreport.govreport')!.activate();
    await open('2019-tsv-row-total.txt');
    await withTimeout(api.serverReady(), 'the language server to start');
  });

  test('the diagnostic appears on the total cell, the quick fix corrects it, the diagnostic goes away', async () => {
    const editor = await open('2019-tsv-row-total.txt');
    const uri = editor.document.uri;
    const [diagnostic] = await until(
      vscode.languages.onDidChangeDiagnostics,
      () => (sumMismatches(uri).length ? sumMismatches(uri) : undefined),
      'the sum-mismatch diagnostic',
    );
    assert.equal(
      diagnostic.message,
      chinese
        ? '「（一）予以公开」的「总计」应为 4，实为 5（自然人 3 + 商业企业 1，其余 4 项为 0）。'
        : '「（一）予以公开」/「总计」 should be 4 but is 5 (自然人 3 + 商业企业 1, 4 more are 0).',
    );
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character], [61, 31, 32]);
    const code = diagnostic.code as { target: vscode.Uri };
    assert.equal(code.target.toString(true), 'https://github.com/govreport/govreport/blob/main/docs/rules/table.sum-mismatch.md');

    const actions = await quickFixes(uri, diagnostic.range);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit, `no preferred quick fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.title, chinese ? '将「（一）予以公开」的「总计」改为 4' : 'Change 「（一）予以公开」/「总计」 to 4');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(61).text, '三、本年度办理结果\t(一) 予以公开\t3\t1\t0\t0\t0\t0\t4\t');

    await until(
      vscode.languages.onDidChangeDiagnostics,
      () => (sumMismatches(uri).some((d) => d.range.start.line === 61) ? undefined : true),
      'the diagnostic on line 62 to go away',
    );
  });

  test('the fix-all command leaves the totals the 勾稽关系 agrees with, and inserts the missing part', async () => {
    const editor = await open('2019-tsv-column-total.txt');
    const uri = editor.document.uri;
    await until(vscode.languages.onDidChangeDiagnostics, () => (sumMismatches(uri).length === 2 ? true : undefined), 'two sum-mismatch diagnostics');
    const lines = editor.document.lineCount;
    await vscode.commands.executeCommand('govreport.fixAll');
    // （七）总计 says 2 where its addends give 3, and 一 + 二 = 三 + 四 holds with 2: the addends may be wrong.
    assert.equal(editor.document.lineAt(81).text, '(七) 总计\t2\t0\t0\t0\t0\t0\t3\t');
    assert.equal(editor.document.lineAt(editor.document.lineCount - 1).text, '六、其他需要报告的事项');
    assert.equal(editor.document.lineCount, lines + 2);
    await until(vscode.languages.onDidChangeDiagnostics, () => (ruleCounts(uri)['part.missing'] === undefined ? true : undefined), 'part.missing to go');
    // Left: what fix-all cannot decide — which cells break the sums and the balance, whether the text or
    // the table is wrong (the text says 未收到申请) — and the part titles (no preferred fix).
    assert.deepEqual(ruleCounts(uri), { 'part.title': 2, 'report.prose-vs-table': 1, 'table.balance-mismatch': 1, 'table.sum-mismatch': 2 });
    for (const d of sumMismatches(uri)) assert.match(d.message, chinese ? /「全部修正」不改此处。$/ : /fix all leaves this total alone\.$/);
  });
});

suite('quick fixes applied one after the other', () => {
  test('on save, the first fix changes the document and the others, computed before it, are not applied', async () => {
    const editor = await open('2019-tsv-review-litigation.txt');
    const document = editor.document;
    const uri = document.uri;
    await until(vscode.languages.onDidChangeDiagnostics, () => (sumMismatches(uri).length ? true : undefined), 'the sum-mismatch diagnostic');
    // VS Code applies the code actions on save in turn, each resolved just before it is applied: all of them
    // were computed for the text before the first one changed it. Applied blindly, the later fixes and
    // suppression comments would land on lines the first insertion has moved.
    const editorConfig = vscode.workspace.getConfiguration('editor', { languageId: 'govreport' });
    await editorConfig.update('codeActionsOnSave', { quickfix: 'always' }, vscode.ConfigurationTarget.Global, true);
    try {
      // An unrelated edit, so that there is something to save; wait for the diagnostics of the new text.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), '（征求意见稿）\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const before = document.getText().split('\n');
      await until(
        vscode.languages.onDidChangeDiagnostics,
        () => (sumMismatches(uri).some((d) => d.range.start.line === 71) ? true : undefined),
        'the sum-mismatch diagnostic one line down',
      );
      const actions = await quickFixes(uri, new vscode.Range(0, 0, document.lineCount, 0), 0);
      assert.ok(actions.length >= 4, `the quick fixes of the report: ${actions.map((a) => a.title).join(', ')}`);

      assert.ok(await document.save());
      const after = document.getText().split('\n');
      const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i]));
      assert.equal(after.length, before.length, 'no line inserted: no suppression comment, no fix computed for the old text');
      assert.equal(changed.length, 1, `one fix applied, not ${changed.length}: lines ${changed.join(', ')}`);
      assert.ok(!document.getText().includes('govreport-disable'));
      const fixed = new Map([
        [60, '\t\t4.无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0'],
        [71, '2\t1\t0\t1\t4\t1\t0\t0\t0\t1\t0\t0\t0\t1\t1'],
      ]);
      assert.ok(fixed.has(changed[0]), `line ${changed[0]} changed: ${after[changed[0]]}`);
      assert.equal(after[changed[0]], fixed.get(changed[0]));
      assert.equal(document.isDirty, false);
    } finally {
      await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });
});

suite('a missing part, inserted in the editor', () => {
  test('seed 000: the part.missing fix inserts 六、其他需要报告的事项 and the outline gains it', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const uri = vscode.Uri.joinPath(folder.uri, '000_cf77e8731c91250a.txt');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const missing = () => vscode.languages.getDiagnostics(uri).filter((d) => ruleOf(d) === 'part.missing');
    const [diagnostic] = await until(vscode.languages.onDidChangeDiagnostics, () => (missing().length ? missing() : undefined), 'the part.missing diagnostic');
    const actions = await quickFixes(uri, diagnostic.range);
    const fix = actions.find((a) => a.isPreferred && a.title.includes('六、其他需要报告的事项'));
    assert.ok(fix?.edit, `no preferred fix inserting part 六 among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(101).text, '六、其他需要报告的事项');
    await until(vscode.languages.onDidChangeDiagnostics, () => (missing().length === 0 ? true : undefined), 'the part.missing diagnostic to go away');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.deepEqual(
      symbols.slice(1).map((s) => s.name.slice(0, 2)),
      ['一、', '二、', '三、', '四、', '五、', '六、'],
    );
    assert.equal(symbols.at(-1)?.name, '六、其他需要报告的事项');
  });
});
