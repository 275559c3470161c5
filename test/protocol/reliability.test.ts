/**
 * One bad input never takes down more than itself: a document the server cannot analyse, a malformed
 * request or notification, settings of the wrong shape, a workspace folder that is not on disk, a
 * client that answers the server's requests with errors.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidCloseTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  InitializedNotification,
  InitializeRequest,
  ResponseError,
  type FullDocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver-protocol';
import * as protocol from '../../server/src/lsp/protocol';
import { reportRules } from '../../server/src/rules';
import type { ReportRule } from '../../server/src/rules/types';
import { readFixture } from '../support/fixtures';
import { LspClient, MALFORMED_PARAMS_ERRORS, resolvesEdits } from '../support/lsp-client';
import { carryOverReport } from '../support/reports';
import { tempFolder } from '../support/temp';

const diagnose = async (client: LspClient, uri: string) =>
  ((await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport).items;
/** What the server logged about handlers that threw: ours ("govreport: X failed: …") and the library's ("Request handler 'x' failed …"). */
const failures = (client: LspClient) => client.logs.filter((l) => /failed/.test(l));
/** The URIs of last year's reports this year's report was compared with (report.carry-over). */
const comparedWith = async (client: LspClient, uri: string) =>
  (await diagnose(client, uri)).filter((d) => d.code === 'report.carry-over').map((d) => d.relatedInformation?.[0].location.uri);

describe('a document that cannot be analysed affects only itself', () => {
  let client: LspClient;
  const thisYear = 'file:///reliability/2022.txt';

  before(async () => {
    ({ client } = await LspClient.start());
    await client.open(thisYear, carryOverReport(2022, 2, 0));
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  test('a file://host/… URI (a UNC path, as VS Code sends it) is checked like any other, and the others keep theirs', async () => {
    const lastYear = 'file://fileserver/share/2021.txt';
    await client.open(lastYear, carryOverReport(2021, 0, 3));
    assert.deepEqual(await comparedWith(client, thisYear), [lastYear, lastYear]);
    assert.deepEqual(failures(client), []);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: lastYear } });
  });

  test('a didOpen whose text is not a string is refused and logged; the other documents keep their diagnostics', async () => {
    const lastYear = 'file:///reliability/2021.txt';
    await client.open(lastYear, carryOverReport(2021, 0, 3));
    const bad = 'file:///reliability/bad.txt';
    client.expectErrors(/^govreport: didOpen: invalid params: /);
    for (const text of [null, 42])
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bad, languageId: 'govreport', version: 1, text } });
    assert.deepEqual(await diagnose(client, bad), []);
    assert.deepEqual(await comparedWith(client, thisYear), [lastYear, lastYear]);
    assert.deepEqual(
      client.logs.filter((l) => l.includes('didOpen')),
      ['govreport: didOpen: invalid params: textDocument.text: expected string', 'govreport: didOpen: invalid params: textDocument.text: expected string'],
    );
    assert.deepEqual(failures(client), []);
  });
});

describe('an exception while analysing one document (startServer in this process, with a configFile that throws for it)', () => {
  test('is logged once for its version, and that document alone is answered empty', async () => {
    const broken = 'file:///in-process/broken.txt';
    const client = await LspClient.inProcess({
      configFile: (uri) => {
        if (uri === broken) throw new Error('unreadable configuration');
        return undefined;
      },
    });
    client.expectErrors(/^govreport: cannot check file:\/\/\/in-process\/broken\.txt \(version 1\): Error: unreadable configuration/);
    await client.initialize();
    const [thisYear, lastYear] = ['file:///in-process/2022.txt', 'file:///in-process/2021.txt'];
    await client.open(thisYear, carryOverReport(2022, 2, 0));
    await client.open(broken, carryOverReport(2020, 0, 0));
    await client.open(lastYear, carryOverReport(2021, 0, 3));
    assert.deepEqual(await comparedWith(client, thisYear), [lastYear, lastYear]);
    assert.deepEqual(await diagnose(client, broken), []);
    assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: broken } }), []);
    assert.equal(client.logs.filter((l) => l.startsWith(`govreport: cannot check ${broken} (version 1): Error: unreadable configuration`)).length, 1);
    assert.deepEqual(failures(client), []);
    await client.stop();
  });
});

