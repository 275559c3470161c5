/** The rules across reports on real reports: report.copied-text, report.in-force-mismatch, value.implausible, and report.carry-over's pairing by organ. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, checkAcrossReports, type Finding } from '../../server/src/rules';
import { copyMeasures } from '../../server/src/rules/copied-text';
import { reportSummary } from '../../server/src/rules/summary';
import { parseConfig, type Config } from '../../server/src/config/config';
import { readFixture } from '../support/fixtures';

interface Read {
  uri: string;
  lines: readonly string[];
  summary: ReturnType<typeof reportSummary>;
}

const read = (folder: string, name: string, edit: (text: string) => string = (t) => t, uri = name): Read => {
  const { bound } = analyze(edit(readFixture(folder, name)));
  return { uri, lines: bound.report.lines, summary: reportSummary(uri, bound) };
};

/** The findings of the rules across reports for `report`, compared with all `reports`: code, line (1-based) and message. */
const across = (report: Read, reports: readonly Read[], config: Config = {}, code?: string) =>
  checkAcrossReports(
    report.summary,
    reports.map((r) => r.summary),
    report.lines,
    config,
    'zh-cn',
  )
    .filter((f) => !code || f.code === code)
    .map((f: Finding) => `${f.code} ${f.range.start.line + 1}:${f.range.start.character} ${f.message}`);

const pingtan = [2019, 2020, 2021, 2022, 2023].map((year) => read('corpus', `平潭综合实验区_${year}.txt`));

test('report.copied-text: the 平潭 reports of 2019–2023 are not copies of each other', () => {
  for (const report of pingtan) assert.deepEqual(across(report, pingtan, {}, 'report.copied-text'), [], report.uri);
  const measures = pingtan.slice(1).map((report, i) => copyMeasures(report.summary, pingtan[i].summary));
  // Part 五 is 0.16–0.24 similar year on year; no paragraph comes near 0.9.
  assert.deepEqual(
    measures.map((m) => [Math.round(m.partFive * 100) / 100, Math.round(m.paragraph * 100) / 100]),
    [
      [0.16, 0.76],
      [0.19, 0.26],
      [0.22, 0.34],
      [0.23, 0.54],
    ],
  );
});

test('report.copied-text: last year’s report with its years edited and one paragraph rewritten is a copy, paragraph by paragraph and in part 五', () => {
  const copy = read('desk', 'copy-平潭综合实验区_2023.txt');
  const lastYear = pingtan[3];
  const reused = '本报告正文约 85% 沿用上年度报告。';
  assert.deepEqual(across(copy, [lastYear, copy], {}, 'report.copied-text'), [
    `report.copied-text 7:0 此段与 2022 年度报告第 7 行的一段相同；${reused}`,
    `report.copied-text 11:0 此段与 2022 年度报告第 11 行的一段相同；${reused}`,
    `report.copied-text 15:0 此段与 2022 年度报告第 15 行的一段相同；${reused}`,
    `report.copied-text 19:0 此段与 2022 年度报告第 19 行的一段相同；${reused}`,
    `report.copied-text 27:0 此段与 2022 年度报告第 27 行的一段相同；${reused}`,
    `report.copied-text 86:0 此段与 2022 年度报告第 86 行的一段相同；${reused}`,
    `report.copied-text 88:0 此段与 2022 年度报告第 88 行的一段相同；${reused}`,
    'report.copied-text 84:0 第五部分与 2022 年度报告的第五部分雷同（相似度 1）：存在的问题和改进情况应写本年度的实际。',
  ]);
  const first = checkAcrossReports(copy.summary, [lastYear.summary], copy.lines, {}, 'zh-cn').find((f) => f.code === 'report.copied-text')!;
  assert.deepEqual(first.related, [
    {
      uri: lastYear.uri,
      range: { start: { line: 6, character: 0 }, end: { line: 6, character: lastYear.lines[6].length } },
      message: '平潭综合实验区2022年度政府信息公开工作年度报告：第 7 行',
    },
  ]);
  assert.equal(first.data.reusedShare, 0.848);
  assert.equal(
    checkAcrossReports(copy.summary, [lastYear.summary], copy.lines, {}, 'en').find((f) => f.code === 'report.copied-text')!.message,
    "This paragraph is the same as line 7 of the 2022 report; about 85% of this report's prose is last year's.",
  );
  // The paragraph rewritten (line 23) and the template's sentences (the preamble, line 3) are not flagged.
  assert.ok(!across(copy, [lastYear], {}, 'report.copied-text').some((f) => / (3|23):/.test(f)));
});

