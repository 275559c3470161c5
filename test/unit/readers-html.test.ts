import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decodeHtml, readHtml } from '../../server/src/readers/html';
import { LIMITS, ReadError, type ReadResult, type Table } from '../../server/src/readers/model';
import { renderReport } from '../../server/src/readers/render';
import { analyze } from '../../server/src/rules';
import { lineCells } from '../support/findings';
import { readError } from '../support/read-error';
import { fixturesDir, readFixture } from '../support/fixtures';

const publishedPage = (name: string) => new Uint8Array(readFileSync(join(fixturesDir, 'published', `${name}.html`)));
const utf8 = (html: string) => new TextEncoder().encode(html);
const markdown = (result: ReadResult) => renderReport(result, 'md').text;
const texts = (result: ReadResult) => result.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '[table]'));
const tables = (result: ReadResult) => result.blocks.filter((b): b is Table => b.kind === 'table');
const cells = (table: Table) => table.rows.map((row) => row.cells.map((c) => c.text));

/** What a user sees of each finding: the rule, its message, the cells of the converted line it points at, and the text it underlines. */
function findings(text: string) {
  const lines = text.split('\n');
  return analyze(text, { locale: 'zh-cn' }).findings.map((f) => ({
    code: f.code,
    message: f.message,
    line: lineCells(lines[f.range.start.line]),
    at: f.range.start.line === f.range.end.line ? lines[f.range.start.line].slice(f.range.start.character, f.range.end.character).trim() : undefined,
  }));
}

/** The smallest report the reader takes for one: a title, a paragraph of some length, two part titles. */
const INTRO = '本机关认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。'.repeat(6);
const REPORT = `<p>某某县人民政府2023年政府信息公开工作年度报告</p><p>${INTRO}</p><p>一、总体情况</p><p>二、主动公开政府信息情况</p>`;
const REPORT_TEXTS = ['某某县人民政府2023年政府信息公开工作年度报告', INTRO, '一、总体情况', '二、主动公开政府信息情况'];

// ---------------------------------------------------------------------------------------------
// The real pages

/** Navigation, breadcrumbs, share buttons, the source line and the footer of the pages: none is report text. */
const FURNITURE = [
  '当前位置',
  '网站支持IPV6',
  '长者模式',
  'QQ空间',
  '来源：',
  '相关链接',
  '文件下载',
  '主办单位',
  '网站标识码',
  '公安备案号',
  '索引号',
  '发布机构',
  '公开日期',
  '采集时间',
];

for (const name of ['平潭综合实验区_2016', '平潭综合实验区_2020', '平潭综合实验区_2023']) {
  test(`${name}.html: the same findings as its text twin (rule, message, line, underlined text)`, () => {
    assert.deepEqual(findings(markdown(readHtml(publishedPage(name)))), findings(readFixture('corpus', `${name}.txt`)));
  });
}

/** The printed 勾稽关系 holds with the total as written: the fix is offered, not preferred. */
const balanceNote = (column: string, written: number, sum: number) =>
  `但改为 ${sum} 后，「${column}」列勾稽关系（一 + 二 = ${written}，三 + 四 = ${sum}）将不成立，而现有的 ${written} 与之相符，有误的可能是分项。请核对；「全部修正」不改此处。`;