describe('a rule that throws (startServer in this process, with one rule replaced by one that throws)', () => {
  test('costs only its own diagnostics; it is logged once, and each status names it', async () => {
    const throwing = (rule: ReportRule): ReportRule => ({
      ...rule,
      check: () => {
        throw new Error('boom');
      },
    });
    const diagnosed = async (client: LspClient, uris: string[]) => {
      for (const uri of uris) await client.open(uri, readFixture('rules', '2019-tsv-row-total.txt'));
      return Promise.all(uris.map((uri) => diagnose(client, uri)));
    };
    const uris = ['file:///in-process/one.txt', 'file:///in-process/two.txt'];
    const healthy = await LspClient.inProcess({});
    await healthy.initialize();
    const expected = await diagnosed(healthy, uris);
    await healthy.stop();
    assert.ok(expected.every((items) => items.some((d) => d.code === 'part.missing') && items.some((d) => d.code === 'table.sum-mismatch')));

    const client = await LspClient.inProcess({ rules: reportRules.map((r) => (r.code === 'part.missing' ? throwing(r) : r)) });
    client.expectErrors(/^govreport: rule part\.missing failed on /);
    const statuses: protocol.ReportStatus[] = [];
    client.connection.onNotification(protocol.STATUS, (status: protocol.ReportStatus) => void statuses.push(status));
    await client.initialize();
    assert.deepEqual(
      await diagnosed(client, uris),
      expected.map((items) => items.filter((d) => d.code !== 'part.missing')),
    );
    assert.deepEqual(
      client.logs.filter((l) => l.includes('part.missing')).map((l) => l.split('\n')[0]),
      [`govreport: rule part.missing failed on ${uris[0]} and was skipped: Error: boom`],
    );
    assert.deepEqual(
      statuses.map((s) => [s.uri, s.failedRules]),
      uris.map((uri) => [uri, ['part.missing']]),
    );
    await client.stop();
  });
});

/** The LSP methods behind each capability the server can advertise. */
const METHODS: Record<string, { requests: string[]; notifications: string[] }> = {
  textDocumentSync: {
    requests: ['textDocument/willSaveWaitUntil'],
    notifications: ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/willSave', 'textDocument/didSave', 'textDocument/didClose'],
  },
  documentSymbolProvider: { requests: ['textDocument/documentSymbol'], notifications: [] },
  foldingRangeProvider: { requests: ['textDocument/foldingRange'], notifications: [] },
  hoverProvider: { requests: ['textDocument/hover'], notifications: [] },
  diagnosticProvider: { requests: ['textDocument/diagnostic'], notifications: [] },
  codeActionProvider: { requests: ['textDocument/codeAction', 'codeAction/resolve'], notifications: [] },
  executeCommandProvider: { requests: ['workspace/executeCommand'], notifications: [] },
  documentFormattingProvider: { requests: ['textDocument/formatting'], notifications: [] },
  documentRangeFormattingProvider: { requests: ['textDocument/rangeFormatting'], notifications: [] },
  completionProvider: { requests: ['textDocument/completion'], notifications: [] },
  inlayHintProvider: { requests: ['textDocument/inlayHint'], notifications: [] },
};
/** What every server takes, whatever it advertises. */
const ALWAYS = ['initialized', 'workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles', '$/setTrace', '$/cancelRequest'];
/** The server's own requests: the `govreport/…` methods of protocol.ts, but the notifications the server sends. */
const OWN_REQUESTS = (Object.values(protocol) as unknown[]).filter(
  (v): v is string =>
    typeof v === 'string' && v.startsWith('govreport/') && v !== protocol.STATUS && v !== protocol.WORKSPACE_CHECKED && v !== protocol.REPORTS_CHANGED,
);

