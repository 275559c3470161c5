/**
 * Space-aligned tables, as `pdftotext -layout` and PDF viewers give them: each row's numbers at the
 * end of a line, separated by runs of spaces; a label wrapped inside its cell spread over the lines
 * above and below its numbers (the numbers stand at the cell's vertical middle); a narrow group
 * column (三、本年度办理结果, （三）不予公开) cut into fragments at the start of the lines; header words
 * stacked over the columns.
 *
 * Only lines inside a table region are read: a run of at least three number rows, number rows right
 * after a table caption, or one row of four numbers or more under header lines (table 四) — prose
 * lines with numbers (「共受理 21 件」, one space apart) are never rows. In a region, a number row
 * becomes a `spaces` row (its group words, its label, then one cell per column: a value, or an empty
 * cell where a row with fewer values leaves its column blank); a header line becomes a `rule` row
 * (kept for the table's header words, never bound); a label fragment joins its row's label and reads
 * as blank, as do page numbers (— 10 —) between rows.
 */
import { isWhitespace } from './chars';
import type { BlankLine, RowLine, ScannedLine } from './scan';
import type { Cell, Range } from './types';

interface Piece {
  text: string;
  start: number;
  end: number;
}

/** A line's words: its runs of non-space characters. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isWhitespace(text.charCodeAt(i));
    if (!space && start < 0) start = i;
    else if (space && start >= 0) {
      out.push({ text: text.slice(start, i), start, end: i });
      start = -1;
    }
  }
  return out;
}

const VALUE = /^(?:[-－]?\d+(?:\.\d+)?%?|[—－-]{1,2})$/;
/** The numbering that starts a row's label: 一、 （一） 1. （1）. */
export const ITEM_START = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))/;
/** A page number standing between a table's rows: 「— 10 —」「-3-」. */
export const PAGE_NUMBER = /^[-—–]\s*\d{1,3}\s*[-—–]$/;
const SENTENCE = /[。；！？]/;
/** How a line of numbers ends: what `VALUE` can end with. */
const VALUE_END = /[\d%—－-]$/;
/** The longest label text a row or fragment line holds; longer lines are prose. */
const MAX_LABEL = 40;
const MIN_ROWS = 3;
/** A part heading longer than a group label (三、本年度办理结果) ends the table. */
const MAX_GROUP_LABEL = 12;
/** A row of this many numbers under header lines is a table's row even alone (the one row of table 四). */
const MIN_VALUES_ALONE = 4;

interface Numbers {
  /** The label's words, before the values. */
  label: Piece[];
  values: Piece[];
}

/** A line whose tail is numbers, set apart from its label by two spaces or more. */
function readNumbers(text: string): Numbers | undefined {
  const words = pieces(text);
  let first = words.length;
  while (first > 0 && VALUE.test(words[first - 1].text)) first--;
  if (first === words.length) return undefined;
  const label = words.slice(0, first);
  if (label.length > 0) {
    const gap = words[first].start - label[label.length - 1].end;
    const labelText = text.slice(label[0].start, label[label.length - 1].end);
    if (gap < 2 || labelText.length > MAX_LABEL || SENTENCE.test(labelText) || !/[\u3400-\u9fff]/.test(labelText)) return undefined;
  }
  return { label, values: words.slice(first) };
}

type Kind = 'numbers' | 'fragment' | 'header' | 'blank' | 'other';

interface Classified {
  kind: Kind;
  numbers?: Numbers;
  words: Piece[];
}

/** Header words over the columns: three words or more, or a word of the column headers. */
const HEADER_WORD =
  /^(?:申请人情况|自然人?|人|法人或其他组织|商业|企业|科研|机构|社会公|益组织|法律服|务机构|其他|总计|信息内容|行政复议|行政诉讼|结果|维持|纠正|尚未|审结)$/;