test('平潭综合实验区_2020.html: （七）总计 20 where the outcomes add to 26, and 21 where they add to 27', () => {
  const result = readHtml(publishedPage('平潭综合实验区_2020'));
  const text = markdown(result);
  assert.equal(analyze(text).bound.era.format.id, '2019');
  const line = '（七）总计\t20\t0\t0\t0\t0\t1\t21';
  const sum =
    '（一）予以公开 6 + （二）部分公开 6 + （四）1.本机关不掌握相关政府信息 4 + （四）3.补正后申请内容仍不明确 3 + （五）2.重复申请 3 + （六）其他处理 4，其余 13 项为 0';
  assert.deepEqual(findings(text), [
    {
      code: 'table.sum-mismatch',
      message: `「（七）总计」的「自然人」应为 26，实为 20（${sum}）。${balanceNote('自然人', 20, 26)}`,
      line,
      at: '20',
    },
    {
      code: 'table.sum-mismatch',
      message: `「（七）总计」的「总计」应为 27，实为 21（${sum.replace('予以公开 6', '予以公开 7')}）。${balanceNote('总计', 21, 27)}`,
      line,
      at: '21',
    },
  ]);
  // The row as the page lays it out: 三、本年度办理结果 spans the first column, （七）总计 its two label columns.
  const applications = tables(result)[1];
  assert.deepEqual(applications.rows[24], {
    cells: ['', '（七）总计', '', '20', '0', '0', '0', '0', '1', '21'].map((text) => ({ text })),
    source: { kind: 'html', element: 'div.TRS_Editor > table[2] > tr[25]', table: 2, row: 25 },
  });
  assert.deepEqual(cells(applications).slice(0, 3), [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', ''],
    ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
  ]);
  assert.deepEqual(cells(tables(result)[0])[17], ['政府集中采购', '395', '73802895.90元', '']);
});

test('平潭综合实验区_2016.html: the 2008-era report and its 统计表, with the part-六 hint and the indicators the 2008 统计表 lacks', () => {
  const result = readHtml(publishedPage('平潭综合实验区_2016'));
  const text = markdown(result);
  assert.equal(analyze(text).bound.era.format.id, '2008');
  assert.deepEqual(findings(text), [
    { code: 'part.missing', message: '缺少第六部分「六、其他需要报告的事项」。', line: '六、主要问题和改进措施', at: '六、主要问题和改进措施' },
    {
      code: 'table.unread',
      message:
        '「政府信息公开情况统计表」表的数字未能全部读取，相关合计未核对：4 项指标不在 2008 年版统计表中：「网上申请数」、「其他类型答复数」、「政府信息公开收费减免金额」等 4 项。',
      line: '指标名称\t计量单位\t2016年度\t历年累计',
      at: '指标名称',
    },
  ]);
  // The page's title is set in two centred paragraphs, as the engine reads split titles.
  assert.deepEqual(result.blocks.slice(0, 2), [
    { kind: 'paragraph', text: '平潭综合实验区', source: { kind: 'html', element: 'div.TRS_Editor > p[1]' } },
    { kind: 'paragraph', text: '2016年度政府信息公开工作年度报告', source: { kind: 'html', element: 'div.TRS_Editor > p[2]' } },
  ]);
  // An editor escaped Word's <!--[if !supportLists]--> into the text of this heading: left out.
  assert.ok(texts(result).includes('7、公共监管信息公开情况'));
  const [statistics] = tables(result);
  assert.equal(statistics.rows.length, 17);
  assert.deepEqual(cells(statistics).slice(0, 2), [
    ['指标名称', '计量单位', '2016年度', '历年累计'],
    ['主动公开文件数', '条', '3460', '85376'],
  ]);
});

test('平潭综合实验区_2023.html: prose 393 valid normative documents vs the table 470; the title taken from above the article', () => {
  const result = readHtml(publishedPage('平潭综合实验区_2023'));
  const text = markdown(result);
  const [finding] = findings(text);
  assert.deepEqual(
    findings(text).map(({ code, message, at }) => ({ code, message, at })),
    [
      {
        code: 'report.prose-vs-table',
        message: '正文「现行有效行政规范性文件393件」与表格不符：「第二十条第（一）项」中「行政规范性文件」的「现行有效件数」为 470。',
        at: '393',
      },
    ],
  );
  assert.ok(finding.line.includes('清理并集中发布现行有效行政规范性文件393件'));
  // The article body starts with 本报告根据…; the page's title stands in the article's heading above it.
  assert.deepEqual(result.blocks.slice(0, 2), [
    { kind: 'paragraph', text: '平潭综合实验区2023年度政府信息公开工作年度报告', source: { kind: 'html', element: 'div.article_title' } },
    {
      kind: 'paragraph',
      text: readFixture('corpus', '平潭综合实验区_2023.txt').split('\n')[2],
      source: { kind: 'html', element: 'div.TRS_Editor > p[1]' },
    },
  ]);
});

