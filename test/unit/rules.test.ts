import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../server/src/engine/edits';
import { splitLines } from '../../server/src/engine/lines';
import { analyze, analyzeAll, checkText, rules, type Finding } from '../../server/src/rules';
import { readDocx } from '../../server/src/readers/docx';
import { renderReport } from '../../server/src/readers/render';
import { fixAll } from '../../server/src/rules/fix-all';
import { fixturesDir, joinLines, readFixture } from '../support/fixtures';

const rangeOf = (f: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
  `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;

/** The rules that have more findings after than before: what a fix added (blanks of inserted rows, left for the user to fill, excepted). */
function addedCodes(before: Finding[], after: Finding[]): string[] {
  const count = (findings: Finding[], code: string) => findings.filter((f) => f.code === code).length;
  return [...new Set(after.map((f) => f.code))].filter((code) => code !== 'table.empty-cell' && count(after, code) > count(before, code));
}

// Fixtures in the markdownlint style: every report states its expected findings beside it — the
// faulty variants in rules/, the seeds, and the regression corpus (its README's known findings).
// The extracted text of rendered and published PDFs too (extracted/, made by scripts/make-extracted-fixtures.mjs): its `-layout` output;
// and the pasted shapes of corpus reports (pasted-*, made by scripts/make-pasted-fixtures.mjs).
const extracted = /\.layout\.txt$|^pasted-/;
for (const folder of ['rules', 'seeds', 'corpus', 'extracted']) {
  for (const name of readdirSync(join(fixturesDir, folder))
    .filter((n) => /\.(txt|md)$/.test(n) && n !== 'README.md' && (folder !== 'extracted' || extracted.test(n)))
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

      test(`${label}: fix-all leaves no preferred fix, adds no finding, keeps the line endings and is idempotent`, () => {
        const before = analyzeAll(text).findings;
        const fixed = fixAll(text).text;
        const after = analyzeAll(fixed).findings;
        assert.deepEqual(
          after.filter((f) => f.fixes.some((x) => x.preferred)).map((f) => `${f.code} ${rangeOf(f)}`),
          [],
        );
        assert.deepEqual(addedCodes(before, after), []);
        assert.equal(/\r\n/.test(fixed), eol === '\r\n');
        if (eol === '\r\n') assert.ok(!/[^\r]\n/.test(fixed), 'a bare LF in a CRLF text');
        assert.equal(fixAll(fixed).text, fixed);
      });

      test(`${label}: each preferred fix, applied alone, removes its finding and adds none`, () => {
        const before = analyzeAll(text).findings;
        for (const finding of before) {
          for (const fix of finding.fixes.filter((x) => x.preferred)) {
            const after = analyzeAll(applyEdits(text, fix.edits)).findings;
            assert.deepEqual(addedCodes(before, after), [], `${fix.title} adds a finding`);
            const count = (findings: Finding[]) => findings.filter((f) => f.code === finding.code).length;
            assert.ok(count(after) < count(before), `${fix.title} leaves its finding`);
          }
        }
      });
    }
  }
}

test('the quick fix replaces the total cell and nothing else', () => {
  const text = readFixture('rules', '2019-tsv-row-total.txt');
  const finding = checkText(text).find((f) => f.code === 'table.sum-mismatch')!;
  const fix = finding.fixes.find((f) => f.preferred)!;
  assert.equal(fix.title, '将「（一）予以公开」的「总计」改为 4');
  const before = splitLines(text);
  const after = splitLines(applyEdits(text, fix.edits));
  assert.equal(after[61], '三、本年度办理结果\t(一) 予以公开\t3\t1\t0\t0\t0\t0\t4\t');
  assert.deepEqual(
    after.filter((_, i) => i !== 61),
    before.filter((_, i) => i !== 61),
  );
});

test('a sum mismatch leads with the answer, then the addends; only the addends that carry a value are related', () => {
  const finding = checkText(readFixture('rules', '2019-tsv-row-total.txt')).find((f) => f.code === 'table.sum-mismatch')!;
  assert.equal(finding.message, '「（一）予以公开」的「总计」应为 4，实为 5（自然人 3 + 商业企业 1，其余 4 项为 0）。');
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.data, {
    rule: 'a2',
    table: 'applications',
    row: 'disclosed',
    column: 'total',
    expected: 4,
    actual: 5,
    decimals: 0,
    id: 'table.sum-mismatch/隆德县联财镇/2019/applications/disclosed/total/a2',
  });
  assert.deepEqual(
    finding.related.map((r) => r.message),
    ['自然人 3', '商业企业 1'],
  );
  const english = checkText(readFixture('rules', '2019-tsv-row-total.txt'), { locale: 'en' }).find((f) => f.code === 'table.sum-mismatch')!;
  assert.equal(english.message, '「（一）予以公开」/「总计」 should be 4 but is 5 (自然人 3 + 商业企业 1, 4 more are 0).');
});

// 平潭综合实验区 2020: the outcome rows add up to 26 in the 自然人 column while （七）总计 says 20, and the
// printed 勾稽关系 (一 + 二 = 三（七）+ 四) holds with 20: the outcome rows are the likelier error.
test('a total whose correction would break the 勾稽关系 is offered, not preferred, and the message says why', () => {
  const text = readFixture('corpus', '平潭综合实验区_2020.txt');
  const findings = checkText(text);
  const natural = findings.find((f) => f.code === 'table.sum-mismatch' && f.data.column === 'natural')!;
  assert.equal(
    natural.message,
    '「（七）总计」的「自然人」应为 26，实为 20（（一）予以公开 6 + （二）部分公开 6 + （四）1.本机关不掌握相关政府信息 4 + （四）3.补正后申请内容仍不明确 3 + （五）2.重复申请 3 + （六）其他处理 4，其余 13 项为 0）。' +
      '但改为 26 后，「自然人」列勾稽关系（一 + 二 = 20，三 + 四 = 26）将不成立，而现有的 20 与之相符，有误的可能是分项。请核对；「全部修正」不改此处。',
  );
  assert.deepEqual(
    findings.flatMap((f) => f.fixes.map((x) => [f.code, x.title, x.preferred])),
    [
      ['table.sum-mismatch', '将「（七）总计」的「自然人」改为 26', false],
      ['table.sum-mismatch', '将「（七）总计」的「总计」改为 27', false],
    ],
  );
  assert.equal(fixAll(text).text, text);
});

test('a grand total whose column counts a wrong row total is not preferred: its row and the 勾稽关系 say otherwise', () => {
  const text = readFixture('rules', '2019-tsv-row-total.txt');
  const corner = checkText(text).find((f) => f.code === 'table.sum-mismatch' && f.data.row === 'outcome_total' && f.data.column === 'total')!;
  assert.equal(
    corner.message,
    '「（七）总计」的「总计」应为 5，实为 4（（一）予以公开 5，其余 18 项为 0）。' +
      '但改为 5 后，「总计」列勾稽关系（一 + 二 = 4，三 + 四 = 5）、「（七）总计」行合计（分项之和 4，合计 5）将不成立，而现有的 4 与之相符，有误的可能是分项。请核对；「全部修正」不改此处。',
  );
  assert.equal(corner.fixes[0].preferred, false);
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

test('a table read from a grid: a label over two label columns leaves an empty cell, a blank last cell is the 总计', () => {
  const disclosed = (rows: string[]) => {
    const table = analyze(joinLines('某镇2020年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况', ...rows)).bound.tables[0];
    return [...table.rows.get('disclosed')!.cells.values()].map((c) => c.cell?.text ?? '∅');
  };
  const header = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t';
  const grid = [header, '一、本年新收政府信息公开申请数量\t\t\t5\t0\t0\t0\t0\t0\t5', '三、本年度办理结果\t（一）予以公开\t\t3\t0\t0\t0\t0\t0\t'];
  assert.deepEqual(disclosed(grid), ['3', '0', '0', '0', '0', '0', '']);
  // Typed text: a trailing tab after the 总计 is debris, not a column.
  const typed = [
    header.replace(/\t+/, '\t'),
    '一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5',
    '三、本年度办理结果\t（一）予以公开\t3\t0\t0\t0\t0\t0\t3\t',
  ];
  assert.deepEqual(disclosed(typed), ['3', '0', '0', '0', '0', '0', '3']);
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
  ['上海市人民政府办公厅_2019.txt', 'table.empty-cell', '「（一）予以公开」（总计）'],
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

const blankCellFix = (finding: Finding) => {
  assert.equal(finding.fixes.length, 1);
  assert.equal(finding.fixes[0].preferred, false);
  return finding.fixes[0];
};
const seen = (findings: Finding[]) => findings.map((f) => `${f.code} ${rangeOf(f)} ${f.message}`);

test('上海 2019: one table.empty-cell per table, naming the blank columns, then the rows with other blanks', () => {
  const text = readFixture('corpus', '上海市人民政府办公厅_2019.txt');
  const [applications, review] = checkText(text).filter((f) => f.code === 'table.empty-cell');
  assert.equal(checkText(text).filter((f) => f.code === 'table.empty-cell').length, 2);
  assert.equal(
    applications.message,
    '「收到和处理政府信息公开申请情况」表中「科研机构」「社会公益组织」列空白，另有 21 行还有空白：「二、上年结转政府信息公开申请数量」（商业企业、法律服务机构、其他）、' +
      '「（一）予以公开」（总计）、「（二）部分公开」（商业企业、法律服务机构、其他、总计）等 21 行（无则填 0）。',
  );
  assert.equal(rangeOf(applications), '77:24-77:25');
  assert.equal(applications.related.length, 23);
  assert.deepEqual(applications.related[2], {
    range: { start: { line: 79, character: 25 }, end: { line: 79, character: 31 } },
    message: '「（一）予以公开」：科研机构、社会公益组织、总计',
  });
  assert.deepEqual((applications.data.blanks as unknown[]).slice(0, 2), [
    { row: 'new', columns: ['research', 'public_welfare'] },
    { row: 'carried_in', columns: ['business', 'research', 'public_welfare', 'legal', 'other'] },
  ]);
  assert.equal(blankCellFix(applications).title, '本表空白单元格填 0（空白的合计填分项之和）');
  assert.equal(
    review.message,
    '「政府信息公开行政复议、行政诉讼情况」表有 9 个单元格未填数字：行政复议·结果纠正、行政复议·其他结果、行政诉讼·未经复议直接起诉·结果纠正、行政诉讼·未经复议直接起诉·其他结果、' +
      '行政诉讼·复议后起诉·结果维持、行政诉讼·复议后起诉·结果纠正、行政诉讼·复议后起诉·其他结果、行政诉讼·复议后起诉·尚未审结、行政诉讼·复议后起诉·总计（无则填 0）。',
  );
  assert.deepEqual(
    review.related.slice(0, 2).map((r) => r.message),
    ['行政复议·结果纠正', '行政复议·其他结果'],
  );
  assert.equal(blankCellFix(review).title, '本表空白单元格填 0');
  const english = checkText(text, { locale: 'en' }).find((f) => f.code === 'table.empty-cell')!;
  assert.equal(
    english.message,
    '「收到和处理政府信息公开申请情况」: the 「科研机构」 and 「社会公益组织」 columns are blank; 21 more row(s) have blanks: ' +
      '「二、上年结转政府信息公开申请数量」 (商业企业, 法律服务机构, 其他), 「（一）予以公开」 (总计), 「（二）部分公开」 (商业企业, 法律服务机构, 其他, 总计) and 18 more (write 0 for none).',
  );
  assert.equal(blankCellFix(english).title, "Fill this table's blank cells with 0 (blank totals with the sum of their items)");
});

test('a table with one number column lists its blank rows; blank sub-items under a parent of 0 in the 2008 统计表 are fine', () => {
  const text = readFixture('rules', '2008-statistics.txt');
  assert.deepEqual(
    checkText(text).filter((f) => f.code === 'table.empty-cell'),
    [],
  );
  const findings = checkText(text.replace('(二) 申请办结数\t件\t0', '(二) 申请办结数\t件\t3')).filter((f) => f.code === 'table.empty-cell');
  assert.deepEqual(
    findings.map((f) => [rangeOf(f), f.message]),
    [['158:11-158:11', '「政府信息公开情况统计表」表中 2 行未填数字：「（二）1.按时办结数」、「（二）2.延期办结数」（无则填 0）。']],
  );
});

// The fix is re-read: the cells it names hold numbers, and nothing else changes.
for (const [name, read] of [
  ['上海市人民政府办公厅_2019 (tab-separated)', () => readFixture('corpus', '上海市人民政府办公厅_2019.txt')],
  [
    'the WPS template as Markdown (pipe tables)',
    () => renderReport(readDocx(new Uint8Array(readFileSync(join(fixturesDir, 'published', '政务公开年报模版_2021格式.docx')))), 'md').text,
  ],
] as const) {
  test(`${name}: 「本表空白单元格填 0」 fills every blank it names, and adds no finding`, () => {
    const text = read();
    const before = checkText(text);
    const blanks = before.filter((f) => f.code === 'table.empty-cell');
    assert.ok(blanks.length >= 2);
    for (const finding of blanks) {
      const { bound, findings } = analyze(applyEdits(text, blankCellFix(finding).edits));
      const table = bound.tables.find((t) => t.definition.id === finding.data.table)!;
      for (const { row, columns } of finding.data.blanks as { row: string; columns: string[] }[]) {
        for (const column of columns) assert.equal(table.rows.get(row)!.cells.get(column)!.value.kind, 'number', `${row} ${column}`);
      }
      assert.deepEqual(seen(findings), seen(before.filter((f) => f !== finding)));
    }
  });
}

test('上海 2019: the blanks become 0, and a blank total the sum of its items', () => {
  const text = readFixture('corpus', '上海市人民政府办公厅_2019.txt');
  const finding = checkText(text).find((f) => f.code === 'table.empty-cell')!;
  const lines = splitLines(applyEdits(text, blankCellFix(finding).edits));
  assert.equal(lines[78], '二、上年结转政府信息公开申请数量\t18\t0\t0\t0\t0\t0\t18');
  assert.equal(lines[79], '三、本年度办理结果\t（一）予以公开\t258\t12\t0\t0\t1\t1\t272');
  assert.equal(lines[82], '2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0');
});

// Rows as conversion leaves them: blank fields, blank fields with spaces, and cells the row lacks
// (bound as its leading columns), written as new fields before its first value or at its end. In a
// pipe table the value takes the place of the padding's spaces; full-width spaces are kept.
for (const [fixture, row, blanked, filled] of [
  ['2019-tsv-row-total.txt', '(六) 其他处理\t0\t0\t0\t0\t0\t0\t0\t', '(六) 其他处理\t0\t \t0\t\t0\t0\t0\t', '(六) 其他处理\t0\t0\t0\t0\t0\t0\t0\t'],
  ['2019-tsv-row-total.txt', '(六) 其他处理\t0\t0\t0\t0\t0\t0\t0\t', '(六) 其他处理\t', '(六) 其他处理\t0\t0\t0\t0\t0\t0\t0'],
  ['2019-tsv-row-total.txt', '(六) 其他处理\t0\t0\t0\t0\t0\t0\t0\t', '\t(六) 其他处理', '\t(六) 其他处理\t0\t0\t0\t0\t0\t0\t0'],
  [
    '2019-markdown-column-total.md',
    '| (六) 其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |  |',
    '| (六) 其他处理 |    | 0 || 0 | 0 | 0 | 0 |',
    '| (六) 其他处理 | 0  | 0 | 0 | 0 | 0 | 0 | 0 |',
  ],
  [
    '2019-markdown-column-total.md',
    '| (六) 其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |  |',
    '| (六) 其他处理 | \u3000\u3000  | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| (六) 其他处理 | 0\u3000\u3000 | 0 | 0 | 0 | 0 | 0 | 0 |',
  ],
  [
    '2019-markdown-column-total.md',
    '| (六) 其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |  |',
    '| (六) 其他处理 | 0 |',
    '| (六) 其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
  ],
  ['2019-markdown-column-total.md', '| (六) 其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |  |', '| (六) 其他处理 |', '| (六) 其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'],
]) {
  test(`${fixture}: 「${blanked}」 is filled as 「${filled}」`, () => {
    const original = readFixture('rules', fixture);
    assert.ok(original.includes(row));
    const text = original.replace(row, blanked);
    const finding = checkText(text).find((f) => f.code === 'table.empty-cell')!;
    assert.match(finding.message, /^「（六）其他处理」有 \d 个单元格未填数字/);
    const fixed = applyEdits(text, blankCellFix(finding).edits);
    assert.equal(fixed, original.replace(row, filled));
    assert.deepEqual(
      checkText(fixed).map((f) => `${f.code} ${f.message}`),
      checkText(original).map((f) => `${f.code} ${f.message}`),
    );
  });
}

test('what the format requires is information, listed in the Problems panel; no rule of the format’s requirements is a mere hint', () => {
  const severities = (text: string, code: string) => [...new Set(checkText(text).flatMap((f) => (f.code === code ? [f.severity] : [])))];
  assert.deepEqual(severities(readFixture('rules', '2019-tsv-row-total.txt'), 'part.title'), ['info']);
  assert.deepEqual(severities(readFixture('rules', '2008-statistics.txt'), 'part.missing'), ['info']);
  assert.deepEqual(severities(readFixture('corpus', '2025_hangzhou_style_fixture_KIROGOVCOMPARE.txt'), 'report.title'), ['info']);
  assert.deepEqual(severities(readFixture('seeds', '004_5af3a546c32e05da.txt'), 'part.fee-statement'), ['info']);
  // Hints are for plausibility checks (value.implausible, report.late), never for what the format requires.
  const requirement = (code: string) => /^(table|part)\./.test(code) || ['report.title', 'report.format-mismatch', 'report.period-mismatch'].includes(code);
  assert.deepEqual(
    rules.filter((r) => r.defaultSeverity === 'hint' && requirement(r.code)).map((r) => r.code),
    [],
  );
});

test('a count in the text checked against many rows names the first row, quoted, and how many', () => {
  const text = readFixture('corpus', '上海市人民政府办公厅_2019.txt').replace('不予公开35件', '不予公开36件');
  assert.ok(
    checkText(text).some(
      (f) =>
        f.code === 'report.prose-vs-table' &&
        f.message === '正文「不予公开36件」与表格不符：「收到和处理政府信息公开申请情况」中「（三）1.属于国家秘密」等 8 行合计为 35。',
    ),
  );
});

test('a paragraph wrapped mid-sentence, as a PDF copy wraps it: its first count is the total, the ones after it (其中…) its parts', () => {
  const source = readFixture('corpus', '平潭综合实验区_2016.txt');
  const line = source.split('\n').find((l) => l.includes('其中，区管委会'))!;
  const prose = (lines: string[]) => checkText(source.replace(line, lines.join('\n'))).filter((f) => f.code === 'report.prose-vs-table');
  const [first, rest] = [line.slice(0, line.indexOf('其中') + 6), line.slice(line.indexOf('其中') + 6)];
  assert.deepEqual(prose([first, rest]), []);
  // Two sentences on lines of their own are two statements, each checked.
  assert.deepEqual(
    prose([first.replace(/。其中，区管委$/, '。'), `区管委${rest}`]).map((f) => f.message),
    ['正文「主动公开政府信息1822条」与表格不符：「政府信息公开情况统计表」中「（一）主动公开政府信息数」合计为 3460。'],
  );
});

test('a format is named as prose (2019年版), a value the message reports is set off by spaces (而 2021 年度报告)', () => {
  const mismatch = checkText(readFixture('rules', '2021-format-mismatch.txt')).find((f) => f.code === 'report.format-mismatch')!;
  assert.equal(mismatch.message, '「第二十条第（一）项」的列「本年新制作数量」，这是2019年版年度报告格式（试行）的样式；本报告应使用2021年版年度报告格式。');
  const fee = checkText(readFixture('seeds', '004_5af3a546c32e05da.txt')).find((f) => f.code === 'part.fee-statement')!;
  assert.equal(fee.message, '2021年版格式要求第六部分说明依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（未收取也应写明）。');
});
