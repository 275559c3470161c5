import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, lineEdits } from '../../server/src/engine/edits';

const roundTrip = (before: string, after: string) => applyEdits(before, lineEdits(before, after));

test('line edits replace only the changed lines', () => {
  const edits = lineEdits('a\nb\nc\nd', 'a\nB\nc\nD');
  assert.deepEqual(
    edits.map((e) => [e.range.start.line, e.range.end.line, e.newText]),
    [
      [1, 1, 'B'],
      [3, 3, 'D'],
    ],
  );
});

test('line edits insert, delete and keep CRLF', () => {
  for (const [before, after] of [
    ['a\r\nb\r\nc', 'a\r\nb\r\nx\r\ny\r\nc'],
    ['a\r\nb\r\nc', 'a\r\nb\r\nc\r\n\r\nz'],
    ['a\nb\nc\nd', 'a\nd'],
    ['a\nb\nc', 'a\nb'],
    ['a\nb', 'x\na\nb'],
    ['', 'a'],
  ]) {
    assert.equal(roundTrip(before, after), after, JSON.stringify([before, after]));
  }
});

test('applying edits: overlapping ones after the first are skipped', () => {
  const edit = (c1: number, c2: number, newText: string) => ({ range: { start: { line: 0, character: c1 }, end: { line: 0, character: c2 } }, newText });
  assert.equal(applyEdits('abcdef', [edit(1, 3, 'X'), edit(2, 4, 'Y'), edit(5, 6, 'Z')]), 'aXdeZ');
});
