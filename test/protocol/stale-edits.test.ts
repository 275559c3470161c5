/**
 * Edits against a stale document version are refused. VS Code drops the version of a code action's
 * edit, so the server hands out edits only on `codeAction/resolve` — when the user picks the action —
 * and only while the document is still at the version they were computed for; and it offers no fix
 * for diagnostics computed for another version than the document's.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DocumentDiagnosticRequest,
  type CodeAction,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { fixtureNames, readFixture } from '../support/fixtures';
import { LspClient, resolvesEdits } from '../support/lsp-client';

const STALE = '文档已更改，未应用修正，请重试。';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

/** What the client sends and receives, for one LspClient. */
function session(client: LspClient) {
  const diagnose = async (uri: string) =>
    ((await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport).items;
  const actions = async (uri: string, diagnostics: Diagnostic[], only?: string[]) =>
    (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? WHOLE.start,
      context: { diagnostics, only },
    })) as CodeAction[];
  const resolve = (action: CodeAction) => client.connection.sendRequest(CodeActionResolveRequest.type, action);
  const change = (uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]) =>
    client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  return { diagnose, actions, resolve, change };
}

/** An unrelated edit: a line inserted above everything, which moves every finding down a line. */
const insertFirstLine = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '（征求意见稿）\n' }];

