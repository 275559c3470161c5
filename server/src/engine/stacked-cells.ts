/**
 * Tables extracted one cell per line (raw `pdftotext`, pdf.js text, some viewers' copy): each
 * label fragment and each number on a line of its own, blank cells gone. A run of such lines is
 * a table region — none of its lines is ever a heading (「四、结转下年度继续办理」「（三）不」 are
 * a row and a fragment). Rows are rebuilt as label fragments followed by their numbers; a table is
 * given its rows only when every row has exactly one number per value column of the table it is.
 * Otherwise (blank cells dropped, cells read column by column) no row can be trusted: the table
 * keeps its place and its lines but holds no rows.
 */
import { formats, type TableDefinition } from '../formats';
import { joinWrapped } from './text';
import { tableKeys } from './definition-keys';
import { labelSegments, normalizeText } from './labels';
import type { ScannedLine } from './scan';
import { ITEM_START, PAGE_NUMBER } from './spaced-rows';
import type { Cell, Range, Table, TableRow } from './types';
import { parseCellValue } from './values';

/** The longest line read as a cell: a wrapped prose line is longer, a label fragment shorter. */
const CELL_MAX_LENGTH = 24;
/** Fewer number lines than this make a short list, not a table. */
const MIN_NUMBER_LINES = 3;

/** The header of the label column of the 第二十条 tables (not a column of numbers, so not among the columns' labels). */
const LABEL_COLUMN_HEADER = '信息内容';

type Kind = 'number' | 'label' | 'skip' | 'end';

interface Fragment {
  cell: Cell;
}

interface Segment {
  caption?: { text: string; range: Range };
  /** Label fragments and numbers, in order. */
  items: { kind: 'number' | 'label'; fragment: Fragment }[];
}

/**
 * The tables written one cell per line, each with its region as its range. Read from the lines as scanned,
 * not from another reading's rewrite of them (a space-aligned reading takes a lone number for a row).
 */
export function stackedTables(scanned: readonly ScannedLine[], source: readonly string[]): Table[] {
  const tables: Table[] = [];
  let segment: Segment | undefined;
  let run: Segment[] = [];
  const flushRun = () => {
    if (segment) run.push(segment);
    segment = undefined;
    const numbers = run.reduce((n, s) => n + s.items.filter((i) => i.kind === 'number').length, 0);
    if (numbers >= MIN_NUMBER_LINES) for (const s of run) if (s.items.length > 0) tables.push(...toTable(s));
    run = [];
  };
  for (let i = 0; i < source.length; i++) {
    const l = scanned[i];
    const kind = classify(l, source[i]);
    if (kind === 'end') {
      flushRun();
      continue;
    }
    if (kind === 'skip') continue;
    const fragment = fragmentOf(i, source[i]);
    if (l.kind === 'caption') {
      if (segment) run.push(segment);
      segment = { caption: { text: fragment.cell.text, range: fragment.cell.range }, items: [] };
      continue;
    }
    segment ??= { items: [] };
    segment.items.push({ kind, fragment });
  }
  flushRun();
  return tables;
}

function classify(l: ScannedLine, text: string): Kind {
  if (l.kind === 'blank') return 'skip';
  if (l.kind === 'row' || l.kind === 'appendix') return 'end';
  const trimmed = text.trim();
  if (PAGE_NUMBER.test(trimmed)) return 'skip';
  const value = parseCellValue(trimmed);
  if (value.kind === 'number' || value.kind === 'na') return 'number';
  if (l.kind === 'caption') return 'label';
  if (trimmed.length > MAX_ROW_LABEL_LENGTH) return 'end';
  if ((trimmed.length > CELL_MAX_LENGTH || /[。；;]$/.test(trimmed)) && !isRowLabel(lastSegment(trimmed))) return 'end';
  if (l.kind === 'heading' && l.level === 1 && isPartTitle(l.name)) return 'end';
  return 'label';
}

/** Longer than any statutory row label with its numbering and group words: prose, whatever it says (no label to look up). */
const MAX_ROW_LABEL_LENGTH = 2 * Math.max(...formats.flatMap((f) => f.tables.flatMap((t) => t.rows.map((r) => r.label.length))));