function classify(line: ScannedLine, text: string): Classified {
  if (line.kind === 'blank') return { kind: 'blank', words: [] };
  // Tab and pipe rows are rows already; the checks below are for what is left, most of it prose.
  if (line.kind === 'caption' || line.kind === 'appendix' || line.kind === 'row') return { kind: 'other', words: [] };
  const trimmed = text.trim();
  if (PAGE_NUMBER.test(trimmed)) return { kind: 'blank', words: [] };
  const numbers = VALUE_END.test(trimmed) ? readNumbers(text) : undefined;
  if (numbers) return { kind: 'numbers', numbers, words: numbers.label };
  if (SENTENCE.test(trimmed)) return { kind: 'other', words: [] };
  if (line.kind === 'heading' && line.level === 1 && line.name.replace(/\s/g, '').length > MAX_GROUP_LABEL) return { kind: 'other', words: [] };
  const words = pieces(text);
  if (words.reduce((n, w) => n + w.text.length, 0) > MAX_LABEL) return { kind: 'other', words: [] };
  if (words.length >= 3 || words.some((w) => HEADER_WORD.test(w.text)) || /勾稽关系|项之和/.test(trimmed)) return { kind: 'header', words };
  return { kind: 'fragment', words };
}

/** The scanned lines with the rows of space-aligned tables read as rows; lines another reading has taken (`taken`) are left to it. */
export function readSpacedTables(scanned: readonly ScannedLine[], source: readonly string[], taken: (line: number) => boolean = () => false): ScannedLine[] {
  const result = scanned.slice();
  const classified = scanned.map((l): Classified => (taken(l.line) ? { kind: 'other', words: [] } : classify(l, source[l.line] ?? '')));
  let i = 0;
  while (i < scanned.length) {
    if (classified[i].kind !== 'numbers') {
      i++;
      continue;
    }
    const regionEnd = extent(classified, i);
    const rows = countNumbers(classified, i, regionEnd);
    const start = headerStart(classified, i);
    if (rows >= MIN_ROWS || followsCaption(scanned, classified, start) || isHeadedRow(classified, start, i))
      readRegion(result, classified, source, start, regionEnd);
    i = regionEnd + 1;
  }
  return result;
}

/** The last number row of the region that starts at `from`: number rows, fragments, headers and blanks in between. */
function extent(classified: Classified[], from: number): number {
  let last = from;
  for (let i = from + 1; i < classified.length; i++) {
    const kind = classified[i].kind;
    if (kind === 'other') break;
    if (kind === 'numbers') last = i;
  }
  return last;
}

function countNumbers(classified: Classified[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i <= to; i++) if (classified[i].kind === 'numbers') n++;
  return n;
}

/** The region starts at the header lines above its first number row (blank lines and page numbers between them). */
function headerStart(classified: Classified[], first: number): number {
  let start = first;
  for (let i = first - 1; i >= 0 && classified[i].kind !== 'numbers' && classified[i].kind !== 'other'; i--) if (classified[i].kind !== 'blank') start = i;
  return start;
}

function isHeadedRow(classified: Classified[], start: number, row: number): boolean {
  return start < row && classified[row].numbers!.values.length >= MIN_VALUES_ALONE;
}

function followsCaption(scanned: readonly ScannedLine[], classified: Classified[], start: number): boolean {
  let i = start - 1;
  while (i >= 0 && classified[i].kind === 'blank') i--;
  return i >= 0 && scanned[i].kind === 'caption';
}

/**
 * Reads one region. Label fragments between two number rows are split where a fragment starts a new
 * numbered label: those before the first such fragment continue the row above; the last such label
 * runs down to the row below unless that row starts its own label; any other is a row of blank cells.
 * On each line, the words left of the label column (the group column's fragments) are group words.
 */
