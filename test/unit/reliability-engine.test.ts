/**
 * Reliability of the engine and the rules (issue 13): every pass over a document is linear in it —
 * suppression comments, the patterns that read lines, the fix-all diff, findings without limit —
 * fix-all converges, and its arithmetic is exact at any number of digits. The inputs that took
 * minutes are checked against bounds far above what linear work takes and far below what it took.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bind } from '../../server/src/engine/bind';
import { looksLikeReport } from '../../server/src/engine/detect';
import { applyEdits, lineEdits } from '../../server/src/engine/edits';
import { splitLines } from '../../server/src/engine/lines';
import { parseReport } from '../../server/src/engine/structure';
import { readSuppressions } from '../../server/src/engine/suppressions';
import { formatTables } from '../../server/src/engine/table-layout';
import { MAX_FINDINGS_PER_RULE, analyze, analyzeAll, type Finding } from '../../server/src/rules';
import { fixAll } from '../../server/src/rules/fix-all';
import { readFixture } from '../support/fixtures';

/** Runs `fn` and fails when it takes longer than `seconds`: a bound for work that was quadratic. */
function within<T>(seconds: number, what: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  const took = (performance.now() - start) / 1000;
  assert.ok(took < seconds, `${what} took ${took.toFixed(1)} s (bound ${seconds} s)`);
  return result;
}

/** A fixture with line `index` (0-based) replaced. */
function withLine(text: string, index: number, line: string | undefined): string {
  const lines = text.split('\n');
  assert.ok(index < lines.length);
  if (line === undefined) lines.splice(index, 1);
  else lines[index] = line;
  return lines.join('\n');
}

const preferredLeft = (text: string) => analyzeAll(text, { locale: 'en' }).findings.filter((f) => f.fixes.some((x) => x.preferred));
const sumMismatches = (text: string) => analyze(text, { locale: 'en' }).findings.filter((f) => f.code === 'table.sum-mismatch');

// ---------------------------------------------------------------------------------------------
// Linear time

test('suppression comments: an unclosed one before a long run of whitespace is read in linear time', () => {
  const spaces = ' \u3000\t'.repeat(70_000);
  const open = within(2, 'reading the unclosed comment', () => readSuppressions(['<!-- govreport-disable table.sum-mismatch' + spaces + 'x', 'text']));
  const closed = readSuppressions(['<!-- govreport-disable-line table.sum-mismatch' + spaces + '-->']);
  assert.equal(open.isSuppressed('table.sum-mismatch', 1), false);
  assert.equal(closed.isSuppressed('table.sum-mismatch', 0), true);
  assert.equal(closed.isSuppressed('part.title', 0), false);
});

test('suppression comments read as before: kinds, codes, word boundaries, unclosed and nested openers', () => {
  const s = readSuppressions([
    '<!--govreport-disable-line a.b,c d-->',
    'x <!-- govreport-disable-linex --> <!-- govreport-enable -->',
    '<!-- <!-- govreport-disable-next-line e.f --> y',
    '',
    '<!-- govreport-disable-next-line g -->',
    'z',
    '<!-- govreport-disable-file h.i -->',
  ]);
  assert.ok(['a.b', 'c', 'd'].every((code) => s.isSuppressed(code, 0)));
  // 「disable-linex」 is 「disable」 with the code 「-linex」, closed again at once by the enable on the same line.
  assert.ok(s.isSuppressed('-linex', 1) && !s.isSuppressed('-linex', 2));
  assert.ok(s.isSuppressed('e.f', 5) && !s.isSuppressed('e.f', 2) && s.isSuppressed('g', 5));
  assert.ok(s.isSuppressed('h.i', 0) && s.isSuppressed('h.i', 6) && !s.isSuppressed('x.y', 6));
});

test('a chain of disable-next-line comments is read in linear time, every code applying to the line after it', () => {
  const chain = Array.from({ length: 60_000 }, (_, i) => `<!-- govreport-disable-next-line c${i} -->`);
  const s = within(2, 'reading the chain', () => readSuppressions([...chain, '', 'text', 'more']));
  const text = chain.length + 1;
  assert.ok([0, 1234, 59_999].every((i) => s.isSuppressed(`c${i}`, text) && !s.isSuppressed(`c${i}`, text + 1) && !s.isSuppressed(`c${i}`, i + 1)));
});