const elsewhere = 'file:///malformed/other.txt';
const zero = { line: 0, character: 0 };
/** Params of the wrong shape for every method: wrong types, missing fields, out-of-range numbers, garbage in nested data. */
const MALFORMED: unknown[] = [
  null,
  0,
  'text',
  true,
  [],
  {},
  { textDocument: null },
  { textDocument: { uri: 7 } },
  { textDocument: { uri: elsewhere }, position: { line: -1, character: 0.5 }, range: 'everything', context: 'garbage' },
  { textDocument: { uri: elsewhere }, position: zero, range: { start: zero, end: { line: 'x' } }, context: { diagnostics: [{ range: null }], only: [1] } },
  {
    textDocument: { uri: elsewhere },
    range: { start: zero, end: zero },
    context: {
      diagnostics: [{ range: { start: zero, end: zero }, message: 'm', source: 'govreport', code: 'x', data: { version: 1, hash: 5, fixes: 'all' } }],
    },
  },
  { command: protocol.APPLY_ALL_FIXES, arguments: [42] },
  { command: protocol.APPLY_ALL_FIXES },
  { command: 'rm -rf', arguments: [elsewhere] },
  { title: 7, data: { uri: elsewhere, version: 'one', edits: {} } },
  { title: 'fix', data: { uri: elsewhere, version: 1, hash: 'x', edits: [{ range: 'r', newText: 1 }] } },
  { format: '1999', table: null, syntax: 'xml', organ: 5, year: 'next', uri: 5, position: null, to: 'latex' },
  { format: '2021', table: 'nothing', syntax: 'pipe', organ: '', year: 1e300, uri: elsewhere, position: zero, to: 'tsv' },
  { uri: elsewhere, source: elsewhere, name: 'a.pdf', data: '***not base64***' },
  { uri: elsewhere, source: 7, name: null, data: 42 },
  { textDocument: { uri: elsewhere, languageId: 'govreport', version: 'two', text: null }, contentChanges: [{ range: { start: { line: -1 } }, text: 5 }] },
  { textDocument: { uri: elsewhere, version: 2 }, contentChanges: 'all', reason: 9, changes: [{ uri: 5 }], settings: [], value: 7, id: {} },
  { changes: 'everything' },
];

