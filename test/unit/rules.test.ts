import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../server/src/engine/edits';
import { splitLines } from '../../server/src/engine/lines';
import { checkText } from '../../server/src/rules';
import { fixAll } from '../../server/src/rules/fix-all';
import { fixturesDir, joinLines, readFixture } from '../support/fixtures';

const rangeOf = (f: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
  `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;

// Fixtures in the markdownlint style: every report states its expected findings beside it — the
// faulty variants in rules/, the seeds, and the regression corpus (its README's known findings).
for (const folder of ['rules', 'seeds', 'corpus']) {
  for (const name of readdirSync(join(fixturesDir, folder))
    .filter((n) => /\.(txt|md)$/.test(n) && n !== 'README.md')
    .sort()) {
    const expected = JSON.parse(readFixture(folder, name.replace(/\.(txt|md)$/, '.expected.json'))) as { code: string; range: string; expected?: number }[];
    for (const eol of ['\n', '\r\n']) {
      const text = readFixture(folder, name).replace(/\r?\n/g, eol);
      const label = `${folder}/${name} (${eol === '\n' ? 'LF' : 'CRLF'})`;

      test(`${label}: the expected findings, at the exact cells`, () => {
        const findings = checkText(text);
        assert.deepEqual(
          findings.map((f) => ({ code: f.code, range: rangeOf(f), ...(f.data.expected !== undefined ? { expected: f.data.expected } : {}) })),
          expected,
        );
        const lines = splitLines(text);
        for (const f of findings) {
          for (const r of [f.range, ...f.related.map((x) => x.range)])
            assert.ok(r.end.character <= lines[r.end.line].length, `${f.code} range outside its line`);
        }
      });

      test(`${label}: fix-all leaves no sum mismatch, keeps the line endings and is idempotent`, () => {
        const fixed = fixAll(text);
        assert.deepEqual(
          checkText(fixed).filter((f) => f.code === 'table.sum-mismatch'),
          [],
        );
        assert.equal(/\r\n/.test(fixed), eol === '\r\n');
        if (eol === '\r\n') assert.ok(!/[^\r]\n/.test(fixed), 'a bare LF in a CRLF text');
        assert.equal(fixAll(fixed), fixed);
      });
    }
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
  const finding = checkText(readFixture('rules', '2019-tsv-row-total.txt')).find((f) => f.code === 'table.sum-mismatch')!;
  assert.equal(finding.message, '「（一）予以公开」的「总计」应为 4（自然人 3 + 商业企业 1，其余 4 项为 0），实为 5。');
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.data, { rule: 'a2', table: 'applications', expected: 4, actual: 5, decimals: 0 });
  assert.deepEqual(
    finding.related.map((r) => r.message),
    ['自然人 3', '商业企业 1', '科研机构 0', '社会公益组织 0', '法律服务机构 0', '其他 0'],
  );
  const english = checkText(readFixture('rules', '2019-tsv-row-total.txt'), { locale: 'en' }).find((f) => f.code === 'table.sum-mismatch')!;
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

/** The corpus README's known findings, each of which must be reported. */
const KNOWN: [string, string, string][] = [
  ['平潭综合实验区_2020.txt', 'table.sum-mismatch', '（七）总计」的「自然人」应为 26'],
  ['淮安市洪泽区人民政府_2023.txt', 'table.sum-mismatch', '「行政复议·总计」应为 11'],
  ['淮安市洪泽区人民政府_2023.txt', 'report.format-mismatch', '「（六）其他处理」只有一行数字'],
  ['淮安市洪泽区人民政府_2023.txt', 'table.label', '2.其他法律行政法规禁止公开'],
  ['上海市人民政府办公厅_2019.txt', 'table.empty-cell', '「（一）予以公开」有 3 个单元格未填数字：科研机构、社会公益组织、总计'],
  ['平潭综合实验区_2022.txt', 'part.title', '四、政府信息公开行政复议、行政诉讼情况'],
];

for (const [name, code, words] of KNOWN) {
  test(`corpus ${name}: the known finding ${code}`, () => {
    const findings = checkText(readFixture('corpus', name)).filter((f) => f.code === code);
    assert.ok(
      findings.some((f) => f.message.includes(words)),
      findings.map((f) => f.message).join('\n'),
    );
  });
}
