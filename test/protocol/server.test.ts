import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DidChangeTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type DocumentSymbol,
  type InitializeResult,
} from 'vscode-languageserver-protocol';
import iconv from 'iconv-lite';
import { fixtureNames, readFixture } from '../support/fixtures';
import { LspClient } from '../support/lsp-client';
import { symbolOutline } from '../support/outline';
import { seedOutlines } from '../support/seed-outlines';

describe('node dist/server.js --stdio', () => {
  let client: LspClient;
  let initialized: InitializeResult;

  before(async () => {
    ({ client, result: initialized } = await LspClient.start());
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const symbols = async (uri: string) => (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];

  test('advertises document symbols, folding and pull diagnostics', () => {
    const caps = initialized.capabilities;
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
    assert.deepEqual(caps.diagnosticProvider, { identifier: 'govreport', interFileDependencies: true, workspaceDiagnostics: false });
    assert.equal(initialized.serverInfo?.name, 'govreport');
  });

  for (const seed of fixtureNames('seeds')) {
    test(`seed ${seed}: document symbols`, async (t) => {
      const uri = `file:///seeds/${seed}`;
      await client.open(uri, readFixture('seeds', seed));
      const started = performance.now();
      const result = await symbols(uri);
      t.diagnostic(`documentSymbol answered in ${(performance.now() - started).toFixed(1)} ms`);
      assert.deepEqual(symbolOutline(result), seedOutlines[seed]);
    });
  }

  test('seed 003: folding ranges for the preamble, the parts, the sub-sections and the tables', async () => {
    const uri = 'file:///seeds/003_721881aa274abb1a.txt';
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    const spans = ranges!.map((r) => `${r.startLine}-${r.endLine}`);
    assert.deepEqual(spans, [
      '2-4',
      '6-18',
      '12-14',
      '20-40',
      '22-26',
      '27-30',
      '31-34',
      '35-37',
      '38-40',
      '42-72',
      '44-72',
      '74-81',
      '76-81',
      '83-95',
      '93-95',
      '97-99',
    ]);
  });

  test('the outline follows incremental edits', async () => {
    const uri = 'file:///edit.govreport';
    await client.open(uri, '一、总体情况\n正文\n');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '二、主动公开政府信息情况\n' }],
    });
    assert.deepEqual(
      (await symbols(uri)).map((s) => s.name),
      ['一、总体情况', '二、主动公开政府信息情况'],
    );
  });

  test('Markdown documents are served only when they read as reports', async () => {
    await client.open('file:///report.md', readFixture('seeds', '003_721881aa274abb1a.txt'), 'markdown');
    await client.open('file:///README.md', '# 安装\n\n## 一、下载\n\n## 二、运行\n', 'markdown');
    assert.equal((await symbols('file:///report.md')).length, 7);
    assert.deepEqual(await symbols('file:///README.md'), []);
  });

  test('empty, binary and unknown documents get an empty outline', async () => {
    await client.open('file:///empty.govreport', '');
    await client.open('file:///binary.govreport', 'PK\u0003\u0004\u0000\u0000一、总体情况\n');
    assert.deepEqual(await symbols('file:///empty.govreport'), []);
    assert.deepEqual(await symbols('file:///binary.govreport'), []);
    assert.deepEqual(await symbols('file:///never-opened.govreport'), []);
  });

  test('a report saved in GB18030 but read as UTF-8 gets no outline and no findings: there is nothing to read', async () => {
    const uri = 'file:///gb18030-000.govreport';
    const asUtf8 = new TextDecoder('utf-8').decode(iconv.encode(readFixture('seeds', '000_cf77e8731c91250a.txt'), 'gb18030'));
    await client.open(uri, asUtf8);
    assert.deepEqual(await symbols(uri), []);
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.deepEqual(report, { kind: 'full', items: [] });
  });

  test('pull diagnostics answer a full report, each diagnostic with the document version it was computed for', async () => {
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: 'file:///seeds/000_cf77e8731c91250a.txt' } });
    assert.equal(report.kind, 'full');
    const items = report.kind === 'full' ? report.items : [];
    assert.deepEqual(
      items.map((d) => [d.code, d.source, (d.data as { version?: number }).version]),
      [
        ['part.title', 'govreport', 1],
        ['part.missing', 'govreport', 1],
        ['part.title', 'govreport', 1],
      ],
    );
  });

  test('a large report (450 copies of a seed, 5 MB of UTF-8) is outlined', async (t) => {
    const uri = 'file:///large.govreport';
    const text = readFixture('seeds', '000_cf77e8731c91250a.txt').repeat(450);
    await client.open(uri, text);
    const started = performance.now();
    const result = await symbols(uri);
    t.diagnostic(`${(text.length / 1e6).toFixed(1)} M characters outlined in ${(performance.now() - started).toFixed(0)} ms`);
    assert.equal(result[1].name, '一、2019 年联财镇政府信息公开总体情况');
    // Over govreport.maxDocumentSize (5 MB): the outline only, no checks, and the user is told.
    const diagnostics = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.deepEqual((diagnostics as { items: unknown[] }).items, []);
    assert.deepEqual(client.shown, ['该报告超过 5000000 字节（govreport.maxDocumentSize），只显示大纲，不做检查。']);
  });

  test('nothing was written to stderr', () => {
    assert.deepEqual(client.stderr, []);
  });
});