describe('edits against a stale document version are refused', () => {
  let client: LspClient;
  let initialized: InitializeResult;
  let s: ReturnType<typeof session>;

  before(async () => {
    ({ client, result: initialized } = await LspClient.start(resolvesEdits));
    s = session(client);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const sumFix = async (uri: string) => {
    const diagnostic = (await s.diagnose(uri)).find((d) => d.code === 'table.sum-mismatch')!;
    const [fix] = await s.actions(uri, [diagnostic]);
    assert.equal(fix.title, '将「（一）予以公开」的「总计」改为 4');
    return fix;
  };

  test('code actions are resolved: the server says so, and hands out actions without their edit', async () => {
    assert.deepEqual(initialized.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.govreport'], resolveProvider: true });
    const uri = 'file:///stale/unresolved.txt';
    await client.open(uri, readFixture('rules', '2019-tsv-row-total.txt'));
    const diagnostic = (await s.diagnose(uri)).find((d) => d.code === 'table.sum-mismatch')!;
    assert.equal((diagnostic.data as { version: number }).version, 1, 'a diagnostic carries the version it was computed for');
    const all = [...(await s.actions(uri, [diagnostic])), ...(await s.actions(uri, [], ['source.fixAll']))];
    assert.deepEqual(
      all.map((a) => [a.title, a.edit]),
      [
        ['将「（一）予以公开」的「总计」改为 4', undefined],
        ['在此行停用“合计数与其各分项之和不符”（table.sum-mismatch）', undefined],
        ['在整个文件停用“合计数与其各分项之和不符”（table.sum-mismatch）', undefined],
        ['修正所有可自动修正的问题', undefined],
      ],
    );
  });

  test('resolved with no change in between: exactly the fix’s edit, for the version it was computed for', async () => {
    const uri = 'file:///stale/unchanged.txt';
    await client.open(uri, readFixture('rules', '2019-tsv-row-total.txt'), 'govreport', 7);
    const fix = await sumFix(uri);
    const shown = client.shown.length;
    const resolved = await s.resolve(fix);
    assert.deepEqual(resolved.edit, {
      documentChanges: [
        { textDocument: { uri, version: 7 }, edits: [{ range: { start: { line: 61, character: 31 }, end: { line: 61, character: 32 } }, newText: '4' }] },
      ],
    });
    assert.equal(resolved.title, '将「（一）予以公开」的「总计」改为 4');
    assert.equal(client.shown.length, shown, 'nothing shown to the user');
  });

  test('resolved after a change: no edit, nothing applied; logged and the user is told', async () => {
    const uri = 'file:///stale/changed.txt';
    await client.open(uri, readFixture('rules', '2019-tsv-row-total.txt'), 'govreport', 7);
    const fix = await sumFix(uri);
    await s.change(uri, 8, insertFirstLine);
    const resolved = await s.resolve(fix);
    assert.equal(resolved.edit, undefined);
    assert.equal(resolved.title, '将「（一）予以公开」的「总计」改为 4');
    assert.equal(client.shown.at(-1), STALE);
    assert.match(
      client.logs.at(-1)!,
      /^govreport: "将「（一）予以公开」的「总计」改为 4" not applied: file:\/\/\/stale\/changed\.txt is at version 8, the edit was made for version 7$/,
    );
  });

  test('the fix-all action and the suppression comments are refused the same way, and so is a closed document', async () => {
    const uri = 'file:///stale/others.txt';
    await client.open(uri, readFixture('rules', '2019-tsv-column-total.txt'));
    const diagnostic = (await s.diagnose(uri)).find((d) => d.code === 'table.sum-mismatch')!;
    const [, thisLine, wholeFile] = await s.actions(uri, [diagnostic]);
    const [fixAll] = await s.actions(uri, [], ['source.fixAll']);
    const before = await Promise.all([thisLine, wholeFile, fixAll].map(s.resolve));
    assert.ok(
      before.every((a) => a.edit?.documentChanges?.length === 1),
      'resolved before the change',
    );
    await s.change(uri, 2, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '。' }]);
    const shown = client.shown.length;
    for (const action of [thisLine, wholeFile, fixAll]) assert.equal((await s.resolve(action)).edit, undefined, action.title);
    assert.deepEqual(client.shown.slice(shown), [STALE], 'told once for the version');
    const [fresh] = await s.actions(uri, [], ['source.fixAll']);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    assert.equal((await s.resolve(fresh)).edit, undefined, 'the document was closed');
    assert.match(client.logs.at(-1)!, /file:\/\/\/stale\/others\.txt is closed, the edit was made for version 2$/);
  });

  test('after close and reopen (versions restart at 1) with another text, the closed document’s edits and fixes are refused', async () => {
    const uri = 'file:///stale/reopened.txt';
    const text = readFixture('rules', '2019-tsv-row-total.txt');
    const close = () => client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await client.open(uri, text);
    const diagnostics = await s.diagnose(uri);
    const fix = await sumFix(uri);
    const [fixAll] = await s.actions(uri, [], ['source.fixAll']);
    await close();
    const lines = text.split('\n');
    lines[61] = '这一行是关闭后改写的正文，不应被替换。';
    await client.open(uri, lines.join('\n'));
    const shown = client.shown.length;
    for (const action of [fix, fixAll]) assert.equal((await s.resolve(action)).edit, undefined, action.title);
    assert.deepEqual(client.shown.slice(shown), [STALE]);
    assert.match(client.logs.at(-1)!, /file:\/\/\/stale\/reopened\.txt is at version 1 with another text, the edit was made for version 1$/);
    assert.deepEqual(await s.actions(uri, diagnostics), [], 'the closed document’s diagnostics get no fix either');
    // Reopened with the very text they were made for, the edits apply.
    await close();
    await client.open(uri, text);
    assert.deepEqual((await s.resolve(fix)).edit?.documentChanges, [
      { textDocument: { uri, version: 1 }, edits: [{ range: { start: { line: 61, character: 31 }, end: { line: 61, character: 32 } }, newText: '4' }] },
    ]);
  });

  test('diagnostics of an older version than the document’s get no fix, nor a suppression comment', async () => {
    const uri = 'file:///stale/old-diagnostics.txt';
    await client.open(uri, readFixture('rules', '2019-tsv-row-total.txt'));
    const old = (await s.diagnose(uri)).find((d) => d.code === 'table.sum-mismatch')!;
    await s.change(uri, 2, insertFirstLine);
    assert.deepEqual(await s.actions(uri, [old]), []);
    // Pulled again, they are the new version's, one line down, and their fixes are offered.
    const current = (await s.diagnose(uri)).find((d) => d.code === 'table.sum-mismatch')!;
    assert.equal(current.range.start.line, 62);
    const [fix] = await s.actions(uri, [current]);
    assert.deepEqual((await s.resolve(fix)).edit?.documentChanges, [
      { textDocument: { uri, version: 2 }, edits: [{ range: { start: { line: 62, character: 31 }, end: { line: 62, character: 32 } }, newText: '4' }] },
    ]);
    // A diagnostic that does not say its version is not trusted either.
    const unversioned = { ...(current.data as Record<string, unknown>) };
    delete unversioned.version;
    assert.deepEqual(await s.actions(uri, [{ ...current, data: unversioned }]), []);
  });

  test('property: over random reports and edits, resolve refuses exactly when the version moved, and stale diagnostics get no fix', async () => {
    const reports = [...fixtureNames('rules').map((n) => readFixture('rules', n)), ...fixtureNames('seeds').map((n) => readFixture('seeds', n))];
    const text = fc.constantFrom('0', '12', '\t', '\n', '\r\n', '总计', '一、', '（七）', '。', '', '5\t3\n');
    /**
     * A change: text replacing a span (positions past the end are clamped), or an empty edit — the text
     * stays the same, only the version moves.
     */
    const changeArb = fc.oneof(
      fc.record({ line: fc.nat({ max: 120 }), character: fc.nat({ max: 40 }), length: fc.nat({ max: 5 }), text }),
      fc.constant({ line: 0, character: 0, length: 0, text: '' }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: reports.length - 1 }),
        fc.array(changeArb, { maxLength: 3 }),
        fc.array(changeArb, { maxLength: 3 }),
        async (report, before, between) => {
          const uri = `file:///stale/property-${run++}.txt`;
          let version = 1;
          await client.open(uri, reports[report], 'govreport', version);
          const apply = async (changes: typeof before) => {
            for (const c of changes) {
              const range = { start: { line: c.line, character: c.character }, end: { line: c.line, character: c.character + c.length } };
              await s.change(uri, ++version, [{ range, text: c.text }]);
            }
          };
          try {
            await apply(before);
            const computedAt = version;
            const diagnostics = await s.diagnose(uri);
            const offered = [...(await s.actions(uri, diagnostics, ['quickfix'])), ...(await s.actions(uri, [], ['source.fixAll']))];
            await apply(between);
            const moved = version !== computedAt;
            for (const action of offered) {
              const resolved = await s.resolve(action);
              if (moved) assert.equal(resolved.edit, undefined, `${action.title}: resolved at version ${version}, computed at ${computedAt}`);
              else
                assert.deepEqual(resolved.edit, {
                  documentChanges: [{ textDocument: { uri, version }, edits: (action.data as { edits: unknown[] }).edits }],
                });
            }
            const again = await s.actions(uri, diagnostics, ['quickfix']);
            if (moved) assert.deepEqual(again, [], 'fixes offered for diagnostics of an older version');
            else
              assert.deepEqual(
                again,
                offered.filter((a) => a.kind === 'quickfix'),
              );
          } finally {
            await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
          }
        },
      ),
      { seed: Number(process.env.FUZZ_SEED ?? 20240611), numRuns: 60 },
    );
  });

  test('nothing was written to stderr', () => {
    assert.deepEqual(client.stderr, []);
  });
});

describe('a client that cannot resolve code actions', () => {
  let client: LspClient;
  let s: ReturnType<typeof session>;

  before(async () => {
    ({ client } = await LspClient.start());
    s = session(client);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  test('gets the edit with the action, versioned, and still no fix for diagnostics of an older version', async () => {
    const uri = 'file:///stale/no-resolve.txt';
    await client.open(uri, readFixture('rules', '2019-tsv-row-total.txt'));
    const diagnostic = (await s.diagnose(uri)).find((d) => d.code === 'table.sum-mismatch')!;
    const [fix] = await s.actions(uri, [diagnostic]);
    assert.deepEqual(fix.edit?.documentChanges, [
      { textDocument: { uri, version: 1 }, edits: [{ range: { start: { line: 61, character: 31 }, end: { line: 61, character: 32 } }, newText: '4' }] },
    ]);
    const [fixAll] = await s.actions(uri, [], ['source.fixAll']);
    assert.deepEqual((fixAll.edit?.documentChanges?.[0] as { textDocument: unknown }).textDocument, { uri, version: 1 });
    await s.change(uri, 2, insertFirstLine);
    assert.deepEqual(await s.actions(uri, [diagnostic]), []);
  });
});