test('平潭综合实验区_2024.html: a 2021-format report whose tables add up gives no finding', () => {
  const result = readHtml(publishedPage('平潭综合实验区_2024'));
  const text = markdown(result);
  assert.equal(analyze(text).bound.era.format.id, '2021');
  assert.deepEqual(findings(text), []);
  const [article20, applications, review] = tables(result);
  assert.deepEqual(cells(article20)[3], ['行政规范性文件', '62', '33', '440']);
  assert.deepEqual(cells(applications)[26], ['', '（七）总计', '', '217', '1', '0', '0', '0', '0', '218']);
  assert.deepEqual(cells(review), [
    ['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''],
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
    ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
    ['2', '1', '3', '1', '7', '0', '0', '0', '0', '0', '13', '2', '4', '0', '19'],
  ]);
});

test('沭阳县发展和改革局_2023.html: the five 法人或其他组织 columns blank on every row, part 五 titled …及整改措施', () => {
  const result = readHtml(publishedPage('沭阳县发展和改革局_2023'));
  const text = markdown(result);
  assert.equal(analyze(text).bound.era.format.id, '2021');
  const all = findings(text);
  assert.deepEqual(
    all.map(({ code, message }) => ({ code, message })),
    [
      // 规范性文件 is the 2019 label of the 2021 row 行政规范性文件.
      { code: 'table.label', message: '法定行标签为「行政规范性文件」。' },
      {
        code: 'table.empty-cell',
        message: '「收到和处理政府信息公开申请情况」表中「商业企业」「科研机构」「社会公益组织」「法律服务机构」「其他」列空白（无则填 0）。',
      },
      { code: 'part.title', message: '法定标题为「五、存在的主要问题及改进情况」。' },
    ],
  );
  assert.equal(all[0].line, '规范性文件\t8\t0\t18');
  assert.equal(all[1].line, '一、本年新收政府信息公开申请数量\t26\t26');
  assert.equal(all[1].at?.replace(/[\s|]/g, ''), '', 'the finding underlines the five blank cells');
  assert.equal(all.at(-1)?.line, '五、存在的主要问题及整改措施');
  const [article20] = tables(result);
  assert.deepEqual(article20.rows[3], {
    cells: ['规范性文件', '8', '0', '18'].map((text) => ({ text })),
    source: { kind: 'html', element: 'div#zoomcon > ucapcontent > div[1] > table > tr[4]', table: 1, row: 4 },
  });
  // The crawler's header, the page's metadata table (名称/索引号/发布机构…) and its furniture are left out; the title comes from the <h1>.
  assert.deepEqual(result.blocks[0], {
    kind: 'paragraph',
    text: '沭阳县发展和改革局2023年政府信息公开年度报告',
    source: { kind: 'html', element: 'h1.article-title > ucaptitle' },
  });
  assert.deepEqual(texts(result).slice(-2), ['沭阳县发展和改革局', '2024年1月17日']);
});

for (const name of ['平潭综合实验区_2016', '平潭综合实验区_2020', '平潭综合实验区_2023', '平潭综合实验区_2024', '沭阳县发展和改革局_2023']) {
  test(`${name}.html: the report alone — no navigation, breadcrumbs, share buttons, metadata or footer; no notes`, () => {
    const result = readHtml(publishedPage(name));
    assert.equal(result.kind, 'html');
    assert.deepEqual(result.notes, []);
    const text = markdown(result);
    for (const word of FURNITURE) assert.ok(!text.includes(word), `${word} in the report text`);
    // The title first, on one line or (as the page sets it) two.
    const [first, second] = texts(result);
    assert.ok(/政府信息公开.*报告$/.test(first) || /政府信息公开.*报告$/.test(first + second), first);
  });
}

// ---------------------------------------------------------------------------------------------
// Encodings

test('a GBK page (re-encoded from a real one, <meta charset="gb2312">) reads the same as the UTF-8 original', () => {
  const original = readFixture('published', '平潭综合实验区_2020.html');
  const gbk = iconv.encode(original.replace('<meta charset="utf-8"', '<meta charset="gb2312"'), 'gbk');
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk), 'not valid UTF-8');
  assert.deepEqual(readHtml(gbk), readHtml(publishedPage('平潭综合实验区_2020')));
});

