/**
 * The pages' lines and tables → the report's blocks in reading order: page numbers and running
 * headers dropped, a paragraph's wrapped lines joined into one (across a page break too), and a
 * table that goes on over the next page read as one table.
 */
import type { Block, Paragraph, Table } from '../model';
import { joinWrapped } from '../../engine/text';
import { findTextTables, type TextTable } from './columns';
import type { PageContent } from './geometry';
import { groupLines, type Line } from './lines';
import { continuesOn, findRuledTables, toTable, type RuledTable } from './tables';

type Element = { kind: 'line'; line: Line } | { kind: 'table'; table: RuledTable } | { kind: 'text-table'; table: TextTable };

interface Page {
  page: number;
  width: number;
  height: number;
  elements: Element[];
}

/** Lays out the pages' text into blocks. */
export function layoutPages(pages: readonly PageContent[]): Block[] {
  const laidOut = pages.map(pageElements);
  dropPageFurniture(laidOut);
  const flow = new Flow(bodyMargins(laidOut));
  for (const page of laidOut) {
    flow.newPage();
    for (const element of withTextTables(page.elements)) flow.add(element, page.page);
  }
  return flow.finish();
}

/** The blocks, built an element at a time; the paragraph or table last added stays open to go on. */
class Flow {
  private readonly blocks: Block[] = [];
  private paragraph: { lines: Line[]; block: Paragraph } | undefined;
  private table: RuledTable[] | undefined;
  private pageStart = false;

  constructor(private readonly margins: Margins) {}

  newPage(): void {
    this.pageStart = true;
  }

  add(element: Element, page: number): void {
    const afterPageBreak = this.pageStart;
    this.pageStart = false;
    if (element.kind === 'table' && this.table && afterPageBreak && continuesOn(this.table[this.table.length - 1], element.table)) {
      this.table.push(element.table);
      return;
    }
    this.closeTable();
    if (element.kind === 'table') {
      this.paragraph = undefined;
      this.table = [element.table];
    } else if (element.kind === 'text-table') {
      this.paragraph = undefined;
      this.blocks.push(textTableBlock(element.table, page));
    } else this.addLine(element.line, page, afterPageBreak);
  }

  finish(): Block[] {
    this.closeTable();
    return this.blocks;
  }

  private addLine(line: Line, page: number, afterPageBreak: boolean): void {
    const open = this.paragraph;
    if (open && continuesParagraph(open.lines[open.lines.length - 1], line, this.margins, afterPageBreak)) {
      open.lines.push(line);
      open.block.text = joinWrapped(open.lines.map((l) => l.text));
      return;
    }
    this.paragraph = { lines: [line], block: { kind: 'paragraph', text: line.text, source: { kind: 'pdf', page, y: Math.round(line.y) } } };
    this.blocks.push(this.paragraph.block);
  }

  private closeTable(): void {
    if (this.table) this.blocks.push(toTable(this.table));
    this.table = undefined;
  }
}

function textTableBlock(table: TextTable, page: number): Table {
  const rows = table.rows.map((cells, i) => ({ cells, source: { kind: 'pdf' as const, page, y: Math.round(table.lines[i].y) } }));
  return { kind: 'table', rows, source: rows[0].source };
}

function pageElements(content: PageContent): Page {
  const { tables, rest } = findRuledTables(content.page, content.rules, content.runs);
  const elements: Element[] = [
    ...groupLines(rest).map((line): Element => ({ kind: 'line', line })),
    ...tables.map((table): Element => ({ kind: 'table', table })),
  ];
  const top = (e: Element) => (e.kind === 'line' ? e.line.y : e.kind === 'table' ? e.table.ys[0] : e.table.lines[0].y);
  return { page: content.page, width: content.width, height: content.height, elements: elements.sort((a, b) => top(a) - top(b)) };
}

