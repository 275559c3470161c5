import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/edits';
import { formats } from '../../server/src/formats';
import { renderReport } from '../../server/src/template/text';
import { checkText, type Finding } from '../../server/src/rules';
import { readFixture } from '../support/fixtures';

const preferredFix = (text: string, code: string) => {
  const finding = checkText(text).find((f) => f.code === code);
  assert.ok(finding, `no ${code}`);
  const fix = finding.fixes.find((f) => f.preferred);
  assert.ok(fix, `${code} has no preferred fix`);
  return { finding, fix, after: applyEdits(text, fix.edits) };
};

for (const format of formats) {
  for (const syntax of ['tsv', 'pipe'] as const) {
    test(`a complete ${format.id} report built from the templates (${syntax}) reports nothing`, () => {
      const year = format.years.from ?? 2017;
      const text = renderReport(format, { organ: '某某县人民政府', year, syntax, number: () => '0' }).join('\n');
      assert.deepEqual(
        checkText(text).map((f: Finding) => `${f.code} ${f.range.start.line}: ${f.message}`),
        [],
      );
    });
  }
}

test('seed 004: part.missing inserts 四 with its empty statutory table after part 三', () => {
  const text = readFixture('seeds', '004_5af3a546c32e05da.txt');
  const { fix, after } = preferredFix(text, 'part.missing');
  assert.equal(fix.title, '插入「四、政府信息公开行政复议、行政诉讼情况」');
  const lines = after.split('\n');
  // The official template's three header rows (行政诉讼 over its two kinds of suit, each over its five results), then the row of blank cells.
  assert.deepEqual(lines.slice(60, 68), [
    '2.重复申请\t\t0\t0\t0\t0\t0\t0\t0\t',
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    '行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t',
    '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    '\t\t\t\t\t\t\t\t\t\t\t\t\t\t',
  ]);
  assert.equal(lines[69], '五、存在的主要问题及改进情况');
  // Inserted, the part is read back as part 四 and its table as table 四.
  assert.deepEqual(
    checkText(after).filter((f) => f.code === 'part.missing'),
    [],
  );
});

test('seed 004: table.missing-row inserts the eight missing rows, with empty cells, after （五）2.重复申请', () => {
  const text = readFixture('seeds', '004_5af3a546c32e05da.txt');
  const { finding, after } = preferredFix(text, 'table.missing-row');
  assert.equal(finding.range.start.line, 60);
  const lines = after.split('\n');
  assert.deepEqual(lines.slice(61, 69), [
    '3.要求提供公开出版物\t\t\t\t\t\t\t',
    '4.无正当理由大量反复申请\t\t\t\t\t\t\t',
    '5.要求行政机关确认或重新出具已获取信息\t\t\t\t\t\t\t',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t\t\t\t\t\t\t',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t\t\t\t\t\t\t',
    '3.其他\t\t\t\t\t\t\t',
    '（七）总计\t\t\t\t\t\t\t',
    '四、结转下年度继续办理\t\t\t\t\t\t\t',
  ]);
  const again = checkText(after);
  assert.deepEqual(
    again.filter((f) => f.code === 'table.missing-row'),
    [],
  );
  // The inserted rows' blanks are one finding for the table, for the user to fill in.
  assert.deepEqual(
    again.filter((f) => f.code === 'table.empty-cell').map((f) => [f.range.start.line, f.message, f.related.length]),
    [
      [
        61,
        '「收到和处理政府信息公开申请情况」表中 8 行有空白单元格：「（五）3.要求提供公开出版物」（整行）、「（五）4.无正当理由大量反复申请」（整行）、' +
          '「（五）5.要求行政机关确认或重新出具已获取信息」（整行）等 8 行（无则填 0）。',
        8,
      ],
    ],
  );
});

test('seed 001: table.label restores the statutory label and keeps the cell’s place', () => {
  const text = readFixture('seeds', '001_6ba39ebe6f690d1f.txt');
  const { finding, after } = preferredFix(text, 'table.label');
  assert.equal(finding.message, '法定行标签为「4.无正当理由大量反复申请」。');
  assert.equal(after.split('\n')[59], '\t\t4.无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0');
});

test('value.unit converts 元 to the declared 万元, keeping the declared decimals', () => {
  const fee = preferredFix(readFixture('rules', '2021-values.txt'), 'value.unit');
  assert.equal(fee.fix.title, '换算为 0.35（万元）');
  assert.equal(fee.after.split('\n')[33], '行政事业性收费\t0.35');
  const procurement = preferredFix(readFixture('rules', '2019-parts-and-units.txt'), 'value.unit');
  assert.equal(procurement.after.split('\n')[35], '政府集中采购\t12\t2406.2243\t');
});

test('the national 2019 采购总金额 declares no unit: a cell in 元 is no finding', () => {
  assert.deepEqual(
    checkText(readFixture('seeds', '003_721881aa274abb1a.txt')).filter((f) => f.code === 'value.unit'),
    [],
  );
});

test('severities: errors for what makes a report non-compliant, warnings for cells and labels, hints for titles', () => {
  const severities = new Map<string, string>();
  for (const name of ['2019-parts-and-units.txt', '2021-values.txt', '2021-format-mismatch.txt', '2021-missing-table.txt']) {
    for (const f of checkText(readFixture('rules', name))) severities.set(f.code, f.severity);
  }
  assert.deepEqual(Object.fromEntries([...severities].sort()), {
    'part.duplicate': 'warning',
    'part.order': 'warning',
    'report.format-mismatch': 'error',
    'report.period-mismatch': 'error',
    'table.empty-cell': 'warning',
    'table.label': 'warning',
    'table.missing': 'error',
    'table.not-number': 'warning',
    'table.unknown-row': 'warning',
    'value.negative': 'warning',
    'value.unit': 'warning',
  });
});

test('report.period-mismatch: the fix changes every mention of the year in the period statement', () => {
  const text = readFixture('rules', '2019-parts-and-units.txt');
  const finding = checkText(text).find((f) => f.code === 'report.period-mismatch')!;
  assert.equal(applyEdits(text, finding.fixes[0].edits).split('\n')[4], '本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。');
});