function readRegion(result: ScannedLine[], classified: Classified[], source: readonly string[], start: number, end: number): void {
  const column = labelColumn(classified, start, end);
  const rows: { line: number; labels: number[] }[] = [];
  let pending: number[] = [];
  let previous: { line: number; labels: number[] } | undefined;
  for (let i = start; i <= end + 1; i++) {
    const kind = i <= end ? classified[i].kind : 'other';
    if (kind === 'fragment') {
      pending.push(i);
      continue;
    }
    if (kind === 'blank') {
      if (result[i].kind !== 'blank') result[i] = blank(result[i]);
      continue;
    }
    const starts = pending.filter((f) => startsLabel(classified[f].words, column));
    const ownLabel = kind !== 'numbers' || startsLabel(classified[i].words, column);
    const firstStart = starts.length > 0 ? pending.indexOf(starts[0]) : pending.length;
    const before = pending.slice(0, firstStart);
    const groups = splitAt(pending.slice(firstStart), new Set(starts));
    let down: number[] = [];
    if (!ownLabel && groups.length > 0) down = groups.pop()!;
    else if (!ownLabel && !previous) down = before.splice(0);
    if (previous) previous.labels.push(...before);
    else for (const f of before) result[f] = headerRow(result[f], classified[f].words, source[f]);
    for (const group of groups) rows.push({ line: group[0], labels: group.slice(1) });
    pending = [];
    if (kind === 'header') {
      result[i] = headerRow(result[i], classified[i].words, source[i]);
      previous = undefined;
      continue;
    }
    if (kind !== 'numbers') break;
    previous = { line: i, labels: down };
    rows.push(previous);
  }
  const columns = valueColumns(classified, rows);
  for (const row of rows) {
    for (const f of row.labels) result[f] = blank(result[f]);
    result[row.line] = labelledRow(result[row.line], classified, source, row.line, row.labels, column, columns);
  }
}

/** `lines` cut before each of `starts`. */
function splitAt(lines: number[], starts: ReadonlySet<number>): number[][] {
  const groups: number[][] = [];
  for (const l of lines) {
    if (groups.length === 0 || starts.has(l)) groups.push([]);
    groups[groups.length - 1].push(l);
  }
  return groups;
}

/** The centres of the value columns, averaged over the widest rows (those with a value in every column they show). */
function valueColumns(classified: Classified[], rows: { line: number }[]): number[] {
  let width = 0;
  for (const r of rows) width = Math.max(width, classified[r.line].numbers?.values.length ?? 0);
  const full = rows.map((r) => classified[r.line].numbers?.values).filter((v) => v?.length === width) as Piece[][];
  return Array.from({ length: width }, (_, c) => full.reduce((sum, values) => sum + centre(values[c]), 0) / full.length);
}

function centre(piece: Piece): number {
  return (piece.start + piece.end) / 2;
}

/**
 * The value cells of a row with fewer values than columns: each value in the column whose centre is
 * nearest, the others blank. Undefined when two values would share a column or a value stands
 * between two columns — its place is unknown, and the row's numbers are not read by position.
 */
function placeValues(values: Piece[], columns: number[]): (Piece | undefined)[] | undefined {
  if (values.length === columns.length) return values;
  const placed: (Piece | undefined)[] = columns.map(() => undefined);
  let c = 0;
  for (const v of values) {
    // Values and columns both run left to right: the nearest column is found by walking on.
    while (c + 1 < columns.length && Math.abs(columns[c + 1] - centre(v)) <= Math.abs(columns[c] - centre(v))) c++;
    const spacing = Math.min(columns[c] - (columns[c - 1] ?? -Infinity), (columns[c + 1] ?? Infinity) - columns[c]);
    if (placed[c] || Math.abs(columns[c] - centre(v)) * 2 >= spacing) return undefined;
    placed[c] = v;
  }
  return placed;
}

/** The label column: where the leftmost indented numbered item label (1. 2. …) starts; group words stand left of it. 0 without one. */
function labelColumn(classified: Classified[], start: number, end: number): number {
  let column = Infinity;
  for (let i = start; i <= end; i++) {
    for (const w of classified[i].words) if (/^\d{1,2}[.．]/.test(w.text) && w.start > 0) column = Math.min(column, w.start);
  }
  return column === Infinity ? 0 : column;
}

