/**
 * Text runs → lines: runs whose boxes share a baseline band, left to right, joined with a space
 * where the PDF left a gap (cleanText closes up the gaps between CJK characters again).
 */
import { cleanText, joinWrapped } from '../../engine/text';
import { centerY, type TextRun } from './geometry';

/** A stretch of a line's text between gaps wide enough to part table columns. */
export interface Chunk {
  text: string;
  x: number;
  width: number;
}

export interface Line {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The largest font size on the line. */
  size: number;
  chunks: Chunk[];
}

/** A run set in a vertical font, or one character a line stacked down a narrow cell, reads top to bottom. */
const isVertical = (run: TextRun): boolean => run.height > run.size * 1.5;

/** Runs on one line: their vertical centres lie within half the smaller font size. */
function sameLine(line: readonly TextRun[], run: TextRun): boolean {
  const last = line[line.length - 1];
  if (isVertical(run) || isVertical(last)) return false;
  return Math.abs(centerY(last) - centerY(run)) <= Math.min(last.size, run.size) / 2;
}

/** Groups runs into lines, top to bottom. A vertical run is a line of its own. */
export function groupLines(runs: readonly TextRun[]): Line[] {
  const sorted = withoutOverprint(runs).sort((a, b) => centerY(a) - centerY(b));
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const line = groups[groups.length - 1];
    if (line && sameLine(line, run)) line.push(run);
    else groups.push([run]);
  }
  return groups.map(toLine).filter((line) => line.text !== '');
}

/** A gap of a quarter of the font size or more is a space the typesetter left (or spread out); of 1.2 font sizes, a gap between columns. */
const SPACE = 0.25;
const COLUMN_GAP = 1.2;

function toLine(runs: TextRun[]): Line {
  runs.sort((a, b) => a.x - b.x);
  const chunks: Chunk[] = [];
  let text = '';
  let start = runs[0].x;
  let right = -Infinity;
  for (const run of runs) {
    const gap = run.x - right;
    if (text !== '' && gap > run.size * COLUMN_GAP) {
      chunks.push({ text: cleanText(text), x: start, width: right - start });
      [text, start] = ['', run.x];
    }
    if (text !== '' && gap > run.size * SPACE) text += ' ';
    text += run.text;
    right = Math.max(right, run.x + run.width);
  }
  chunks.push({ text: cleanText(text), x: start, width: right - start });
  const x = runs[0].x;
  const y = runs.reduce((top, r) => Math.min(top, r.y), Infinity);
  return {
    text: cleanText(chunks.map((c) => c.text).join(' ')),
    x,
    y,
    width: right - x,
    height: runs.reduce((bottom, r) => Math.max(bottom, r.y + r.height), -Infinity) - y,
    size: runs.reduce((size, r) => Math.max(size, r.size), 0),
    chunks: chunks.filter((c) => c.text !== ''),
  };
}

/** Drops the copies some PDF makers print a fraction of a point off the original to fake bold type. */
function withoutOverprint(runs: readonly TextRun[]): TextRun[] {
  const kept: TextRun[] = [];
  const byText = new Map<string, TextRun[]>();
  for (const run of runs) {
    const same = byText.get(run.text) ?? [];
    if (same.some((k) => Math.abs(k.x - run.x) < run.size / 5 && Math.abs(k.y - run.y) < run.size / 5)) continue;
    same.push(run);
    byText.set(run.text, same);
    kept.push(run);
  }
  return kept;
}

/** A cell's runs as one text: its lines top to bottom, wrapped lines joined (no space between CJK or digits). */
export function cellText(runs: readonly TextRun[]): string {
  return joinWrapped(groupLines(runs).map((l) => l.text));
}
