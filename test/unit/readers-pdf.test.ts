/**
 * The PDF reader. The published PDFs give the findings of their text twins (same codes, messages
 * and lines) and the six parts; their tables come out cell for cell (merged cells, wrapped labels,
 * vertical text, a table going on over a page break, page numbers dropped). Scans, encrypted and
 * broken files fail with one clear ReadError; a longer PDF than LIMITS.pdfPages is cut with a note.
 * Chinese text in fonts that are not embedded is read with the GB CMaps shipped, from source and
 * bundled. The layout steps are tested on plain data too, and the readers bundled as the build bundles them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { build } from 'esbuild';
import { parseReport } from '../../server/src/engine/structure';
import shippedCMaps from '../../server/src/node/cmaps.json';
import { readSource } from '../../server/src/readers';
import { LIMITS, ReadError, type Block, type ReadResult, type Table } from '../../server/src/readers/model';
import { readPdf } from '../../server/src/readers/pdf';
import { findTextTables, type TextTable } from '../../server/src/readers/pdf/columns';
import { readOperators } from '../../server/src/readers/pdf/extract';
import type { PageContent, Rule, TextRun } from '../../server/src/readers/pdf/geometry';
import { isPageNumber, layoutPages } from '../../server/src/readers/pdf/layout';
import { groupLines, type Line } from '../../server/src/readers/pdf/lines';
import { loadPdfJs } from '../../server/src/readers/pdf/pdfjs';
import { findRuledTables, toTable } from '../../server/src/readers/pdf/tables';
import { renderReport } from '../../server/src/readers/render';
import { analyze } from '../../server/src/rules';
import { fixturesDir, readFixture } from '../support/fixtures';

const bytesOf = (...path: string[]) => new Uint8Array(readFileSync(join(fixturesDir, ...path)));

const reads = new Map<string, Promise<ReadResult>>();
/** Each fixture PDF is read once for all the tests that look at it. */
const read = (...path: string[]) => {
  const key = path.join('/');
  if (!reads.has(key)) reads.set(key, readPdf(bytesOf(...path)));
  return reads.get(key)!;
};

/** A finding as the user sees it: its rule, its message, the text it points at, and the line's non-blank cells (or text). */
function findingsOf(text: string): string[] {
  const { bound, findings } = analyze(text, { locale: 'zh-cn' });
  const { lines, tables } = bound.report;
  const rows = new Map(tables.flatMap((t) => t.rows).map((r) => [r.line, r]));
  return findings.map(({ code, message, range: { start, end } }) => {
    const row = rows.get(start.line);
    const line = row ? row.cells.flatMap((c) => (c.text === '' ? [] : [c.text])).join(' ‖ ') : lines[start.line].trim();
    return `${code} | ${message} | ${lines[start.line].slice(start.character, start.line === end.line ? end.character : undefined)} | ${line}`;
  });
}

const partsOf = (text: string) => parseReport(text).outline.flatMap((n) => (n.type === 'section' && n.kind === 'part' ? [n.name.slice(0, 2)] : []));

const tables = (blocks: Block[]) => blocks.filter((b): b is Table => b.kind === 'table');
const rowTexts = (table: Table) => table.rows.map((r) => r.cells.map((c) => c.text));
/** The cells of the row that has a cell of this text. */
const rowWith = (blocks: Block[], text: string) =>
  tables(blocks)
    .flatMap(rowTexts)
    .find((cells) => cells.includes(text));

const PUBLISHED: Record<string, string[]> = {
  淮安市洪泽区人民政府_2023: ['table.label', 'report.format-mismatch', 'table.sum-mismatch', 'table.sum-mismatch'],
  淮安市洪泽区人民政府_2024: ['table.label', 'report.format-mismatch'],
  淮安市人民政府_2024: [],
};