test('report.copied-text: a paragraph other organs’ reports have as well is the template’s, not a copy', () => {
  const copy = read('desk', 'copy-平潭综合实验区_2023.txt');
  const otherOrgan = read('desk', 'copy-平潭综合实验区_2023.txt', (t) => t.replace('平潭综合实验区2023年度', '某某县2023年度'), '某某县_2023.txt');
  const lines = (reports: Read[]) => across(copy, reports, {}, 'report.copied-text').map((f) => f.split(' ')[1]);
  assert.deepEqual(lines([pingtan[3]]).length, 8);
  assert.deepEqual(lines([pingtan[3], otherOrgan]), ['84:0']);
});

test('report.copied-text: the same organ’s report of another year, under a longer name (福建省平潭综合实验区), is not another organ’s', () => {
  const copy = read('desk', 'copy-平潭综合实验区_2023.txt');
  // The 2022 report copied again into 2021's, titled with the province: the organ copied three years running.
  const twoYearsAgo = read(
    'corpus',
    '平潭综合实验区_2022.txt',
    (t) => t.replace('平潭综合实验区2022年度', '福建省平潭综合实验区2021年度'),
    '福建省平潭综合实验区_2021.txt',
  );
  assert.equal(twoYearsAgo.summary.organKey, '福建省平潭综合实验区');
  assert.equal(across(copy, [pingtan[3], twoYearsAgo], {}, 'report.copied-text').length, 8);
});

test('洪泽区人民政府 2023 and 淮安市洪泽区人民政府 2024 are one organ: compared, with no carry-over finding (2023 carried 0 over), one paragraph copied', () => {
  const reports = [read('corpus', '淮安市洪泽区人民政府_2023.txt'), read('corpus', '淮安市洪泽区人民政府_2024.txt')];
  assert.deepEqual(
    reports.map((r) => [r.summary.organKey, r.summary.year]),
    [
      ['洪泽区', 2023],
      ['淮安市洪泽区', 2024],
    ],
  );
  assert.deepEqual(across(reports[1], reports), [
    'report.copied-text 14:11 此段与 2023 年度报告第 16 行的一段几乎相同（相似度 0.93）；本报告正文约 9% 沿用上年度报告。',
    'value.implausible 28:5 「行政许可」的「本年处理决定数量」为 9487，是 2023 年度报告（550）的 17.2 倍，请核实。',
  ]);
});

test("report.in-force-mismatch on the real reports: 平潭 2023 does not follow from 2022; 2021 is not compared with the 2019 format's 对外公开总数量; 宿迁 and 洪泽 follow", () => {
  const code = 'report.in-force-mismatch';
  const note = '这只是合理性核对：文件可能经过修订、合并或统计口径不同，请核实。';
  assert.deepEqual(
    pingtan.map((r) => across(r, pingtan, {}, code)),
    [
      [],
      [],
      [],
      [],
      [`${code} 34:15 「行政规范性文件」的现行有效件数为 470，而按 2022 年度报告的现行有效件数和本年制发、废止件数推算为 698 + 77 − 132 = 643。${note}`],
    ],
  );
  for (const organ of [
    ['宿迁市_2023_据比对报告重建.txt', '宿迁市_2024_据比对报告重建.txt'],
    ['淮安市洪泽区人民政府_2023.txt', '淮安市洪泽区人民政府_2024.txt'],
  ]) {
    const reports = organ.map((name) => read('corpus', name));
    assert.deepEqual(across(reports[1], reports, {}, code), [], organ[1]);
  }
});

test('value.implausible: fees large enough to be 元 written as 万元, on the Hangzhou-style fixture only; the threshold is a setting', () => {
  const code = 'value.implausible';
  const hangzhou = read('corpus', '2025_hangzhou_style_fixture_KIROGOVCOMPARE.txt');
  assert.deepEqual(across(hangzhou, [hangzhou], {}, code), [
    `${code} 21:8 本年收费金额为 316441 万元，即 31.6441 亿元：是否把以元计的金额填在了以万元计的栏中？`,
  ]);
  assert.deepEqual(
    checkAcrossReports(hangzhou.summary, [], hangzhou.lines, {}, 'en').map((f) => f.message),
    ['Fees of 316441 万元 (3.16441 billion yuan): is this an amount in 元 written in the 万元 column?'],
  );
  // Divided exactly, not in binary fractions (316441.3 / 100000 is 3.1644129999999997 in floating point).
  const withTenths = read('corpus', '2025_hangzhou_style_fixture_KIROGOVCOMPARE.txt', (t) => t.replace('\t316441', '\t316441.3'));
  assert.deepEqual(
    (['zh-cn', 'en'] as const).map((locale) => checkAcrossReports(withTenths.summary, [], withTenths.lines, {}, locale)[0].message),
    [
      '本年收费金额为 316441.3 万元，即 31.64413 亿元：是否把以元计的金额填在了以万元计的栏中？',
      'Fees of 316441.3 万元 (3.164413 billion yuan): is this an amount in 元 written in the 万元 column?',
    ],
  );
  const huaian = read('corpus', '淮安市人民政府_2024.txt');
  assert.deepEqual(across(huaian, [huaian], {}, code), []);
  assert.equal(across(huaian, [huaian], parseConfig({ plausibility: { feeWanYuan: 50000 } }, []).config, code).length, 1);
});

