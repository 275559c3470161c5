import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanText, closeUpCjk, joinWrapped } from '../../server/src/engine/text';
import { renderReport } from '../../server/src/readers/render';
import { readWith, sniffSourceKind, type Readers } from '../../server/src/readers/dispatch';
import { LIMITS, ReadError, type Block, type ReadResult } from '../../server/src/readers/model';
import { describePlace, placeOfLine } from '../../server/src/readers/places';
import { decodeBase64, encodeBase64 } from '../../server/src/lsp/base64';
import { analyze } from '../../server/src/rules';

test('closeUpCjk: spaced-out characters close up; spaces beside Latin letters and digits stay', () => {
  assert.equal(closeUpCjk('三 、本 年 度办 理 结果'), '三、本年度办理结果');
  assert.equal(closeUpCjk('总 计'), '总计');
  assert.equal(closeUpCjk('总\u3000\u3000计'), '总计');
  assert.equal(closeUpCjk('2023 年 1 月'), '2023 年 1 月');
  assert.equal(closeUpCjk('PDF 文件'), 'PDF 文件');
});

test('cleanText: one line — tabs, line breaks, controls and zero-width characters become one space, trimmed', () => {
  assert.equal(cleanText('  行政\t许可\r\n550\u200b '), '行政许可 550');
  assert.equal(cleanText('a\u0000b\u2028c'), 'a b c');
  assert.equal(cleanText('\ufeff'), '');
  assert.equal(cleanText('\u3000\u3000'), '', 'a WPS blank cell');
  assert.equal(cleanText('\u3000\u3000一、总体情况'), '一、总体情况');
});

test('joinWrapped: a wrapped label and a wrapped number join without a space; Latin words with one', () => {
  assert.equal(joinWrapped(['（二）部分公开（区分处理的，只计这一情', '形，不计其他情形）']), '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
  assert.equal(joinWrapped(['1361', '2']), '13612');
  assert.equal(joinWrapped(['7730', '.28']), '7730.28');
  assert.equal(joinWrapped(['7730.', '28']), '7730.28');
  assert.equal(joinWrapped(['1,', '361']), '1,361');
  assert.equal(joinWrapped(['annual', 'report']), 'annual report');
  assert.equal(joinWrapped(['', ' 行政 ', '', '许可']), '行政许可');
});

test('cleanText never leaves a tab, a line break or a pipe-breaking control in a cell (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      const clean = cleanText(text);
      assert.ok(!/[\t\r\n\u2028\u2029]/.test(clean));
      assert.equal(clean, clean.trim());
    }),
  );
});

const blocks: Block[] = [
  { kind: 'paragraph', text: '某某县人民政府2023年政府信息公开工作年度报告', source: { kind: 'pdf', page: 1, y: 72 } },
  { kind: 'paragraph', text: '二、主动公开政府信息情况', source: { kind: 'pdf', page: 2, y: 90 } },
  {
    kind: 'table',
    source: { kind: 'pdf', page: 2, y: 120 },
    rows: [
      { cells: [{ text: '信息内容' }, { text: '本年处理决定数量' }], source: { kind: 'pdf', page: 2, y: 120 } },
      { cells: [{ text: '行政许可' }, { text: '550' }], source: { kind: 'pdf', page: 2, y: 140 } },
      { cells: [{ text: 'a|b' }, { text: '' }], source: { kind: 'pdf', page: 3, y: 60 } },
    ],
  },
];

test('renderReport md: blank lines between blocks, an aligned pipe table with a separator, | escaped, a source for every line', () => {
  const { text, sources } = renderReport({ blocks }, 'md');
  assert.equal(
    text,
    [
      '某某县人民政府2023年政府信息公开工作年度报告',
      '',
      '二、主动公开政府信息情况',
      '',
      '| 信息内容     | 本年处理决定数量    |',
      '| ----------- | ----------------- |',
      '| 行政许可     | 550\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000 |',
      '| a\\|b\u3000\u3000\u3000\u3000 | \u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000    |',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    sources.map((s) => s && `${s.kind === 'pdf' ? s.page : ''}`),
    ['1', undefined, '2', undefined, '2', '2', '2', '3'],
  );
});

test('renderReport txt: paragraphs a line each, a blank line around tables, tab-separated cells', () => {
  const { text, sources } = renderReport({ blocks }, 'txt');
  assert.equal(
    text,
    ['某某县人民政府2023年政府信息公开工作年度报告', '二、主动公开政府信息情况', '', '信息内容\t本年处理决定数量', '行政许可\t550', 'a|b\t', ''].join('\n'),
  );
  assert.equal(sources.length, text.split('\n').length - 1);
});

test('both renderings read as the same table in the engine', () => {
  for (const form of ['md', 'txt'] as const) {
    const { bound } = analyze(renderReport({ blocks }, form).text);
    const table = bound.report.tables[0];
    assert.ok(table, form);
    assert.deepEqual(
      table.rows.filter((r) => r.kind === 'cells').map((r) => r.cells.map((c) => c.text)),
      [
        ['信息内容', '本年处理决定数量'],
        ['行政许可', '550'],
        ['a|b', ''],
      ].map((row) => (form === 'md' ? row.map((c) => c.replace('|', '\\|')) : row)),
      form,
    );
  }
});

test('sniffSourceKind: by the bytes first — a page saved as .doc is HTML, a Word file named .wps is .docx, RTF is named', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  assert.equal(sniffSourceKind(bytes('%PDF-1.7\n'), 'a.doc'), 'pdf');
  assert.equal(sniffSourceKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), 'a.wps'), 'docx');
  assert.equal(sniffSourceKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'a.docx'), 'doc');
  assert.equal(sniffSourceKind(bytes('{\\rtf1\\ansi'), 'a.doc'), 'rtf');
  assert.equal(sniffSourceKind(bytes('\n<html><body>'), 'a.doc'), 'html');
  assert.equal(sniffSourceKind(bytes('plain words'), 'a.htm'), 'html');
  assert.equal(sniffSourceKind(bytes('plain words'), 'a.pdf'), undefined);
});