test('charsets: http-equiv, no declaration (GB18030 when not UTF-8), a stale declaration, byte-order marks', () => {
  const page = (head: string) => `<html><head>${head}</head><body>${REPORT}<p>“三公”经费 𠀀</p></body></html>`;
  const expected = `<html><head></head><body>${REPORT}<p>“三公”经费 𠀀</p></body></html>`;
  const withoutHead = (html: string) => html.replace(/<head>.*<\/head>/, '<head></head>');
  const httpEquiv = '<meta http-equiv="Content-Type" content="text/html; charset=GBK">';
  assert.equal(withoutHead(decodeHtml(iconv.encode(page(httpEquiv), 'gb18030'))), expected);
  assert.equal(decodeHtml(iconv.encode(page(''), 'gb18030')), expected);
  // A crawler re-encoded the page to UTF-8 and left its old declaration.
  assert.equal(withoutHead(decodeHtml(utf8(page('<meta charset="gb2312">')))), expected);
  assert.equal(decodeHtml(iconv.encode(page(''), 'utf16-le', { addBOM: true })), expected);
  assert.equal(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(page(''))])), expected);
  // A UTF-8 page with one broken byte stays UTF-8 (one replacement character), not GB18030.
  const broken = new Uint8Array([...utf8(page('<meta charset="utf-8">')), 0xff]);
  assert.ok(decodeHtml(broken).endsWith('</html>\ufffd'));
});

// ---------------------------------------------------------------------------------------------
// Finding the report in the page

test('an old site laid out in nested tables: navigation tables left out, the statistics table kept as a table', () => {
  const nav = '<table><tr><td><a href="/">首页</a></td><td><a href="/a">机构概况</a></td><td><a href="/b">政务公开</a></td></tr></table>';
  const statistics =
    '<table border="1"><tr><th>指标名称</th><th>单位</th><th>数量</th></tr><tr><td>主动公开政府信息数</td><td>条</td><td>120</td></tr></table>';
  const report = `<p>某某县2010年政府信息公开工作年度报告</p><p>一、概述</p><p>${'本年度我县认真贯彻落实条例，'.repeat(20)}</p><p>二、主动公开政府信息情况</p>${statistics}<p>三、依申请公开政府信息情况</p>`;
  const html = `<body><table width="1000"><tr><td>${nav}</td></tr><tr><td><table><tr><td width="200"><a href="/c">相关链接</a></td><td>${report}</td></tr></table></td></tr><tr><td>版权所有 某某县人民政府</td></tr></table></body>`;
  const result = readHtml(utf8(html));
  assert.deepEqual(texts(result), [
    '某某县2010年政府信息公开工作年度报告',
    '一、概述',
    '本年度我县认真贯彻落实条例，'.repeat(20),
    '二、主动公开政府信息情况',
    '[table]',
    '三、依申请公开政府信息情况',
  ]);
  const [table] = tables(result);
  assert.deepEqual(cells(table), [
    ['指标名称', '单位', '数量'],
    ['主动公开政府信息数', '条', '120'],
  ]);
  assert.deepEqual(table.source, { kind: 'html', element: 'td > table', table: 1 });
  assert.deepEqual(table.rows[1].source, { kind: 'html', element: 'td > table > tr[2]', table: 1, row: 2 });
  assert.deepEqual(result.blocks[0].source, { kind: 'html', element: 'td > p[1]' });
});

test('a metadata table inside the article is left out; a report table beside it is kept', () => {
  const metadata =
    '<table><tr><td>索引号：</td><td>001/2024-00002</td><td>主题分类</td><td>其他</td></tr><tr><td>发布机构</td><td>某某局</td><td>生成日期</td><td>2024-01-17</td></tr><tr><td>文号</td><td></td><td>关键词</td><td></td></tr></table>';
  const html = `<div id="zoom">${metadata}${REPORT}<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table></div>`;
  const result = readHtml(utf8(html));
  assert.deepEqual(texts(result), [...REPORT_TEXTS, '[table]']);
  assert.deepEqual(tables(result)[0].source, { kind: 'html', element: 'div#zoom > table[2]', table: 1 });
});