for (const [name, codes] of Object.entries(PUBLISHED)) {
  describe(`published PDF ${name}`, () => {
    const twin = findingsOf(readFixture('corpus', `${name}.txt`));

    test('its text twin gives the findings the corpus lists', () => {
      assert.deepEqual(
        twin.map((f) => f.split(' | ')[0]),
        codes,
      );
    });

    for (const form of ['md', 'txt'] as const) {
      test(`read as ${form}: the same findings as its text twin, on the same lines, the six parts, no note`, async () => {
        const result = await read('published', `${name}.pdf`);
        const { text } = renderReport(result, form);
        assert.deepEqual(findingsOf(text), twin);
        assert.deepEqual(partsOf(text), ['一、', '二、', '三、', '四、', '五、', '六、']);
        assert.deepEqual(result.notes, []);
      });
    }
  });
}

describe('淮安市洪泽区人民政府_2023.pdf, cell for cell', () => {
  test('table 三: a label wrapped in its cell is one cell; the vertical 三、本年度办理结果 one cell; the cells its merged cells cover are blank', async () => {
    const { blocks } = await read('published', '淮安市洪泽区人民政府_2023.pdf');
    assert.deepEqual(rowWith(blocks, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'), [
      '',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '',
      ...['4', '0', '0', '0', '0', '0', '4'],
    ]);
    assert.deepEqual(rowWith(blocks, '三、本年度办理结果'), ['三、本年度办理结果', '（一）予以公开', '', ...['0', '0', '0', '0', '0', '0', '0']]);
    assert.deepEqual(rowWith(blocks, '申请人情况'), [
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      '',
      '',
      '申请人情况',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  });

  test('tables 二 and 三 each go on over a page break as one table, without the page numbers; rows know their page and height', async () => {
    const { blocks } = await read('published', '淮安市洪泽区人民政府_2023.pdf');
    const [two, three, four] = tables(blocks);
    const pages = (table: Table) => [...new Set(table.rows.map((r) => r.source.kind === 'pdf' && r.source.page))];
    assert.deepEqual(pages(two), [2, 3]);
    assert.deepEqual(pages(three), [3, 4]);
    assert.deepEqual(pages(four), [4]);
    assert.deepEqual(rowTexts(three).at(-1), ['四、结转下年度继续办理', '', '', ...['0', '0', '0', '0', '0', '0', '0']]);
    assert.deepEqual(three.rows[3].source, { kind: 'pdf', page: 3, y: 479 });
    assert.ok(three.rows.every((r) => r.cells.length === 10));
    const texts = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.flatMap((r) => r.cells.map((c) => c.text))));
    assert.deepEqual(
      texts.filter((t) => /^-\s*\d+\s*-$/.test(t)),
      [],
    );
  });

  test('a paragraph is one line, across a page break too; a heading is a paragraph of its own', async () => {
    const { blocks } = await read('published', '淮安市洪泽区人民政府_2023.pdf');
    const paragraphs = blocks.filter((b) => b.kind === 'paragraph');
    assert.deepEqual(
      paragraphs.find((p) => p.text.startsWith('加强区政府门户网站')),
      {
        kind: 'paragraph',
        text: '加强区政府门户网站及政务新媒体日常管理，运用第三方检测平台实行常态化监测，执行信息审核发布制度。严格执行“分级审核、先审后发”程序，落实“三审三校”制度，从严从实把好政治关、法律关、政策关、保密关、文字关，未经审核的信息一律不准发布。',
        source: { kind: 'pdf', page: 1, y: 725 },
      },
    );
    const heading = paragraphs.findIndex((p) => p.text === '三、收到和处理政府信息公开申请情况');
    assert.equal(blocks[blocks.indexOf(paragraphs[heading]) + 1].kind, 'table');
    assert.deepEqual(
      paragraphs.slice(0, 4).map((p) => p.text.slice(0, 18)),
      ['洪泽区人民政府', '2023 年政府信息公开工作年度报告', '本报告由淮安市洪泽区人民政府办公室根', '一、总体情况'],
    );
  });
});

