/**
 * scan: one line at a time, what each line is — blank, a table row with its cells, a heading
 * candidate with its numbering level, a table caption, an appendix marker, or text.
 * Whether a candidate really is a heading is decided by `structure`, which sees the context.
 */
import { isWhitespace } from './chars';
import { parseChineseNumber } from '../formats/numerals';
import { isCommentLine } from './suppressions';
import type { Cell, HeadingLevel, Range, TableSyntax } from './types';

/** Every scanned line knows its length, so a section can end at the end of its last line. */
interface LineBase {
  line: number;
  length: number;
}

export interface BlankLine extends LineBase {
  kind: 'blank';
}

export interface RowLine extends LineBase {
  kind: 'row';
  syntax: TableSyntax;
  cells: Cell[];
  /** Separator debris (`---\t---`, `|---|---|`). */
  rule: boolean;
  range: Range;
}

export interface HeadingLine extends LineBase {
  kind: 'heading';
  level: HeadingLevel;
  number: number;
  name: string;
  nameRange: Range;
}

/** `附件`, `附件2`, `附件：标题` on a line of its own. */
export interface AppendixLine extends LineBase {
  kind: 'appendix';
  title: string;
  standalone: boolean;
  nameRange: Range;
}

/** A table's caption: 第二十条第（一）项, or a short line naming a 统计表. */
export interface CaptionLine extends LineBase {
  kind: 'caption';
  text: string;
  range: Range;
}

export interface TextLine extends LineBase {
  kind: 'text';
  /** The line without Markdown heading or emphasis markers. */
  content: string;
  range: Range;
  /** Written as a Markdown heading (`## …`) but carries no section number. */
  markdownHeading: boolean;
}

export type ScannedLine = BlankLine | RowLine | HeadingLine | AppendixLine | CaptionLine | TextLine;