/** The page's elements with the lines between its ruled tables read for tables set in text columns. */
function withTextTables(elements: readonly Element[]): Element[] {
  const out: Element[] = [];
  let lines: Line[] = [];
  const flushLines = () => {
    for (const item of findTextTables(lines)) out.push('rows' in item ? { kind: 'text-table', table: item } : { kind: 'line', line: item });
    lines = [];
  };
  for (const element of elements) {
    if (element.kind === 'line') lines.push(element.line);
    else {
      flushLines();
      out.push(element);
    }
  }
  flushLines();
  return out;
}

const PAGE_NUMBER = [
  /^[-—–－~·•\s]*\d{1,4}[-—–－~·•\s]*$/, // 3, -3-, - 3 -, — 7 —
  /^第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?$/,
  /^共\s*\d+\s*页\s*[,，]?\s*第\s*\d+\s*页$/,
  /^\d+\s*\/\s*\d+$/,
  /^page\s*\d+(\s*(of|\/)\s*\d+)?$/i,
];

/** The top and bottom strips of a page where page numbers and running headers stand, as a share of its height. */
const MARGIN_BAND = 0.12;

export const isPageNumber = (text: string): boolean => PAGE_NUMBER.some((pattern) => pattern.test(text));

/**
 * Removes page numbers (a page's first or last line, in its top or bottom strip) and running
 * headers and footers (the same line, numbers aside, at the same height on two pages or more).
 */
function dropPageFurniture(pages: Page[]): void {
  const inBand = (page: Page, line: Line) => line.y + line.height < page.height * MARGIN_BAND || line.y > page.height * (1 - MARGIN_BAND);
  const key = (line: Line) => `${Math.round(line.y / 4)}|${line.text.replace(/\d+/g, '#')}`;
  const seen = new Map<string, number>();
  for (const page of pages) {
    for (const k of new Set(page.elements.flatMap((e) => (e.kind === 'line' && inBand(page, e.line) ? [key(e.line)] : []))))
      seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  for (const page of pages) {
    const last = page.elements.length - 1;
    page.elements = page.elements.filter((e, i) => {
      if (e.kind !== 'line' || !inBand(page, e.line)) return true;
      const pageNumber = (i === 0 || i === last) && isPageNumber(e.line.text);
      return !pageNumber && (seen.get(key(e.line)) ?? 0) < 2;
    });
  }
}

interface Margins {
  left: number;
  right: number;
}

/**
 * Where body text starts and ends: the commonest left edge of the lines across the document, and
 * the commonest right edge of the lines that run over half the page (none: no line runs full).
 */
function bodyMargins(pages: readonly Page[]): Margins {
  const lines = pages.flatMap((p) => p.elements.flatMap((e) => (e.kind === 'line' ? [{ line: e.line, page: p }] : [])));
  const long = lines.filter(({ line, page }) => line.width > page.width / 2);
  return { left: commonest(lines.map(({ line }) => line.x)), right: long.length > 0 ? commonest(long.map(({ line }) => line.x + line.width)) : Infinity };
}

/** The most frequent value, counted in 2-point steps; the largest among equals. */
function commonest(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(Math.round(value / 2), (counts.get(Math.round(value / 2)) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [step, count] of counts) if (count > bestCount || (count === bestCount && step > best)) [best, bestCount] = [step, count];
  return best * 2;
}

/** Sentence ends after which a numbered line is a new paragraph (a heading or a list item). */
const SENTENCE_END = /[。！？；：.!?;:]$/;
const NUMBERED = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])/;

/**
 * Whether `line` goes on with the paragraph whose last line is `previous`: the previous line ran to
 * the right margin, this one starts at the left margin, the two sit one line apart in the same type
 * size, and this one does not start a numbered item after a finished sentence.
 */
function continuesParagraph(previous: Line, line: Line, margins: Margins, afterPageBreak: boolean): boolean {
  const size = Math.max(previous.size, line.size);
  if (Math.abs(previous.size - line.size) > size * 0.2) return false;
  if (previous.x + previous.width < margins.right - 1.5 * size) return false;
  if (line.x > margins.left + size / 2) return false;
  if (!afterPageBreak && line.y - previous.y > 2.2 * size) return false;
  return !(SENTENCE_END.test(previous.text) && NUMBERED.test(line.text));
}
