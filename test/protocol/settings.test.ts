import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  DidChangeConfigurationNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  InlayHintRequest,
  type CodeAction,
  type FullDocumentDiagnosticReport,
  type InlayHint,
} from 'vscode-languageserver-protocol';
import type { ReportStatus } from '../../server/src/lsp/protocol';
import { readFixture } from '../support/fixtures';
import { LspClient, resolvesEdits } from '../support/lsp-client';

describe('settings, suppression, hovers, inlay hints and status over LSP', () => {
  let client: LspClient;
  let settings: object = {};
  const statuses: ReportStatus[] = [];
  const uri = 'file:///settings/row-total.txt';

  before(async () => {
    ({ client } = await LspClient.start({ workspace: { configuration: true }, ...resolvesEdits }));
    client.connection.onRequest('workspace/configuration', () => [settings]);
    client.connection.onNotification('govreport/status', (s: ReportStatus) => void statuses.push(s));
    client.connection.onRequest('workspace/diagnostic/refresh', () => {
      refreshed?.();
      return null;
    });
    client.connection.onRequest('workspace/inlayHint/refresh', () => null);
    await client.open(uri, readFixture('rules', '2019-tsv-row-total.txt'));
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const diagnose = async () =>
    ((await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport).items;
  let refreshed: (() => void) | undefined;
  /** Changes the settings; resolves when the server, having pulled them, asks for diagnostics again. */
  const configure = async (value: object) => {
    settings = value;
    const done = new Promise<void>((resolve) => (refreshed = resolve));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await done;
  };

  test('each diagnostic links to its rule’s documentation page', async () => {
    const sum = (await diagnose()).find((d) => d.code === 'table.sum-mismatch')!;
    assert.equal(sum.codeDescription?.href, 'https://github.com/govreport/govreport/blob/main/docs/rules/table.sum-mismatch.md');
  });

  test('the status notification names the format and counts the problems', async () => {
    await diagnose();
    const status = statuses.at(-1)!;
    assert.deepEqual([status.uri, status.format, status.formatName, status.source, status.errors], [uri, '2019', '2019年版年度报告格式（试行）', 'title', 3]);
  });

  test('govreport.rules sets a rule’s severity or turns it off; govreport.enable turns the checks off', async () => {
    await configure({ rules: { 'table.sum-mismatch': 'hint', 'part.title': 'off' } });
    const items = await diagnose();
    const sums = items.filter((d) => d.code === 'table.sum-mismatch');
    assert.deepEqual(
      sums.map((d) => d.severity),
      [4, 4],
    );
    assert.ok(!items.some((d) => d.code === 'part.title'));
    await configure({ enable: false });
    assert.deepEqual(await diagnose(), []);
    await configure({});
  });

  test('quick fixes to silence a rule on this line or in the whole file', async () => {
    const sum = (await diagnose()).find((d) => d.code === 'table.sum-mismatch')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: sum.range,
      context: { diagnostics: [sum] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles, [
      '将「（一）予以公开」的「总计」改为 4',
      '在此行停用“合计数与其各分项之和不符”（table.sum-mismatch）',
      '在整个文件停用“合计数与其各分项之和不符”（table.sum-mismatch）',
    ]);
    assert.ok(actions.every((a) => a.edit === undefined));
    const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, actions[1]);
    const edit = (resolved.edit!.documentChanges![0] as { edits: { range: unknown; newText: string }[] }).edits[0];
    assert.deepEqual(edit, {
      range: { start: { line: 61, character: 0 }, end: { line: 61, character: 0 } },
      newText: '<!-- govreport-disable-next-line table.sum-mismatch -->\n',
    });
  });

  test('hover on a cell: a wrong total leads with the answer, then its row and column and what it adds up', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 61, character: 31 } });
    assert.equal(
      (hover!.contents as { value: string }).value,
      [
        '**应为 4，实为 5**',
        '',
        '**（一）予以公开** × **总计**',
        '',
        '「收到和处理政府信息公开申请情况」',
        '',
        '合计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
        '',
        '所填分项之和：**4**',
      ].join('\n'),
    );
    const right = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 62, character: 43 } });
    assert.match((right!.contents as { value: string }).value, /^\*\*（二）部分公开\*\* × \*\*总计\*\*/);
    const part = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 54, character: 2 } });
    assert.equal((part!.contents as { value: string }).value, '法定第三部分：**收到和处理政府信息公开申请情况**（2019年版年度报告格式（试行））');
  });

  test('inlay hints (on by default) show the value a wrong total should have; govreport.inlayHints.enabled turns them off', async () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 120, character: 0 } };
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range })) as InlayHint[];
    assert.deepEqual(
      hints.map((h) => [h.position, h.label]),
      [
        [{ line: 61, character: 32 }, '应为 4'],
        [{ line: 81, character: 20 }, '应为 5'],
      ],
    );
    await configure({ inlayHints: { enabled: false } });
    assert.deepEqual(await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range }), []);
    await configure({});
  });
});

describe('settings read before the first diagnostics', () => {
  /** The codes of the first diagnostics of a report opened right after the server started. */
  const firstCodes = async (settings: object) => {
    const { client } = await LspClient.start({ workspace: { configuration: true } }, null, { settings });
    const uri = 'file:///settings/first.txt';
    await client.open(uri, readFixture('rules', '2019-tsv-row-total.txt'));
    const { items } = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    assert.equal(await client.stop(), 0);
    return items.map((d) => d.code);
  };

  test('with govreport.rules turning part.missing off, the first diagnostics of a report opened right after start already honour it', async () => {
    const codes = await firstCodes({ rules: { 'part.missing': 'off' } });
    assert.ok(codes.includes('table.sum-mismatch'), 'the report was checked');
    assert.ok(!codes.includes('part.missing'));
    assert.ok((await firstCodes({})).includes('part.missing'), 'the same report without the setting');
  });
});