const MARKDOWN_PREFIX = /^[\s\u3000\ufeff]*(#{1,6}[ \t\u3000]+)?/;
const CHINESE_NUMBER = '[一二三四五六七八九十]{1,3}';
const NUMBERINGS: { level: HeadingLevel; pattern: RegExp; chinese: boolean }[] = [
  { level: 1, pattern: new RegExp(`^(${CHINESE_NUMBER})[ \\u3000]*、`), chinese: true },
  { level: 2, pattern: new RegExp(`^[（(][ \\u3000]*(${CHINESE_NUMBER})[ \\u3000]*[）)]`), chinese: true },
  { level: 3, pattern: /^(\d{1,2})[ \u3000]*[.．、](?![\d.．])/, chinese: false },
  { level: 4, pattern: /^[（(][ \u3000]*(\d{1,2})[ \u3000]*[）)]/, chinese: false },
];
/** Where an inline heading's name ends: 「（一）强化工作部署。正文…」. */
const NAME_END = /[。；;！？：:]/;
const MAX_NAME = 50;
export const CAPTION = /^第[一二三四五六七八九十]+条[ \u3000]*(?:第[ \u3000]*)?[（(][一二三四五六七八九十]+[）)][ \u3000]*项/;
const STATISTICS_CAPTION = /^[^。，,]{0,40}统计表[ \u3000]*$/;
const APPENDIX = /^附[ \u3000]*件[ \u3000]*(?:(\d{1,2}|[一二三四五六七八九十]{1,3})[ \u3000]*)?(?:[：:][ \u3000]*(.*))?$/;
/** The longest line read as an appendix heading. */
const APPENDIX_MAX_LENGTH = 40;
const RULE_CELL = /^:?[-—–=]{3,}:?$/;

export function scanLines(lines: readonly string[]): ScannedLine[] {
  return lines.map(scanLine);
}

export function scanLine(text: string, line: number): ScannedLine {
  const length = text.length;
  // A comment line (an inline suppression) is as good as blank: it splits no table and no section.
  if (isCommentLine(text)) return { kind: 'blank', line, length };
  // Tabs and nothing else: a table's row of blank cells (a blank template's row of numbers), else nothing.
  if (text.includes('\t')) return row(text, line, 'tsv', tsvCells(text, line));
  if (isBlank(text)) return { kind: 'blank', line, length };
  if (/^[\s\u3000]*\|/.test(text) && text.indexOf('|') !== text.lastIndexOf('|')) {
    return row(text, line, 'pipe', pipeCells(text, line));
  }
  const prefix = MARKDOWN_PREFIX.exec(text)!;
  const markdownHeading = prefix[1] !== undefined;
  let start = prefix[0].length;
  let end = trimEnd(text, text.length);
  const bold = text.startsWith('**', start) || text.startsWith('__', start) ? text.slice(start, start + 2) : '';
  if (bold) start = skipSpace(text, start + 2);
  // A Markdown heading's closing #s and a line-wide bold's closing ** are decoration.
  while (end > start && (text[end - 1] === '#' || (bold && text.startsWith(bold, end - 2)))) {
    end = trimEnd(text, text[end - 1] === '#' ? end - 1 : end - 2);
  }
  // Nothing but a Markdown heading marker or bold marker (「# 」, 「** 」): a blank line.
  if (end <= start) return { kind: 'blank', line, length };
  const content = text.slice(start, end);
  const contentRange = range(line, start, end);

  const caption: CaptionLine = { kind: 'caption', line, length, text: content, range: contentRange };
  const appendix = content.length <= APPENDIX_MAX_LENGTH ? APPENDIX.exec(content) : null;
  if (appendix) {
    return { kind: 'appendix', line, length, title: (appendix[2] ?? '').trim(), standalone: !appendix[2]?.trim(), nameRange: contentRange };
  }
  if (CAPTION.test(content)) return caption;

  for (const { level, pattern, chinese } of NUMBERINGS) {
    const match = pattern.exec(content);
    if (!match) continue;
    const number = chinese ? parseChineseNumber(match[1]) : Number(match[1]);
    if (!number) break;
    const nameEnd = headingNameEnd(text, start, end, match[0].length, bold);
    let name = text
      .slice(start, nameEnd)
      .replace(/\*\*|__/g, '')
      .trim();
    if (name.length > MAX_NAME) name = name.slice(0, MAX_NAME) + '…';
    return { kind: 'heading', line, length, level, number, name, nameRange: range(line, start, nameEnd) };
  }
  // Checked after the numberings: 「七、政府信息公开情况统计表」 is a part heading, not a caption.
  if (content.includes('统计表') && STATISTICS_CAPTION.test(content)) return caption;
  return { kind: 'text', line, length, content, range: contentRange, markdownHeading };
}

/** Where the heading's name ends: the closing bold marker, else the first 。 (or ：) with text after it. */
function headingNameEnd(text: string, start: number, end: number, markerLength: number, bold: string): number {
  if (bold) {
    const close = text.indexOf(bold, start + markerLength);
    if (close > 0 && close < end) return trimEnd(text, stripTerminator(text, start, close));
  }
  const rest = text.slice(start + markerLength, end);
  const stop = NAME_END.exec(rest);
  if (stop && !isBlank(rest.slice(stop.index + 1))) return trimEnd(text, start + markerLength + stop.index);
  return trimEnd(text, stripTerminator(text, start, end));
}

function stripTerminator(text: string, start: number, end: number): number {
  return end > start && NAME_END.test(text[end - 1]) ? end - 1 : end;
}

function row(text: string, line: number, syntax: TableSyntax, cells: Cell[]): RowLine {
  let rule = false;
  for (const c of cells) {
    if (c.text === '') continue;
    rule = RULE_CELL.test(c.text);
    if (!rule) break;
  }
  return { kind: 'row', line, length: text.length, syntax, cells, rule, range: range(line, 0, text.length) };
}

function tsvCells(text: string, line: number): Cell[] {
  const cells: Cell[] = [];
  let from = 0;
  for (let index = 0; from <= text.length; index++) {
    const tab = text.indexOf('\t', from);
    const to = tab < 0 ? text.length : tab;
    cells.push(cell(text, line, index, from, to));
    from = to + 1;
  }
  return cells;
}

function pipeCells(text: string, line: number): Cell[] {
  const first = text.indexOf('|');
  let last = trimEnd(text, text.length);
  if (text[last - 1] === '|' && last - 1 > first) last--;
  const cells: Cell[] = [];
  let from = first + 1;
  let index = 0;
  for (let i = from; i <= last; i++) {
    if (i === last || (text[i] === '|' && text[i - 1] !== '\\')) {
      cells.push(cell(text, line, index++, from, i));
      from = i + 1;
    }
  }
  return cells;
}

function cell(text: string, line: number, index: number, from: number, to: number): Cell {
  let start = from;
  let end = to;
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  return { text: text.slice(start, end), index, range: range(line, start, end) };
}

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isWhitespace(text.charCodeAt(i))) return false;
  return true;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && isWhitespace(text.charCodeAt(end - 1))) end--;
  return end;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && isWhitespace(text.charCodeAt(at))) at++;
  return at;
}
