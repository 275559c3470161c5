import { diffArrays } from 'diff';
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
 */
export function lineEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const eol = /\r\n|\r|\n/.exec(before)?.[0] ?? '\n';
  const edits: TextEdit[] = [];
  const changes = diffArrays(a, b);
  let line = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (!change.added && !change.removed) {
      line += change.count;
    } else if (change.removed) {
      const replacement = changes[i + 1]?.added ? changes[++i].value : undefined;
      const last = line + change.count - 1;
      if (replacement) {
        edits.push({ range: { start: { line, character: 0 }, end: { line: last, character: a[last].length } }, newText: replacement.join(eol) });
      } else if (last + 1 < a.length) {
        edits.push({ range: { start: { line, character: 0 }, end: { line: last + 1, character: 0 } }, newText: '' });
      } else {
        const start = line > 0 ? { line: line - 1, character: a[line - 1].length } : { line, character: 0 };
        edits.push({ range: { start, end: { line: last, character: a[last].length } }, newText: '' });
      }
      line += change.count;
    } else if (line < a.length) {
      edits.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: change.value.join(eol) + eol });
    } else {
      const end = { line: a.length - 1, character: a[a.length - 1].length };
      edits.push({ range: { start: end, end }, newText: eol + change.value.join(eol) });
    }
  }
  return edits;
}