test('lines built to make a backtracking pattern quadratic are read in linear time', () => {
  const spaces = ' '.repeat(100_000);
  const report = readFixture('seeds', '001_6ba39ebe6f690d1f.txt');
  const lines = report.split('\n');
  const cut = lines.length - 3;
  for (const [what, line] of [
    ['a caption', `第二十条${spaces}x`],
    ['an appendix heading', `附件${spaces}x`],
  ]) {
    const text = [...lines.slice(0, cut), line, ...lines.slice(cut)].join('\n');
    within(3, `analysing a report with ${what} and 100 000 spaces`, () => analyze(text));
  }
  assert.equal(
    within(3, 'detecting a report', () => looksLikeReport('\n'.repeat(100_000) + '一x')),
    false,
  );
  // A near miss of a statutory label after 100 000 item numbers: restored after the last of them.
  const label = '1.'.repeat(100_000) + '4.无正当理由由大量反复申请';
  const text = withLine(report, 59, `\t\t${label}\t0\t0\t0\t0\t0\t0\t0`);
  const finding = within(3, 'checking the label', () => analyze(text).findings.find((f) => f.code === 'table.label'));
  assert.ok(finding?.fixes[0].edits[0].newText === '1.'.repeat(100_000) + '4.无正当理由大量反复申请', 'the label restored after the last item number');
});

test('a Markdown table with a cell of 100 000 characters is formatted in linear time, that cell written as it is', () => {
  const long = '、，'.repeat(50_000);
  const text = ['| 信息内容 | 本年处理决定数量 |', '| --- | --- |', `| 行政许可 | ${long} |`, '| 其他 | 1 |'].join('\n');
  const formatted = within(3, 'formatting', () => applyEdits(text, formatTables(bind(parseReport(text)))));
  assert.deepEqual(formatted.split('\n'), [
    '| 信息内容 | 本年处理决定数量  |',
    '| ------- | --------------- |',
    `| 行政许可 | ${long} |`,
    '| 其他\u3000\u3000 | 1\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000 |',
  ]);
});

test('the fix-all diff is linear: 40 000 insertions into a repetitive document, one edit each', () => {
  const group = ['一、主动公开政府信息情况', '（一）x', '1.x', '（1）x'];
  const inserted = ['', '第二十条第（一）项', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '规章\t\t\t', ''];
  const before = ['标题', ...Array.from({ length: 40_000 }, () => group).flat()].join('\n');
  const after = ['标题', ...Array.from({ length: 40_000 }, () => [...group, ...inserted]).flat()].join('\n');
  const edits = within(3, 'the line diff', () => lineEdits(before, after));
  assert.equal(applyEdits(before, edits), after);
  assert.equal(edits.length, 40_000);
  assert.ok(edits.every((e) => e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character));
});

test('the fix-all diff replaces only the lines that changed, also among many equal lines', () => {
  const row = '（四）无法提供\t1.本机关不掌握相关政府信息\t0\t0\t0\t0\t1\t0\t0';
  const before = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? row : `line ${i % 7}`)).join('\n');
  const after = before
    .split('\n')
    .map((l, i) => (i % 300 === 0 ? l.replace(/0$/, '1') : l))
    .join('\n');
  const edits = lineEdits(before, after);
  assert.equal(applyEdits(before, edits), after);
  assert.deepEqual(
    edits.map((e) => [e.range.start.line, e.range.end.line]),
    Array.from({ length: 10 }, (_, k) => [k * 300, k * 300]),
  );
});

// ---------------------------------------------------------------------------------------------
// What one document can produce

test(`findings: at most ${MAX_FINDINGS_PER_RULE} per rule and document, then one finding that says how many more`, () => {
  // 130 000 headings of the same part: more findings than a spread's arguments fit on the stack.
  const text = '某某县人民政府2021年政府信息公开工作年度报告\n\n' + '一、主动公开政府信息情况\n'.repeat(130_000);
  const all = analyzeAll(text).findings.filter((f) => f.code === 'part.duplicate');
  assert.equal(all.length, 129_999);
  for (const locale of ['en', 'zh-cn'] as const) {
    const duplicates = analyze(text, { locale }).findings.filter((f) => f.code === 'part.duplicate');
    assert.equal(duplicates.length, MAX_FINDINGS_PER_RULE + 1);
    const summary = duplicates.at(-1)!;
    assert.deepEqual(summary.range, all[MAX_FINDINGS_PER_RULE].range);
    assert.equal(summary.severity, 'warning');
    assert.deepEqual(summary.fixes, []);
    assert.equal(
      summary.message,
      locale === 'en'
        ? '129799 more part.duplicate problems from here on are not listed (at most 200 per rule and document).'
        : '另有 129799 处 part.duplicate 问题未逐一列出（每条规则在一个文档中最多列出 200 处），从此处起。',
    );
  }
  assert.equal(fixAll(text).text, fixAll(fixAll(text).text).text);
});