test('淮安市人民政府_2024.pdf: a label cut by a page break (（四）无 | 法提供, both parts ruled) is one cell; the 2021 （六） rows', async () => {
  const { blocks } = await read('published', '淮安市人民政府_2024.pdf');
  assert.deepEqual(rowWith(blocks, '（四）无法提供'), ['', '（四）无法提供', '1.本机关不掌握相关政府信息', ...['746', '12', '0', '0', '10', '1', '769']]);
  assert.deepEqual(rowWith(blocks, '2.没有现成信息需要另行制作'), ['', '', '2.没有现成信息需要另行制作', ...['11', '0', '0', '0', '0', '0', '11']]);
  assert.deepEqual(rowWith(blocks, '3、其他'), ['', '', '3、其他', ...['108', '2', '0', '0', '0', '0', '110']]);
});

test('a report LibreOffice made into a PDF (other line drawing, no page flip) gives its text twin’s findings', async () => {
  const result = await read('readers', '淮安市洪泽区人民政府_2023.libreoffice.pdf');
  assert.deepEqual(findingsOf(renderReport(result, 'md').text), findingsOf(readFixture('corpus', '淮安市洪泽区人民政府_2023.txt')));
});

test('a table drawn without lines is read by its number columns; a label wrapped in its column joins its row', async () => {
  const { blocks } = await read('readers', 'pdf-borderless-table.pdf');
  assert.deepEqual(
    blocks.map((b) => (b.kind === 'paragraph' ? b.text : rowTexts(b))),
    [
      '某某县人民政府2023年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      [
        ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
        ['规章', '0', '0', '0'],
        ['行政规范性文件（含各部门制发的文件）', '3', '1', '12'],
      ],
      '三、收到和处理政府信息公开申请情况',
    ],
  );
});

describe('files that cannot be read fail with one clear ReadError', () => {
  const failure = async (bytes: Uint8Array) => {
    const error = await readPdf(bytes).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof ReadError, String(error));
    return error;
  };

  test('a scan (pages that are images, no text layer)', async () => {
    const error = await failure(bytesOf('readers', 'pdf-scan.pdf'));
    assert.equal(error.reason, 'no-text');
    assert.deepEqual(error.messages, {
      'zh-cn': 'PDF 是扫描件或图片，没有可读取的文字（本工具不做文字识别）',
      en: 'the PDF is a scan or an image: it has no text to read (this tool does no OCR)',
    });
  });

  test('a PDF with an open password', async () => {
    assert.equal((await failure(bytesOf('readers', 'pdf-encrypted.pdf'))).reason, 'encrypted');
  });

  test('a download cut short, a file that is no PDF, an empty file, one past the size limit', async () => {
    assert.equal((await failure(bytesOf('readers', 'pdf-truncated.pdf'))).reason, 'corrupt');
    assert.equal((await failure(new TextEncoder().encode(readFixture('corpus', '淮安市人民政府_2024.txt')))).reason, 'corrupt');
    assert.equal((await failure(new Uint8Array(0))).reason, 'corrupt');
    assert.equal((await failure(new Uint8Array(LIMITS.fileBytes + 1))).reason, 'too-large');
  });
});

const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/**
 * A PDF whose pages are drawn by `contents` with font /F1 (object 3); `more` objects are numbered on from 4 + 2 × pages.
 * `fonts`: the pages' font resources, when they use fonts among `more` too.
 */
