/** The rules across reports in the editor: last year's report on disk, indexed in the background, and the plausibility settings. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DocumentDiagnosticRequest,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { fixturesDir, readFixture } from '../support/fixtures';
import { LspClient } from '../support/lsp-client';
import { tempFolder } from '../support/temp';

const diagnose = async (client: LspClient, uri: string): Promise<Diagnostic[]> =>
  ((await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport).items;

describe('report.copied-text against last year’s report in the workspace', () => {
  let client: LspClient;
  let indexed: Promise<void>;
  const folder = tempFolder('desk');
  const lastYear = join(folder, '平潭综合实验区_2022.txt');

  before(async () => {
    copyFileSync(join(fixturesDir, 'corpus', '平潭综合实验区_2022.txt'), lastYear);
    ({ client } = await LspClient.start({}, [{ uri: pathToFileURL(folder).href, name: 'reports' }]));
    indexed = new Promise((resolve) => client.connection.onRequest('workspace/diagnostic/refresh', () => resolve()));
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  test('the copied report, open, gets a warning on each copied paragraph and on part 五, linked to last year’s file', async () => {
    await indexed;
    const uri = pathToFileURL(join(folder, 'copy-平潭综合实验区_2023.txt')).href;
    await client.open(uri, readFixture('desk', 'copy-平潭综合实验区_2023.txt'));
    const copied = (await diagnose(client, uri)).filter((d) => d.code === 'report.copied-text').sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(
      copied.map((d) => [d.range.start.line + 1, d.severity, d.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line + 1])]),
      [7, 11, 15, 19, 27, 84, 86, 88].map((line) => [line, 2, [[pathToFileURL(lastYear).href, line]]]),
    );
    assert.equal(copied[0].message, '此段与 2022 年度报告第 7 行的一段相同；本报告正文约 85% 沿用上年度报告。');
    assert.equal(copied[5].message, '第五部分与 2022 年度报告的第五部分雷同（相似度 1）：存在的问题和改进情况应写本年度的实际。');
    assert.equal(copied[5].relatedInformation?.[0].message, '平潭综合实验区2022年度政府信息公开工作年度报告：第五部分');
  });
});

describe('value.implausible follows the govreport.plausibility settings', () => {
  let client: LspClient;
  let settings: object = {};
  let refreshed: (() => void) | undefined;
  const uri = 'file:///desk/2025_hangzhou_style_fixture_KIROGOVCOMPARE.txt';

  before(async () => {
    ({ client } = await LspClient.start({ workspace: { configuration: true } }));
    client.connection.onRequest('workspace/configuration', () => [settings]);
    client.connection.onRequest('workspace/diagnostic/refresh', () => {
      refreshed?.();
      return null;
    });
    await client.open(uri, readFixture('corpus', '2025_hangzhou_style_fixture_KIROGOVCOMPARE.txt'));
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const implausible = async () =>
    (await diagnose(client, uri)).filter((d) => d.code === 'value.implausible').map((d) => `${d.range.start.line + 1} ${d.message}`);
  /** Changes the settings; resolves when the server, having pulled them, asks for diagnostics again. */
  const configure = async (value: object) => {
    settings = value;
    const done = new Promise<void>((resolve) => (refreshed = resolve));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await done;
  };

  test('316441 万元 of fees is a hint by default, and none once feeWanYuan is above it; back with the default', async () => {
    const fee = '21 本年收费金额为 316441 万元，即 31.6441 亿元：是否把以元计的金额填在了以万元计的栏中？';
    assert.deepEqual(await implausible(), [fee]);
    await configure({ plausibility: { feeWanYuan: 400000 } });
    assert.deepEqual(await implausible(), []);
    await configure({});
    assert.deepEqual(await implausible(), [fee]);
  });
});
