import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quickFixes } from '../../server/src/lsp/code-actions';

const snapshot = { version: 1, hash: 'h' };
const document = { ...snapshot, lines: ['表格', '\t其中：x\t5'], eol: '\n' };

/** The titles of the suppression actions offered for one diagnostic of `code` on line 1. */
function suppressionTitles(code: string, locale: 'zh-cn' | 'en'): string[] {
  const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } };
  const diagnostic = { range, message: '', source: 'govreport', code, data: snapshot };
  return quickFixes({ textDocument: { uri: 'file:///a.txt' }, context: { diagnostics: [diagnostic] } }, document, locale).map((a) => a.title);
}

test('the suppression quick fixes name the rule in words, with its code in parentheses', () => {
  assert.deepEqual(suppressionTitles('table.sum-mismatch', 'zh-cn'), [
    '在此行停用“合计数与其各分项之和不符”（table.sum-mismatch）',
    '在整个文件停用“合计数与其各分项之和不符”（table.sum-mismatch）',
  ]);
  assert.deepEqual(suppressionTitles('table.sum-mismatch', 'en'), [
    'Disable "A total differs from the sum of what it totals" (table.sum-mismatch) for this line',
    'Disable "A total differs from the sum of what it totals" (table.sum-mismatch) for the entire file',
  ]);
});

test('quotes inside a Chinese rule description become the inner pair', () => {
  assert.deepEqual(suppressionTitles('table.subset-exceeds', 'zh-cn'), [
    '在此行停用“‘其中’项大于其所属项”（table.subset-exceeds）',
    '在整个文件停用“‘其中’项大于其所属项”（table.subset-exceeds）',
  ]);
});