function pdfOf(contents: readonly string[], font = HELVETICA, more: readonly string[] = [], fonts = '/F1 3 0 R'): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${contents.map((_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${contents.length} >>`,
    font,
    ...contents.flatMap((content, i) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << ${fonts} >> >> /Contents ${5 + 2 * i} 0 R >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ]),
    ...more,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/**
 * A Chinese, Japanese or Korean font that is not embedded (no font file), as PDF writers name the
 * Adobe ones: its Type0 font, whose CIDFont is object `cidFont`, then that CIDFont and its descriptor.
 */
function cjkFont(cidFont: number, name: string, encoding: string, ordering: string): [type0: string, cid: string, descriptor: string] {
  return [
    `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /${encoding} /DescendantFonts [${cidFont} 0 R] >>`,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (${ordering}) /Supplement 4 >> /FontDescriptor ${cidFont + 1} 0 R >>`,
    `<< /Type /FontDescriptor /FontName /${name} /Flags 6 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>`,
  ];
}

/** Text shown at (x, y) in `font`, whose predefined CMap is a UCS-2 one: each character its UTF-16 code. */
const ucs2Text = (font: string, x: number, y: number, text: string) =>
  `BT /${font} 12 Tf ${x} ${y} Td <${[...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}> Tj ET`;

/** The start of a report in STSong-Light (UniGB-UCS2-H, not embedded): a title, a heading and a ruled table of two rows. */
const GB_REPORT_PAGE = [
  ucs2Text('F1', 72, 760, '某某县人民政府2023年政府信息公开工作年度报告'),
  ucs2Text('F1', 72, 730, '一、总体情况'),
  // Rows at y 700–680–660, columns at x 72–222–322–422–522.
  ...[700, 680, 660].map((y) => `72 ${y} m 522 ${y} l S`),
  ...[72, 222, 322, 422, 522].map((x) => `${x} 700 m ${x} 660 l S`),
  ...['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'].map((text, i) => ucs2Text('F1', [76, 226, 326, 426][i], 686, text)),
  ...['规章', '0', '0', '0'].map((text, i) => ucs2Text('F1', [76, 226, 326, 426][i], 666, text)),
].join('\n');
const [stSong, ...stSongObjects] = cjkFont(6, 'STSong-Light', 'UniGB-UCS2-H', 'GB1');
const GB_REPORT = pdfOf([GB_REPORT_PAGE], stSong, stSongObjects);
const GB_REPORT_TEXT = [
  '某某县人民政府2023年政府信息公开工作年度报告',
  '一、总体情况',
  [
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', '0', '0', '0'],
  ],
];
const textOf = (blocks: Block[]) => blocks.map((b) => (b.kind === 'paragraph' ? b.text : rowTexts(b)));

describe('Chinese text in a font that is not embedded (STSong-Light in the predefined CMap UniGB-UCS2-H)', () => {
  test('read by the Node readers with the GB CMaps they ship: the title, the heading and the table row exactly, no note', async () => {
    const result = await readSource(GB_REPORT, '年度报告.pdf');
    assert.deepEqual(textOf(result.blocks), GB_REPORT_TEXT);
    assert.deepEqual(result.notes, []);
  });

  test('a line on the same page in a Japanese font (its CMaps are not shipped) is noted; the Chinese text is read', async () => {
    const japanese = cjkFont(9, 'KozMinPro-Regular', 'UniJIS-UCS2-H', 'Japan1');
    const page = `${GB_REPORT_PAGE}\n${ucs2Text('F2', 72, 600, '日本語')}`;
    const result = await readSource(pdfOf([page], stSong, [...stSongObjects, ...japanese], '/F1 3 0 R /F2 8 0 R'), '年度报告.pdf');
    assert.deepEqual(textOf(result.blocks), GB_REPORT_TEXT);
    assert.deepEqual(result.notes, [
      {
        code: 'skipped-content',
        message: { 'zh-cn': '第 1 页有文字的字体无法读取，这些文字未读取', en: 'page 1: some text is in fonts that cannot be read; that text was not read' },
      },
    ]);
  });

  test('without CMaps, or all in a font whose CMaps are not shipped: ReadError unsupported, not taken for a scan', async () => {
    const reasonOf = (reading: Promise<ReadResult>) =>
      reading.then(
        () => 'read',
        (e: unknown) => (e instanceof ReadError ? e.reason : String(e)),
      );
    assert.equal(await reasonOf(readPdf(GB_REPORT)), 'unsupported');
    const [kozMin, ...kozMinObjects] = cjkFont(6, 'KozMinPro-Regular', 'UniJIS-UCS2-H', 'Japan1');
    assert.equal(await reasonOf(readSource(pdfOf([ucs2Text('F1', 72, 720, '日本語')], kozMin, kozMinObjects), '報告.pdf')), 'unsupported');
  });
});

test(`a PDF of more than ${LIMITS.pdfPages} pages is read up to there, with a 'truncated' note`, async () => {
  const result = await readPdf(pdfOf(Array.from({ length: LIMITS.pdfPages + 1 }, (_, i) => `BT /F1 12 Tf 72 720 Td (Page ${i + 1}) Tj ET`)));
  assert.equal(result.blocks.length, LIMITS.pdfPages);
  assert.deepEqual(result.blocks.at(-1), { kind: 'paragraph', text: `Page ${LIMITS.pdfPages}`, source: { kind: 'pdf', page: LIMITS.pdfPages, y: 112 } });
  assert.deepEqual(result.notes, [
    {
      code: 'truncated',
      message: {
        'zh-cn': `PDF 共 ${LIMITS.pdfPages + 1} 页，只读取了前 ${LIMITS.pdfPages} 页`,
        en: `the PDF has ${LIMITS.pdfPages + 1} pages; only the first ${LIMITS.pdfPages} were read`,
      },
    },
  ]);
});

test('bundled by esbuild into one CommonJS file for Node, the readers read a PDF, print nothing, and find the CMaps beside the bundle', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-pdf-'));
  try {
    await build({
      entryPoints: [join(__dirname, '..', '..', 'server', 'src', 'readers', 'index.ts')],
      outfile: join(dir, 'readers.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
    });
    // As scripts/build.mjs ships them: dist/cmaps/ beside dist/readers.js.
    const pdfjsCMaps = join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps');
    mkdirSync(join(dir, 'cmaps'));
    for (const name of shippedCMaps) copyFileSync(join(pdfjsCMaps, `${name}.bcmap`), join(dir, 'cmaps', `${name}.bcmap`));
    writeFileSync(join(dir, 'gb-report.pdf'), GB_REPORT);
    writeFileSync(
      join(dir, 'read.js'),
      `const { readSource } = require('./readers.js');
      const read = (file) => readSource(new Uint8Array(require('fs').readFileSync(file)), file).then(
        (r) => ({ tables: r.blocks.filter((b) => b.kind === 'table').length, title: r.blocks[0].text, notes: r.notes.length }),
        (e) => e.reason,
      );
      Promise.all(process.argv.slice(2).map(read)).then((results) => process.stdout.write(JSON.stringify(results)));`,
    );
    const run = () => {
      const files = [join(fixturesDir, 'published', '淮安市洪泽区人民政府_2024.pdf'), join(dir, 'gb-report.pdf')];
      const { stdout, stderr, status } = spawnSync(process.execPath, [join(dir, 'read.js'), ...files], { encoding: 'utf8' });
      return { results: stdout === '' ? undefined : JSON.parse(stdout), stderr, status };
    };
    const published = { tables: 3, title: '淮安市洪泽区人民政府', notes: 0 };
    assert.deepEqual(run(), { results: [published, { tables: 1, title: '某某县人民政府2023年政府信息公开工作年度报告', notes: 0 }], stderr: '', status: 0 });
    rmSync(join(dir, 'cmaps'), { recursive: true });
    assert.deepEqual(run(), { results: [published, 'unsupported'], stderr: '', status: 0 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('layout steps on plain data', () => {
  const run = (text: string, x: number, y: number, size = 10): TextRun => ({ text, x, y, width: size * [...text].length, height: size, size });
  const page = (number: number, runs: TextRun[], rules: Rule[] = []): PageContent => ({ page: number, width: 300, height: 400, runs, rules });

  test('lines: runs on one baseline make a line, spaced-out characters close up, a copy printed over the original (fake bold) is dropped', () => {
    const lines = groupLines([run('总', 10, 50), run('计', 30, 51), run('行政许可', 10, 70), run('行政许可', 10.5, 70.3), run('550', 100, 69)]);
    assert.deepEqual(
      lines.map((l) => [l.text, l.chunks.map((c) => c.text)]),
      [
        ['总计', ['总计']],
        ['行政许可 550', ['行政许可', '550']],
      ],
    );
  });

  test('page numbers', () => {
    for (const text of ['-3-', '- 3 -', '— 7 —', '第 3 页', '第3页 共5页', '3/5', '12']) assert.ok(isPageNumber(text), text);
    for (const text of ['2023年', '三、', '-3-4-', '第三页']) assert.ok(!isPageNumber(text), text);
  });

  test('paragraphs: wrapped lines join, across a page break too; an indented line, a numbered item after a full stop and the line after a short one start anew; page numbers and running headers go', () => {
    // A body 200 points wide (x 40–240), lines 20 apart, a running header and a page number on each page.
    const line = (text: string, y: number, { indent = 0, width = 200 - indent }: { indent?: number; width?: number } = {}) => ({
      ...run(text, 40 + indent, y),
      width,
    });
    const furniture = (n: number) => [run('某某县人民政府', 100, 10), run(`- ${n} -`, 140, 380)];
    const blocks = layoutPages([
      page(1, [
        ...furniture(1),
        line('一、总体情况', 60, { indent: 20, width: 60 }),
        line('第一段第一行', 80, { indent: 20 }),
        line('第一段第二行。', 100),
        line('1.第二段', 120),
        line('第二段第二行', 140),
      ]),
      page(2, [...furniture(2), line('接着写完。', 60, { width: 50 }), line('第三段', 80)]),
    ]);
    assert.deepEqual(
      blocks.map((b) => b.kind === 'paragraph' && [b.text, b.source]),
      [
        ['一、总体情况', { kind: 'pdf', page: 1, y: 60 }],
        ['第一段第一行第一段第二行。', { kind: 'pdf', page: 1, y: 80 }],
        ['1.第二段第二段第二行接着写完。', { kind: 'pdf', page: 1, y: 120 }],
        ['第三段', { kind: 'pdf', page: 2, y: 80 }],
      ],
    );
  });

  test('ruled tables: a cell spanning two columns stands in its first place, the other blank; a number wrapped in its cell joins up', () => {
    // Columns at x 0, 100, 150, 200; rows at y 0, 20, 40. Row 0 has no line between columns 1 and 2.
    const h = (y: number): Rule => ({ x0: 0, x1: 200, y0: y, y1: y });
    const v = (x: number, y0 = 0, y1 = 40): Rule => ({ x0: x, x1: x, y0, y1 });
    const rules = [h(0), h(20), h(40), v(0), v(100), v(150, 20, 40), v(200)];
    const runs = [
      run('信息内容', 5, 5),
      run('本年处理决定数量', 105, 5, 5),
      run('行政许可', 5, 25),
      run('1361', 155, 21, 5),
      run('2', 155, 27, 5),
      run('标题', 5, -30),
    ];
    const { tables: found, rest } = findRuledTables(1, rules, runs);
    assert.deepEqual(rowTexts(toTable(found)), [
      ['信息内容', '本年处理决定数量', ''],
      ['行政许可', '', '13612'],
    ]);
    assert.deepEqual(
      rest.map((r) => r.text),
      ['标题'],
    );
  });

  test('ruled tables over a page break: a cell left open at the cut reads as one cell', () => {
    const grid = (y0: number, y1: number, closedTop: boolean, closedBottom: boolean): Rule[] => [
      ...(closedTop ? [{ x0: 0, x1: 200, y0, y1: y0 }] : []),
      ...(closedBottom ? [{ x0: 0, x1: 200, y0: y1, y1 }] : []),
      { x0: 0, x1: 200, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 },
      ...[0, 100, 200].map((x) => ({ x0: x, x1: x, y0, y1 })),
    ];
    const above = findRuledTables(1, grid(300, 340, true, false), [
      run('规章', 5, 302),
      run('0', 105, 302),
      run('行政规范性', 5, 322),
      run('0', 105, 322),
    ]).tables;
    const below = findRuledTables(2, grid(40, 80, false, true), [run('文件', 5, 42), run('行政许可', 5, 62), run('5', 105, 62)]).tables;
    assert.deepEqual(rowTexts(toTable([...above, ...below])), [
      ['规章', '0'],
      ['行政规范性文件', '0'],
      ['行政许可', '5'],
    ]);
  });

  test('text tables: the columns of the numbers; a label wrapped below its row joins it; prose around stays lines', () => {
    const line = (y: number, ...chunks: [string, number][]): Line => {
      const parts = chunks.map(([text, x]) => ({ text, x, width: 10 * [...text].length }));
      const x = parts[0].x;
      const last = parts[parts.length - 1];
      return { text: chunks.map((c) => c[0]).join(' '), x, y, width: last.x + last.width - x, height: 10, size: 10, chunks: parts };
    };
    const lines = [
      line(0, ['二、主动公开政府信息情况', 0]),
      line(20, ['信息内容', 0], ['本年制发件数', 100], ['现行有效件数', 200]),
      line(40, ['规章', 0], ['0', 150], ['1', 250]),
      line(60, ['行政规范性文件（含', 0], ['3', 150], ['12', 240]),
      line(72, ['部门文件）', 0]),
      line(100, ['三、收到和处理政府信息公开申请情况', 0]),
    ];
    const found = findTextTables(lines);
    assert.deepEqual(
      found.map((item) => ('rows' in item ? (item as TextTable).rows.map((r) => r.map((c) => c.text)) : item.text)),
      [
        '二、主动公开政府信息情况',
        [
          ['信息内容', '本年制发件数', '现行有效件数'],
          ['规章', '0', '1'],
          ['行政规范性文件（含部门文件）', '3', '12'],
        ],
        '三、收到和处理政府信息公开申请情况',
      ],
    );
  });

  test('drawn lines: strokes and thin filled boxes in a visible colour are rules, white ones and thick boxes are not; transforms apply; vertical text is read from its glyphs', async () => {
    const { OPS } = await loadPdfJs();
    const path = (...points: number[][]) => new Float32Array(points.flatMap(([op, ...xy]) => [op, ...xy]));
    const [M, L, Z] = [0, 1, 4];
    const fnArray = [
      OPS.constructPath, // a stroked line from (10, 10) to (110, 10)
      OPS.save,
      OPS.transform,
      OPS.constructPath, // a thin filled box, moved 100 up: a vertical line at x 50.5
      OPS.restore,
      OPS.constructPath, // a filled box too wide to be a line
      OPS.setFillRGBColor,
      OPS.constructPath, // a thin box, in white
      OPS.setFont,
      OPS.setTextMatrix,
      OPS.showText,
      OPS.showText,
    ];
    const argsArray = [
      [OPS.stroke, [path([M, 10, 10], [L, 110, 10])], null],
      null,
      [1, 0, 0, 1, 0, 100],
      [OPS.fill, [path([M, 50, 0], [L, 51, 0], [L, 51, 60], [L, 50, 60], [Z])], null],
      null,
      [OPS.fill, [path([M, 0, 0], [L, 40, 0], [L, 40, 60], [L, 0, 60], [Z])], null],
      ['#ffffff'],
      [OPS.fill, [path([M, 0, 0], [L, 1, 0], [L, 1, 60], [L, 0, 60], [Z])], null],
      ['vertical', 10],
      [[1, 0, 0, 1, 200, 300]],
      [[{ unicode: '三' }, { unicode: '、' }]],
      [[{ unicode: '本' }, { unicode: '年' }]],
    ];
    // The page seen from its top-left corner: PDF's y flipped on a page 400 high.
    const { rules, verticalRuns } = readOperators(fnArray, argsArray, OPS, [1, 0, 0, -1, 0, 400], (name) => name === 'vertical', 100);
    assert.deepEqual(rules, [
      { x0: 10, x1: 110, y0: 390, y1: 390 },
      { x0: 50.5, x1: 50.5, y0: 240, y1: 300 },
    ]);
    assert.deepEqual(verticalRuns, [{ text: '三、本年', x: 195, y: 100, width: 10, height: 40, size: 10 }]);
  });
});
