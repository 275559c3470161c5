import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../server/src/readers/docx';
import { formatNumber } from '../../server/src/readers/docx-numbering';
import { ReadError, type Block, type ReadResult, type Table } from '../../server/src/readers/model';
import { renderReport } from '../../server/src/readers/render';
import { analyze } from '../../server/src/rules';
import { findingsOn } from '../support/findings';
import { readError } from '../support/read-error';
import { compoundFile } from '../support/compound-file';
import { fixturesDir, readFixture } from '../support/fixtures';

const fixture = (...path: string[]) => new Uint8Array(readFileSync(join(fixturesDir, ...path)));
const TEMPLATE = fixture('published', '政务公开年报模版_2021格式.docx');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A .docx of the given body XML (and numbering and styles parts), zipped as Word does. */
function docx(body: string, parts: { numbering?: string; styles?: string } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" ` +
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" ' +
        `xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>${body}</w:body></w:document>`,
    ),
  };
  if (parts.numbering) files['word/numbering.xml'] = strToU8(`<w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`);
  if (parts.styles) files['word/styles.xml'] = strToU8(`<w:styles xmlns:w="${W}">${parts.styles}</w:styles>`);
  return zipSync(files);
}

const p = (runs: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const texts = (result: ReadResult) => result.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '[table]'));
const tables = (result: ReadResult) => result.blocks.filter((b): b is Table => b.kind === 'table');
const cells = (table: Table) => table.rows.map((row) => row.cells.map((c) => c.text));

/** What a user sees of each finding: the rule, its message, and the converted line it points at. */

test('the WPS template: six parts in order, each paragraph with its index in the body', () => {
  const result = readDocx(TEMPLATE);
  assert.equal(result.kind, 'docx');
  assert.deepEqual(result.notes, []);
  const paragraphs = result.blocks.flatMap((b) => (b.kind === 'paragraph' ? [[b.source, b.text]] : []));
  assert.deepEqual(paragraphs, [
    [{ kind: 'docx', paragraph: 2 }, '政府信息公开工作年度报告格式模板'],
    [{ kind: 'docx', paragraph: 4 }, '一、总体情况'],
    [{ kind: 'docx', paragraph: 5 }, '（文字描述）'],
    [{ kind: 'docx', paragraph: 7 }, '二、主动公开政府信息情况'],
    [{ kind: 'docx', paragraph: 49 }, '三、收到和处理政府信息公开申请情况'],
    [{ kind: 'docx', paragraph: 311 }, '四、政府信息公开行政复议、行政诉讼情况'],
    [{ kind: 'docx', paragraph: 355 }, '五、存在的主要问题及改进情况'],
    [{ kind: 'docx', paragraph: 356 }, '（文字描述）'],
    [{ kind: 'docx', paragraph: 357 }, '六、其他需要报告的事项'],
    [{ kind: 'docx', paragraph: 358 }, '（文字描述，收取信息处理费情况在此处报告。）'],
  ]);
  assert.deepEqual(texts(result).filter((t) => t === '[table]').length, 3);
});

test('the WPS template: gridSpan and vMerge resolved into grids of equal rows, merged text in the top-left place', () => {
  const [article20, applications, review] = tables(readDocx(TEMPLATE));
  assert.deepEqual(article20.source, { kind: 'docx', paragraph: 10, table: 1 });
  assert.deepEqual(cells(article20).slice(4, 7), [
    ['第二十条第（五）项', '', '', ''],
    ['信息内容', '本年处理决定数量', '', ''],
    ['行政许可', '', '', ''],
  ]);
  const grid = cells(applications);
  assert.ok(grid.every((row) => row.length === 10));
  assert.deepEqual(grid.slice(0, 3), [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', ''],
    ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
  ]);
  assert.deepEqual(grid[7], ['', '（三）不予公开', '1.属于国家秘密', '', '', '', '', '', '', '']);
  assert.deepEqual(grid[8], ['', '', '2.其他法律行政法规禁止公开', '', '', '', '', '', '', '']);
  assert.deepEqual(applications.rows[7].source, { kind: 'docx', paragraph: 102, table: 2, row: 8 });
  assert.deepEqual(cells(review).slice(1), [
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
    ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
    new Array(15).fill(''),
  ]);
  // Every value cell of the blank template is '' — WPS filled some with ideographic spaces, which cleanText drops.
  const blank = (table: Table, rows: number[], columns: number[]) =>
    rows.flatMap((row) => columns.map((column) => table.rows[row].cells[column].text)).every((text) => text === '');
  assert.ok(blank(article20, [2, 3], [1, 2, 3]) && blank(article20, [6, 9, 10, 13], [1]));
  assert.ok(blank(applications, range(3, 28), range(3, 10)));
  assert.ok(blank(review, [3], range(0, 15)));
});

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