test('the article chosen by its content, the title from the page heading above it, furniture and controls left out', () => {
  const html = `<html><head><title>某某县2023年政府信息公开工作年度报告_年报_某某县政府</title><style>p{}</style><script>var a = "一、总体情况";</script></head><body>
    <nav><a href="/">首页</a> <a href="/x">政务公开</a></nav>
    <div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/g">信息公开年报</a></div>
    <h1 class="title">某某县2023年政府信息公开工作年度报告</h1>
    <div class="share">分享到：<a>微信</a><a>微博</a><button>打印</button></div>
    <div class="content"><div class="TRS_Editor">
      <p>根据《中华人民共和国政府信息公开条例》，现公布本年度报告。${'全年共主动公开政府信息。'.repeat(30)}</p>
      <!-- 一、注释不是报告 -->
      <p>一、总体情况</p><p>（一）主动公开<br>全年主动公开政府信息 12 条&nbsp;&nbsp;其中&#x6587;件 3 件</p><p> </p>
      <ul><li>二、主动公开政府信息情况</li><li>三、收到和处理政府信息公开申请情况</li></ul>
      <form><input name="q"><button>搜索</button></form>
      <noscript>请启用脚本</noscript><iframe src="/x.pdf"></iframe>
    </div></div>
    <footer>主办单位：某某县人民政府办公室</footer></body></html>`;
  const result = readHtml(utf8(html));
  assert.deepEqual(
    result.blocks.map((b) => (b.kind === 'paragraph' ? [b.text, b.source] : b.kind)),
    [
      ['某某县2023年政府信息公开工作年度报告', { kind: 'html', element: 'h1.title' }],
      [
        `根据《中华人民共和国政府信息公开条例》，现公布本年度报告。${'全年共主动公开政府信息。'.repeat(30)}`,
        { kind: 'html', element: 'div.TRS_Editor > p[1]' },
      ],
      ['一、总体情况', { kind: 'html', element: 'div.TRS_Editor > p[2]' }],
      ['（一）主动公开', { kind: 'html', element: 'div.TRS_Editor > p[3]' }],
      ['全年主动公开政府信息 12 条其中文件 3 件', { kind: 'html', element: 'div.TRS_Editor > p[3]' }],
      ['二、主动公开政府信息情况', { kind: 'html', element: 'div.TRS_Editor > ul > li[1]' }],
      ['三、收到和处理政府信息公开申请情况', { kind: 'html', element: 'div.TRS_Editor > ul > li[2]' }],
    ],
  );
  assert.deepEqual(result.notes, [
    {
      code: 'skipped-content',
      message: {
        'zh-cn': '报告中有 1 个图片或嵌入内容（如 PDF），其中的文字和表格未读取',
        en: 'the report holds 1 image(s) or embedded object(s) (such as a PDF) whose text and tables were not read',
      },
    },
  ]);
});

