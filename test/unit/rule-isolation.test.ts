/** A rule that throws costs only its own findings: the other rules' stand, and the failure is reported to the caller. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, reportRules, type Finding } from '../../server/src/rules';
import type { ReportRule } from '../../server/src/rules/types';
import { fixAll } from '../../server/src/rules/fix-all';
import { ruleFailureLogLines } from '../../server/src/lsp/server';
import { checkFile } from '../../server/src/cli/check-file';
import { readFixture } from '../support/fixtures';
import { tempFolder } from '../support/temp';

// Its expected findings: report.prose-vs-table ×2, table.empty-cell ×2.
const text = readFixture('corpus', '上海市人民政府办公厅_2019.txt');

/** The rule with this code, its check replaced by one that throws `thrown`. */
const throwing = (code: string, thrown: unknown): ReportRule => ({
  ...reportRules.find((r) => r.code === code)!,
  check: () => {
    throw thrown;
  },
});
/** The registry, one rule in it replaced. */
const withRule = (replacement: ReportRule) => reportRules.map((r) => (r.code === replacement.code ? replacement : r));
const shown = (findings: Finding[]) => findings.map((f) => `${f.code} ${f.range.start.line}:${f.range.start.character} ${f.message}`);

test('a rule that throws finds nothing; every other finding stands, exactly as without it; the failure names the rule and the error', () => {
  const all = analyze(text);
  assert.deepEqual(all.failures, []);
  assert.deepEqual([...new Set(all.findings.map((f) => f.code))].sort(), ['report.prose-vs-table', 'table.empty-cell']);

  const { findings, failures } = analyze(text, { rules: withRule(throwing('report.prose-vs-table', new TypeError('boom'))) });
  assert.deepEqual(shown(findings), shown(all.findings.filter((f) => f.code !== 'report.prose-vs-table')));
  assert.deepEqual(
    failures.map(({ code, message }) => ({ code, message })),
    [{ code: 'report.prose-vs-table', message: 'boom' }],
  );
  assert.match(failures[0].stack!, /^TypeError: boom\n/);
});

test('a rule that throws something other than an Error: its failure says what it threw', () => {
  const { findings, failures } = analyze(text, { rules: withRule(throwing('part.title', 'not an error')) });
  assert.deepEqual(findings.map((f) => f.code).sort(), ['report.prose-vs-table', 'report.prose-vs-table', 'table.empty-cell', 'table.empty-cell']);
  assert.deepEqual(failures, [{ code: 'part.title', message: 'not an error' }]);
});

test('a rule turned off is not run: its failure is not reported', () => {
  const { failures } = analyze(text, { rules: withRule(throwing('part.title', new Error('boom'))), config: { rules: { 'part.title': 'off' } } });
  assert.deepEqual(failures, []);
});

test('fix-all applies the other rules’ fixes when one rule throws', () => {
  const faulty = readFixture('rules', '2019-parts-and-units.txt');
  assert.deepEqual(
    fixAll(faulty).applied.map((f) => f.code),
    ['value.unit', 'table.label'],
  );
  assert.deepEqual(
    fixAll(faulty, { rules: withRule(throwing('table.label', new Error('boom'))) }).applied.map((f) => f.code),
    ['value.unit'],
  );
});

test('the server logs a failing rule once, whatever the documents and versions it fails on', () => {
  const logged = new Set<string>();
  const failure = { code: 'part.title', message: 'boom', stack: 'Error: boom\n    at check' };
  assert.deepEqual(ruleFailureLogLines([failure], logged, 'file:///a.txt'), [
    'govreport: rule part.title failed on file:///a.txt and was skipped: Error: boom\n    at check',
  ]);
  assert.deepEqual(ruleFailureLogLines([failure], logged, 'file:///b.txt'), []);
  assert.deepEqual(ruleFailureLogLines([failure, { code: 'table.label', message: 'bad' }], logged, 'file:///b.txt'), [
    'govreport: rule table.label failed on file:///b.txt and was skipped: bad',
  ]);
});

test('govreport check notes the failing rule under the file, and counts it as failed', async () => {
  const path = join(tempFolder('rule-isolation'), 'report.txt');
  writeFileSync(path, text);
  const outcome = await checkFile({ path, config: {} }, { locale: 'zh-cn', fix: false }, withRule(throwing('part.title', new Error('boom'))));
  assert.equal(outcome.kind, 'checked');
  if (outcome.kind !== 'checked') return;
  assert.deepEqual(outcome.result.notes, ['规则 part.title 出错，未检查：boom']);
  assert.deepEqual(outcome.failedRules, ['part.title']);
  assert.deepEqual(outcome.result.findings.map((f) => f.code).sort(), [
    'report.prose-vs-table',
    'report.prose-vs-table',
    'table.empty-cell',
    'table.empty-cell',
  ]);
});
