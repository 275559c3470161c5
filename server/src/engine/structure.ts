/**
 * structure: from scanned lines to the report's title, section tree and tables.
 *
 * Section levels come from the numbering (一、 > （一） > 1. > （1）), never from Markdown `#`
 * levels. Context decides what the scanner could not:
 * - a 一、 part heading must continue the part sequence (一、 after 三、 is a table label or a list);
 * - a numbered line between two table rows is conversion debris of the table, not a heading;
 * - a caption (第二十条第（一）项) starts a new table, even inside one tab-separated block.
 */
import { partTitles } from '../formats/part-titles';
import { withoutBody } from './detect';
import { labelSegments, normalizeText } from './labels';
import { CAPTION, scanLines, type HeadingLine, type RowLine, type ScannedLine } from './scan';
import { splitLines } from './lines';
import { stackedLinesAsText, stackedTables, withStackedTables } from './stacked-cells';
import { readSpacedTables } from './spaced-rows';
import type { Cell, OutlineNode, Position, Range, Report, ReportPeriod, ReportTitle, Section, Table, TableRow } from './types';

export function parseReport(text: string): Report {
  const lines = splitLines(text);
  const firstBreak = /\r\n|\r|\n/.exec(text)?.[0];
  return structure(scanLines(lines), lines, firstBreak === '\r\n' ? '\r\n' : '\n');
}

/** The report from its scanned lines: tables as written (delimited), space-aligned or one cell per line, sections, title. */
export function structure(scanned: ScannedLine[], source: readonly string[], eol: Report['eol'] = '\n'): Report {
  // One cell per line first: a space-aligned reading would take a lone number of such a table for a row.
  const stacked = stackedTables(scanned, source);
  const inStacked = new Uint8Array(source.length);
  for (const t of stacked) inStacked.fill(1, t.range.start.line, t.range.end.line + 1);
  const lines = absorbTableDebris(
    stackedLinesAsText(
      readSpacedTables(scanned, source, (line) => inStacked[line] === 1),
      source,
      stacked,
    ),
  );
  const title = findTitle(lines);
  const tables = withStackedTables(collectTables(lines), stacked);
  const outline = buildOutline(lines, tables, title);
  return { lineCount: lines.length, lines: source, eol, title, period: findPeriod(lines), outline, tables };
}

type Line = ScannedLine | DebrisLine;
/** A non-row line caught between table rows: kept inside the table as one cell. */
interface DebrisLine {
  kind: 'debris';
  line: number;
  length: number;
  row: TableRow;
}

function isRowLike(l: Line | undefined): boolean {
  return l !== undefined && (l.kind === 'row' || l.kind === 'debris');
}

/** Beyond this length, a line set apart from the rows by blank lines is a paragraph, not a cell fragment. */
const DEBRIS_MAX_LENGTH = 16;

function absorbTableDebris(scanned: ScannedLine[]): Line[] {
  const result: Line[] = scanned.slice();
  const prev = previousNonBlank(scanned);
  const next = nextNonBlank(scanned);
  for (const l of scanned) {
    if (l.kind !== 'text' && !(l.kind === 'heading' && l.level > 1)) continue;
    if (scanned[prev[l.line]]?.kind !== 'row' || scanned[next[l.line]]?.kind !== 'row') continue;
    const r = l.kind === 'text' ? l.range : l.nameRange;
    const text = l.kind === 'text' ? l.content : l.name;
    const adjacent = prev[l.line] === l.line - 1 && next[l.line] === l.line + 1;
    if (!adjacent && text.length > DEBRIS_MAX_LENGTH) continue;
    result[l.line] = { kind: 'debris', line: l.line, length: l.length, row: { line: l.line, kind: 'debris', cells: [{ text, index: 0, range: r }], range: r } };
  }
  return result;
}

/** For each line, the index of the nearest non-blank line before it (-1 if none). */
/** For each line (and for the end of the text, at index `lines.length`), the nearest non-blank line before it, or -1. */
function previousNonBlank(lines: readonly { kind: string }[]): number[] {
  const out: number[] = new Array(lines.length + 1);
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    out[i] = last;
    if (lines[i].kind !== 'blank') last = i;
  }
  out[lines.length] = last;
  return out;
}