test('a part written twice gets its missing tables inserted once', () => {
  const text = '某某县人民政府2021年政府信息公开工作年度报告\n\n' + '一、主动公开政府信息情况\n'.repeat(3000);
  const missing = analyze(text).findings.filter((f) => f.code === 'table.missing');
  assert.deepEqual(
    missing.map((f) => f.range.start.line),
    [2, 2, 2, 2],
  );
});

// ---------------------------------------------------------------------------------------------
// Fix-all converges

/** Seed 001 (2019 format) with a 1 in （四）1.'s 法律服务机构 column, its 总计 left 0; its rows （一） and （二） are blank but for their totals. */
const oneCell = () => withLine(readFixture('seeds', '001_6ba39ebe6f690d1f.txt'), 53, '\t(四) 无法提供\t1.本机关不掌握相关政府信息\t0\t0\t0\t0\t1\t0\t0');

test('a row total that the 勾稽关系 and （七）总计 contradict is not preferred: fix-all leaves it and says which figures disagree', () => {
  const text = oneCell();
  const once = fixAll(text).text;
  assert.equal(splitLines(once)[53], splitLines(text)[53], 'the row is left as it is');
  assert.deepEqual(preferredLeft(once), []);
  assert.equal(fixAll(once).text, once);
  const [row] = sumMismatches(once);
  assert.equal(
    row.message,
    '「（四）1.本机关不掌握相关政府信息」/「总计」 should be 1 but is 0 (法律服务机构 1, 5 more are 0). ' +
      'But with 1, the balance of the 「总计」 column (一 + 二 = 0, 三 + 四 = 1) and the total of the row 「（七）总计」 (addends 0, total 1) would not hold, ' +
      'while 0 as written does: the addends may be what is wrong. Check them: fix all leaves this total alone.',
  );
  assert.deepEqual(
    row.fixes.map((f) => [f.title, f.preferred]),
    [['Change 「（四）1.本机关不掌握相关政府信息」/「总计」 to 1', false]],
  );
});

test('a grand total that cannot be fixed does not hold back the other fixes: a missing part is still inserted', () => {
  const text = withLine(oneCell(), 78, undefined);
  assert.ok(analyze(text).findings.some((f) => f.code === 'part.missing'));
  const once = fixAll(text).text;
  assert.ok(splitLines(once).includes('六、其他需要报告的事项'));
  assert.deepEqual(preferredLeft(once), []);
  assert.equal(fixAll(once).text, once);
});

test('a row with a blank cell never gets a fix that changes a total that was right', () => {
  // 宿迁 2023 with one cell of （五）2.重复申请 lost: its 39 now reads as 商业企业.
  const corpus = readFixture('corpus', '宿迁市_2023_据比对报告重建.txt');
  const text = withLine(corpus, 56, '2.重复申请\t39\t0\t0\t0\t0\t39');
  assert.equal(fixAll(text).text, text);
  const [finding] = sumMismatches(text);
  assert.match(
    finding.message,
    /^「（七）总计」\/「商业企业」 should be 138 but is 99 .* 「（五）2\.重复申请」 has blank cells: its numbers may stand in the wrong columns\. Check them/,
  );
  assert.equal(finding.fixes[0].preferred, false);
});

test('a wrong addend is not cascaded into totals the 勾稽关系 agrees with: fix-all leaves them, the messages point at the addends', () => {
  const corpus = readFixture('corpus', '宿迁市_2023_据比对报告重建.txt');
  const text = withLine(corpus, 56, '2.重复申请\t40\t0\t0\t0\t0\t0\t39');
  assert.equal(fixAll(text).text, text);
  assert.deepEqual(
    sumMismatches(text).map((f) => [f.message.replace(/ \(.*?\)\./, '.'), f.fixes[0].preferred]),
    [
      [
        '「（五）2.重复申请」/「总计」 should be 40 but is 39. But with 40, the balance of the 「总计」 column (一 + 二 = 3607, 三 + 四 = 3608) would not hold, while 39 as written does: the addends may be what is wrong. Check them: fix all leaves this total alone.',
        false,
      ],
      [
        '「（七）总计」/「自然人」 should be 3376 but is 3375. But with 3376, the balance of the 「自然人」 column (一 + 二 = 3493, 三 + 四 = 3494) and the balance of the 「总计」 column (一 + 二 = 3607, 三 + 四 = 3608) would not hold, while 3375 as written does: the addends may be what is wrong. Check them: fix all leaves this total alone.',
        false,
      ],
    ],
  );
});

