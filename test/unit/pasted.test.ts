import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeReport } from '../../server/src/engine/detect';
import { applyEdits } from '../../server/src/engine/edits';
import { splitLines } from '../../server/src/engine/lines';
import { parseReport } from '../../server/src/engine/structure';
import { checkText, type Finding } from '../../server/src/rules';
import { fixAll } from '../../server/src/rules/fix-all';
import { joinLines, readFixture } from '../support/fixtures';

// Real corpus reports reshaped as pasted copies reach the checker (scripts/make-pasted-fixtures.mjs
// says how each test/fixtures/extracted/pasted-*.txt was made, and from which report).

const pasted = (name: string) => readFixture('extracted', `pasted-${name}.txt`);
const rangeOf = ({ range: { start, end } }: Finding) => `${start.line}:${start.character}-${end.line}:${end.character}`;
const shown = (findings: Finding[], ...codes: string[]) =>
  findings.filter((f) => codes.includes(f.code)).map((f) => ({ code: f.code, severity: f.severity, range: rangeOf(f), message: f.message }));

test('a title line carrying the body is read as a report with its title, organ and year, and no 「没有标题」', () => {
  const text = pasted('one-line-平潭综合实验区_2013');
  assert.ok(looksLikeReport(text));
  const title = parseReport(text).title!;
  assert.deepEqual(
    { text: title.text, organ: title.organ, year: title.year, range: title.range },
    {
      text: '平潭综合实验区2013年政府信息公开工作年度报告',
      organ: '平潭综合实验区',
      year: 2013,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 24 } },
    },
  );
  const findings = checkText(text);
  assert.deepEqual(shown(findings, 'report.title'), []);
  // The body on the title line is still read: the prose figure against the table.
  assert.deepEqual(
    shown(findings, 'report.prose-vs-table').map((f) => f.range),
    ['0:1016-0:1020'],
  );
});

test('prose about reports, or a sentence ending in the title words, is not a title carrying a body', () => {
  assert.ok(!looksLikeReport('Real 政府信息公开工作年度报告 texts from public sources, kept as found.'));
  const sentence = '根据上级要求，各单位应按时报送政府信息公开工作年度报告 并做好' + '解读工作，'.repeat(30);
  assert.ok(!looksLikeReport(joinLines('会议纪要', sentence, '一、会议内容')));
});

test('a title whose tail holds no sentence keeps its tail', () => {
  const title = parseReport(joinLines('某某市政府信息公开工作报告 2019年度', '', '正文。')).title!;
  assert.deepEqual([title.text, title.year], ['某某市政府信息公开工作报告 2019年度', 2019]);
});

test('the five blank 法人或其他组织 columns of table 三 are one finding for the table', () => {
  const findings = checkText(pasted('blank-group-淮安市洪泽区人民政府_2024'));
  assert.deepEqual(shown(findings, 'table.empty-cell', 'table.not-number', 'table.sum-mismatch', 'table.balance-mismatch'), [
    {
      code: 'table.empty-cell',
      severity: 'warning',
      range: '41:20-41:24',
      message: '「收到和处理政府信息公开申请情况」表中「商业企业」「科研机构」「社会公益组织」「法律服务机构」「其他」列空白（无则填 0）。',
    },
  ]);
});

test('the 2019 label 规范性文件 in a 2021 第二十条第（一）项 table is a table.label finding whose fix restores 行政规范性文件', () => {
  const text = pasted('other-era-label-平潭综合实验区_2021');
  const findings = checkText(text);
  assert.deepEqual(shown(findings, 'table.label', 'table.unknown-row', 'report.format-mismatch'), [
    { code: 'table.label', severity: 'warning', range: '23:0-23:5', message: '法定行标签为「行政规范性文件」。' },
  ]);
  const fix = findings.find((f) => f.code === 'table.label')!.fixes.find((x) => x.preferred)!;
  assert.equal(splitLines(applyEdits(text, fix.edits))[23], '行政规范性文件\t69\t3\t665');
});

test('a report cut short after part 三 is missing parts 四, 五 and 六, and fix-all inserts them', () => {
  const text = pasted('cut-short-平潭综合实验区_2021');
  assert.deepEqual(shown(checkText(text), 'part.missing'), [
    { code: 'part.missing', severity: 'error', range: '35:0-35:17', message: '缺少第四部分「四、政府信息公开行政复议、行政诉讼情况」。' },
    { code: 'part.missing', severity: 'error', range: '35:0-35:17', message: '缺少第五部分「五、存在的主要问题及改进情况」。' },
    { code: 'part.missing', severity: 'error', range: '35:0-35:17', message: '缺少第六部分「六、其他需要报告的事项」。' },
  ]);
  const fixed = splitLines(fixAll(text).text);
  assert.deepEqual(
    fixed.filter((line) => /^[四五六]、/.test(line)),
    ['四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
  );
});

test('opening parts without a title are not taken for a report cut short', () => {
  const text = joinLines('一、总体情况', '', '正文。', '', '二、主动公开政府信息情况', '', '正文。', '', '三、收到和处理政府信息公开申请情况', '', '正文。');
  assert.deepEqual(shown(checkText(text), 'part.missing'), []);
});

test('the official long part titles are never part.title', () => {
  const text = pasted('long-titles-平潭综合实验区_2021');
  assert.deepEqual(
    splitLines(text).filter((line) => /^[二三四五]、/.test(line) && !line.includes('\t')),
    [
      '二、行政机关主动公开政府信息情况',
      '三、行政机关收到和处理政府信息公开申请情况',
      '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '五、政府信息公开工作存在的主要问题及改进情况',
    ],
  );
  assert.deepEqual(shown(checkText(text), 'part.title', 'part.missing', 'part.order'), []);
});

test('a blank statistical period is a hint whose offered fix fills in the title year', () => {
  const text = pasted('one-line-平潭综合实验区_2013');
  const finding = checkText(text).find((f) => f.code === 'report.period-blank')!;
  assert.deepEqual(shown([finding], 'report.period-blank'), [
    { code: 'report.period-blank', severity: 'hint', range: '0:228-0:230', message: '统计期限没有写明起止日期。' },
  ]);
  assert.deepEqual(
    finding.fixes.map((f) => ({ title: f.title, preferred: f.preferred })),
    [{ title: '填写为「自2013年1月1日至2013年12月31日」', preferred: false }],
  );
  assert.ok(applyEdits(text, finding.fixes[0].edits).includes('本报告所列数据的统计期限自2013年1月1日至2013年12月31日。'));
});

test('a blank period with 年月日 left in keeps its 起 and 止; a filled one, or one without a title year, gets no fix', () => {
  const title = '九皋镇人民政府2020年政府信息公开工作年度报告';
  const blank = joinLines(title, '', '本报告所列数据的统计期限自 年 月 日起至 年 月 日止。');
  const [finding] = checkText(blank).filter((f) => f.code === 'report.period-blank');
  assert.equal(rangeOf(finding), '2:12-2:28');
  assert.equal(splitLines(applyEdits(blank, finding.fixes[0].edits))[2], '本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。');
  const filled = joinLines(title, '', '本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。');
  assert.deepEqual(shown(checkText(filled), 'report.period-blank'), []);
  const untitled = checkText(joinLines('政府信息公开工作年度报告', '', '统计期限自至。')).filter((f) => f.code === 'report.period-blank');
  assert.deepEqual(
    untitled.map((f) => [rangeOf(f), f.fixes.length]),
    [['2:4-2:6', 0]],
  );
});
