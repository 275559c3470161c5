import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import {
  DiagnosticSeverity,
  DidCloseTextDocumentNotification,
  DocumentDiagnosticRequest,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { encodeBase64 } from '../../server/src/lsp/base64';
import {
  CHECK_WORKSPACE,
  CONVERTED_REPORT,
  READ_SOURCE,
  WORKSPACE_CHECKED,
  type CheckedFile,
  type CheckWorkspaceParams,
  type CheckWorkspaceResult,
  type ReadSourceParams,
  type ReadSourceResult,
  type WorkspaceChecked,
} from '../../server/src/lsp/protocol';
import { fixturesDir, readFixture } from '../support/fixtures';
import { LspClient } from '../support/lsp-client';
import { carryOverReport } from '../support/reports';
import { tempFolder } from '../support/temp';

const MAX_DOCUMENT_SIZE = 20_000;
const SEEDS = ['000_cf77e8731c91250a', '001_6ba39ebe6f690d1f', '002_bc6bcd97b1a1f0b8', '003_721881aa274abb1a', '004_5af3a546c32e05da'];
const CORPUS = ['上海市人民政府办公厅_2019', '平潭综合实验区_2020'];
const PDF = '淮安市洪泽区人民政府_2023.pdf';
/** The seed open in the editor, with a wrong total typed into it: checked as it is there, not as on disk. */
const OPEN_SEED = '003_721881aa274abb1a';

const rangeOf = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

describe('govreport/checkWorkspace: every report of the folder, checked from disk', () => {
  let client: LspClient;
  const folder = tempFolder('workspace-check');
  const file = (...path: string[]) => join(folder, ...path);
  const uriOf = (...path: string[]) => pathToFileURL(file(...path)).href;
  const nameOf = (uri: string) => relative(folder, fileURLToPath(uri)).split('\\').join('/');
  const write = (path: string, content: string | Uint8Array) => {
    mkdirSync(dirname(file(path)), { recursive: true });
    writeFileSync(file(path), content);
  };
  const openText = readFixture('seeds', `${OPEN_SEED}.txt`).replace(/\n/, '\n\n');
  /** The check of the whole folder. */
  let full: Awaited<ReturnType<typeof check>>;

  /** Runs the check; the files' results as the notifications brought them, by name. */
  const check = async (params: CheckWorkspaceParams) => {
    const slices: WorkspaceChecked[] = [];
    const listening = client.connection.onNotification(WORKSPACE_CHECKED, (slice: WorkspaceChecked) => {
      if (slice.run === params.run) slices.push(slice);
    });
    const result = await client.connection.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE, params);
    listening.dispose();
    const files = new Map<string, CheckedFile>(slices.flatMap((s) => s.files).map((f) => [nameOf(f.uri), f]));
    return { result, slices, files };
  };
  /** The diagnostics the editor gets for a text once it is open: what the folder's check must have given for it, the fixes aside. */
  const pulled = async (uri: string, text: string) => {
    await client.open(uri, text);
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return report.items.map(({ data: _fixes, ...diagnostic }) => diagnostic);
  };

  before(async () => {
    for (const seed of SEEDS) copyFileSync(join(fixturesDir, 'seeds', `${seed}.txt`), file(`${seed}.txt`));
    for (const name of CORPUS) write(`corpus/${name}.txt`, readFixture('corpus', `${name}.txt`));
    // Two years of one organ: 2022 carries over 2 where 2021 (kept in GBK, as offices often do) carried over 3.
    write('某某县/2021.txt', iconv.encode(carryOverReport(2021, 0, 3), 'gbk'));
    write('某某县/2022.md', carryOverReport(2022, 2, 0));
    write(`published/${PDF}`, readFileSync(join(fixturesDir, 'published', PDF)));
    write('published/扫描件.pdf', readFileSync(join(fixturesDir, 'readers', 'pdf-scan.pdf')));
    write('会议纪要.txt', '会议纪要\n\n一、会议议定事项\n');
    write('乱码.txt', new Uint8Array([0x50, 0x4b, 0, 0, 0x03, 0x04, 0, 0]));
    // Over govreport.maxDocumentSize: one read but not checked, one not even read (over twice the limit).
    const report = readFixture('corpus', '平潭综合实验区_2020.txt');
    write('large/padded.txt', report + '\n'.repeat(MAX_DOCUMENT_SIZE));
    write('large/huge.txt', report + '\n'.repeat(3 * MAX_DOCUMENT_SIZE));
    // Never looked into: dependencies and hidden folders.
    write('node_modules/pkg/report.txt', report);
    write('.history/report.txt', report);
    ({ client } = await LspClient.start({ workspace: { configuration: true } }, [{ uri: pathToFileURL(folder).href, name: 'reports' }], {
      settings: { maxDocumentSize: MAX_DOCUMENT_SIZE },
    }));
    await client.open(uriOf(`${OPEN_SEED}.txt`), openText);
    full = await check({ run: 1 });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  test('the summary: reports checked, those with errors and their errors, the files that are not reports and those not read, each with why', () => {
    const { result, slices, files } = full;
    // Files in the order of their URIs (the Problems panel sorts them its own way).
    assert.deepEqual(
      [...files.values()].map((f) => `${nameOf(f.uri)}: ${f.outcome === 'report' ? `report${f.source ? ` (${f.source})` : ''}` : f.reason}`),
      [
        '乱码.txt: 二进制文件',
        '会议纪要.txt: 不是年度报告',
        '某某县/2021.txt: report',
        '某某县/2022.md: report',
        ...SEEDS.map((seed) => `${seed}.txt: report`),
        ...CORPUS.map((name) => `corpus/${name}.txt: report`),
        'large/huge.txt: 超过 20000 字节（govreport.maxDocumentSize），未检查',
        'large/padded.txt: 超过 20000 字节（govreport.maxDocumentSize），未检查',
        'published/扫描件.pdf: PDF 是扫描件或图片，没有可读取的文字（本工具不做文字识别）',
        `published/${PDF}: report (pdf)`,
      ],
    );
    const reports = [...files.values()].filter((f) => f.outcome === 'report');
    const errorsOf = (f: (typeof reports)[number]) => f.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
    for (const report of reports) assert.equal(report.errors, errorsOf(report), nameOf(report.uri));
    assert.deepEqual(result, {
      ok: true,
      files: 15,
      reports: 10,
      withErrors: reports.filter((f) => errorsOf(f) > 0).length,
      errors: reports.reduce((sum, f) => sum + errorsOf(f), 0),
      notReports: 1,
      notRead: [
        { uri: uriOf('乱码.txt'), reason: '二进制文件' },
        { uri: uriOf('large', 'huge.txt'), reason: '超过 20000 字节（govreport.maxDocumentSize），未检查' },
        { uri: uriOf('large', 'padded.txt'), reason: '超过 20000 字节（govreport.maxDocumentSize），未检查' },
        { uri: uriOf('published', '扫描件.pdf'), reason: 'PDF 是扫描件或图片，没有可读取的文字（本工具不做文字识别）' },
      ],
      cancelled: false,
    });
    assert.ok(result.ok && result.withErrors >= 3, 'the wrong totals of 平潭 2020, the PDF and 某某县 2022 (carry-over) are errors');
    // The slices say how far the check has come.
    assert.equal(slices.at(-1)!.done, 15);
    assert.ok(slices.every((s) => s.total === 15));
  });

  test('each report gets exactly the diagnostics its open document gets, report.carry-over across the folder included', async () => {
    const { files } = full;
    const diagnosticsOf = (name: string) => {
      const checked = files.get(name);
      assert.equal(checked?.outcome, 'report', name);
      return checked.diagnostics;
    };
    // The seeds and the corpus reports: the findings their fixtures expect, at the same cells.
    for (const [fixture, name] of [...SEEDS.map((s) => [`seeds/${s}`, `${s}.txt`]), ...CORPUS.map((c) => [`corpus/${c}`, `corpus/${c}.txt`])]) {
      if (name === `${OPEN_SEED}.txt`) continue;
      const expected = JSON.parse(readFixture(`${fixture}.expected.json`)) as { code: string; range: string }[];
      assert.deepEqual(
        diagnosticsOf(name).map((d) => ({ code: d.code, range: rangeOf(d) })),
        expected.map(({ code, range }) => ({ code, range })),
        name,
      );
    }
    // 2022's carried-over cells (自然人, 总计), each naming the cell of 2021's report it differs from.
    const cells = (text: string, label: string) => {
      const line = text.split('\n').findIndex((l) => l.startsWith(label));
      const at = (character: number) => ({ start: { line, character }, end: { line, character: character + 1 } });
      // The first number after the label and the empty label columns it spans; the last number.
      const row = text.split('\n')[line];
      return [at(/^[^\t]*\t+/.exec(row)![0].length), at(row.length - 1)];
    };
    const carriedIn = cells(carryOverReport(2022, 2, 0), '二、上年结转政府信息公开申请数量');
    const carriedOut = cells(carryOverReport(2021, 0, 3), '四、结转下年度继续办理');
    assert.deepEqual(
      diagnosticsOf('某某县/2022.md')
        .filter((d) => d.code === 'report.carry-over')
        .map((d) => ({ range: d.range, related: d.relatedInformation?.map((r) => r.location) })),
      [0, 1].map((i) => ({ range: carriedIn[i], related: [{ uri: uriOf('某某县', '2021.txt'), range: carriedOut[i] }] })),
    );
    // The same engine as for an open document: every diagnostic, message and related cell alike.
    const texts: [string, string][] = [
      ...SEEDS.filter((s) => s !== OPEN_SEED).map((s): [string, string] => [`${s}.txt`, readFixture('seeds', `${s}.txt`)]),
      ...CORPUS.map((c): [string, string] => [`corpus/${c}.txt`, readFixture('corpus', `${c}.txt`)]),
      ['某某县/2021.txt', carryOverReport(2021, 0, 3)],
      ['某某县/2022.md', carryOverReport(2022, 2, 0)],
    ];
    for (const [name, text] of texts) assert.deepEqual(diagnosticsOf(name), await pulled(pathToFileURL(file(name)).href, text), name);
    // The open report as it is in the editor (a blank line typed after its title), not as it is on disk.
    const open = diagnosticsOf(`${OPEN_SEED}.txt`);
    assert.deepEqual(open, await pulled(uriOf(`${OPEN_SEED}.txt`), openText));
    assert.deepEqual(
      open.map((d) => `${d.code} ${rangeOf(d)}`),
      (JSON.parse(readFixture('seeds', `${OPEN_SEED}.expected.json`)) as { code: string; range: string }[]).map(
        ({ code, range }) => `${code} ${range.replace(/(\d+):(\d+)-(\d+)/, (_, a: string, b: string, c: string) => `${+a + 1}:${b}-${+c + 1}`)}`,
      ),
    );
  });

  test('a PDF: the diagnostics of its converted report, as "Open as report" shows them, each naming its page', async () => {
    const checked = full.files.get(`published/${PDF}`);
    assert.ok(checked?.outcome === 'report');
    assert.equal(checked.source, 'pdf');
    // What the editor shows once the PDF is opened as a report, under the URI it opens with.
    const reportUri = `govreport-source:/reports/${PDF}.govreport`;
    const params: ReadSourceParams = { uri: reportUri, source: uriOf('published', PDF), name: PDF, data: encodeBase64(readFileSync(file('published', PDF))) };
    const read = await client.connection.sendRequest<ReadSourceResult>(READ_SOURCE, params);
    assert.ok(read.ok);
    const opened = JSON.stringify(await pulled(reportUri, read.text));
    assert.equal(JSON.stringify(checked.diagnostics).replaceAll(CONVERTED_REPORT, reportUri), opened);
    // Its two wrong totals (see sources.test.ts), each naming its page in the PDF.
    assert.deepEqual(
      checked.diagnostics.filter((d) => d.code === 'table.sum-mismatch').map((d) => d.relatedInformation!.at(-1)),
      [0, 1].map(() => ({
        location: { uri: uriOf('published', PDF), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        message: '原文第 4 页',
      })),
    );
  });

  test('a report changed on disk, checked again alone, brings next year’s report along (its carry-over compares with it)', async () => {
    write('某某县/2021.txt', iconv.encode(carryOverReport(2021, 0, 2), 'gbk'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('某某县', '2021.txt'), type: 2 }] });
    const { result, files } = await check({ run: 4, files: [uriOf('某某县', '2021.txt')] });
    assert.deepEqual(result, { ok: true, files: 2, reports: 2, withErrors: 0, errors: 0, notReports: 0, notRead: [], cancelled: false });
    assert.deepEqual([...files.keys()], ['某某县/2021.txt', '某某县/2022.md']);
    const next = files.get('某某县/2022.md');
    assert.ok(next?.outcome === 'report');
    assert.deepEqual(next.diagnostics, []);
  });

  test('a file gone, or named but not a report, is answered as such', async () => {
    const { result, files } = await check({ run: 5, files: [uriOf('不存在.txt'), uriOf('会议纪要.txt')] });
    assert.deepEqual(result, {
      ok: true,
      files: 2,
      reports: 0,
      withErrors: 0,
      errors: 0,
      notReports: 1,
      notRead: [{ uri: uriOf('不存在.txt'), reason: 'ENOENT: no such file or directory' }],
      cancelled: false,
    });
    assert.deepEqual(
      [...files.values()].map((f) => f.outcome),
      ['not-read', 'not-report'],
    );
  });
});

describe('govreport/checkWorkspace without a file system (the browser) or with checks off', () => {
  test('checks turned off: nothing is read, and the answer says why', async () => {
    const { client } = await LspClient.start({ workspace: { configuration: true } }, [{ uri: pathToFileURL(tempFolder('off')).href, name: 'off' }], {
      settings: { enable: false },
    });
    assert.deepEqual(await client.connection.sendRequest(CHECK_WORKSPACE, { run: 1 }), { ok: false, message: '检查已关闭（govreport.enable）' });
    assert.equal(await client.stop(), 0);
  });
});