test('value.implausible: （六）其他处理 above a fifth of （七）总计, in both formats', () => {
  const code = 'value.implausible';
  const format2021 = read('corpus', '平潭综合实验区_2022.txt', (t) => t.replace('3.其他\t0\t2\t0\t0\t0\t0\t2', '3.其他\t0\t14\t0\t0\t0\t0\t14'));
  assert.deepEqual(across(format2021, [format2021], {}, code), [
    `${code} 71:${format2021.lines[70].lastIndexOf('2')} （六）其他处理共 16 件，占（七）总计 75 件的 21%（超过 20%）：以「其他处理」办结的申请偏多，请核实分类。`,
  ]);
  assert.deepEqual(across(format2021, [format2021], { plausibility: { otherShare: 0.25 } }, code), []);
  const format2019 = read('corpus', '平潭综合实验区_2019.txt', (t) => t.replace('（六）其他处理\t0\t0\t0\t0\t0\t0\t0', '（六）其他处理\t5\t0\t0\t0\t0\t0\t5'));
  assert.deepEqual(across(format2019, [format2019], {}, code), [
    `${code} 99:${format2019.lines[98].lastIndexOf('5')} （六）其他处理共 5 件，占（七）总计 23 件的 22%（超过 20%）：以「其他处理」办结的申请偏多，请核实分类。`,
  ]);
});

test('value.implausible: a count more than 5 times last year’s, both at least 20, and no finding on the real corpus otherwise', () => {
  const code = 'value.implausible';
  const [before, now] = [pingtan[3], read('corpus', '平潭综合实验区_2023.txt', (t) => t.replace('行政处罚\t', '行政处罚\t1'))];
  const raised = across(now, [before, now], {}, code);
  assert.equal(raised.length, 1);
  assert.match(raised[0], /^value\.implausible 40:\d+ 「行政处罚」的「本年处理决定数量」为 1\d+，是 2022 年度报告（2113）的 \d+(\.\d)? 倍，请核实。$/);
  assert.deepEqual(across(now, [before, now], { plausibility: { ratio: 1000 } }, code), []);
  // The real jumps: 平潭 行政许可 2020 → 2021 (278 → 2293) and 洪泽 2023 → 2024 (550 → 9487, pinned above); nothing else.
  assert.deepEqual(
    pingtan.flatMap((r) => across(r, pingtan, {}, code)),
    [`${code} 27:5 「行政许可」的「本年处理决定数量」为 2293，是 2020 年度报告（278）的 8.2 倍，请核实。`],
  );
});

test('the plausibility thresholds are validated as the rest of the configuration is', () => {
  assert.deepEqual(parseConfig({ plausibility: { ratio: 0.5, minCount: 10, colour: 1 } }, []), {
    config: { plausibility: { minCount: 10 } },
    problems: ['"plausibility.ratio" must be a number above 1', 'unknown key "plausibility.colour"'],
  });
  assert.deepEqual(parseConfig({ plausibility: 3 }, []).problems, ['"plausibility" must be an object']);
});

test("report.copied-text measures each paragraph against a bounded number of last year's: two reports of 30 000 paragraphs of one length are compared in linear work", () => {
  // Every paragraph as long as every other: comparing all pairs would be 9 × 10⁸ measures.
  const paragraphs = (salt: string) =>
    Array.from(
      { length: 30_000 },
      (_, i) => `${salt}第${String(i).padStart(5, '0')}项工作按计划推进，全年共完成各类事项若干件，群众满意度持续提升，相关制度不断完善。`,
    );
  const report = (year: number, salt: string) => {
    const text = [`某某县人民政府${year}年政府信息公开工作年度报告`, '一、总体情况', ...paragraphs(salt)].join('\n');
    const { bound } = analyze(text);
    return { uri: `${year}.txt`, lines: bound.report.lines, summary: reportSummary(`${year}.txt`, bound) };
  };
  const before = report(2022, '甲');
  const now = report(2023, '乙');
  const started = performance.now();
  const findings = across(now, [before, now], {}, 'report.copied-text');
  // Generous: the bounded comparison takes well under a second here; all pairs would take many minutes.
  assert.ok(performance.now() - started < 20_000, 'copied-text on two long reports');
  // The paragraphs are last year's with one character changed: found, 0.9 similar or more.
  assert.match(findings[0], /^report\.copied-text 3:0 此段与 2022 年度报告第 3 行的一段几乎相同（相似度 0\.9\d）/);
});
