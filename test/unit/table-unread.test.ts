import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, checkText } from '../../server/src/rules';
import { tableUnread } from '../../server/src/rules/table-unread';
import { fixtureNames, joinLines, readFixture } from '../support/fixtures';

const rangeOf = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

const unread = (text: string) =>
  checkText(text)
    .filter((f) => f.code === 'table.unread')
    .map((f) => ({ range: rangeOf(f.range), severity: f.severity, message: f.message }));

/** A provincial 统计表 of before 2014, with 历年累计 and the e-mail and online applications apart. */
const provincial = (received: string, rows: string[]) =>
  joinLines(
    '某某县人民政府2013年政府信息公开工作年度报告',
    '',
    '附件：某某县政府信息公开情况统计表',
    '指标名称\t计量单位\t2013年度\t历年累计',
    '主动公开信息数\t条\t120\t860',
    `受理依申请公开信息总数\t条\t${received}\t28`,
    '其中：1、当面申请数\t条\t3\t10',
    '2、传真申请数\t条\t0\t0',
    ...rows,
  );

test('a provincial 统计表: the indicators the 2008 统计表 lacks are named, on the table’s first line, each pointed at', () => {
  const text = provincial('9', ['3、电子邮件申请数\t条\t2\t6', '4、网上申请数\t条\t3\t8', '5、信函申请数\t条\t1\t4']);
  const [finding] = checkText(text).filter((f) => f.code === 'table.unread');
  assert.equal(rangeOf(finding.range), '3:0-3:4');
  assert.equal(
    finding.message,
    '「政府信息公开情况统计表」表的数字未能全部读取，相关合计未核对：2 项指标不在 2008 年版统计表中：「电子邮件申请数」、「网上申请数」。',
  );
  assert.deepEqual(
    finding.related.map((r) => `${rangeOf(r.range)} ${r.message}`),
    ['8:0-8:15 未读取：「电子邮件申请数」', '9:0-9:13 未读取：「网上申请数」'],
  );
  assert.equal(
    checkText(text, { locale: 'en' }).find((f) => f.code === 'table.unread')?.message,
    'Some numbers of 「政府信息公开情况统计表」 could not be read; the totals they enter were not checked: 2 indicator(s) not in the 2008 statistics table: 「电子邮件申请数」, 「网上申请数」.',
  );
});

test('受理依申请公开信息总数 is （一）收到申请数: its total is checked once every way of applying maps onto the 2008 统计表', () => {
  const text = provincial('10', ['3、网络申请数\t条\t5\t14', '4、信函申请数\t条\t1\t4']);
  assert.deepEqual(unread(text), []);
  assert.deepEqual(
    checkText(text).map((f) => `${f.code} ${rangeOf(f.range)} ${f.message}`),
    ['table.sum-mismatch 5:14-5:16 「（一）收到申请数」应为 9，实为 10（（一）1.当面申请数 3 + （一）3.网络申请数 5 + （一）4.信函申请数 1，其余 1 项为 0）。'],
  );
});

test('平潭 2013–2017: 受理、答复 and 否决/不予公开 totals are read; only the indicators the 2008 统计表 lacks are unread', () => {
  assert.deepEqual(unread(readFixture('corpus', '平潭综合实验区_2013.txt')), [
    {
      range: '58:0-58:18',
      severity: 'info',
      message:
        '「政府信息公开情况统计表」表的数字未能全部读取，相关合计未核对：3 项指标不在 2008 年版统计表中：「电子邮件申请数」、「网上申请数」、「行政申诉举报数」。',
    },
  ]);
  assert.deepEqual(unread(readFixture('corpus', '平潭综合实验区_2017.txt')), [
    {
      range: '54:0-54:4',
      severity: 'info',
      message:
        '「政府信息公开情况统计表」表的数字未能全部读取，相关合计未核对：3 项指标不在 2008 年版统计表中：「网上申请数」、「其他类型答复数」、「接受行政诉讼举报数」。',
    },
  ]);
});

test('a table recognised but no row of it matched (OCR text): nothing was read', () => {
  assert.deepEqual(
    unread(readFixture('corpus', '沭阳县人民政府_2025_OCR抽取文本.txt')).map((f) => `${f.range} ${f.message}`),
    [
      '77:0-77:6 「收到和处理政府信息公开申请情况」表的数字未能读取，合计未核对：法定的 25 行只读出 0 行。',
      '141:0-141:4 「政府信息公开行政复议、行政诉讼情况」表的数字未能读取，合计未核对：没有一行能对应到法定的行。',
    ],
  );
});