test('statistics tables in a block of their own beside much longer prose belong to the report', () => {
  const prose = `<div class="text">${REPORT}${'<p>（一）主动公开方面。全年主动公开政府信息，及时回应社会关切。</p>'.repeat(40)}</div>`;
  const rows = ['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '政府集中采购', '行政复议', '行政诉讼', '其他'];
  const figures = `<div class="tables"><table>${rows.map((label, i) => `<tr><td>${label}</td><td>${i}</td><td>${i + 1}</td><td>${i + 2}</td></tr>`).join('')}</table></div>`;
  const result = readHtml(utf8(`<body><div class="nav"><a href="/">首页</a></div><div id="article">${prose}${figures}</div></body>`));
  assert.equal(tables(result).length, 1);
  assert.deepEqual(cells(tables(result)[0])[1], ['行政规范性文件', '1', '2', '3']);
  assert.deepEqual(tables(result)[0].source, { kind: 'html', element: 'div#article > div[2] > table', table: 1 });
});

test('the title from the page <title> when nothing above the article holds it; not repeated when the article starts with it', () => {
  const body = `<div><p>${INTRO}</p><p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p></div>`;
  const titled = readHtml(utf8(`<title>某某市2024年度政府信息公开工作年度报告-某某市人民政府</title><body>${body}</body>`));
  assert.deepEqual(titled.blocks[0], { kind: 'paragraph', text: '某某市2024年度政府信息公开工作年度报告', source: { kind: 'html', element: 'title' } });
  const own = readHtml(utf8(`<title>别的标题 2024年度政府信息公开工作年度报告</title><body>${REPORT}</body>`));
  assert.deepEqual(texts(own), REPORT_TEXTS);
});

test('an ASP.NET page wrapped in one <form> is read; a search form inside the article is not', () => {
  const html = `<body><form id="form1"><div class="search"><form><input><button>搜索</button></form></div><div id="zoom">${REPORT}</div></form></body>`;
  assert.deepEqual(texts(readHtml(utf8(html))), REPORT_TEXTS);
});

test('a page whose largest article is not the report: the report is read from the whole page', () => {
  const news = `<div class="news">${'<p>本地新闻一则，内容与报告无关。</p>'.repeat(40)}</div>`;
  const result = readHtml(utf8(`<body>${news}<div class="side">${REPORT}<p>三、收到和处理政府信息公开申请情况</p></div></body>`));
  assert.equal(result.blocks.length, 45);
  assert.deepEqual(texts(result).slice(-2), ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况']);
  assert.deepEqual(result.blocks[0].source, { kind: 'html', element: 'body > div[1] > p[1]' });
});

test('no report in the page: ReadError no-report', () => {
  const list =
    '<body><ul><li><a href="/1">关于开展安全生产检查的通知</a></li><li><a href="/2">2024年第一季度经济运行情况</a></li></ul><p>某某县人民政府</p></body>';
  // The report only as an attachment: its title over a link to its PDF.
  const attachment =
    '<body><h1>某某县2023年政府信息公开工作年度报告</h1><div class="zoom"><p>附件：<a href="/r.pdf">某某县2023年政府信息公开工作年度报告.pdf</a></p></div></body>';
  for (const html of [list, attachment, '', '\u0000\u0001\u0002']) {
    const error = readError(() => readHtml(utf8(html)));
    assert.equal(error.reason, 'no-report');
    assert.deepEqual(error.messages, { 'zh-cn': '网页中没有找到年度报告', en: 'no annual report found in the page' });
  }
});

// ---------------------------------------------------------------------------------------------
// Tables

test('a table grid: thead/tbody/tfoot in display order, th and td, rowspan and colspan resolved, a cell’s lines joined, entities decoded', () => {
  const html = `<div id="zoom">${REPORT}<table>
    <tfoot><tr><td>合计</td><td colspan="2">3</td></tr></tfoot>
    <thead><tr><th rowspan="2">项目</th><th colspan="2">数量&nbsp;（件）</th></tr><tr><th>本年</th><th>累计</th></tr></thead>
    <tbody><tr><td>行政<br>许可</td><td><p>1361</p><p>2</p></td><td>&#x4E09;&amp;四</td></tr>
      <tr><td rowspan="0">合并</td><td></td><td>x</td></tr><tr><td>y</td><td>z</td></tr></tbody></table></div>`;
  const [table] = tables(readHtml(utf8(html)));
  assert.deepEqual(cells(table), [
    ['项目', '数量（件）', ''],
    ['', '本年', '累计'],
    ['行政许可', '13612', '三&四'],
    ['合并', '', 'x'],
    ['', 'y', 'z'],
    ['合计', '3', ''],
  ]);
  assert.deepEqual(
    table.rows.map((r) => r.source),
    [1, 2, 3, 4, 5, 6].map((row) => ({ kind: 'html', element: `div#zoom > table > tr[${row}]`, table: 1, row })),
  );
});

test('any table markup: rows equally wide, each cell’s text in exactly one place', () => {
  const cell = fc.record({ th: fc.boolean(), rowspan: fc.integer({ min: 0, max: 4 }), colspan: fc.integer({ min: 0, max: 4 }) });
  const group = fc.record({ tag: fc.constantFrom('thead', 'tbody', 'tfoot', ''), rows: fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 4 }) });
  fc.assert(
    fc.property(fc.array(group, { minLength: 1, maxLength: 4 }), (groups) => {
      let n = 0;
      const markup = groups
        .map(({ tag, rows }) => {
          const trs = rows
            .map(
              (row) =>
                `<tr>${row.map((c) => `<${c.th ? 'th' : 'td'} rowspan="${c.rowspan}" colspan="${c.colspan}">c${++n}</${c.th ? 'th' : 'td'}>`).join('')}</tr>`,
            )
            .join('');
          return tag ? `<${tag}>${trs}</${tag}>` : trs;
        })
        .join('');
      const [table] = tables(readHtml(utf8(`<div id="zoom">${REPORT}<table><tr><td>x1</td><td>x2</td></tr>${markup}</table></div>`)));
      const grid = cells(table);
      assert.equal(new Set(grid.map((row) => row.length)).size, 1);
      for (let i = 1; i <= n; i++) assert.equal(grid.flat().filter((text) => text === `c${i}`).length, 1, `c${i}`);
    }),
    { numRuns: 300 },
  );
});

