import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentDiagnosticRequest, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { PUBLISHED_LAYOUT } from '../../server/src/lsp/protocol';
import type { PublishedReport } from '../../server/src/publish/model';
import { carryOverReport } from '../support/reports';
import { LspClient } from '../support/lsp-client';

/** The table cells of the layout that carry a mark of `code`: their text and the mark's message. */
function markedCells(report: PublishedReport, code: string): { text: string; message: string }[] {
  return report.blocks.flatMap((block) =>
    block.kind === 'table'
      ? block.table.rows.flat().flatMap((cell) => cell.marks.filter((m) => m.code === code).map((m) => ({ text: cell.text, message: m.message })))
      : [],
  );
}

describe('govreport/publishedLayout: the report as published, for the preview', () => {
  let client: LspClient;
  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  test('marks the cells of the findings as the diagnostics give them, those comparing with last year’s report included', async () => {
    await client.open('file:///preview/2021.txt', carryOverReport(2021, 0, 3));
    const uri = 'file:///preview/2022.txt';
    await client.open(uri, carryOverReport(2022, 2, 0));
    const { items } = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    const carry = items.filter((d) => d.code === 'report.carry-over').map((d) => d.message);
    assert.equal(carry.length, 2);
    const report = (await client.connection.sendRequest(PUBLISHED_LAYOUT, { textDocument: { uri } })) as PublishedReport;
    assert.equal(report.format, '2021');
    assert.deepEqual(
      markedCells(report, 'report.carry-over'),
      carry.map((message) => ({ text: '2', message })),
    );
  });

  test('answers null for a document that is not a report', async () => {
    const uri = 'file:///preview/notes.md';
    await client.open(uri, '# Notes\n\nNothing to publish.\n', 'markdown');
    assert.equal(await client.connection.sendRequest(PUBLISHED_LAYOUT, { textDocument: { uri } }), null);
  });
});