const PART_TITLES = new Set(formats.flatMap((f) => f.parts.map((p) => normalizeText(p.title))));

/** A part heading ends a table region: a statutory title, or a title with a part's key words that is no row of any table. */
function isPartTitle(name: string): boolean {
  const words = labelSegments([name]).join('');
  if (PART_TITLES.has(words)) return true;
  const partWords = formats.some((f) => f.parts.some((p) => p.keywords.some((k) => words.includes(k))));
  return partWords && !isRowLabel(words);
}

function lastSegment(text: string): string {
  const segments = labelSegments([text]);
  return segments[segments.length - 1] ?? '';
}

function isRowLabel(words: string): boolean {
  return formats.some((f) => f.tables.some((t) => tableKeys(t).rowsByKey.has(words)));
}

function fragmentOf(line: number, text: string): Fragment {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return { cell: { text: text.slice(start, end), index: 0, range: lineRange(line, start, end) } };
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

interface StackedRow {
  label: Fragment[];
  numbers: Fragment[];
}

/** The segment as a table, if it is one of a statutory table's (by its caption or header words). */
function toTable(segment: Segment): Table[] {
  const rows = rebuildRows(segment.items);
  const labelText = segment.items.filter((i) => i.kind === 'label').map((i) => i.fragment.cell.text);
  const definitions = candidateDefinitions(segment.caption?.text, labelText.join(''));
  if (definitions.length === 0) return [];
  const start = segment.caption?.range.start ?? segment.items[0].fragment.cell.range.start;
  const last = segment.items[segment.items.length - 1].fragment.cell.range.end;
  const columns = new Set(definitions.map((d) => tableKeys(d).valueColumns.length));
  const singleRow = definitions.length > 0 && definitions.every((d) => d.layout === 'single-row');
  const complete = columns.size === 1 && rows.length > 0 && rows.every((r) => r.numbers.length === [...columns][0] && (singleRow || r.label.length > 0));
  const tableRows = complete ? [...headerRow(rows[0], definitions), ...rows.flatMap((r) => toRows(r, singleRow))] : headerWords(segment.items, definitions);
  return [
    {
      type: 'table',
      caption: segment.caption,
      name: segment.caption?.text ?? headerName(labelText),
      syntax: 'lines',
      rows: tableRows,
      range: { start, end: last },
    },
  ];
}

/** Label fragments up to the numbers that follow them make a row; numbers with no label before them make a row of their own. */
function rebuildRows(items: Segment['items']): StackedRow[] {
  const rows: StackedRow[] = [];
  let current: StackedRow | undefined;
  for (const { kind, fragment } of items) {
    if (kind === 'label') {
      if (!current || current.numbers.length > 0) rows.push((current = { label: [], numbers: [] }));
      current.label.push(fragment);
    } else {
      if (!current) rows.push((current = { label: [], numbers: [] }));
      current.numbers.push(fragment);
    }
  }
  // Label fragments after the last numbers belong to no row (a caption's header words, a note).
  return rows.filter((r) => r.numbers.length > 0);
}

/** The tables of any format the caption, else the header words, name. */
function candidateDefinitions(caption: string | undefined, labels: string): TableDefinition[] {
  const all = formats.flatMap((f) => f.tables);
  if (caption) {
    const key = normalizeText(caption);
    return all.filter((t) => tableKeys(t).caption === key);
  }
  const text = normalizeText(labels);
  let best: TableDefinition[] = [];
  let bestHits = 0;
  for (const t of all) {
    const hits = t.headerKeywords.filter((k) => text.includes(normalizeText(k))).length;
    if (hits > bestHits) [best, bestHits] = [[t], hits];
    else if (hits === bestHits && hits > 0) best.push(t);
  }
  return best;
}

/** Whether a fragment is a word of the tables' header: a column's label, a header keyword, 信息内容. */
function headerTest(definitions: readonly TableDefinition[]): (text: string) => boolean {
  const columnLabels = definitions.map((d) => tableKeys(d).columnLabels);
  const keywords = new Set(definitions.flatMap((d) => d.headerKeywords.map(normalizeText)));
  return (text) => text === LABEL_COLUMN_HEADER || keywords.has(text) || columnLabels.some((c) => c.has(text));
}

/** A table whose rows cannot be trusted keeps its header words (a row of no numbers): what it is stays known. */
function headerWords(items: Segment['items'], definitions: readonly TableDefinition[]): TableRow[] {
  const isHeader = headerTest(definitions);
  const words = items.filter((i) => i.kind === 'label' && isHeader(normalizeText(i.fragment.cell.text)));
  if (words.length === 0) return [];
  // On the first word's line: a finding about the table stands there, not over the whole region.
  return [{ ...tableRow(words.map((w, index) => ({ ...w.fragment.cell, index }))), range: words[0].fragment.cell.range }];
}

/** The column labels that open the first row's label, taken out of it as a header row of their own. */
function headerRow(first: StackedRow, definitions: readonly TableDefinition[]): TableRow[] {
  const isHeader = headerTest(definitions);
  let count = 0;
  while (count < first.label.length && isHeader(normalizeText(first.label[count].cell.text))) count++;
  if (count === 0) return [];
  const header = first.label.splice(0, count);
  return [tableRow(header.map((f, index) => ({ ...f.cell, index })))];
}

/** A single-row table's header words and its row of numbers are two rows; any other row is its label cells and numbers. */
function toRows(row: StackedRow, singleRow: boolean): TableRow[] {
  const label = labelCells(row.label);
  const numbers = row.numbers.map((f, i) => ({ ...f.cell, index: label.length + i }));
  if (singleRow) return [...(label.length > 0 ? [tableRow(label)] : []), tableRow(numbers.map((c, i) => ({ ...c, index: i })))];
  return [tableRow([...label, ...numbers])];
}

/** Wrapped fragments joined into one cell; a numbered fragment (「1.属于国家秘密」) opens the next. */
function labelCells(fragments: readonly Fragment[]): Cell[] {
  const groups: Fragment[][] = [];
  for (const f of fragments) {
    if (groups.length === 0 || ITEM_START.test(f.cell.text)) groups.push([f]);
    else groups[groups.length - 1].push(f);
  }
  return groups.map((g, index) => ({
    text: joinWrapped(g.map((f) => f.cell.text)),
    index,
    range: { start: g[0].cell.range.start, end: g[g.length - 1].cell.range.end },
  }));
}

function tableRow(cells: Cell[]): TableRow {
  return { line: cells[0].range.start.line, kind: 'cells', cells, range: { start: cells[0].range.start, end: cells[cells.length - 1].range.end } };
}

function headerName(labels: readonly string[]): string {
  const name = labels.slice(0, 4).join(' ');
  return name.length > 40 ? name.slice(0, 40) + '…' : name || '表格';
}

/** The scanned lines with every line of a stacked table read as plain text: a row label or a fragment, never a heading or a row. */
export function stackedLinesAsText(scanned: readonly ScannedLine[], source: readonly string[], stacked: readonly Table[]): ScannedLine[] {
  if (stacked.length === 0) return scanned.slice();
  const result = scanned.slice();
  for (const table of stacked) {
    const { start, end } = table.range;
    for (let i = start.line; i <= end.line; i++) {
      const fragment = fragmentOf(i, source[i]);
      if (fragment.cell.text === '') result[i] = { kind: 'blank', line: i, length: source[i].length };
      else result[i] = { kind: 'text', line: i, length: source[i].length, content: fragment.cell.text, range: fragment.cell.range, markdownHeading: false };
    }
  }
  return result;
}

/** The tables of both readings in document order (stacked tables' lines hold no other table: see `stackedLinesAsText`). */
export function withStackedTables(delimited: readonly Table[], stacked: readonly Table[]): Table[] {
  if (stacked.length === 0) return delimited.slice();
  return [...delimited, ...stacked].sort((a, b) => a.range.start.line - b.range.start.line);
}
