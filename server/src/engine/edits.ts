import { splitLines } from './lines';
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
 * The edits that turn `before` into `after`, line by line (a line diff): changed lines are replaced,
 * inserted lines inserted, in the text's own line breaks. Unchanged lines are never touched.
 * Linear in the texts (see `matchLines`): fix-all of a large document must not block the server.
 */
export function lineEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const eol = /\r\n|\r|\n/.exec(before)?.[0] ?? '\n';
  const edits: TextEdit[] = [];
  let i = 0;
  let j = 0;
  for (const [nextI, nextJ] of [...matchLines(a, b), [a.length, b.length]]) {
    if (nextI > i || nextJ > j) edits.push(hunkEdit(a, i, nextI, b.slice(j, nextJ), eol));
    i = nextI + 1;
    j = nextJ + 1;
  }
  return edits;
}

/** The edit that replaces lines [from, to) of `a` by `lines` (either side may be empty). */
function hunkEdit(a: readonly string[], from: number, to: number, lines: readonly string[], eol: string): TextEdit {
  const last = to - 1;
  if (from < to && lines.length > 0) {
    return { range: { start: { line: from, character: 0 }, end: { line: last, character: a[last].length } }, newText: lines.join(eol) };
  }
  if (from < to) {
    if (to < a.length) return { range: { start: { line: from, character: 0 }, end: { line: to, character: 0 } }, newText: '' };
    const start = from > 0 ? { line: from - 1, character: a[from - 1].length } : { line: from, character: 0 };
    return { range: { start, end: { line: last, character: a[last].length } }, newText: '' };
  }
  if (from < a.length) return { range: { start: { line: from, character: 0 }, end: { line: from, character: 0 } }, newText: lines.join(eol) + eol };
  const end = { line: a.length - 1, character: a[a.length - 1].length };
  return { range: { start: end, end }, newText: eol + lines.join(eol) };
}

/** How far ahead a run of changed lines is looked for as a replacement, line for line. */
const REPLACEMENT_LOOKAHEAD = 8;

/**
 * Pairs of equal lines [index in a, index in b], in order on both sides: the lines a diff keeps.
 * Linear rather than minimal: the common start and end, then a greedy walk that, where the lines
 * differ, takes the cheapest of three ways on — lines inserted up to where a's line comes again in b,
 * lines deleted up to where b's line comes again in a, or a few lines replaced one for one — each
 * next occurrence found by a cursor that only moves forward. Lines are compared by number, each
 * read once.
 */
function matchLines(a: readonly string[], b: readonly string[]): [number, number][] {
  const ids = new Map<string, number>();
  const idOf = (line: string) => {
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    return id;
  };
  const x = a.map(idOf);
  const y = b.map(idOf);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  let endA = x.length;
  let endB = y.length;
  while (i < endA && j < endB && x[i] === y[j]) pairs.push([i++, j++]);
  const tail: [number, number][] = [];
  while (endA > i && endB > j && x[endA - 1] === y[endB - 1]) tail.push([--endA, --endB]);
  const inA = occurrences(x, i, endA, ids.size);
  const inB = occurrences(y, j, endB, ids.size);
  while (i < endA && j < endB) {
    if (x[i] === y[j]) {
      pairs.push([i++, j++]);
      continue;
    }
    const inserted = inB.next(x[i], j) - j;
    const deleted = inA.next(y[j], i) - i;
    let replaced = 1;
    while (replaced < REPLACEMENT_LOOKAHEAD && i + replaced < endA && j + replaced < endB && x[i + replaced] !== y[j + replaced]) replaced++;
    if (inserted <= deleted && inserted < 2 * replaced) j += inserted;
    else if (deleted < 2 * replaced) i += deleted;
    else {
      i += replaced;
      j += replaced;
    }
  }
  for (let k = tail.length - 1; k >= 0; k--) pairs.push(tail[k]);
  return pairs;
}

/** Where each line comes next in part of a sequence of line ids, for positions that only move forward. */
function occurrences(ids: readonly number[], from: number, to: number, count: number): { next(id: number, at: number): number } {
  const positions: number[][] = Array.from({ length: count }, () => []);
  for (let k = from; k < to; k++) positions[ids[k]].push(k);
  const cursors = new Array<number>(count).fill(0);
  return {
    /** The first position at or after `at` holding `id`; Infinity when there is none. */
    next(id, at) {
      const list = positions[id];
      let c = cursors[id];
      while (c < list.length && list[c] < at) c++;
      cursors[id] = c;
      return c < list.length ? list[c] : Infinity;
    },
  };
}
