import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DidCloseTextDocumentNotification,
  DocumentDiagnosticRequest,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { REPORTS, REPORTS_CHANGED, type ReportGroup } from '../../server/src/lsp/protocol';
import { LspClient } from '../support/lsp-client';
import { carryOverReport } from '../support/reports';
import { tempFolder } from '../support/temp';

/** Each report as the view shows it: organ, then year, format and counts (errors/warnings/others). */
const shown = (groups: ReportGroup[]) =>
  groups.map((g) => [g.organ, g.reports.map((r) => `${r.year} ${r.format} ${r.errors}/${r.warnings}/${r.others} ${r.uri.slice(r.uri.lastIndexOf('/') + 1)}`)]);

describe('govreport/reports: the workspace’s reports by organ and year', () => {
  let client: LspClient;
  const folder = tempFolder('reports');
  const uri = (name: string) => pathToFileURL(join(folder, name)).href;
  let changes = 0;
  let nextChange: () => void = () => {};
  const changed = () => new Promise<void>((resolve) => (nextChange = resolve));

  before(async () => {
    // The same organ under a shorter name in its latest report: listed with the others, under that name.
    writeFileSync(join(folder, 'county-2023.txt'), carryOverReport(2023, 0, 0).replaceAll('某某县人民政府', '某某县政府'));
    writeFileSync(join(folder, 'county-2021.txt'), carryOverReport(2021, 0, 3));
    // Carries in 2 where 2021 carried out 3: two report.carry-over errors (自然人 and 总计).
    writeFileSync(join(folder, 'county-2022.txt'), carryOverReport(2022, 2, 0));
    writeFileSync(join(folder, 'town-2022.txt'), carryOverReport(2022, 0, 0).replaceAll('某某县人民政府', '某某镇人民政府'));
    writeFileSync(join(folder, 'notes.txt'), '会议纪要\n');
    ({ client } = await LspClient.start({}, [{ uri: pathToFileURL(folder).href, name: 'reports' }]));
    client.connection.onNotification(REPORTS_CHANGED, () => {
      changes++;
      nextChange();
    });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  test('lists the reports on disk by organ, the latest year first, with the counts their diagnostics have', async () => {
    const groups: ReportGroup[] = await client.connection.sendRequest(REPORTS);
    assert.deepEqual(shown(groups), [
      ['某某县政府', ['2023 2021 0/0/0 county-2023.txt', '2022 2021 2/0/0 county-2022.txt', '2021 2021 0/0/0 county-2021.txt']],
      ['某某镇人民政府', ['2022 2021 0/0/0 town-2022.txt']],
    ]);
    assert.equal(groups[0].reports[0].formatName, '2021年版年度报告格式');
  });

  test('an open report is counted as it is in the editor, and the reports of its organ against it', async () => {
    const before = changes;
    const opened = changed();
    // Last year's report, corrected in the editor to carry out the 2 this year's carries in, with a wrong total typed in.
    await client.open(
      uri('county-2021.txt'),
      carryOverReport(2021, 0, 2).replace(
        '一、本年新收政府信息公开申请数量\t\t\t2\t0\t0\t0\t0\t0\t2',
        '一、本年新收政府信息公开申请数量\t\t\t2\t0\t0\t0\t0\t0\t3',
      ),
    );
    const { items } = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri: uri('county-2021.txt') },
    })) as FullDocumentDiagnosticReport;
    await opened;
    assert.equal(changes, before + 1);
    const groups: ReportGroup[] = await client.connection.sendRequest(REPORTS);
    const errors = items.filter((d) => d.severity === DiagnosticSeverity.Error);
    assert.deepEqual(
      errors.map((d) => d.code),
      ['table.sum-mismatch', 'table.balance-mismatch'],
    );
    assert.deepEqual(shown(groups)[0], [
      '某某县政府',
      ['2023 2021 0/0/0 county-2023.txt', '2022 2021 0/0/0 county-2022.txt', `2021 2021 2/0/${items.length - 2} county-2021.txt`],
    ]);

    const closed = changed();
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri('county-2021.txt') } });
    await closed;
    assert.deepEqual(shown(await client.connection.sendRequest(REPORTS))[0], [
      '某某县政府',
      ['2023 2021 0/0/0 county-2023.txt', '2022 2021 2/0/0 county-2022.txt', '2021 2021 0/0/0 county-2021.txt'],
    ]);
  });
});
