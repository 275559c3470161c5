/** Applying text edits given in line/character positions, as LSP and the CLI do. */
import type { Position, Range } from './types';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** Offsets of each line start, for turning positions into string offsets. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10) starts.push(i + 1);
  }
  return starts;
}

export function offsetAt(starts: number[], text: string, position: Position): number {
  const lineStart = starts[Math.min(position.line, starts.length - 1)] ?? 0;
  return Math.min(lineStart + position.character, text.length);
}

/** Applies non-overlapping edits; overlapping ones after the first are skipped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const spans = edits
    .map((e) => ({ start: offsetAt(starts, text, e.range.start), end: offsetAt(starts, text, e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    result += text.slice(at, span.start) + span.newText;
    at = span.end;
  }
  return result + text.slice(at);
}

/**
 * The edits that turn `before` into `after`, line by line: unchanged lines at both ends are left
 * alone, changed lines are replaced one by one when their count is unchanged, else as one block.
 */
export function lineEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = before.split(/\r\n|\r|\n/);
  const b = after.split(/\r\n|\r|\n/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const aEnd = a.length - tail;
  const bEnd = b.length - tail;
  if (aEnd - head === bEnd - head) {
    const edits: TextEdit[] = [];
    for (let i = head; i < aEnd; i++) {
      if (a[i] !== b[i]) edits.push({ range: { start: { line: i, character: 0 }, end: { line: i, character: a[i].length } }, newText: b[i] });
    }
    return edits;
  }
  const eol = /\r\n/.test(before) ? '\r\n' : '\n';
  const end = aEnd > head ? { line: aEnd - 1, character: a[aEnd - 1].length } : { line: head, character: 0 };
  const text = b.slice(head, bEnd).join(eol) + (aEnd > head ? '' : eol);
  return [{ range: { start: { line: head, character: 0 }, end }, newText: text }];
}
