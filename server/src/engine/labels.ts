/**
 * Comparing row labels as real reports write them: split or shifted across cells, half- and
 * full-width brackets, spaces inside words, quotes, typos.
 */

const NUMBERING = /[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}[.、](?!\d)|其中：?/g;
const PUNCTUATION = /[，,、。；;：:“”"'‘’`*#_]/g;
const HAS_NUMBERING = new RegExp(NUMBERING.source);
const HAS_PUNCTUATION = new RegExp(PUNCTUATION.source);
const SPACES = /\s+/g;
const SPACES_AND_PUNCTUATION = /[\s，,、。；;：:“”"'‘’`*#_]+/g;
/** Characters with a canonical form; tested first, as most labels have none. */
const WIDTH = /[()０-９．]/;
const WIDTH_ALL = /[()０-９．]/g;

function canonicalChar(ch: string): string {
  if (ch === '(') return '（';
  if (ch === ')') return '）';
  if (ch === '．') return '.';
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

function canonicalWidth(text: string): string {
  return WIDTH.test(text) ? text.replace(WIDTH_ALL, canonicalChar) : text;
}

/** Full-width brackets and digits, no spaces (\s includes the ideographic space): the form both sides are compared in. */
function canonical(text: string): string {
  return canonicalWidth(text.replace(SPACES, ''));
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
      const segment = HAS_PUNCTUATION.test(part) ? part.replace(PUNCTUATION, '') : part;
      if (segment) segments.push(segment);
    }
  }
  return segments;
}

/** Text compared whole, numbering included (captions such as 第二十条第（五）项). */
export function normalizeText(text: string): string {
  return canonicalWidth(text.replace(SPACES_AND_PUNCTUATION, ''));
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

/** The bigram similarity of two texts: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  return a === b ? 1 : bigramSimilarity(bigrams(a), bigrams(b));
}
