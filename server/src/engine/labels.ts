/**
 * Comparing row labels as real reports write them: split or shifted across cells, half- and
 * full-width brackets, spaces inside words, quotes, typos.
 */

const NUMBERING = /[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\d{1,2}[.、](?!\d)|其中：?/g;
const PUNCTUATION = /[，,、。；;：:“”"'‘’`*#_]/g;

/** Full-width brackets and digits, no spaces: the form both sides are compared in. */
function canonical(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．]/g, '.');
}

/**
 * The words of a label without its numbering: 「三、本年度办理结果」「(三) 不予公开」「1.属于国家秘密」
 * → 本年度办理结果, 不予公开, 属于国家秘密. The last segment names the row; earlier ones its group.
 */
export function labelSegments(texts: readonly string[]): string[] {
  const segments: string[] = [];
  for (const text of texts) {
    for (const part of canonical(text).split(NUMBERING)) {
      const words = part.replace(PUNCTUATION, '');
      if (words) segments.push(words);
    }
  }
  return segments;
}

/** Text compared whole, numbering included (captions such as 第二十条第（五）项). */
export function normalizeText(text: string): string {
  return canonical(text).replace(PUNCTUATION, '');
}

/** The key a statutory label is matched by: its last segment. */
export function labelKey(label: string): string {
  const segments = labelSegments([label]);
  return segments[segments.length - 1] ?? '';
}

/** Dice coefficient over character bigrams: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const bigrams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    bigrams.set(g, (bigrams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = bigrams.get(g) ?? 0;
    if (n > 0) {
      bigrams.set(g, n - 1);
      shared++;
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}