function nextNonBlank(lines: readonly { kind: string }[]): number[] {
  const out: number[] = new Array(lines.length);
  let last = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    out[i] = last;
    if (lines[i].kind !== 'blank') last = i;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Title

const TITLE_SEARCH_LINES = 12;
const TITLE_MAX_LENGTH = 120;
const TITLE_WORD = /报告/;
const YEAR = /((?:19|20)\d{2})[ \u3000]*年/;
const TITLE_SUFFIX = /[ \u3000]*(?:年度)?(?:政府信息公开|政务公开)?(?:工作)?(?:年度)?报告.*$/;

function findTitle(lines: Line[]): ReportTitle | undefined {
  const texts: { line: number; content: string; range: Range; markdownHeading: boolean }[] = [];
  for (const l of lines) {
    if (l.kind === 'blank') continue;
    if (l.kind !== 'text' || texts.length >= TITLE_SEARCH_LINES) break;
    const title = withoutBody(l.content);
    texts.push({ ...l, content: title, range: { start: l.range.start, end: { line: l.line, character: l.range.start.character + title.length } } });
  }
  const at = texts.findIndex((t) => TITLE_WORD.test(t.content) && t.content.length <= TITLE_MAX_LENGTH);
  if (at < 0) return undefined;
  const last = texts[at];
  let first = last;
  let text = last.content;
  // A title split over its first two lines: 「# 柴河镇人民政府」「## 2019 年度政府信息公开工作年度报告」.
  if (at === 1 && texts[0].content.length <= 40 && !/[。，,；]/.test(texts[0].content)) {
    first = texts[0];
    text = joinTitle(first.content, text);
  }
  const year = YEAR.exec(text);
  const organ = year ? extractOrgan(text, year) : undefined;
  const range: Range = { start: first.range.start, end: last.range.end };
  return { text, organ, year: year ? Number(year[1]) : undefined, range, extent: range };
}

const PERIOD = /统计(?:期限|期间|时限|时间)[^。]{0,12}?((?:19|20)\d{2})[ \u3000]*年/;

function findPeriod(lines: Line[]): ReportPeriod | undefined {
  for (const l of lines) {
    if (l.kind !== 'text') continue;
    const match = PERIOD.exec(l.content);
    if (!match) continue;
    const start = l.range.start.character + match.index + match[0].indexOf(match[1]);
    return { year: Number(match[1]), range: { start: { line: l.line, character: start }, end: { line: l.line, character: start + 4 } } };
  }
  return undefined;
}

function joinTitle(a: string, b: string): string {
  const cjk = /[\u3400-\u9fff]/;
  return cjk.test(a[a.length - 1]) && cjk.test(b[0]) ? a + b : `${a} ${b}`;
}

function extractOrgan(text: string, year: RegExpExecArray): string | undefined {
  const before = text.slice(0, year.index).trim();
  const after = text
    .slice(year.index + year[0].length)
    .replace(/^度/, '')
    .replace(TITLE_SUFFIX, '')
    .trim();
  return before || after || undefined;
}

// ---------------------------------------------------------------------------------------------
// Tables

/** The caption a row holds as its only filled cell: 「第二十条第（一）项⇥⇥」. */
function captionOfRow(row: RowLine): Cell | undefined {
  let filled: Cell | undefined;
  for (const c of row.cells) {
    if (c.text === '') continue;
    if (filled) return undefined;
    filled = c;
  }
  return filled && CAPTION.test(filled.text) ? filled : undefined;
}

/** Groups row lines into tables: blank lines inside a table are allowed, captions split it. */
function collectTables(lines: Line[]): Table[] {
  const tables: Table[] = [];
  const next = nextNonBlank(lines);
  let current: Table | undefined;
  let pendingCaption: { text: string; range: Range } | undefined;

  const close = () => {
    if (current && current.rows.length > 0) tables.push(finish(current));
    current = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'blank') {
      if (current && !isRowLike(lines[next[i]])) close();
      continue;
    }
    if (l.kind === 'caption') {
      close();
      pendingCaption = isRowLike(lines[next[i]]) ? { text: l.text, range: l.range } : undefined;
      continue;
    }
    const caption = l.kind === 'row' ? captionOfRow(l) : undefined;
    if (caption) {
      close();
      pendingCaption = { text: caption.text, range: caption.range };
      continue;
    }
    if (l.kind === 'row' || l.kind === 'debris') {
      const row: TableRow = l.kind === 'row' ? { line: l.line, kind: l.rule ? 'rule' : 'cells', cells: l.cells, range: l.range } : l.row;
      if (!current) {
        current = { type: 'table', caption: pendingCaption, name: '', syntax: l.kind === 'row' ? l.syntax : 'tsv', rows: [], range: row.range };
        pendingCaption = undefined;
      }
      current.rows.push(row);
      continue;
    }
    close();
    pendingCaption = undefined;
  }
  close();
  return tables.filter((t) => t.caption || !isStrayTabLine(t));
}

/** A lone line with a stray tab and at most one filled cell, or lines of nothing but tabs, are not a table. */
function isStrayTabLine(table: Table): boolean {
  const filled = table.rows.map((r) => r.cells.filter((c) => c.text !== '').length);
  return (table.rows.length === 1 && filled[0] <= 1) || filled.every((n) => n === 0);
}

