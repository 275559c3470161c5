/** The reviewer's desk, one report at a time: report.stale-year and report.late, on fixtures and on every real report. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, type Finding } from '../../server/src/rules';
import { fixturesDir, readFixture } from '../support/fixtures';

const rangeOf = ({ range: { start, end } }: Finding) => `${start.line}:${start.character}-${end.line}:${end.character}`;
const shown = (text: string, code: string, locale: 'zh-cn' | 'en' = 'zh-cn') =>
  checkText(text, { locale })
    .filter((f) => f.code === code)
    .map((f) => ({ severity: f.severity, range: rangeOf(f), message: f.message }));

const realReports = ['corpus', 'seeds'].flatMap((folder) =>
  readdirSync(join(fixturesDir, folder))
    .filter((name) => /\.(txt|md)$/.test(name) && name !== 'README.md')
    .map((name) => ({ folder, name })),
);

const stale = (year: number) => `此句讲的是 ${year} 年，本报告是 2023 年度报告：是否沿用了往年报告的文字而未改年份？`;

test('report.stale-year: a sentence of parts 一–四 opening with last year (or the one before) is flagged at the year; comparisons, carry-overs, ranges, document dates and titles, 以来, 截至, history and parts 五–六 are not', () => {
  assert.deepEqual(shown(readFixture('desk', 'stale-2023.txt'), 'report.stale-year'), [
    { severity: 'warning', range: '5:0-5:4', message: stale(2022) }, // 2022年，我局共受理…
    { severity: 'warning', range: '6:9-6:13', message: stale(2022) }, // …。2022年共发布…
    { severity: 'warning', range: '7:0-7:4', message: stale(2022) }, // 2022年度，…
    { severity: 'warning', range: '8:0-8:4', message: stale(2021) }, // 2021 年我局办理…
    { severity: 'warning', range: '21:0-21:4', message: stale(2022) }, // part 二: 2022年，全县…
  ]);
});

test('report.stale-year offers to change the year to the report year, not as the preferred fix', () => {
  const [finding] = checkText(readFixture('desk', 'stale-2023.txt'), { locale: 'en' }).filter((f) => f.code === 'report.stale-year');
  assert.equal(finding.message, 'This statement is about 2022, the report about 2023: text of an earlier report with its year left unchanged?');
  assert.deepEqual(finding.fixes, [
    { title: 'Change to 2023', edits: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 4 } }, newText: '2023' }], preferred: false },
  ]);
});

test('report.late: the 落款 (Arabic or Chinese numerals, labelled or not) or else the 发布日期 at the top, past the deadline of the organ the title names', () => {
  assert.deepEqual(shown(readFixture('desk', 'late-department-2023.txt'), 'report.late'), [
    {
      severity: 'hint',
      range: '23:0-23:9',
      message: '报告日期为 2024年2月5日，晚于公布期限 2024年1月31日：政府部门的年度报告应于次年1月31日前公布（《条例》第四十九条）。',
    },
  ]);
  assert.deepEqual(shown(readFixture('desk', 'late-government-2023.txt'), 'report.late'), [
    {
      severity: 'hint',
      range: '23:0-23:9',
      message: '报告日期为 2024年4月1日，晚于公布期限 2024年3月31日：人民政府本级的年度报告应于次年3月31日前公布（《条例》第四十九条）。',
    },
  ]);
  assert.deepEqual(shown(readFixture('desk', 'late-township-2019.txt'), 'report.late'), [
    {
      severity: 'hint',
      range: '1:5-1:15',
      message: '报告日期为 2020年2月10日，晚于公布期限 2020年1月31日：乡镇、街道的年度报告应于次年1月31日前公布（《条例》第四十九条）。',
    },
  ]);
  assert.deepEqual(shown(readFixture('desk', 'late-2008-2017.txt'), 'report.late', 'en'), [
    {
      severity: 'hint',
      range: '23:6-23:18',
      message:
        'The report is dated 2018-04-02, after its deadline 2018-03-31: a report of 2018 or before is due by 31 March of the next year (2008 Regulations, art. 31).',
    },
  ]);
});

test("report.late: a date within the organ's deadline, a department's date that a government's report could have, and a report without a date get nothing", () => {
  const department = readFixture('desk', 'late-department-2023.txt');
  assert.deepEqual(shown(department.replace('2024年2月5日', '2024年1月31日'), 'report.late'), []);
  assert.deepEqual(shown(readFixture('desk', 'late-government-2023.txt').replace('二〇二四年四月一日', '二〇二四年二月五日'), 'report.late'), []);
  assert.deepEqual(shown(readFixture('desk', 'late-2008-2017.txt').replace('2018 年 4 月 2 日', '2018 年 3 月 20 日'), 'report.late'), []);
  assert.deepEqual(shown(department.replace('2024年2月5日\n', ''), 'report.late'), []);
});

test('the real reports (corpus and seeds) get no report.stale-year and no report.late', () => {
  for (const { folder, name } of realReports) {
    const found = checkText(readFixture(folder, name)).filter((f) => f.code === 'report.stale-year' || f.code === 'report.late');
    assert.deepEqual(found.map(rangeOf), [], `${folder}/${name}`);
  }
});

test('report.late judges 上海市人民政府办公厅 (an office: 1月31日) by the 发布日期 at the top: 2020-01-31 is on time, a day later is not', () => {
  const text = readFixture('corpus', '上海市人民政府办公厅_2019.txt');
  assert.deepEqual(shown(text, 'report.late'), []);
  assert.deepEqual(shown(text.replace('发布日期：2020-01-31', '发布日期：2020-02-01'), 'report.late'), [
    {
      severity: 'hint',
      range: '1:5-1:15',
      message: '报告日期为 2020年2月1日，晚于公布期限 2020年1月31日：政府部门的年度报告应于次年1月31日前公布（《条例》第四十九条）。',
    },
  ]);
});
