import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  CodeActionTriggerKind,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  HoverRequest,
  type ApplyWorkspaceEditParams,
  type CodeAction,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/engine/edits';
import { readFixture } from '../support/fixtures';
import { LspClient, resolvesEdits } from '../support/lsp-client';

describe('checks over LSP', () => {
  let client: LspClient;
  const applied: ApplyWorkspaceEditParams[] = [];

  before(async () => {
    ({ client } = await LspClient.start(resolvesEdits));
    client.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      applied.push(params);
      return { applied: true };
    });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const diagnose = async (uri: string) =>
    ((await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport).items;
  const actions = async (uri: string, diagnostics: Diagnostic[], only?: string[]) =>
    (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, only },
    })) as CodeAction[];
  /** The edit of an action, as the client gets it when the user picks the action: resolved. */
  const editsOf = async (action: CodeAction) => {
    assert.equal(action.edit, undefined, 'an action carries its edit only once resolved');
    const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, action);
    return resolved.edit!.documentChanges![0] as TextDocumentEdit & { edits: TextEdit[] };
  };

  test('a wrong total: the diagnostic on the cell, with code, source, related cells and the computed value', async () => {
    const uri = 'file:///rules/row-total.txt';
    await client.open(uri, readFixture('rules', '2019-tsv-row-total.txt'));
    const first = (await diagnose(uri)).find((d) => d.code === 'table.sum-mismatch')!;
    assert.deepEqual(first.range, { start: { line: 61, character: 31 }, end: { line: 61, character: 32 } });
    assert.equal(first.code, 'table.sum-mismatch');
    assert.equal(first.source, 'govreport');
    assert.equal(first.severity, 1);
    assert.equal(first.message, '「（一）予以公开」的「总计」应为 4，实为 5（自然人 3 + 商业企业 1，其余 4 项为 0）。');
    // The addends that carry a value; the zeros are counted in the message.
    assert.deepEqual(
      first.relatedInformation?.map((r) => r.message),
      ['自然人 3', '商业企业 1'],
    );
    assert.equal(first.relatedInformation?.[0].location.uri, uri);
    assert.equal((first.data as { expected: number }).expected, 4);
  });

  test('the quick fix is preferred, versioned once resolved, and corrects only the total', async () => {
    const uri = 'file:///rules/row-total.txt';
    const diagnostic = (await diagnose(uri)).find((d) => d.code === 'table.sum-mismatch')!;
    const [fix] = await actions(uri, [diagnostic]);
    assert.equal(fix.title, '将「（一）予以公开」的「总计」改为 4');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    const change = await editsOf(fix);
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    assert.deepEqual(change.edits, [{ range: { start: { line: 61, character: 31 }, end: { line: 61, character: 32 } }, newText: '4' }]);
  });

  test('source.fixAll.govreport applies every preferred fix: the totals, row totals first, and the missing part', async () => {
    const uri = 'file:///rules/row-total.txt';
    const text = readFixture('rules', '2019-tsv-row-total.txt');
    const [fixAll] = await actions(uri, [], ['source.fixAll']);
    assert.equal(fixAll.kind, 'source.fixAll.govreport');
    assert.equal(fixAll.command, undefined, 'asked for without a trigger kind (on save): no summary');
    const edits = (await editsOf(fixAll)).edits;
    const fixed = applyEdits(text, edits).split('\n');
    assert.equal(fixed[61], '三、本年度办理结果\t(一) 予以公开\t3\t1\t0\t0\t0\t0\t4\t');
    assert.equal(fixed[81], '(七) 总计\t3\t1\t0\t0\t0\t0\t4\t');
  });

  test('fix-all leaves a total the 勾稽关系 agrees with, and asked for by the user says what it changed', async () => {
    const uri = 'file:///rules/column-total.txt';
    const text = readFixture('rules', '2019-tsv-column-total.txt');
    await client.open(uri, text);
    const [fixAll] = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'], triggerKind: CodeActionTriggerKind.Invoked },
    })) as CodeAction[];
    const edits = (await editsOf(fixAll)).edits;
    // （七）总计 is 2 where its addends give 3, and 一 + 二 = 三 + 四 holds with 2: only the missing part is inserted.
    assert.deepEqual(
      edits.map((e) => e.range.start.line),
      [99],
    );
    assert.deepEqual(applyEdits(text, edits).split('\n').slice(100), ['', '六、其他需要报告的事项']);
    assert.deepEqual(fixAll.command, {
      title: '修正所有可自动修正的问题',
      command: 'govreport.showFixAllSummary',
      arguments: [{ uri, applied: ['插入「六、其他需要报告的事项」'] }],
    });
  });

  test('the fix-all command applies the edit through workspace/applyEdit', async () => {
    const uri = 'file:///rules/review.txt';
    await client.open(uri, readFixture('rules', '2019-tsv-review-litigation.txt'));
    const summary = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'govreport.applyAllFixes', arguments: [uri] });
    assert.deepEqual(summary, {
      uri,
      applied: ['改为「4.无正当理由大量反复申请」（4.无正当理由由大量反复申请 → 4.无正当理由大量反复申请）', '将「行政复议·总计」改为 4（3 → 4）'],
    });
    const edit = applied.at(-1)!.edit.documentChanges![0] as { textDocument: unknown; edits: TextEdit[] };
    assert.deepEqual(edit.textDocument, { uri, version: 1 });
    assert.deepEqual(
      edit.edits.map((e) => [e.range.start.line, e.newText]),
      [
        [59, '\t\t4.无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0'],
        [70, '2\t1\t0\t1\t4\t1\t0\t0\t0\t1\t0\t0\t0\t1\t1'],
      ],
    );
  });

  test('the seeds get exactly their pinned findings', async () => {
    for (const seed of ['000_cf77e8731c91250a.txt', '002_bc6bcd97b1a1f0b8.txt', '004_5af3a546c32e05da.txt']) {
      const uri = `file:///checks/${seed}`;
      await client.open(uri, readFixture('seeds', seed));
      const expected = JSON.parse(readFixture('seeds', seed.replace('.txt', '.expected.json'))) as { code: string; range: string }[];
      const found = (await diagnose(uri)).map((d) => ({
        code: d.code,
        range: `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
      }));
      assert.deepEqual(
        found,
        expected.map(({ code, range }) => ({ code, range })),
        seed,
      );
    }
  });

  test('seed 000: the part.missing quick fix inserts 六、其他需要报告的事项 after part 五', async () => {
    const uri = 'file:///checks/000_cf77e8731c91250a.txt';
    const diagnostic = (await diagnose(uri)).find((d) => d.code === 'part.missing')!;
    assert.equal(diagnostic.message, '缺少第六部分「六、其他需要报告的事项」。');
    const [fix] = await actions(uri, [diagnostic]);
    assert.equal(fix.title, '插入「六、其他需要报告的事项」');
    const lines = applyEdits(readFixture('seeds', '000_cf77e8731c91250a.txt'), (await editsOf(fix)).edits).split('\n');
    assert.deepEqual(lines.slice(99, 102), [readFixture('seeds', '000_cf77e8731c91250a.txt').split('\n')[99], '', '六、其他需要报告的事项']);
  });

  test('hover on the title says which format the checks apply and why', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: 'file:///checks/002_bc6bcd97b1a1f0b8.txt' },
      position: { line: 2, character: 3 },
    });
    const value = (hover!.contents as { value: string }).value;
    assert.match(value, /机关：平罗县陶乐镇人民政府/);
    assert.match(value, /适用格式：2008年版政府信息公开情况统计表（《中华人民共和国政府信息公开条例》（2008）第三十二条）— 依据标题中的年度/);
  });
});