/** A label's numbering followed by its words: 「2.其他法律行政法」, not 「（四）」 alone (a group's fragment). */
function isNumberedLabel(word: Piece): boolean {
  const numbering = ITEM_START.exec(word.text);
  return numbering !== null && numbering[0].length < word.text.length;
}

/**
 * The index of a line's first label word; the words before it are the group column's fragments. The
 * label starts at the last numbered label (「（三） 1.属于国家秘密」), else it is the last word, unless
 * that stands left of the label column (「无法提」) while the label is not inside an open bracket.
 */
function labelFrom(words: Piece[], column: number, open = false): number {
  for (let w = words.length - 1; w >= 0; w--) if (isNumberedLabel(words[w])) return w;
  const last = words[words.length - 1];
  if (!last || ITEM_START.test(last.text) || (last.start < column - 1 && !open)) return words.length;
  return words.length - 1;
}

function startsLabel(words: Piece[], column: number): boolean {
  return labelFrom(words, column) < words.length && isNumberedLabel(words[labelFrom(words, column)]);
}

/** Opening minus closing full-width brackets. */
function bracketBalance(text: string): number {
  let balance = 0;
  for (const ch of text) balance += ch === '（' ? 1 : ch === '）' ? -1 : 0;
  return balance;
}

/** A row: its group words, its label (joined over the lines it is wrapped on), then its value cells, blank ones included. */
function labelledRow(
  line: ScannedLine,
  classified: Classified[],
  source: readonly string[],
  at: number,
  labels: number[],
  column: number,
  columns: number[],
): RowLine {
  const lines = [...labels.filter((f) => f < at), at, ...labels.filter((f) => f > at)];
  const cells: Cell[] = [];
  const item: { line: number; word: Piece }[] = [];
  let depth = 0;
  for (const l of lines) {
    const words = classified[l].words;
    const from = labelFrom(words, column, depth > 0);
    for (const w of words.slice(0, from)) cells.push(cellOf(l, w.text, w.start, w.end, cells.length));
    for (const w of words.slice(from)) {
      item.push({ line: l, word: w });
      depth = Math.max(0, depth + bracketBalance(w.text));
    }
  }
  if (item.length > 0) {
    const first = item[0];
    const last = item[item.length - 1];
    const text = item.map((x) => x.word.text).join('');
    cells.push({
      text,
      index: cells.length,
      range: { start: { line: first.line, character: first.word.start }, end: { line: last.line, character: last.word.end } },
    });
  }
  const values = classified[at].numbers?.values ?? [];
  const placed = placeValues(values, columns) ?? values;
  // A blank cell stands right after what precedes it on the row's line.
  const lastLabel = cells[cells.length - 1]?.range.end;
  let after = lastLabel?.line === at ? lastLabel.character : 0;
  for (const v of placed) {
    if (v) after = v.end;
    cells.push(v ? cellOf(at, v.text, v.start, v.end, cells.length) : cellOf(at, '', after, after, cells.length));
  }
  return { kind: 'row', line: at, length: line.length, syntax: 'spaces', cells, rule: false, range: range(at, 0, source[at].length) };
}

function headerRow(line: ScannedLine, words: Piece[], text: string): RowLine {
  const cells = words.map((w, index) => cellOf(line.line, w.text, w.start, w.end, index));
  return { kind: 'row', line: line.line, length: line.length, syntax: 'spaces', cells, rule: true, range: range(line.line, 0, text.length) };
}

function blank(line: ScannedLine): BlankLine {
  return { kind: 'blank', line: line.line, length: line.length };
}

function cellOf(line: number, text: string, start: number, end: number, index: number): Cell {
  return { text, index, range: range(line, start, end) };
}

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
