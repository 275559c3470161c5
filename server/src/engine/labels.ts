/**
 * Comparing row labels as real reports write them: split or shifted across cells, half- and
 * full-width brackets, spaces inside words, quotes, typos.
 */

import { isWhitespace } from './chars';

const NUMBERING = /[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}[.、](?!\d)|其中：?/g;
const HAS_NUMBERING = new RegExp(NUMBERING.source);

/** Character classes: kept, dropped (spaces; punctuation too when comparing words), rewritten. */
const KEEP = 0;
const SPACE = 1;
const PUNCT = 2;
/** Half-width brackets, full-width digits and point: replaced by their canonical form (see `canonicalChar`). */
const WIDTH = 3;
/** The class of every UTF-16 code unit. */
const CLASS = new Uint8Array(0x10000);
for (let code = 0; code < 0x10000; code++) if (isWhitespace(code)) CLASS[code] = SPACE;
for (const ch of '，,、。；;：:“”"\'‘’`*#_') CLASS[ch.charCodeAt(0)] = PUNCT;
for (const ch of '()０１２３４５６７８９．') CLASS[ch.charCodeAt(0)] = WIDTH;

function canonicalChar(code: number): string {
  if (code === 0x28) return '（';
  if (code === 0x29) return '）';
  if (code === 0xff0e) return '.';
  return String.fromCharCode(code - 0xfee0);
}

/** `text` without spaces (and punctuation, if asked), brackets and digits in their canonical width. */
function rewrite(text: string, dropPunctuation: boolean): string {
  let i = 0;
  while (i < text.length && (CLASS[text.charCodeAt(i)] === KEEP || (!dropPunctuation && CLASS[text.charCodeAt(i)] === PUNCT))) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = CLASS[code];
    if (kind === KEEP || (kind === PUNCT && !dropPunctuation)) out += text[i];
    else if (kind === WIDTH) out += canonicalChar(code);
  }
  return out;
}

/** Full-width brackets and digits, no spaces (the ideographic space included): the form both sides are compared in. */
function canonical(text: string): string {
  return rewrite(text, false);
}

/**
 * The words of a label without its numbering: 「三、本年度办理结果」「(三) 不予公开」「1.属于国家秘密」
 * → 本年度办理结果, 不予公开, 属于国家秘密. The last segment names the row; earlier ones its group.
 */
export function labelSegments(texts: readonly string[]): string[] {
  const segments: string[] = [];
  for (const text of texts) {
    const words = canonical(text);
    for (const part of HAS_NUMBERING.test(words) ? words.split(NUMBERING) : [words]) {
      const segment = rewrite(part, true);
      if (segment) segments.push(segment);
    }
  }
  return segments;
}

/** Text compared whole, numbering included (captions such as 第二十条第（五）项). */
export function normalizeText(text: string): string {
  return rewrite(text, true);
}

/** The key a statutory label is matched by: its last segment. */
export function labelKey(label: string): string {
  const segments = labelSegments([label]);
  return segments[segments.length - 1] ?? '';
}

/** A text's character bigrams, each as one number, sorted: compared by `bigramSimilarity`. */
export function bigrams(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length - 1; i++) out.push(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1));
  return out.sort((x, y) => x - y);
}

/** Dice coefficient over character bigrams: 1 for equal bigrams, 0 for nothing in common. */
export function bigramSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}