test('readWith: one ReadError with a clear message for each way a source cannot be read; a reader error is never thrown raw', async () => {
  const ok: ReadResult = { kind: 'html', blocks: [], notes: [] };
  const readers: Readers = { pdf: undefined, docx: () => ok, doc: undefined, html: () => ok };
  const reason = async (bytes: Uint8Array, name: string, with_ = readers) => {
    try {
      await readWith(with_, bytes, name);
      return 'read';
    } catch (error) {
      assert.ok(error instanceof ReadError);
      return `${error.reason}: ${error.messages['zh-cn']}`;
    }
  };
  assert.equal(await reason(new Uint8Array(), 'a.pdf'), 'corrupt: 文件是空的');
  assert.equal(await reason(new Uint8Array(LIMITS.fileBytes + 1), 'a.pdf'), `too-large: 文件超过 ${LIMITS.fileBytes / 1024 / 1024} MB，未读取`);
  assert.equal(await reason(new TextEncoder().encode('%PDF-1.4'), 'a.pdf'), 'needs-desktop: 读取 PDF 需要桌面版 VS Code，网页版暂不支持');
  assert.equal(
    await reason(new TextEncoder().encode('{\\rtf1'), 'a.doc'),
    'unsupported: 这是 RTF 文件（只是扩展名为 .doc），暂不支持；请用 Word 或 WPS 另存为 .docx',
  );
  assert.equal(await reason(new TextEncoder().encode('GIF89a'), 'a.pdf'), 'unsupported: 无法识别的文件类型：不是 PDF、Word 或网页文件');
  const throwing: Readers = {
    ...readers,
    html: () => {
      throw new TypeError('x is undefined');
    },
  };
  assert.equal(await reason(new TextEncoder().encode('<html>'), 'a.html', throwing), 'corrupt: 无法读取此 HTML：x is undefined');
  assert.equal(await reason(new TextEncoder().encode('<html>'), 'a.html'), 'read');
});

test('describePlace and placeOfLine: a finding names its page, paragraph, table row or element', () => {
  assert.equal(describePlace({ kind: 'pdf', page: 3, y: 100 }, 'zh-cn'), '第 3 页');
  assert.equal(describePlace({ kind: 'pdf', page: 3 }, 'en'), 'page 3');
  assert.equal(describePlace({ kind: 'docx', paragraph: 12 }, 'zh-cn'), '第 12 段');
  assert.equal(describePlace({ kind: 'docx', paragraph: 40, table: 2, row: 5 }, 'zh-cn'), '第 2 个表格第 5 行');
  assert.equal(describePlace({ kind: 'doc', paragraph: 40, table: 2, row: 5 }, 'en'), 'table 2, row 5');
  assert.equal(describePlace({ kind: 'html', element: 'div#zoom > p[3]' }, 'en'), 'div#zoom > p[3]');
  const places = [{ kind: 'pdf', page: 1 } as const, undefined, { kind: 'pdf', page: 2 } as const];
  assert.equal(placeOfLine(places, 1), places[0]);
  assert.equal(placeOfLine(places, 2), places[2]);
  assert.equal(placeOfLine(places, 99), places[2]);
  assert.equal(placeOfLine([], 0), undefined);
});

test('base64 round-trips any bytes, chunk boundaries included (property)', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 0x8000 * 2 + 3 }), (bytes) => assert.deepEqual(decodeBase64(encodeBase64(bytes)), bytes)));
  assert.equal(encodeBase64(new TextEncoder().encode('报告')), Buffer.from('报告').toString('base64'));
});