test('the WPS template reads as a blank 2021-format report: its three table groups bound, every table reported blank', () => {
  const { text } = renderReport(readDocx(TEMPLATE), 'md');
  const { bound } = analyze(text, { locale: 'zh-cn' });
  assert.equal(bound.era.format.id, '2021');
  assert.deepEqual(
    bound.tables.map((t) => t.definition.id),
    ['article20-1', 'article20-5', 'article20-6', 'article20-8', 'applications', 'review-litigation'],
  );
  const blankTable = (name: string, line: string) => ({ code: 'table.empty-cell', line, message: `「${name}」表整表未填数字（无则填 0）。` });
  assert.deepEqual(findingsOn(text), [
    {
      code: 'report.title',
      line: '政府信息公开工作年度报告格式模板',
      message: '标题中没有年度：标题应写明机关和年度，如「某某县人民政府2021年政府信息公开工作年度报告」。',
    },
    blankTable('第二十条第（一）项', '规章'),
    { code: 'table.empty-cell', line: '行政许可', message: '「行政许可」未填数字（无则填 0）。' },
    blankTable('第二十条第（六）项', '行政处罚'),
    { code: 'table.empty-cell', line: '行政事业性收费', message: '「行政事业性收费」未填数字（无则填 0）。' },
    blankTable('收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量'),
    blankTable('政府信息公开行政复议、行政诉讼情况', ''),
  ]);
});

for (const name of ['淮安市洪泽区人民政府_2023', '平潭综合实验区_2020']) {
  test(`${name}.docx (LibreOffice, merged cells) gives the findings of its text twin`, () => {
    const twin = readFixture('corpus', `${name}.txt`);
    const expected = JSON.parse(readFixture('corpus', `${name}.expected.json`)) as { code: string; expected?: number }[];
    const { text } = renderReport(readDocx(fixture('readers', `${name}.docx`)), 'txt');
    const findings = analyze(text, { locale: 'zh-cn' }).findings;
    assert.deepEqual(
      findings.map((f) => ({ code: f.code, ...(f.data.expected !== undefined ? { expected: f.data.expected } : {}) })),
      expected.map((f) => ({ code: f.code, ...(f.expected !== undefined ? { expected: f.expected } : {}) })),
    );
    assert.deepEqual(findingsOn(text), findingsOn(twin));
  });
}

test('淮安市洪泽区人民政府_2023.docx: the exact cells of table 三 and 四 rows, merged label cells blank below their first row', () => {
  const result = readDocx(fixture('readers', '淮安市洪泽区人民政府_2023.docx'));
  const applications = tables(result).find((t) => t.rows[0].cells[0].text.startsWith('（本列数据'))!;
  const grid = cells(applications);
  assert.deepEqual(grid[7], ['', '（三）不予公开', '1.属于国家秘密', '1', '0', '0', '0', '0', '0', '1']);
  assert.deepEqual(grid[8], ['', '', '2.其他法律行政止公开', '0', '0', '0', '0', '0', '0', '0']);
  assert.deepEqual(grid[15], ['', '（四）无法提供', '1.本机关不掌握相关政府信息', '10', '0', '0', '0', '0', '0', '10']);
  const review = tables(result).at(-1)!;
  assert.deepEqual(cells(review).at(-1), ['10', '1', '0', '0', '0', '0', '0', '0', '0', '0', '5', '0', '0', '0', '0']);
  assert.equal(review.rows.at(-1)!.source.kind, 'docx');
  assert.ok(review.rows.every((row) => row.cells.length === 15));
});

const NUMBERING = `
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading2"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>`;

const STYLES = `
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="PartHeading"><w:basedOn w:val="Heading1"/></w:style>`;

const heading = (level: 1 | 2, text: string) => p(r(text), `<w:pStyle w:val="Heading${level}"/>`);
const listItem = (numId: number, level: number, text: string) => p(r(text), `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`);

