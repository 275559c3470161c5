import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  type CompletionItem,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/engine/edits';
import { CONVERT_TABLE, NEW_REPORT, TABLE_SNIPPET, TEMPLATES, type ConvertTableResult, type TemplateChoice } from '../../server/src/lsp/protocol';
import { readFixture } from '../support/fixtures';
import { LspClient } from '../support/lsp-client';

describe('editing over LSP: formatting, completion, templates', () => {
  let client: LspClient;
  before(async () => {
    ({ client } = await LspClient.start());
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const options = { tabSize: 4, insertSpaces: false };

  test('document formatting aligns the Markdown tables and a second pass changes nothing', async () => {
    const uri = 'file:///editing/2021-markdown.md';
    const text = readFixture('rules', '2021-markdown.md');
    await client.open(uri, text, 'markdown');
    const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options })) as TextEdit[];
    const formatted = applyEdits(text, edits).split('\n');
    assert.equal(formatted[21], '| 信息内容\u3000\u3000\u3000 | 本年制发件数    | 本年废止件数    | 现行有效件数    |');
    assert.equal(formatted[22], '| ------------ | -------------- | ------------- | -------------- |');
    assert.equal(
      formatted[24],
      '| 行政规范性文件 | 109\u3000\u3000\u3000\u3000\u3000\u3000 | 489\u3000\u3000\u3000\u3000\u3000\u3000 | 597\u3000\u3000\u3000\u3000\u3000\u3000 |',
    );
    await client.open('file:///editing/formatted.md', formatted.join('\n'), 'markdown');
    assert.deepEqual(
      await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: 'file:///editing/formatted.md' }, options }),
      [],
    );
  });

  test('range formatting touches only the tables in the range', async () => {
    const uri = 'file:///editing/2021-markdown.md';
    const edits = (await client.connection.sendRequest(DocumentRangeFormattingRequest.type, {
      textDocument: { uri },
      range: { start: { line: 22, character: 0 }, end: { line: 26, character: 0 } },
      options,
    })) as TextEdit[];
    // The two tables the range touches (the second from its caption line), and nothing else.
    assert.deepEqual([...new Set(edits.map((e) => e.range.start.line))], [21, 22, 23, 24, 26, 27, 28]);
  });

  test('completion offers the statutory row labels in a table row', async () => {
    const lines = readFixture('seeds', '003_721881aa274abb1a.txt').split('\n');
    lines.splice(67, 0, '\t\t信访');
    const uri = 'file:///editing/completion.txt';
    await client.open(uri, lines.join('\n'));
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 67, character: 4 },
    })) as CompletionItem[];
    assert.ok(items.some((i) => i.label === '1.信访举报投诉类申请' && i.filterText === '信访举报投诉类申请'));
  });

  test('completion never answers an inverted range: at the start of a row that begins with a tab, the edit replaces nothing', async () => {
    const uri = 'file:///editing/leading-tab.txt';
    const lines = readFixture('seeds', '001_6ba39ebe6f690d1f.txt').split('\n');
    await client.open(uri, lines.join('\n'));
    const at = async (line: number, character: number) =>
      (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } })) as CompletionItem[];
    const row = 38;
    assert.ok(lines[row].startsWith('\t自然人\t'));
    const items = await at(row, 0);
    assert.ok(items.length > 0);
    assert.deepEqual(
      new Set(items.map((i) => JSON.stringify((i.textEdit as TextEdit).range))),
      new Set([JSON.stringify({ start: { line: row, character: 0 }, end: { line: row, character: 0 } })]),
    );
    for (const [line, text] of lines.entries()) {
      for (let character = 0; character <= Math.min(text.length, 3); character++) {
        for (const item of await at(line, character)) {
          const { start, end } = (item.textEdit as TextEdit).range;
          assert.ok(
            start.line === line && end.line === line && start.character <= end.character,
            `line ${line}, character ${character}: ${JSON.stringify({ start, end })}`,
          );
        }
      }
    }
  });

  test('templates: the tables to choose from, a table snippet, a new report, a table conversion', async () => {
    const choices = (await client.connection.sendRequest(TEMPLATES)) as TemplateChoice[];
    assert.deepEqual(
      choices.map((c) => [c.format, c.tables.length]),
      [
        ['2021', 6],
        ['2019', 7],
      ],
    );
    const snippet = (await client.connection.sendRequest(TABLE_SNIPPET, { format: '2021', table: 'article20-5', syntax: 'pipe' })) as string;
    assert.equal(
      snippet,
      ['第二十条第（五）项', '', '| 信息内容 | 本年处理决定数量       |', '| ------- | -------------------- |', '| 行政许可 | ${1:0}　　　　　　　　 |'].join(
        '\n',
      ),
    );
    const report = (await client.connection.sendRequest(NEW_REPORT, { organ: '某某镇人民政府', year: 2018 })) as string;
    assert.match(report, /^某某镇人民政府2018年政府信息公开工作年度报告\n/);
    assert.match(report, /\n附件\n\n政府信息公开情况统计表\n/);
    const uri = 'file:///checks/000.txt';
    await client.open(uri, readFixture('seeds', '000_cf77e8731c91250a.txt'));
    const { version, edits } = (await client.connection.sendRequest(CONVERT_TABLE, {
      uri,
      position: { line: 41, character: 0 },
      to: 'pipe',
    })) as ConvertTableResult;
    assert.equal(version, 1, 'the version the edits were computed for: the client applies them only at that version');
    assert.deepEqual(edits[0].range, { start: { line: 39, character: 0 }, end: { line: 41, character: 16 } });
    assert.equal(
      edits[0].newText,
      '\n| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n|---|---|---|---|\n| 行政许可 | 0 | 0 | 0 |\n| 其他对外管理服务事项 | 0 | 0 | 0 |',
    );
  });

  test('table conversion: no table at the position, or a document the server does not hold', async () => {
    const uri = 'file:///checks/000.txt';
    assert.deepEqual(await client.connection.sendRequest(CONVERT_TABLE, { uri, position: { line: 0, character: 0 }, to: 'pipe' }), { version: 1, edits: [] });
    assert.deepEqual(await client.connection.sendRequest(CONVERT_TABLE, { uri: 'file:///never-opened.txt', position: { line: 0, character: 0 }, to: 'pipe' }), {
      version: null,
      edits: [],
    });
  });

  test('table conversion: a table as copied from a PDF is said to be one, and left as it is', async () => {
    const uri = 'file:///checks/layout.txt';
    await client.open(uri, readFixture('extracted', '平潭综合实验区_2020.layout.txt'));
    // Line 315 (0-based 314) is the （七）总计 row of its space-aligned table 三.
    assert.deepEqual(await client.connection.sendRequest(CONVERT_TABLE, { uri, position: { line: 314, character: 5 }, to: 'pipe' }), {
      version: 1,
      edits: [],
      extracted: true,
    });
  });
});
