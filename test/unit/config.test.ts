import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../server/src/config/config';
import { readSuppressions } from '../../server/src/engine/suppressions';
import { rules, checkText } from '../../server/src/rules';
import { readFixture } from '../support/fixtures';

const codes = rules.map((r) => r.code);
const rowTotal = readFixture('rules', '2019-tsv-row-total.txt');
const found = (text: string, config = {}) => checkText(text, { config }).map((f) => `${f.code}@${f.range.start.line}:${f.severity}`);

test('rule levels: a severity per rule, or off', () => {
  const { config, problems } = parseConfig({ rules: { 'table.sum-mismatch': 'warning', 'part.title': 'off' } }, codes);
  assert.deepEqual(problems, []);
  const findings = found(rowTotal, config);
  assert.ok(findings.includes('table.sum-mismatch@61:warning'));
  assert.ok(!findings.some((f) => f.startsWith('part.title')));
});

test('an invalid configuration keeps its valid entries and says what is wrong', () => {
  const { config, problems } = parseConfig(
    { rules: { 'table.sum-mismatch': 'loud', 'no.such-rule': 'off', 'part.title': 'hint' }, assumeFormat: '1999', colour: true },
    codes,
  );
  assert.deepEqual(config, { rules: { 'part.title': 'hint' } });
  assert.deepEqual(problems, [
    'unknown key "colour"',
    '"assumeFormat" must be one of 2021, 2019, 2008',
    'rule "table.sum-mismatch": "loud" is not one of error, warning, info, hint, off',
    'unknown rule "no.such-rule"',
  ]);
  assert.deepEqual(parseConfig([1, 2], codes).problems, ['the configuration must be a JSON object']);
});

test('the assumed format is used when nothing in the report tells', () => {
  const untitled = [
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
    '无。',
  ].join('\n');
  // Only the 2021 format asks part 六 for the 信息处理费 statement.
  assert.ok(found(untitled).some((f) => f.startsWith('part.fee-statement')));
  assert.ok(!found(untitled, { assumeFormat: '2019' }).some((f) => f.startsWith('part.fee-statement')));
});

test('inline suppression: next line, this line, a range, the whole file', () => {
  const lines = rowTotal.split('\n');
  const withComment = (at: number, comment: string) => [...lines.slice(0, at), comment, ...lines.slice(at)].join('\n');
  assert.ok(!found(withComment(61, '<!-- govreport-disable-next-line table.sum-mismatch -->')).some((f) => f.startsWith('table.sum-mismatch@62')));
  assert.ok(found(withComment(61, '<!-- govreport-disable-next-line part.title -->')).some((f) => f.startsWith('table.sum-mismatch@62')));
  assert.deepEqual(found(withComment(0, '<!-- govreport-disable-file -->')), []);
  const ranged = [
    ...lines.slice(0, 55),
    '<!-- govreport-disable table.sum-mismatch -->',
    ...lines.slice(55, 70),
    '<!-- govreport-enable table.sum-mismatch -->',
    ...lines.slice(70),
  ].join('\n');
  assert.deepEqual(
    found(ranged).filter((f) => f.startsWith('table.sum-mismatch')),
    ['table.sum-mismatch@83:error'],
  );
  const s = readSuppressions(['正文 <!-- govreport-disable-line part.title, report.title -->']);
  assert.ok(s.isSuppressed('report.title', 0) && s.isSuppressed('part.title', 0) && !s.isSuppressed('part.missing', 0));
});

test('a comment line inside a table does not split it', () => {
  const lines = rowTotal.split('\n');
  const text = [...lines.slice(0, 61), '<!-- govreport-disable-next-line table.sum-mismatch -->', ...lines.slice(61)].join('\n');
  assert.equal(found(text).filter((f) => f.startsWith('table.')).length, 1);
});