test('automatic numbering rendered: part headings numbered by their style read 一、总体情况, counters restart below a higher level', () => {
  const body = [
    p(r('某县人民政府2023年政府信息公开工作年度报告')),
    heading(1, '总体情况'),
    heading(2, '主动公开情况'),
    heading(2, '依申请公开情况'),
    listItem(1, 2, '细项'),
    heading(1, '主动公开政府信息情况'),
    heading(2, '规章'),
    p(r('三是继续加强培训。'), '<w:pStyle w:val="PartHeading"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
    p(r('收到和处理政府信息公开申请情况'), '<w:pStyle w:val="PartHeading"/>'),
    listItem(2, 0, '第一项'),
    listItem(2, 0, '第二项'),
    listItem(2, 1, '要点'),
    listItem(3, 0, '重新开始'),
    listItem(4, 0, '丙项'),
    listItem(4, 1, '细目'),
  ].join('');
  assert.deepEqual(texts(readDocx(docx(body, { numbering: NUMBERING, styles: STYLES }))), [
    '某县人民政府2023年政府信息公开工作年度报告',
    '一、总体情况',
    '（一）主动公开情况',
    '（二）依申请公开情况',
    '1. 细项',
    '二、主动公开政府信息情况',
    '（一）规章',
    '三是继续加强培训。',
    '三、收到和处理政府信息公开申请情况',
    '① 第一项',
    '② 第二项',
    '要点',
    '① 重新开始',
    '丙. 丙项',
    '3.1 细目',
  ]);
});

test('automatic numbering: the outline of a report whose part headings are numbered by Word has the six parts', () => {
  const parts = [
    '总体情况',
    '主动公开政府信息情况',
    '收到和处理政府信息公开申请情况',
    '政府信息公开行政复议、行政诉讼情况',
    '存在的主要问题及改进情况',
    '其他需要报告的事项',
  ];
  const body = [p(r('某县人民政府2023年政府信息公开工作年度报告')), ...parts.flatMap((part) => [heading(1, part), p(r('正文。'))])].join('');
  const { text } = renderReport(readDocx(docx(body, { numbering: NUMBERING, styles: STYLES })), 'md');
  const { bound } = analyze(text, { locale: 'zh-cn' });
  assert.deepEqual(
    bound.parts.map((part) => part.section.name),
    [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ],
  );
});

test('number formats as Word shows them', () => {
  const shown = (format: string, values: number[]) => values.map((v) => formatNumber(v, format));
  assert.deepEqual(shown('chineseCounting', [1, 9, 10, 11, 20, 21, 99, 100, 101, 110, 1010]), [
    '一',
    '九',
    '十',
    '十一',
    '二十',
    '二十一',
    '九十九',
    '一百',
    '一百零一',
    '一百一十',
    '一千零一十',
  ]);
  assert.deepEqual(shown('chineseCountingThousand', [3, 12]), ['三', '十二']);
  assert.deepEqual(shown('japaneseCounting', [4]), ['四']);
  assert.deepEqual(shown('chineseLegalSimplified', [3, 10, 12]), ['叁', '壹拾', '壹拾贰']);
  assert.deepEqual(shown('ideographTraditional', [1, 4, 10, 11]), ['甲', '丁', '癸', '11']);
  assert.deepEqual(shown('decimalFullWidth', [1, 12]), ['１', '１２']);
  assert.deepEqual(shown('decimalEnclosedCircle', [1, 20, 21, 51]), ['①', '⑳', '㉑', '51']);
  assert.deepEqual(shown('decimalEnclosedParen', [3]), ['⑶']);
  assert.deepEqual(shown('upperLetter', [1, 26, 27]), ['A', 'Z', 'AA']);
  assert.deepEqual(shown('lowerRoman', [4, 9, 14]), ['iv', 'ix', 'xiv']);
  assert.deepEqual(shown('decimalZero', [7, 12]), ['07', '12']);
  assert.deepEqual(shown('ideographDigital', [10]), ['一〇']);
  assert.deepEqual(shown('someFutureFormat', [5]), ['5']);
});

test('runs: insertions kept, deletions dropped, tabs, line breaks joined and page breaks splitting, symbols, hyperlinks, fields’ results, content controls, smart tags, text boxes', () => {
  const body = [
    p(
      `${r('一、总体')}<w:ins w:id="1" w:author="a"><w:r><w:t>情况</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>（删去）</w:delText></w:r></w:del>`,
    ),
    p(`${r('2023')}<w:r><w:tab/></w:r>${r('年')}<w:r><w:br/></w:r>${r('下一行')}<w:r><w:br w:type="page"/></w:r>${r('二、新页')}`),
    p(`<w:hyperlink r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${r('政府网站')}</w:hyperlink>${r('公开')}`),
    p(
      `${r('共')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> = 1 + 2 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
        `${r('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${r('件')}`,
    ),
    p(`<w:fldSimple w:instr=" PAGE ">${r('5')}</w:fldSimple>`),
    `<w:sdt><w:sdtContent>${p(`<w:sdt><w:sdtContent>${r('内容控件')}</w:sdtContent></w:sdt><w:smartTag w:element="place">${r('洪泽区')}</w:smartTag>`)}</w:sdtContent></w:sdt>`,
    p(`${r('勾选')}<w:r><w:sym w:font="SimSun" w:char="221A"/></w:r><w:r><w:noBreakHyphen/></w:r>${r('完')}`),
    p(
      `${r('见框')}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${p(r('框内文字'))}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
        `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${p(r('框内文字'))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
    ),
    p(''),
    p(r('末段')),
  ].join('');
  const result = readDocx(docx(body));
  assert.deepEqual(texts(result), [
    '一、总体情况',
    '2023 年下一行',
    '二、新页',
    '政府网站公开',
    '共3件',
    '5',
    '内容控件洪泽区',
    '勾选√-完',
    '见框',
    '框内文字',
    '末段',
  ]);
  assert.deepEqual(
    result.blocks.map((b) => b.source),
    [1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 11].map((paragraph) => ({ kind: 'docx', paragraph })),
  );
  assert.deepEqual(result.notes, []);
});

test('embedded objects and altChunks are not read, and a note says so', () => {
  const body = p(`${r('见下表')}<w:r><w:object><v:shape/></w:object></w:r>`) + '<w:altChunk r:id="rId9" xmlns:r="x"/>';
  const result = readDocx(docx(body));
  assert.deepEqual(texts(result), ['见下表']);
  assert.deepEqual(
    result.notes.map((n) => [n.code, n.message['zh-cn']]),
    [
      ['skipped-content', '文档中嵌入的对象（如 Excel 表格）未读取，其中的内容没有检查'],
      ['skipped-content', '文档中以 altChunk 方式嵌入的其他文档未读取，其中的内容没有检查'],
    ],
  );
});

const tc = (content: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${content}</w:tc>`;
const tr = (cellsXml: string, trPr = '') => `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cellsXml}</w:tr>`;
const tbl = (grid: number, rows: string) => `<w:tbl><w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(grid)}</w:tblGrid>${rows}</w:tbl>`;

test('tables: gridSpan, vMerge restart/continue, gridBefore/gridAfter, a cell’s paragraphs joined, a nested table flattened, a one-cell frame unwrapped', () => {
  const body = [
    p(r('表前')),
    tbl(
      4,
      tr(tc(p(r('行政复议'))) + tc(p(r('行政诉讼')), '<w:gridSpan w:val="3"/>')) +
        tr(tc(p(r('结果')) + p(r('维持')), '<w:vMerge w:val="restart"/>') + tc(p(r('1361'))) + tc(p(r('2'))) + tc(p(r('x')))) +
        tr(tc(p(r('（续）')), '<w:vMerge/>') + tc(p(r('5')), '<w:gridSpan w:val="2"/>') + tc(p(r('6')))) +
        tr(tc(p(r('7'))) + tc(p(r('8'))), '<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>') +
        tr(tc(p(r('外')) + tbl(2, tr(tc(p(r('内一'))) + tc(p(r('内二')))))) + tc(p(r('9'))) + tc(p(r('10'))) + tc(p(r('11')))),
    ),
    tbl(1, tr(tc(p(r('框中的段落')) + p(r('第二段'))))),
  ].join('');
  const result = readDocx(docx(body));
  assert.deepEqual(texts(result), ['表前', '[table]', '框中的段落', '第二段']);
  const [table] = tables(result);
  assert.deepEqual(cells(table), [
    ['行政复议', '行政诉讼', '', ''],
    // Text left in a cell that continues a vertical merge joins the merged cell's rather than being lost.
    ['结果维持（续）', '1361', '2', 'x'],
    ['', '5', '', '6'],
    ['', '7', '8', ''],
    ['外内一内二', '9', '10', '11'],
  ]);
  assert.deepEqual(table.source, { kind: 'docx', paragraph: 2, table: 1 });
  assert.deepEqual(
    table.rows.map((row) => row.source),
    [2, 4, 9, 12, 14].map((paragraph, i) => ({ kind: 'docx', paragraph, table: 1, row: i + 1 })),
  );
  assert.deepEqual(result.blocks[2].source, { kind: 'docx', paragraph: 20 });
});

test('a table row deleted with tracked changes is left out', () => {
  const body = tbl(
    2,
    tr(tc(p(r('a'))) + tc(p(r('1')))) + tr(tc(p(r('b'))) + tc(p(r('2'))), '<w:del w:id="1" w:author="x"/>') + tr(tc(p(r('c'))) + tc(p(r('3')))),
  );
  assert.deepEqual(cells(tables(readDocx(docx(body)))[0]), [
    ['a', '1'],
    ['c', '3'],
  ]);
});

test('a hostile gridSpan does not build a huge grid: the table is given as paragraphs with a note', () => {
  const body = tbl(2, tr(tc(p(r('行政许可'))) + tc(p(r('550')), '<w:gridSpan w:val="99999999"/>')) + tr(tc(p(r('a'))) + tc(p(r('1')))));
  const result = readDocx(docx(body));
  assert.deepEqual(texts(result), ['行政许可', '550', 'a', '1']);
  assert.deepEqual(
    result.notes.map((n) => n.code),
    ['tables-as-text'],
  );
});

test('a zip bomb stops at the bound on real inflated bytes, however small its headers say it is', () => {
  const big = docx(p(r('x'.repeat(1_500_000))));
  assert.equal(readError(() => readDocx(big, { inflatedBytes: 500_000 })).reason, 'too-large');
  // The same archive with every size field in its headers claiming 100 bytes.
  const lying = big.slice();
  const view = new DataView(lying.buffer);
  for (let at = 0; at + 4 <= lying.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, 100, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, 100, true);
  }
  assert.equal(readError(() => readDocx(lying, { inflatedBytes: 500_000 })).reason, 'too-large');
  assert.equal(texts(readDocx(lying, { inflatedBytes: 2_000_000 }))[0].length, 1_500_000);
});

test('a document.xml of more elements than a DOM can hold in bounded memory is refused as too large before it is parsed', () => {
  const error = readError(() => readDocx(docx('<w:p/>'.repeat(500_001))));
  assert.equal(error.reason, 'too-large');
  assert.equal(error.messages['zh-cn'], '文档的 XML 元素超过 500000 个，未读取（可能是恶意构造的文件）');
});

test('broken or foreign files: one clear ReadError each', () => {
  const reason = (bytes: Uint8Array) => readError(() => readDocx(bytes)).reason;
  assert.equal(reason(new Uint8Array([1, 2, 3, 4, 5])), 'corrupt');
  assert.equal(reason(TEMPLATE.subarray(0, TEMPLATE.length >> 1)), 'corrupt');
  assert.equal(reason(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })), 'corrupt');
  assert.match(readError(() => readDocx(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))).messages['zh-cn'], /word\/document\.xml/);
  assert.equal(reason(zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="x"><w:body>') })), 'corrupt');
  assert.equal(reason(zipSync({ 'word/document.xml': strToU8('<!DOCTYPE d [<!ENTITY a "aaaa">]><w:document/>') })), 'corrupt');
  assert.equal(reason(compoundFile({ EncryptionInfo: new Uint8Array(8), EncryptedPackage: new Uint8Array(64) })), 'encrypted');
  assert.equal(reason(compoundFile({ WordDocument: new Uint8Array(64) })), 'corrupt');
});

test('damaged .docx files fail with a ReadError or read, never anything else', () => {
  const small = docx(tbl(2, tr(tc(p(r('规章'))) + tc(p(r('0'))))) + p(r('正文')), { numbering: NUMBERING, styles: STYLES });
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(small.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
      const bytes = small.slice();
      for (const [at, value] of edits) bytes[at] = value;
      try {
        const result = readDocx(bytes);
        assert.ok(result.blocks.every((b: Block) => b.kind === 'paragraph' || b.rows.every((row) => row.cells.length === b.rows[0].cells.length)));
      } catch (error) {
        assert.ok(error instanceof ReadError, String(error));
      }
    }),
    { numRuns: 300 },
  );
});