describe('malformed params to every method the server takes', () => {
  let client: LspClient;
  let capabilities: string[];
  const uri = 'file:///malformed/report.txt';
  let expected: string[];

  before(async () => {
    let result;
    ({ client, result } = await LspClient.start(resolvesEdits));
    capabilities = Object.keys(result.capabilities);
    await client.open(uri, readFixture('rules', '2019-tsv-row-total.txt'));
    expected = (await diagnose(client, uri)).map((d) => JSON.stringify(d));
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  test('every capability the server advertises is one this test knows the methods of', () => {
    assert.deepEqual(
      capabilities.filter((c) => !(c in METHODS)),
      [],
    );
  });

  test('each request is answered with an InvalidParams error or a result, never an internal error; each notification is dropped', async () => {
    const requests = [...Object.values(METHODS).flatMap((m) => m.requests), ...OWN_REQUESTS];
    client.expectErrors(...MALFORMED_PARAMS_ERRORS);
    assert.ok(OWN_REQUESTS.includes(protocol.READ_SOURCE) && OWN_REQUESTS.includes(protocol.CONVERT_TABLE));
    for (const method of requests) {
      for (const params of MALFORMED) {
        const answer = await client.connection.sendRequest(method, params).then(
          () => undefined,
          (error: ResponseError<unknown>) => error,
        );
        if (answer) assert.equal(answer.code, ErrorCodes.InvalidParams, `${method} ${JSON.stringify(params)}: ${answer.message}`);
      }
    }
    for (const method of [...Object.values(METHODS).flatMap((m) => m.notifications), ...ALWAYS])
      for (const params of MALFORMED) await client.connection.sendNotification(method, params);
    assert.deepEqual(failures(client), []);
    assert.deepEqual(client.stderr, []);
  });

  test('then the server still answers as before', async () => {
    assert.deepEqual(
      (await diagnose(client, uri)).map((d) => JSON.stringify(d)),
      expected,
    );
    assert.ok(expected.length > 0);
  });
});

describe('initialize with malformed params', () => {
  const cases: unknown[] = [
    null,
    {},
    { processId: 'parent', capabilities: 42, workspaceFolders: 'all', locale: 7, trace: {} },
    { processId: null, capabilities: { workspace: 5, textDocument: { codeAction: null } }, workspaceFolders: [{ uri: 5 }], rootUri: 3 },
  ];
  for (const params of cases) {
    test(`${JSON.stringify(params)}: the server's capabilities, and a server that works`, async () => {
      const client = LspClient.spawn();
      const result = (await client.connection.sendRequest(InitializeRequest.method, params)) as InitializeResult;
      assert.equal(result.serverInfo?.name, 'govreport');
      await client.connection.sendNotification(InitializedNotification.type, {});
      const uri = 'file:///malformed/initialize.txt';
      await client.open(uri, readFixture('rules', '2019-tsv-row-total.txt'));
      assert.ok((await diagnose(client, uri)).some((d) => d.code === 'table.sum-mismatch'));
      assert.deepEqual(client.stderr, []);
      assert.equal(await client.stop(), 0);
    });
  }
});

describe('settings of the wrong shape, folders that are not on disk, a client that answers with errors', () => {
  /** A workspace whose last year's report is on disk; resolves the client once the server indexed it (it asks for diagnostics again). */
  const indexedWorkspace = async (client: LspClient, folders: string[]) => {
    const indexed = new Promise<void>((resolve) =>
      client.connection.onRequest('workspace/diagnostic/refresh', () => {
        resolve();
        return null;
      }),
    );
    await client.initialize(
      { workspace: { configuration: true } },
      folders.map((uri, i) => ({ uri, name: `folder ${i}` })),
    );
    await indexed;
  };
  const reportsFolder = () => {
    const folder = tempFolder('reliability');
    writeFileSync(join(folder, '2021.txt'), carryOverReport(2021, 0, 3));
    return folder;
  };

  test(
    'settings that are an array, or hold arrays: the defaults apply, the wrong shapes are logged, the workspace is indexed',
    { timeout: 20_000 },
    async () => {
      const client = LspClient.spawn();
      let settings: unknown = [1, 2];
      client.connection.onRequest('workspace/configuration', () => [settings]);
      const folder = reportsFolder();
      await indexedWorkspace(client, [pathToFileURL(folder).href]);
      const thisYear = pathToFileURL(join(folder, '2022.txt')).href;
      await client.open(thisYear, carryOverReport(2022, 2, 0));
      assert.equal((await comparedWith(client, thisYear)).length, 2);
      settings = { rules: ['report.carry-over'], inlayHints: [], maxDocumentSize: [] };
      const refreshed = new Promise<void>((resolve) => client.connection.onRequest('workspace/diagnostic/refresh', () => void resolve()));
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await refreshed;
      assert.equal((await comparedWith(client, thisYear)).length, 2);
      assert.deepEqual(
        client.logs.filter((l) => l.startsWith('govreport: settings:')),
        ['govreport: settings: the govreport settings must be an object', 'govreport: settings: "rules" must be an object'],
      );
      assert.deepEqual(failures(client), []);
      assert.equal(await client.stop(), 0);
    },
  );

  test('a workspace folder that is not on disk (another scheme, a file://host/… URI) is skipped; the others are indexed', { timeout: 20_000 }, async () => {
    const client = LspClient.spawn();
    client.connection.onRequest('workspace/configuration', () => [{}]);
    const folder = reportsFolder();
    await indexedWorkspace(client, ['vscode-vfs://github/govreport/reports', 'file://fileserver/share', pathToFileURL(folder).href]);
    const thisYear = pathToFileURL(join(folder, '2022.txt')).href;
    await client.open(thisYear, carryOverReport(2022, 2, 0));
    assert.deepEqual(await comparedWith(client, thisYear), [pathToFileURL(join(folder, '2021.txt')).href, pathToFileURL(join(folder, '2021.txt')).href]);
    assert.deepEqual(failures(client), []);
    assert.equal(await client.stop(), 0);
  });

  test(
    'a client that answers the configuration and refresh requests with errors: the defaults apply, and the server carries on',
    { timeout: 20_000 },
    async () => {
      const client = LspClient.spawn();
      client.connection.onRequest('workspace/configuration', () => new ResponseError(ErrorCodes.InternalError, 'no settings here'));
      client.expectErrors(/^govreport: cannot read the settings: /);
      // No handler for workspace/diagnostic/refresh: the client answers MethodNotFound.
      await client.initialize({ workspace: { configuration: true } });
      const uri = 'file:///reliability/errors.txt';
      await client.open(uri, readFixture('rules', '2019-tsv-row-total.txt'));
      assert.ok((await diagnose(client, uri)).some((d) => d.code === 'part.missing'));
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await client.logged(/^govreport: workspace\/diagnostic\/refresh not taken by the client: /);
      assert.ok((await diagnose(client, uri)).some((d) => d.code === 'part.missing'));
      assert.equal(client.logs.filter((l) => l.startsWith('govreport: cannot read the settings: ')).length, 2);
      assert.deepEqual(client.stderr, []);
      assert.equal(await client.stop(), 0);
    },
  );
});
