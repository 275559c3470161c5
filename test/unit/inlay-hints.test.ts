import { test } from 'node:test';
import assert from 'node:assert/strict';
import { totalHints } from '../../server/src/lsp/inlay-hints';
import { analyze } from '../../server/src/rules';
import { readFixture } from '../support/fixtures';

const everything = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

test('the inlay hint of a wrong total shows the exact sum, beyond 2⁵³ too', () => {
  const text = readFixture('rules', '2019-tsv-row-total.txt');
  assert.deepEqual(
    totalHints(analyze(text).findings, everything, 'zh-cn').map((h) => h.label),
    ['应为 4', '应为 5'],
  );
  // Line 62, 三、本年度办理结果 (一) 予以公开: 自然人 3, 商业企业 1, …, 总计 5. With 自然人 2⁵³ + 2 the sum is 9007199254740995, which a double cannot hold.
  const lines = text.split('\n');
  const row = 61;
  const cells = lines[row].split('\t');
  assert.deepEqual(cells.slice(2, 9), ['3', '1', '0', '0', '0', '0', '5']);
  cells[2] = '9007199254740994';
  lines[row] = cells.join('\t');
  const [hint] = totalHints(analyze(lines.join('\n')).findings, { start: { line: row, character: 0 }, end: { line: row, character: 0 } }, 'en');
  assert.equal(hint.label, 'should be 9007199254740995');
});
