/**
 * Content detection: is a plain-text or Markdown document a 政府信息公开工作年度报告?
 *
 * Shared by the extension client (to switch `.txt` reports to the `govreport` language) and
 * the server (to answer only for reports among Markdown documents), so both always agree.
 */

import { partTitles } from '../formats/part-titles';
import { isWhitespace } from './chars';

/** How far into the document the title is looked for: its first non-blank lines, within a few KB. */
const TITLE_WINDOW = 4000;
const TITLE_LINES = 15;
const TITLE = /政府信息公开.{0,12}?报告|政务公开.{0,12}?年度报告/;
/** A title is a short Chinese line; prose about reports («Real 政府信息公开工作年度报告 texts from…») is not. */
const TITLE_MAX_LENGTH = 100;
const TITLE_MAX_LATIN = 8;

function hasTitle(text: string): boolean {
  const lines = text
    .slice(0, TITLE_WINDOW)
    .split(/\r\n|\r|\n/)
    .map(withoutMarkers)
    .filter((l) => l !== '')
    .slice(0, TITLE_LINES);
  // A title may be split over two lines by PDF extraction: 「…政府信息公开」「工作年度报告」.
  return lines.some((line, i) =>
    [line, line + (lines[i + 1] ?? '')]
      .map(withoutBody)
      .some((candidate) => TITLE.test(candidate) && candidate.length <= TITLE_MAX_LENGTH && (candidate.match(/[A-Za-z]/g)?.length ?? 0) <= TITLE_MAX_LATIN),
  );
}

/**
 * A title line that also carries the body, as web copies do (「…2013年政府信息公开工作年度报告 本报告所列数据…。」),
 * cut at the space after the title words; any other line as it is — a title's own tail (「 2019年度」,
 * 「 （全文）」) has no sentence. Sentence punctuation or Latin letters before the title words make it
 * prose about a report, not a title.
 */
export function withoutBody(line: string): string {
  const match = TITLE.exec(line);
  if (!match) return line;
  const end = match.index + match[0].length;
  if (!isWhitespace(line.charCodeAt(end)) || !line.includes('。', end)) return line;
  const title = line.slice(0, end);
  return /[。，；;,A-Za-z]/.test(title) ? line : title;
}

/** A line without the Markdown heading and emphasis markers around it (`## **…**`). */
function withoutMarkers(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && (line[start] === '#' || line[start] === '*' || isWhitespace(line.charCodeAt(start)))) start++;
  while (end > start && (line[end - 1] === '*' || isWhitespace(line.charCodeAt(end - 1)))) end--;
  return line.slice(start, end);
}

/** JavaScript's \s without the line breaks, so that a match never runs on from one line start over the next ones. */
const INLINE_SPACE = '\\t\\v\\f \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000\\ufeff';

/** Numbered part titles about disclosure (those that say 公开); two of them at line starts identify a report. */
const PART_TITLES = new RegExp(
  `^[#*${INLINE_SPACE}]*[一二三四五六七八九十]+、[^\\n]{0,8}?(?:${partTitles.filter((title) => title.includes('公开')).join('|')})`,
  'gm',
);

/** True when the text reads as an annual report: a title near the top, or statutory part titles. */
export function looksLikeReport(text: string): boolean {
  if (isBinary(text)) return false;
  if (hasTitle(text)) return true;
  return (text.match(PART_TITLES)?.length ?? 0) >= 2;
}

/** How much of the text the binary and encoding checks read. */
const SAMPLE = 8192;

/** Past this share of control characters, a text is a binary file opened as text; a stray NUL or two in a report is not. */
const BINARY_CONTROL_SHARE = 0.01;

/** Control characters (NUL and the like; not tab, line breaks or form feed) make up much of a binary file read as text, and next to none of a report. */
export function isBinary(text: string): boolean {
  const sample = text.slice(0, SAMPLE);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x20 && (c < 0x09 || c > 0x0d)) controls++;
  }
  return controls > sample.length * BINARY_CONTROL_SHARE;
}

/** A few U+FFFD occur in real reports (conversion debris); a text decoded with the wrong encoding is thick with them. */
const MIN_REPLACEMENTS = 8;
const MIN_REPLACEMENT_SHARE = 0.02;

/**
 * A text decoded with the wrong encoding — a GBK/GB18030 file (Notepad's "ANSI" on Chinese Windows)
 * read as UTF-8 — whose Chinese came out as U+FFFD replacement characters. Nothing in it can be read.
 */
export function looksMisdecoded(text: string): boolean {
  const sample = text.slice(0, SAMPLE);
  let replacements = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0xfffd) replacements++;
  return replacements >= MIN_REPLACEMENTS && replacements >= sample.length * MIN_REPLACEMENT_SHARE;
}
