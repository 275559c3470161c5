import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../server/src/engine/edits';
import { splitLines } from '../../server/src/engine/lines';
import { checkText } from '../../server/src/rules';
import { fixAll } from '../../server/src/rules/fix-all';
import { fixtureNames, fixturesDir, joinLines, readFixture } from '../support/fixtures';

const ARITHMETIC = ['table.sum-mismatch', 'table.balance-mismatch', 'table.subset-exceeds'];
const rangeOf = (f: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
  `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;

// Fixtures in the markdownlint style: each faulty report states its expected findings beside it.
for (const name of readdirSync(join(fixturesDir, 'rules'))
  .filter((n) => /\.(txt|md)$/.test(n))
  .sort()) {
  const expected = JSON.parse(readFixture('rules', name.replace(/\.(txt|md)$/, '.expected.json'))) as { code: string; range: string; expected?: number }[];
  for (const eol of ['\n', '\r\n']) {
    const text = readFixture('rules', name).replace(/\n/g, eol);
    const label = `${name} (${eol === '\n' ? 'LF' : 'CRLF'})`;

    test(`${label}: the expected findings, at the exact cells`, () => {
      const findings = checkText(text);
      assert.deepEqual(
        findings.map((f) => ({ code: f.code, range: rangeOf(f), ...(f.data.expected !== undefined ? { expected: f.data.expected } : {}) })),
        expected,
      );
      const lines = splitLines(text);
      for (const f of findings) {
        for (const r of [f.range, ...f.related.map((x) => x.range)]) assert.ok(r.end.character <= lines[r.end.line].length, `${f.code} range outside its line`);
      }
    });

    test(`${label}: fix-all leaves no sum mismatch, keeps the line endings and is idempotent`, () => {
      const fixed = fixAll(text);
      assert.deepEqual(
        checkText(fixed).filter((f) => f.code === 'table.sum-mismatch'),
        [],
      );
      assert.equal(splitLines(fixed).length, splitLines(text).length);
      assert.equal(fixed.split('\r\n').length, text.split('\r\n').length);
      assert.equal(fixAll(fixed), fixed);
    });
  }
}

test('the quick fix replaces the total cell and nothing else', () => {
  const text = readFixture('rules', '2019-tsv-row-total.txt');
  const finding = checkText(text).find((f) => f.code === 'table.sum-mismatch')!;
  const fix = finding.fixes.find((f) => f.preferred)!;
  assert.equal(fix.title, '将合计改为 4');
  const before = splitLines(text);
  const after = splitLines(applyEdits(text, fix.edits));
  assert.equal(after[61], '三、本年度办理结果\t(一) 予以公开\t3\t1\t0\t0\t0\t0\t4\t');
  assert.deepEqual(
    after.filter((_, i) => i !== 61),
    before.filter((_, i) => i !== 61),
  );
});

test('a sum mismatch names the cells, the expected and written values, and the addends', () => {
  const [finding] = checkText(readFixture('rules', '2019-tsv-row-total.txt'));
  assert.equal(finding.message, '「（一）予以公开」的「总计」应为 4（自然人 3 + 商业企业 1，其余 4 项为 0），实为 5。');
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.data, { rule: 'a2', table: 'applications', expected: 4, actual: 5, decimals: 0 });
  assert.deepEqual(
    finding.related.map((r) => r.message),
    ['自然人 3', '商业企业 1', '科研机构 0', '社会公益组织 0', '法律服务机构 0', '其他 0'],
  );
  const [english] = checkText(readFixture('rules', '2019-tsv-row-total.txt'), { locale: 'en' });
  assert.equal(english.message, '「（一）予以公开」/「总计」 should be 4 (自然人 3 + 商业企业 1, 4 more are 0) but is 5.');
});

test('the balance fix sets 结转 to 一 + 二 − （七） and is not preferred', () => {
  const finding = checkText(readFixture('rules', '2019-tsv-column-total.txt')).find((f) => f.code === 'table.balance-mismatch')!;
  assert.equal(finding.message, '「总计」列勾稽关系不符：第一项加第二项之和为 3，第三项加第四项之和为 4。');
  assert.deepEqual(
    finding.fixes.map((f) => [f.title, f.preferred, f.edits[0].newText]),
    [['将「四、结转下年度继续办理」改为 0', false, '0']],
  );
});

test('a blank cell is never read as 0: the rule does not run on that row', () => {
  const report = joinLines(
    '某镇2020年政府信息公开工作年度报告',
    '三、收到和处理政府信息公开申请情况',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
    '一、本年新收政府信息公开申请数量\t5\t\t0\t0\t0\t0\t9',
    '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
  );
  assert.deepEqual(checkText(report), []);
  assert.equal(checkText(report.replace('5\t\t0', '5\t0\t0')).length, 1);
});

test('amounts with decimals and units in the cell are summed exactly', () => {
  const report = joinLines(
    '某镇2009年政府信息公开工作年度报告',
    '统计指标\t单位\t统计数',
    '（三）从事政府信息公开工作人员数\t人\t3',
    '1.专职人员数\t人\t1',
    '2.兼职人员数\t人\t2',
  );
  assert.deepEqual(checkText(report), []);
  assert.equal(checkText(report.replace('人\t3', '人\t4人'))[0].fixes[0].edits[0].newText, '3');
});

for (const seed of fixtureNames('seeds')) {
  test(`seed ${seed}: arithmetically consistent, no finding`, () => {
    assert.deepEqual(
      checkText(readFixture('seeds', seed)).filter((f) => ARITHMETIC.includes(f.code)),
      [],
    );
  });
}

/** The corpus README's known arithmetic findings; every other corpus report must give none. */
const KNOWN: Record<string, string[]> = {
  '平潭综合实验区_2020.txt': ['table.sum-mismatch 99:6-99:8 26', 'table.sum-mismatch 99:19-99:21 27'],
  '淮安市洪泽区人民政府_2023.txt': ['table.sum-mismatch 72:9-72:10 11', 'table.sum-mismatch 72:29-72:30 5'],
};

for (const name of fixtureNames('corpus')) {
  test(`corpus ${name}: ${KNOWN[name] ? 'its known arithmetic findings' : 'no false alarm'}`, () => {
    const findings = checkText(readFixture('corpus', name)).filter((f) => ARITHMETIC.includes(f.code));
    assert.deepEqual(
      findings.map((f) => `${f.code} ${rangeOf(f)} ${f.data.expected}`),
      KNOWN[name] ?? [],
    );
  });
}
