import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBase64 } from '../../server/src/lsp/base64';
import { EXPORT_DOCX, type ExportDocxResult } from '../../server/src/lsp/protocol';
import { readDocx } from '../../server/src/readers/docx';
import { readFixture } from '../support/fixtures';
import { LspClient } from '../support/lsp-client';

describe('export to Word over LSP (govreport/exportDocx)', () => {
  let client: LspClient;

  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const exportDocx = (uri: string) => client.connection.sendRequest<ExportDocxResult>(EXPORT_DOCX, { uri });

  test('a report with errors: the .docx, and its errors for the client to ask about first', async () => {
    const uri = 'file:///reports/平潭综合实验区_2020.txt';
    await client.open(uri, readFixture('corpus', '平潭综合实验区_2020.txt'));
    const result = await exportDocx(uri);
    assert.ok(result.ok);
    assert.equal(result.errors.length, 2);
    assert.match(result.errors[0], /^第 100 行：「（七）总计」的「自然人」应为 26，实为 20（.*。（table\.sum-mismatch）$/);
    assert.match(result.errors[1], /^第 100 行：「（七）总计」的「总计」应为 27，实为 21（.*。（table\.sum-mismatch）$/);
    const [title] = readDocx(decodeBase64(result.data)).blocks;
    assert.deepEqual(title.kind === 'paragraph' && title.text, '平潭综合实验区2020年政府信息公开工作年度报告');
  });

  test('a document that is not a report is not exported, with a message saying so', async () => {
    const uri = 'file:///notes/todo.txt';
    await client.open(uri, '明天开会。\n', 'plaintext');
    assert.deepEqual(await exportDocx(uri), { ok: false, message: '此文档不是年度报告，无法导出' });
  });
});