// ---------------------------------------------------------------------------------------------
// Exact arithmetic

/**
 * 平潭 2020 (2019 format) with （一）予以公开's 自然人 replaced by `natural`, and 一、本年新收's 自然人 by what
 * balances the table once （七）总计 adds the outcomes up (their sum, natural + 20): the totals are then the
 * only cells to fix, all the way up.
 */
const pingtan = (natural: string) => {
  const received = String(BigInt(natural) + 20n);
  const text = withLine(readFixture('corpus', '平潭综合实验区_2020.txt'), 80, `三、本年度办理结果\t（一）予以公开\t${natural}\t0\t0\t0\t0\t1\t7`);
  return withLine(text, 78, `一、本年新收政府信息公开申请数量\t${received}\t0\t0\t0\t0\t1\t21`);
};

/** The text states 21 applications: with the prose rule on, fix-all rightly refuses to make the table say otherwise. */
const arithmeticOnly = { config: { rules: { 'report.prose-vs-table': 'off' as const } } };

test('fix arithmetic is exact beyond 2^53', () => {
  const once = fixAll(pingtan('9007199254740993'), arithmeticOnly).text;
  assert.equal(splitLines(once)[78], '一、本年新收政府信息公开申请数量\t9007199254741013\t0\t0\t0\t0\t1\t9007199254741014');
  assert.equal(splitLines(once)[80], '三、本年度办理结果\t（一）予以公开\t9007199254740993\t0\t0\t0\t0\t1\t9007199254740994');
  assert.equal(splitLines(once)[99], '（七）总计\t9007199254741013\t0\t0\t0\t0\t1\t9007199254741014');
  assert.deepEqual(sumMismatches(once), []);
});

test('a 400-digit cell is added exactly: no Infinity written, no row inserted', () => {
  const text = pingtan('9'.repeat(400));
  const first = sumMismatches(text).find((f) => f.range.start.line === 80)!;
  assert.equal(first.message, `「（一）予以公开」/「总计」 should be 1${'0'.repeat(400)} but is 7 (自然人 ${'9'.repeat(400)} + 其他 1, 4 more are 0).`);
  const once = fixAll(text, arithmeticOnly).text;
  assert.equal(splitLines(once).length, splitLines(text).length);
  assert.ok(!once.includes('Infinity'));
  assert.equal(splitLines(once)[80], `三、本年度办理结果\t（一）予以公开\t${'9'.repeat(400)}\t0\t0\t0\t0\t1\t1${'0'.repeat(400)}`);
  assert.equal(splitLines(once)[99], `（七）总计\t1${'0'.repeat(398)}19\t0\t0\t0\t0\t1\t1${'0'.repeat(398)}20`);
  assert.deepEqual(sumMismatches(once), []);
});

test('amounts in 万元 stay exact to their last decimal', () => {
  const converted = (text: string) => analyze(text).findings.find((f: Finding) => f.code === 'value.unit')?.fixes[0].edits[0].newText;
  // 2021: 本年收费金额（单位：万元）, as many decimals as the amount needs, up to six.
  const fee = (cell: string) => converted(withLine(readFixture('rules', '2021-values.txt'), 33, `行政事业性收费\t${cell}`));
  assert.equal(fee('73802895.90元'), '7380.28959');
  assert.equal(fee('9007199254740993元'), '900719925474.0993');
  assert.equal(fee('12345.675元'), '1.234568');
  assert.equal(fee('0.05亿元'), '500');
  // 2019: 采购总金额（单位：万元，保留4位小数）, the declared decimals.
  const procurement = (cell: string) => converted(withLine(readFixture('rules', '2019-parts-and-units.txt'), 35, `政府集中采购\t12\t${cell}\t`));
  assert.equal(procurement('9007199254740993元'), '900719925474.0993');
  assert.equal(procurement('12345678901234567.89元'), '1234567890123.4568');
  assert.equal(procurement('5元'), '0.0005');
});