function finish(table: Table): Table {
  const first = table.caption?.range.start ?? table.rows[0].range.start;
  const last = table.rows[table.rows.length - 1].range.end;
  return { ...table, name: table.caption?.text ?? headerName(table), range: { start: first, end: last } };
}

/** The first row's filled cells, without the long parenthesised notes of table 三. */
function headerName(table: Table): string {
  for (const row of table.rows) {
    if (row.kind === 'rule') continue;
    const words = row.cells.map((c) => c.text).filter((t) => t !== '' && !/^[（(].*[)）]$/.test(t));
    if (words.length === 0) continue;
    const name = words.join(' ');
    return name.length > 40 ? name.slice(0, 40) + '…' : name;
  }
  return '表格';
}

// ---------------------------------------------------------------------------------------------
// Sections

function buildOutline(lines: Line[], tables: Table[], title: ReportTitle | undefined): OutlineNode[] {
  const outline: OutlineNode[] = [];
  const stack: Section[] = [];
  const prev = previousNonBlank(lines);
  const tableAt = new Map<number, Table>(tables.map((t) => [t.range.start.line, t]));
  const titleEnd = title?.range.end.line ?? -1;
  let lastPart = 0;

  const endOf = (line: number) => {
    const last = lines[prev[line]];
    return last ? lineEnd(lines, last.line) : { line: 0, character: 0 };
  };
  const closeFrom = (depth: number, line: number) => {
    while (stack.length > depth) {
      const s = stack.pop()!;
      s.range = { start: s.range.start, end: maxPosition(s.selectionRange.end, endOf(line)) };
    }
  };
  const add = (node: OutlineNode) => (stack.length ? stack[stack.length - 1].children : outline).push(node);

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const table = tableAt.get(i);
    if (table) {
      add(table);
      i = table.range.end.line;
      continue;
    }
    if (i <= titleEnd) continue;
    if (l.kind === 'appendix' && (l.standalone || isTableStart(lines, i))) {
      closeFrom(0, i);
      lastPart = 0;
      const section = newSection(l.line, 'appendix', 0, 0, appendixName(lines, i, l.title), l.nameRange);
      outline.push(section);
      stack.push(section);
      continue;
    }
    if (l.kind !== 'heading' || !acceptHeading(l, lastPart)) continue;
    if (l.level === 1) lastPart = Math.max(lastPart, l.number);
    let depth = stack.length;
    while (depth > 0 && stack[depth - 1].level >= l.level && stack[depth - 1].kind !== 'appendix') depth--;
    closeFrom(depth, i);
    const section = newSection(l.line, l.level === 1 ? 'part' : 'section', l.level, l.number, l.name, l.nameRange);
    add(section);
    stack.push(section);
  }
  closeFrom(0, lines.length);
  if (title) {
    const firstSection = outline.find((n) => n.type === 'section');
    const preambleEnd = firstSection ? endOf(firstSection.range.start.line) : endOf(lines.length);
    title.extent = { start: title.range.start, end: maxPosition(title.range.end, preambleEnd) };
  }
  return outline;
}

const STATUTORY_TITLES = new Set(partTitles.map(normalizeText));

/**
 * A part heading must move the part sequence forward — 一、 after 三、 is a table label or a list —
 * unless it is word for word a statutory part title, which is then a part out of order.
 */
function acceptHeading(heading: HeadingLine, lastPart: number): boolean {
  return heading.level > 1 || heading.number > lastPart || STATUTORY_TITLES.has(labelSegments([heading.name]).join(''));
}

function isTableStart(lines: Line[], at: number): boolean {
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'blank') continue;
    return l.kind === 'row' || l.kind === 'caption';
  }
  return false;
}

const APPENDIX_TITLE_MAX = 30;

/** 附件 alone on its line takes its name from the short title line that follows it. */
function appendixName(lines: Line[], at: number, title: string): string {
  if (title) return `附件：${title}`;
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'blank') continue;
    if (l.kind === 'caption') return `附件 ${l.text}`;
    if (l.kind === 'text' && l.content.length <= APPENDIX_TITLE_MAX) return `附件 ${l.content}`;
    break;
  }
  return '附件';
}

function newSection(line: number, kind: Section['kind'], level: Section['level'], number: number, name: string, nameRange: Range): Section {
  return {
    type: 'section',
    kind,
    level,
    number,
    name,
    range: { start: { line, character: 0 }, end: nameRange.end },
    selectionRange: nameRange,
    children: [],
  };
}

function lineEnd(lines: Line[], line: number): Position {
  return { line, character: lines[line].length };
}

function maxPosition(a: Position, b: Position): Position {
  return a.line > b.line || (a.line === b.line && a.character >= b.character) ? a : b;
}
