/**
 * Property-based robustness of the language server over its protocol: documents under arbitrary
 * URIs (UNC hosts, other schemes, odd characters) and every request and notification with arbitrary
 * params. After each batch the server is still running, no handler threw (nothing "failed" in its
 * log), and a report opened before answers exactly as it did. Reproducible: FUZZ_SEED, FUZZ_SCALE
 * as in fuzz.test.ts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentDiagnosticRequest, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import * as protocol from '../../server/src/lsp/protocol';
import { readFixture } from '../support/fixtures';
import { LspClient, MALFORMED_PARAMS_ERRORS } from '../support/lsp-client';

const SEED = Number(process.env.FUZZ_SEED ?? 20240611) + 100;
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

const REQUESTS = [
  'textDocument/documentSymbol',
  'textDocument/foldingRange',
  'textDocument/hover',
  'textDocument/diagnostic',
  'textDocument/codeAction',
  'codeAction/resolve',
  'textDocument/formatting',
  'textDocument/rangeFormatting',
  'textDocument/completion',
  'textDocument/inlayHint',
  'workspace/executeCommand',
  protocol.TEMPLATES,
  protocol.TABLE_SNIPPET,
  protocol.NEW_REPORT,
  protocol.CONVERT_TABLE,
  protocol.READ_SOURCE,
];
const NOTIFICATIONS = [
  'textDocument/didOpen',
  'textDocument/didChange',
  'textDocument/didClose',
  'workspace/didChangeConfiguration',
  'workspace/didChangeWatchedFiles',
];

/** URIs as clients send them and as they should not: hosts, schemes, encoded and raw odd characters. */
const uri = fc.oneof(
  fc.constantFrom(
    'file://fileserver/share/报告.txt',
    'file:///',
    'untitled:Untitled-1',
    'vscode-vfs://github/a/b.txt',
    'govreport-source:/a.pdf.govreport',
    '',
  ),
  fc.webUrl(),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `file:///${s}`),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Params shaped like the real ones with arbitrary parts, or anything at all. */
const params = fc.oneof(
  fc.record(
    { textDocument: fc.record({ uri, version: fc.anything(), text: fc.anything(), languageId: fc.anything() }, { requiredKeys: [] }) },
    { requiredKeys: [] },
  ),
  fc.record(
    { textDocument: fc.record({ uri }), position: fc.anything(), range: fc.anything(), context: fc.anything(), contentChanges: fc.anything() },
    { requiredKeys: ['textDocument'] },
  ),
  fc.record({ command: fc.string(), arguments: fc.anything() }),
  fc.anything(),
);

describe('the language server under arbitrary URIs and params', () => {
  let client: LspClient;
  const report = 'file:///fuzz/report.txt';
  let baseline: string;

  /** What the user sees of the report's diagnostics (the version and text hash they carry in `data` left out). */
  const diagnostics = async () =>
    JSON.stringify(
      ((await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: report } })) as FullDocumentDiagnosticReport).items.map(
        ({ code, range, message, severity }) => ({ code, range, message, severity }),
      ),
    );

  before(async () => {
    ({ client } = await LspClient.start());
    // Arbitrary params are refused with a log line each.
    client.expectErrors(...MALFORMED_PARAMS_ERRORS);
    await client.open(report, readFixture('rules', '2019-tsv-row-total.txt'));
    baseline = await diagnostics();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  test('documents under arbitrary URIs with arbitrary text leave the other report as it was', async () => {
    await fc.assert(
      fc.asyncProperty(uri, fc.oneof(fc.string(), fc.constant(readFixture('rules', '2019-tsv-row-total.txt'))), async (u, text) => {
        await client.open(u, text);
        await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } }).catch(() => undefined);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
        assert.equal(await diagnostics(), baseline);
      }),
      { seed: SEED, numRuns: 60 * SCALE },
    );
    assert.deepEqual(
      client.logs.filter((l) => /failed/.test(l)),
      [],
    );
  });

  test('every request and notification with arbitrary params: answered or refused, never a throw; the report answers as before', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...REQUESTS, ...NOTIFICATIONS), params, async (method, p) => {
        if (NOTIFICATIONS.includes(method)) await client.connection.sendNotification(method, p);
        else await client.connection.sendRequest(method, p).catch(() => undefined);
        // A didClose or didChange aimed at the report itself may change it: open it again as it was.
        await client.open(report, readFixture('rules', '2019-tsv-row-total.txt'), 'govreport', 1000);
        assert.equal(await diagnostics(), baseline);
      }),
      { seed: SEED + 1, numRuns: 150 * SCALE },
    );
    assert.deepEqual(
      client.logs.filter((l) => /failed/.test(l)),
      [],
    );
  });
});
