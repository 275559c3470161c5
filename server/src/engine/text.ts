/**
 * Text clean-up every reader shares: a cell's wrapped lines joined back, characters a typesetter
 * spaced out (`总 计`, `三 、本 年 度办 理 结果`) closed up, and nothing left that would break a
 * line or a cell of the report text (tabs, line breaks, control characters).
 */
import { isWhitespace } from './chars';

/** CJK ideographs and the full-width punctuation and forms that sit between them without spaces. */
function isCjk(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x303f) || // CJK punctuation (、。「」〔〕…), ideographic space excluded below
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
    (code >= 0xff01 && code <= 0xff60) || // full-width forms: （）：，０-９
    code === 0x201c ||
    code === 0x201d || // “ ” as Chinese text uses them
    code === 0x2014 ||
    code === 0x2026
  );
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\u3000' || char === '\u00a0' || char === '\t';
}

/** Removes runs of spaces that stand between two CJK characters: `总 计` → `总计`; `2023 年` keeps its space. */
export function closeUpCjk(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (!isSpace(char)) {
      out += char;
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isSpace(text[j])) j++;
    // `out` ends with text[i - 1] (a run starts after a kept character); reading `out` itself would flatten it each time: quadratic.
    const before = i > 0 ? text.charCodeAt(i - 1) : -1;
    const after = j < text.length ? text.charCodeAt(j) : -1;
    if (!(isCjk(before) && before !== 0x3000 && isCjk(after) && after !== 0x3000)) out += text.slice(i, j);
    i = j;
  }
  return out;
}

/** One line of clean text: whitespace of any kind and control characters become one space, CJK closed up, trimmed. */
export function cleanText(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    // Any whitespace (the ideographic space WPS fills blank cells with among it), C0/C1 controls and zero-width spaces.
    const blank = isWhitespace(code) || code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x200b;
    if (blank) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += char;
  }
  return closeUpCjk(out);
}

/**
 * Joins the lines a narrow cell wrapped its text into: without a space where either side is CJK
 * or a number goes on (`1361` over `2` is 13612, `7730` over `.28` is 7730.28), with one between Latin words.
 */
export function joinWrapped(lines: readonly string[]): string {
  let out = '';
  // The last character of `out`, kept aside: reading `out` itself would flatten it every line.
  let before = -1;
  for (const raw of lines) {
    const line = cleanText(raw);
    if (line === '') continue;
    if (out === '') {
      out = line;
      before = line.charCodeAt(line.length - 1);
      continue;
    }
    const after = line.charCodeAt(0);
    const tight = isCjk(before) || isCjk(after) || (isNumeric(before) && isNumeric(after) && (isDigit(before) || isDigit(after)));
    out += tight ? line : ' ' + line;
    before = line.charCodeAt(line.length - 1);
  }
  return out;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A digit, or the decimal point or thousands separator inside a number. */
function isNumeric(code: number): boolean {
  return isDigit(code) || code === 0x2e || code === 0x2c;
}