test('any bytes: a result or a ReadError, never another error', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        fc.string({ maxLength: 300 }).map((html) => utf8(REPORT + html)),
      ),
      (bytes) => {
        try {
          readHtml(bytes);
        } catch (error) {
          assert.ok(error instanceof ReadError, String(error));
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('a one-column table or one holding long paragraphs lays out text: its cells are read as paragraphs', () => {
  const long = '本机关严格执行条例规定，'.repeat(20);
  const html = `<div id="zoom">${REPORT}<table><tr><td>三、收到和处理政府信息公开申请情况</td></tr><tr><td>四、政府信息公开行政复议、行政诉讼情况</td></tr></table><table><tr><td>五、存在的主要问题及改进情况</td><td>${long}</td></tr></table></div>`;
  const result = readHtml(utf8(html));
  assert.deepEqual(texts(result).slice(4), [
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    long,
  ]);
  assert.deepEqual(result.blocks[4].source, { kind: 'html', element: 'div#zoom > table[1] > tr[1] > td' });
});

// ---------------------------------------------------------------------------------------------
// Bounds

test('pathological pages end quickly with bounded results: 100k nested divs, rowspan=100000, colspan=100000, a huge spanning table', () => {
  const started = Date.now();
  const deep = readHtml(utf8(`<body>${REPORT}${'<div>'.repeat(100_000)}深处${'</div>'.repeat(100_000)}</body>`));
  assert.deepEqual(texts(deep), REPORT_TEXTS);
  assert.deepEqual(
    deep.notes.map((n) => n.code),
    ['truncated'],
  );
  assert.match(deep.notes[0].message['zh-cn'], /嵌套超过 256 层/);

  const rowspan = readHtml(utf8(`${REPORT}<table><tr><td rowspan="100000">a</td><td>1</td></tr><tr><td>2</td></tr></table>`));
  assert.deepEqual(cells(tables(rowspan)[0]), [
    ['a', '1'],
    ['', '2'],
  ]);

  const colspan = cells(tables(readHtml(utf8(`${REPORT}<table><tr><td colspan="100000">a</td><td>1</td></tr><tr><td>2</td><td>3</td></tr></table>`)))[0]);
  assert.deepEqual(
    colspan.map((row) => row.length),
    [1001, 1001],
  );
  assert.deepEqual([colspan[0][0], colspan[0][999], colspan[0][1000], colspan[1][0], colspan[1][1]], ['a', '', '1', '2', '3']);

  // A cell 1000 columns wide spanning 60000 rows asks for 60 million places: read until the text limit, with a note.
  const huge = readHtml(utf8(`${REPORT}<table><tr><td colspan="1000" rowspan="0">a</td><td>b</td></tr>${'<tr><td>c</td>'.repeat(60_000)}</table>`));
  const [table] = tables(huge);
  assert.equal(table.rows[0].cells.length, 1001);
  assert.ok(table.rows.length * 1001 * 6 <= LIMITS.textChars);
  assert.deepEqual(
    huge.notes.map((n) => n.code),
    ['truncated'],
  );
  assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
});

test('a file larger than LIMITS.fileBytes: ReadError too-large', () => {
  assert.equal(readError(() => readHtml(new Uint8Array(LIMITS.fileBytes + 1))).reason, 'too-large');
});
