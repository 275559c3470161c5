import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentDiagnosticRequest, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import iconv from 'iconv-lite';
import { carryOverReport } from '../support/reports';
import { LspClient } from '../support/lsp-client';
import { tempFolder } from '../support/temp';

describe('report.carry-over against the reports of the workspace', () => {
  let client: LspClient;
  let refreshed: Promise<void>;
  const folder = tempFolder('workspace');
  const lastYear = join(folder, '2021.txt');

  before(async () => {
    // Last year's report is on disk only (and in GBK, as offices often keep them); this year's is open.
    writeFileSync(lastYear, iconv.encode(carryOverReport(2021, 0, 3), 'gbk'));
    ({ client } = await LspClient.start({}, [{ uri: pathToFileURL(folder).href, name: 'reports' }]));
    refreshed = new Promise((resolve) => client.connection.onRequest('workspace/diagnostic/refresh', () => resolve()));
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  test('once the workspace is indexed, the open report is compared with last year’s file', async () => {
    await refreshed;
    const uri = pathToFileURL(join(folder, '2022.txt')).href;
    await client.open(uri, carryOverReport(2022, 2, 0));
    const { items } = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    const carry = items.filter((d) => d.code === 'report.carry-over');
    assert.deepEqual(
      carry.map((d) => d.message),
      [
        '「二、上年结转政府信息公开申请数量」的「自然人」为 2，而 2021 年度报告的「四、结转下年度继续办理」为 3。',
        '「二、上年结转政府信息公开申请数量」的「总计」为 2，而 2021 年度报告的「四、结转下年度继续办理」为 3。',
      ],
    );
    assert.equal(carry[0].relatedInformation?.[0].location.uri, pathToFileURL(lastYear).href);
  });
});
