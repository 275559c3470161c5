/** The roll-up: the units' tables summed into a report of the year's format that reads back clean, with who was summed, left out and missing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig, mergeConfigs } from '../../server/src/config/config';
import { analyze } from '../../server/src/rules';
import { latestYear, rollUp, type RollupInput } from '../../server/src/rules/rollup';
import { readFixture } from '../support/fixtures';

const input = (folder: string, name: string): RollupInput => ({ name, bound: analyze(readFixture(folder, name)).bound });
const cell = (text: string, table: string, row: string, column: string) => {
  const value = analyze(text)
    .bound.tables.find((t) => t.definition.id === table)
    ?.rows.get(row)
    ?.cells.get(column)?.value;
  return value?.kind === 'number' ? `${value.units}e-${value.decimals}` : value?.kind;
};
const paragraphs = (text: string) => text.split('\n').slice(0, 11).filter(Boolean);

test('two real 2023 reports sum cell by cell exactly, and the roll-up reads back with no finding at all', () => {
  const reports = [input('corpus', '宿迁市_2023_据比对报告重建.txt'), input('corpus', '平潭综合实验区_2023.txt')];
  const rollup = rollUp(reports, 2023, { organ: '某省', syntax: 'pipe' });
  assert.deepEqual(
    rollup.summed.map((s) => s.organ),
    ['宿迁市', '平潭综合实验区'],
  );
  const [a, b] = reports.map((r) => r.bound.report.lines.join('\n'));
  for (const [table, row, column] of [
    ['applications', 'new', 'total'],
    ['applications', 'disclosed', 'natural'],
    ['article20-5', 'licensing', 'decisions'],
    ['review-litigation', 'cases', 'direct.total'],
  ]) {
    const [x, y] = [cell(a, table, row, column), cell(b, table, row, column)].map((v) => BigInt(v!.split('e')[0]));
    assert.equal(cell(rollup.text, table, row, column), `${x + y}e-0`, `${table} ${row} ${column}`);
  }
  assert.equal(cell(rollup.text, 'applications', 'new', 'total'), '3592e-0');
  // 本年收费金额 in 万元, summed exactly to the most decimals written.
  assert.equal(cell(rollup.text, 'article20-8', 'fees', 'fee_amount'), '65186333567e-6');
  const back = analyze(rollup.text);
  assert.deepEqual(
    back.findings.map((f) => f.code),
    [],
  );
  assert.equal(back.bound.report.title?.text, '某省2023年政府信息公开工作年度报告（汇总）');
  assert.deepEqual(
    back.bound.parts.map((p) => p.definition?.number),
    [1, 2, 3, 4, 5, 6],
  );
});

test('units summed, expected units with no report and reports of another year are listed in the preamble, never counted', () => {
  const folder = 'desk/rollup-2023';
  const reports = ['甲镇_2023.txt', '乙镇_2023.txt', '丙镇_2022.txt'].map((name) => input(folder, name));
  const rollup = rollUp(reports, latestYear(reports.map((r) => r.bound))!, { organ: '某某县', units: ['甲镇人民政府', '乙镇', '丁镇人民政府'], syntax: 'tsv' });
  assert.equal(rollup.year, 2023);
  assert.deepEqual(rollup.missing, ['丁镇人民政府']);
  assert.deepEqual(rollup.leftOut, [{ name: '丙镇_2022.txt', reason: { 'zh-cn': '是2022年的报告', en: 'a report for 2022' } }]);
  assert.deepEqual(paragraphs(rollup.text), [
    '某某县2023年政府信息公开工作年度报告（汇总）',
    '本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
    '本报告表格数据由以下2个单位的2023年政府信息公开工作年度报告逐级汇总：甲镇人民政府、乙镇人民政府。',
    '未收到报告：丁镇人民政府。',
    '未汇总：丙镇_2022.txt（是2022年的报告）。',
    '一、总体情况',
  ]);
  // 丙镇's 40 行政处罚 of 2022 are not in: blank (甲镇) + 5 (乙镇) is 5; blank + blank stays blank; 1.5 + 0.25 万元 is 1.75.
  assert.equal(cell(rollup.text, 'article20-6', 'penalty', 'decisions'), '5e-0');
  assert.equal(cell(rollup.text, 'article20-5', 'licensing', 'decisions'), 'blank');
  assert.equal(cell(rollup.text, 'article20-8', 'fees', 'fee_amount'), '175e-2');
  assert.equal(cell(rollup.text, 'applications', 'new', 'total'), '13e-0');
  assert.deepEqual(
    analyze(rollup.text).findings.map((f) => f.code),
    ['table.empty-cell'],
  );
});

test('two reports of one organ and year are both left out, each naming the other; a report with rows missing is left out with them', () => {
  const folder = 'desk/rollup-2023';
  const again = { ...input(folder, '甲镇_2023.txt'), name: '甲镇_2023（修改稿）.txt' };
  const hongze = input('corpus', '淮安市洪泽区人民政府_2023.txt');
  const rollup = rollUp([input(folder, '甲镇_2023.txt'), again, input(folder, '乙镇_2023.txt'), hongze], 2023, { organ: '某某县', syntax: 'tsv' });
  assert.deepEqual(
    rollup.summed.map((s) => s.name),
    ['乙镇_2023.txt'],
  );
  assert.deepEqual(
    rollup.leftOut.map((l) => `${l.name}: ${l.reason.en}`),
    [
      '淮安市洪泽区人民政府_2023.txt: the table 「收到和处理政府信息公开申请情况」 lacks rows: 「1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请」, 「2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」, 「3.其他」',
      '甲镇_2023.txt: 甲镇人民政府 has another 2023 report: 甲镇_2023（修改稿）.txt; keep only one',
      '甲镇_2023（修改稿）.txt: 甲镇人民政府 has another 2023 report: 甲镇_2023.txt; keep only one',
    ],
  );
  assert.equal(cell(rollup.text, 'applications', 'new', 'total'), '10e-0');
});

test('.govreportrc.json "units": a list of names, a nearer folder\'s replacing its parent\'s', () => {
  assert.deepEqual(parseConfig({ units: ['甲镇', '乙镇'] }, []), { config: { units: ['甲镇', '乙镇'] }, problems: [] });
  assert.deepEqual(parseConfig({ units: '甲镇' }, []).problems, ['"units" must be an array of organ names']);
  assert.deepEqual(parseConfig({ units: ['甲镇', 3] }, []).problems, ['"units" must be an array of organ names']);
  assert.deepEqual(mergeConfigs({ units: ['甲镇'] }, { units: ['乙镇'] }).units, ['乙镇']);
});
