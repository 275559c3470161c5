/** Rule metadata in one place: what every rule declares holds on every fixture, and the rule tables are made from it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, analyzeAll, checkAcrossReports, reportRules, reportsRules, rules, type ReportRule } from '../../server/src/rules';
import { reportSummary, rowCells, type DatedSummary } from '../../server/src/rules/summary';
import { FORMATS } from '../../server/src/rules/types';
import { toSarif } from '../../server/src/cli/output';
import { ruleTable, withRuleTable } from '../../scripts/rule-table';
import { fixturesDir, readFixture } from '../support/fixtures';

const root = join(__dirname, '..', '..');
const text = readFixture('corpus', '上海市人民政府办公厅_2019.txt');
const lineCount = text.split('\n').length;
const at = (line: number, character = 0) => ({ start: { line, character }, end: { line, character } });
const testRule = (check: ReportRule['check']): ReportRule => ({ ...reportRules.find((r) => r.code === 'report.title')!, check });

test('every rule declares a code of its own, formats that exist, its scope, and a quick fix in the docs exactly when it is fixable', () => {
  assert.equal(new Set(rules.map((r) => r.code)).size, rules.length);
  for (const rule of rules) {
    assert.ok(rule.formats.length > 0 && rule.formats.every((f) => FORMATS.includes(f)), rule.code);
    assert.equal(rule.docs.fix !== undefined, rule.fixable !== false, rule.code);
  }
  assert.deepEqual(
    rules.filter((r) => r.scope === 'reports').map((r) => r.code),
    ['report.carry-over', 'report.copied-text', 'report.in-force-mismatch', 'value.implausible'],
  );
  assert.ok(reportRules.every((r) => r.scope === 'report') && reportsRules.every((r) => r.scope === 'reports'));
});

test('on every fixture, a rule finds something only in its formats, and carries fixes as it declares', () => {
  const fixed = new Map<string, boolean>();
  for (const folder of ['rules', 'seeds', 'corpus'])
    for (const name of readdirSync(join(fixturesDir, folder)).filter((n) => /\.(txt|md)$/.test(n) && n !== 'README.md')) {
      const { bound, findings } = analyzeAll(readFixture(folder, name));
      for (const finding of findings) {
        const rule = rules.find((r) => r.code === finding.code)!;
        const label = `${folder}/${name} ${finding.code}`;
        assert.ok(rule.formats.includes(bound.era.format.id as never), `${label}: format ${bound.era.format.id}`);
        if (rule.fixable === false) assert.deepEqual(finding.fixes, [], label);
        if (rule.fixable === 'offered') assert.ok(!finding.fixes.some((f) => f.preferred), label);
        const offered = rule.fixable === 'preferred' ? finding.fixes.some((f) => f.preferred) : finding.fixes.length > 0;
        fixed.set(rule.code, (fixed.get(rule.code) ?? false) || offered);
      }
    }
  // Every fixable rule that finds something on the fixtures offers its kind of fix there.
  assert.deepEqual(
    [...fixed].filter(([code, offered]) => rules.find((r) => r.code === code)!.fixable !== false && !offered),
    [],
  );
});

test("the engine fills each finding's code and severity from its rule; a finding may keep a severity of its own; the rule levels apply", () => {
  const rule = testRule(() => [
    { range: at(0), message: 'a', related: [], data: {}, fixes: [] },
    { range: at(1), message: 'b', related: [], data: {}, fixes: [], severity: 'hint' },
  ]);
  const shown = (findings: { code: string; severity: string; message: string }[]) => findings.map((f) => `${f.code} ${f.severity} ${f.message}`);
  assert.deepEqual(shown(analyze(text, { rules: [rule] }).findings), ['report.title info a', 'report.title hint b']);
  assert.deepEqual(shown(analyze(text, { rules: [rule], config: { rules: { 'report.title': 'error' } } }).findings), [
    'report.title error a',
    'report.title error b',
  ]);
});

test('a finding with a range outside the document (its own, a related one here, a fix edit) is dropped and counted as a failure of its rule', () => {
  const outside = at(lineCount + 5);
  const rule = testRule(() => [
    { range: at(0), message: 'kept', related: [{ uri: 'file:///other.txt', range: outside, message: 'another document' }], data: {}, fixes: [] },
    { range: outside, message: 'range', related: [], data: {}, fixes: [] },
    { range: at(0, 10_000), message: 'character', related: [], data: {}, fixes: [] },
    { range: at(0), message: 'related', related: [{ range: outside, message: '' }], data: {}, fixes: [] },
    { range: at(0), message: 'edit', related: [], data: {}, fixes: [{ title: '', edits: [{ range: outside, newText: '' }], preferred: false }] },
  ]);
  const { findings, failures } = analyze(text, { rules: [rule] });
  assert.deepEqual(
    findings.map((f) => f.message),
    ['kept'],
  );
  assert.deepEqual(
    failures.map(({ code, message }) => ({ code, message })),
    [{ code: 'report.title', message: '4 finding(s) outside the document dropped' }],
  );
});

test('report.carry-over runs through the one entry point of CLI and server, with its code, severity, suppressions and levels', () => {
  const { bound } = analyze(text);
  const lines = bound.report.lines;
  const report = reportSummary('file:///2019.txt', bound) as DatedSummary;
  const cells = rowCells(report, 'applications', 'carried_in');
  // Last year's report carried over one more in the first column than this one carries in (and had no prose to copy).
  const changed = { ...cells[0], value: { ...cells[0].value, units: cells[0].value.units + 1n }, text: 'X' };
  const carriedOut = [changed, ...cells.slice(1)].map((c) => ({ ...c, row: 'carried_out' }));
  const previous = { ...report, uri: 'file:///2018.txt', year: report.year - 1, cells: carriedOut, paragraphs: [] };
  const findings = checkAcrossReports(report, [previous], lines, {}, 'en');
  assert.deepEqual(
    findings.map((f) => ({ code: f.code, severity: f.severity, range: f.range, previousYear: f.data.previousYear })),
    [{ code: 'report.carry-over', severity: 'error', range: cells[0].range, previousYear: report.year - 1 }],
  );
  assert.equal(checkAcrossReports(report, [previous], lines, { rules: { 'report.carry-over': 'warning' } }, 'en')[0].severity, 'warning');
  assert.deepEqual(checkAcrossReports(report, [previous], lines, { rules: { 'report.carry-over': 'off' } }, 'en'), []);
});

test('the README rule table is what the rules generate (npm run schema), and a change of a rule makes it stale', async () => {
  const file = join(root, 'README.md');
  const readme = readFileSync(file, 'utf8');
  assert.equal(await withRuleTable(readme, ruleTable(rules), file), readme, 'README.md is stale: run npm run schema');
  const changed = rules.map((r) => (r.code === 'value.negative' ? { ...r, docs: { finds: 'a negative number' } } : r));
  assert.notEqual(await withRuleTable(readme, ruleTable(changed), file), readme);
});

test('the SARIF rule table is the rules metadata, with formats, scope and fixable', () => {
  const driver = JSON.parse(toSarif([], [], root, '0.0.0', 'en')).runs[0].tool.driver;
  assert.deepEqual(
    driver.rules.map((r: { id: string }) => r.id),
    rules.map((r) => r.code),
  );
  assert.deepEqual(
    driver.rules.find((r: { id: string }) => r.id === 'report.carry-over'),
    {
      id: 'report.carry-over',
      shortDescription: { text: "Carried-over applications differ from last year's report" },
      fullDescription: { text: "上年结转数与上一年度报告的结转下年度数不符 — Carried-over applications differ from last year's report" },
      defaultConfiguration: { level: 'error' },
      properties: { formats: ['2019', '2021'], scope: 'reports', fixable: false },
    },
  );
});
