import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentDiagnosticRequest, DocumentSymbolRequest, type DocumentSymbol, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { encodeBase64 } from '../../server/src/lsp/base64';
import { READ_SOURCE, type ReadSourceParams, type ReadSourceResult } from '../../server/src/lsp/protocol';
import { fixturesDir } from '../support/fixtures';
import { LspClient } from '../support/lsp-client';

describe('PDF, Word and web pages over LSP (govreport/readSource)', () => {
  let client: LspClient;

  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const readSource = (folder: string, name: string) => {
    const source = `file:///reports/${name}`;
    const params: ReadSourceParams = {
      uri: `govreport-source:/reports/${name}.govreport`,
      source,
      name,
      data: encodeBase64(readFileSync(join(fixturesDir, folder, name))),
    };
    return client.connection.sendRequest<ReadSourceResult>(READ_SOURCE, params).then((result) => ({ result, params }));
  };

  test('a published PDF: the converted report, then checked under its URI, each diagnostic naming its page in the PDF', async () => {
    const { result, params } = await readSource('published', '淮安市洪泽区人民政府_2023.pdf');
    assert.ok(result.ok);
    assert.equal(result.kind, 'pdf');
    assert.deepEqual(result.notes, []);
    assert.match(result.text, /^\| 行政处罚[ \u3000]+\| 4119[ \u3000]+\|/m);
    await client.open(params.uri, result.text);
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: params.uri } })) as FullDocumentDiagnosticReport;
    const sums = report.items.filter((d) => d.code === 'table.sum-mismatch');
    assert.deepEqual(
      sums.map((d) => d.message),
      [
        '「行政复议·总计」应为 11，实为 0（行政复议·结果维持 10 + 行政复议·结果纠正 1，其余 2 项为 0）。',
        '「行政诉讼·复议后起诉·总计」应为 5，实为 0（行政诉讼·复议后起诉·结果维持 5，其余 3 项为 0）。',
      ],
    );
    for (const sum of sums) {
      const place = sum.relatedInformation!.at(-1)!;
      assert.deepEqual(place, {
        location: { uri: params.source, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        message: '原文第 4 页',
      });
    }
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: params.uri } })) as DocumentSymbol[];
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
  });

  test('what cannot be read answers with its reason and one clear message, in the UI language', async () => {
    assert.deepEqual((await readSource('readers', 'pdf-scan.pdf')).result, {
      ok: false,
      reason: 'no-text',
      message: 'PDF 是扫描件或图片，没有可读取的文字（本工具不做文字识别）',
    });
    assert.deepEqual((await readSource('readers', 'pdf-encrypted.pdf')).result, {
      ok: false,
      reason: 'encrypted',
      message: 'PDF 设有打开密码，无法读取；请取消密码后另存',
    });
  });

  test('a Word file: the WPS template read as a report', async () => {
    const { result } = await readSource('published', '政务公开年报模版_2021格式.docx');
    assert.ok(result.ok);
    assert.equal(result.kind, 'docx');
    assert.match(result.text, /^政府信息公开工作年度报告格式模板\n/);
  });
});
