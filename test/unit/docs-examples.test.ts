import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, checkAcrossReports, type Finding } from '../../server/src/rules';
import { reportSummary } from '../../server/src/rules/summary';

// biome runs the examples of its rule docs: here every docs/rules/<code>.md gives, under 错误示例, the
// report (or, for a rule over several reports, the reports) with the diagnostics it gets, and under
// 修正后 the corrected text, which gets none of that rule.

const docsDir = join(__dirname, '..', '..', 'docs', 'rules');

/** The text of the ```text blocks of the Chinese section `heading`, in order. */
function examples(doc: string, heading: string): string[] {
  const section = doc.split(/^## /m).find((s) => s.startsWith(`${heading}\n`)) ?? '';
  return [...section.matchAll(/^```\w*\n([\s\S]*?)^```$/gm)].map((m) => m[1].replace(/\n$/, ''));
}

/** The diagnostics a section lists: 「- 第 5 行 · error：message<br>快速修正：…」, for a rule over several reports 「- 2023 年度报告，第 4 行 · …」. */
function listed(doc: string, heading: string): { line: number; severity: string; message: string }[] {
  const section = doc.split(/^## /m).find((s) => s.startsWith(`${heading}\n`)) ?? '';
  return [...section.matchAll(/^- (?:[^，\n]*，)?第 (\d+) 行 · (\w+)：(.*?)(?:<br>.*)?$/gm)].map((m) => ({
    line: Number(m[1]),
    severity: m[2],
    message: m[3],
  }));
}

/**
 * The findings of `code` in the last of the example's texts: checked alone, or for a rule over
 * several reports, against the texts before it (last year's report).
 */
function findingsOf(code: string, texts: string[]): Finding[] {
  const analyses = texts.map((text) => analyze(text));
  const last = analyses[analyses.length - 1];
  const summaries = analyses.map((a, i) => reportSummary(`example-${i}.txt`, a.bound));
  const current = summaries.find((s) => s.uri === `example-${analyses.length - 1}.txt`);
  const across = current ? checkAcrossReports(current, summaries, last.bound.report.lines, {}, 'zh-cn') : [];
  return [...last.findings, ...across].filter((f) => f.code === code);
}

const docs = readdirSync(docsDir).filter((name) => name.endsWith('.md') && name !== 'README.md');

test('every rule doc has a bad and a fixed example', () => {
  assert.ok(docs.length >= 21);
  for (const name of docs) {
    const doc = readFileSync(join(docsDir, name), 'utf8');
    assert.ok(examples(doc, '错误示例').length > 0, `${name}: no bad example`);
    assert.ok(examples(doc, '修正后').length > 0, `${name}: no fixed example`);
    assert.ok(listed(doc, '错误示例').length > 0, `${name}: the bad example lists no diagnostics`);
  }
});

for (const name of docs) {
  const code = name.replace(/\.md$/, '');
  const doc = readFileSync(join(docsDir, name), 'utf8');

  test(`docs/rules/${name}: the bad example gets the diagnostics it lists`, () => {
    assert.deepEqual(
      findingsOf(code, examples(doc, '错误示例')).map((f) => ({ line: f.range.start.line + 1, severity: f.severity, message: f.message })),
      listed(doc, '错误示例'),
    );
  });

  test(`docs/rules/${name}: the fixed example gets none of ${code}`, () => {
    assert.deepEqual(
      findingsOf(code, examples(doc, '修正后')).map((f) => f.message),
      [],
    );
  });
}
