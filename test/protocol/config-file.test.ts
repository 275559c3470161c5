import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { readFixture } from '../support/fixtures';
import { LspClient } from '../support/lsp-client';
import { tempFolder } from '../support/temp';

test('.govreportrc.json in the editor: read in the workspace folder and below it, never looked for above it', async () => {
  const outer = tempFolder('config-file');
  const workspace = join(outer, 'workspace');
  mkdirSync(join(workspace, 'reports'), { recursive: true });
  writeFileSync(join(outer, '.govreportrc.json'), JSON.stringify({ rules: { 'part.missing': 'off' } }));
  const { client } = await LspClient.start({}, [{ uri: pathToFileURL(workspace).href, name: 'workspace' }]);
  const codes = async (path: string) => {
    const uri = pathToFileURL(path).href;
    await client.open(uri, readFixture('rules', '2019-tsv-row-total.txt'));
    const { items } = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    return items.map((d) => d.code);
  };

  const outside = await codes(join(workspace, 'reports', 'a.txt'));
  assert.ok(outside.includes('part.missing') && outside.includes('part.title'), 'the file above the workspace folder is not read');

  const inside = join(workspace, '.govreportrc.json');
  writeFileSync(inside, JSON.stringify({ rules: { 'part.title': 'off' } }));
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: [{ uri: pathToFileURL(inside).href, type: FileChangeType.Created }],
  });
  const configured = await codes(join(workspace, 'reports', 'b.txt'));
  assert.ok(configured.includes('part.missing') && !configured.includes('part.title'), 'the workspace folder’s own file is read');
  assert.equal(await client.stop(), 0);
});