test('a table most of whose statutory rows were not read (PDF text): how many were', () => {
  assert.ok(
    unread(readFixture('corpus', '上海市人民政府办公厅_2025_PDF抽取文本.txt')).some(
      (f) => f.range === '104:0-104:12' && f.message === '「收到和处理政府信息公开申请情况」表的数字未能全部读取，相关合计未核对：法定的 25 行只读出 3 行。',
    ),
  );
});

test('rows whose numbers could not be told apart (bind’s unreadRows) are counted and named', () => {
  const { bound } = analyze(
    readFixture(
      'seeds',
      fixtureNames('seeds').find((n) => n.startsWith('003'))!,
    ),
  );
  const table = bound.tables.find((t) => t.definition.id === 'applications')!;
  for (const id of ['disclosed', 'partly']) {
    const row = table.rows.get(id)!;
    table.rows.delete(id);
    table.unreadRows.push({ row: row.row, definition: row.definition, reason: 'cell-count' });
  }
  const [finding] = tableUnread.check({ bound, locale: 'zh-cn' });
  assert.equal(
    finding.message,
    '「收到和处理政府信息公开申请情况」表的数字未能全部读取，相关合计未核对：有 2 行的数字个数与列数不符（可能是从 PDF 复制时空白单元格丢失）：「（一）予以公开」、「（二）部分公开」。',
  );
  assert.deepEqual(
    finding.related.map((r) => r.range.start.line),
    [table.unreadRows[0].row.line, table.unreadRows[1].row.line],
  );
});

test('a table whose every statutory row is unread says only why', () => {
  const { bound } = analyze(readFixture('rules', '2019-tsv-row-total.txt'));
  const table = bound.tables.find((t) => t.definition.layout === 'single-row')!;
  const [row] = table.rows.values();
  table.rows.clear();
  table.unreadRows.push({ row: row.row, definition: row.definition, reason: 'cell-count' });
  assert.deepEqual(
    tableUnread.check({ bound, locale: 'zh-cn' }).map((f) => f.message),
    [
      `「${table.definition.name}」表的数字未能读取，合计未核对：有 1 行的数字个数与列数不符（可能是从 PDF 复制时空白单元格丢失）：「${row.definition.label}」。`,
    ],
  );
});

test('never on a table that was read and checked: the seeds and the faulty variants', () => {
  for (const folder of ['seeds', 'rules'])
    for (const name of fixtureNames(folder)) assert.deepEqual(unread(readFixture(folder, name)), [], `${folder}/${name}`);
});

test('a table of header rows alone, as one being typed, is not unread: it holds no number', () => {
  const header = [
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
    '\t自然人\t法人或其他组织\t\t\t\t\t总计',
    '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
  ];
  const codes = (rows: string[]) =>
    checkText(joinLines('某某镇人民政府2023年政府信息公开工作年度报告', '', '三、收到和处理政府信息公开申请情况', '', ...rows)).map((f) => f.code);
  assert.deepEqual(codes(header), []);
  assert.deepEqual(codes([...header, '本年新收申请数量为零。\t0']), ['table.unread']);
});

test('a table the part names but whose content is not a table (copied as text): not missing, not checked, and said', () => {
  const text = readFixture('corpus', '上海市科学技术委员会_2024_PDF抽取文本.txt');
  const lines = text.split('\n');
  const findings = checkText(text).filter((f) => f.code === 'table.unread' || f.code === 'table.missing');
  assert.deepEqual(
    findings.filter((f) => f.range.start.line === 74 - 1).map((f) => `${f.code} ${rangeOf(f.range)} ${f.message}`),
    [
      'table.unread 73:0-73:9 「第二十条第（五）项」表的数字未能读取，合计未核对：本部分提到了这张表，但其内容未能读成表格（可能是从 PDF 或网页复制时表格变成了文字）。',
    ],
  );
  assert.equal(lines[73], '第二十条第（五）项');
  assert.ok(!findings.some((f) => f.code === 'table.missing'));
});
