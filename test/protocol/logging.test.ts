import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DiagnosticSeverity,
  DocumentDiagnosticRequest,
  MessageType,
  type FullDocumentDiagnosticReport,
  type LogMessageParams,
} from 'vscode-languageserver-protocol';
import { readFixture } from '../support/fixtures';
import { LspClient } from '../support/lsp-client';

/** The server's info-level log lines after it answered the diagnostics of `text`, and those diagnostics. */
async function checkLogged(settings: object, text: string) {
  const { client } = await LspClient.start({ workspace: { configuration: true } }, null, { settings });
  const messages: LogMessageParams[] = [];
  // Replaces LspClient's own handler, which keeps the text only: the type is what is looked at here.
  client.connection.onNotification('window/logMessage', (params: LogMessageParams) => void messages.push(params));
  const uri = 'file:///logging/row-total.txt';
  await client.open(uri, text, 'govreport', 3);
  const { items } = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
  assert.equal(await client.stop(), 0);
  return { uri, items, infos: messages.filter((m) => m.type === MessageType.Info).map((m) => m.message) };
}

test('each check is logged at info level: the document, the format and what decided it, the findings by severity, the time taken', async () => {
  const { uri, items, infos } = await checkLogged({}, readFixture('rules', '2019-tsv-row-total.txt'));
  const errors = items.filter((d) => d.severity === DiagnosticSeverity.Error).length;
  const warnings = items.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
  // The counts are those of the diagnostics the client got.
  assert.deepEqual([errors, warnings, items.length - errors - warnings], [3, 1, 2]);
  assert.equal(infos.length, 1);
  assert.match(infos[0], new RegExp(`^govreport: checked ${uri} v3 · 2019 format \\(year in the title\\) · 3 errors, 1 warning, 2 info/hint · \\d+ ms$`));
});

test('with govreport.enable off, the log says the rules did not run', async () => {
  const { uri, infos } = await checkLogged({ enable: false }, readFixture('rules', '2019-tsv-row-total.txt'));
  assert.equal(infos.length, 1);
  assert.match(
    infos[0],
    new RegExp(
      `^govreport: read ${uri} v3 · 2019 format \\(year in the title\\) · rules not run \\(govreport.enable is off, or the document is larger than govreport.maxDocumentSize\\) · \\d+ ms$`,
    ),
  );
});
