/**
 * The server's fix-all (the source.fixAll.govreport action and the govreport.applyAllFixes command)
 * fixes what the user is shown, and only that: rules turned off in the settings or in
 * `.govreportrc.json` are not fixed, and a document over govreport.maxDocumentSize gets no fix-all.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  type ApplyWorkspaceEditParams,
  type CodeAction,
  type FullDocumentDiagnosticReport,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/engine/edits';
import { APPLY_ALL_FIXES } from '../../server/src/lsp/protocol';
import { readFixture } from '../support/fixtures';
import { LspClient, resolvesEdits } from '../support/lsp-client';
import { tempFolder } from '../support/temp';

/** Two preferred fixes: the wrong total of line 61 (table.sum-mismatch), and the missing part 六 inserted at the end (part.missing). */
const report = readFixture('rules', '2019-tsv-row-total.txt');
const TOTAL_LINE = 61;
const MISSING_PART = '六、其他需要报告的事项';

/** A server whose settings are `settings`, and what it asks the client to apply. */
async function serverWith(settings: object) {
  const { client } = await LspClient.start({ workspace: { configuration: true, applyEdit: true }, ...resolvesEdits }, null, { settings });
  const applied: ApplyWorkspaceEditParams[] = [];
  client.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
    applied.push(params);
    return { applied: false };
  });
  /** The text after the fix-all action, or undefined when none is offered. */
  const fixAllAction = async (uri: string) => {
    const zero = { line: 0, character: 0 };
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: zero, end: zero },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    if (actions.length === 0) return undefined;
    const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, actions[0]);
    return applyEdits(report, (resolved.edit!.documentChanges![0] as TextDocumentEdit & { edits: TextEdit[] }).edits);
  };
  /** The edits the command govreport.applyAllFixes asks the client to apply. */
  const commandEdits = async (uri: string) => {
    const before = applied.length;
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: APPLY_ALL_FIXES, arguments: [uri] });
    return applied.slice(before).flatMap((a) => (a.edit.documentChanges as (TextDocumentEdit & { edits: TextEdit[] })[]).flatMap((c) => c.edits));
  };
  const codes = async (uri: string) =>
    ((await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport).items.map((d) => d.code);
  return { client, fixAllAction, commandEdits, codes };
}

describe('the server’s fix-all honours the rule levels and govreport.maxDocumentSize', () => {
  test('a rule turned off in the settings is not fixed; the others are', async () => {
    const server = await serverWith({ rules: { 'table.sum-mismatch': 'off' } });
    const uri = 'file:///fix-all/settings.txt';
    await server.client.open(uri, report);
    assert.ok(!(await server.codes(uri)).includes('table.sum-mismatch'));
    const fixed = (await server.fixAllAction(uri))!;
    assert.equal(fixed.split('\n')[TOTAL_LINE], report.split('\n')[TOTAL_LINE], 'the total the user was not shown a problem for is left alone');
    assert.ok(fixed.includes(MISSING_PART), 'the missing part is still inserted');
    assert.equal(applyEdits(report, await server.commandEdits(uri)), fixed, 'the command applies the same edits');
    assert.equal(await server.client.stop(), 0);
  });

  test('rules turned off in .govreportrc.json: no fix-all at all when every fixable rule is off', async () => {
    const folder = tempFolder('fix-all');
    writeFileSync(join(folder, '.govreportrc.json'), JSON.stringify({ rules: { 'table.sum-mismatch': 'off', 'part.missing': 'off' } }));
    const server = await serverWith({});
    const uri = pathToFileURL(join(folder, 'report.txt')).href;
    await server.client.open(uri, report);
    assert.equal(await server.fixAllAction(uri), undefined);
    assert.deepEqual(await server.commandEdits(uri), []);
    // The same report elsewhere, where no .govreportrc.json applies, has both fixes.
    await server.client.open('file:///fix-all/unconfigured.txt', report);
    const fixed = (await server.fixAllAction('file:///fix-all/unconfigured.txt'))!;
    assert.notEqual(fixed.split('\n')[TOTAL_LINE], report.split('\n')[TOTAL_LINE]);
    assert.ok(fixed.includes(MISSING_PART));
    assert.equal(await server.client.stop(), 0);
  });

  test('a document over govreport.maxDocumentSize (outline only, no checks) gets no fix-all', async () => {
    const server = await serverWith({ maxDocumentSize: 1000 });
    const uri = 'file:///fix-all/large.txt';
    await server.client.open(uri, report);
    assert.deepEqual(await server.codes(uri), []);
    assert.equal(await server.fixAllAction(uri), undefined);
    assert.deepEqual(await server.commandEdits(uri), []);
    assert.equal(await server.client.stop(), 0);
  });
});
