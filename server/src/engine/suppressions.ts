/**
 * Inline suppression, as markdownlint and ESLint allow — HTML comments, valid in Markdown and
 * harmless in plain text:
 *   <!-- govreport-disable-next-line table.sum-mismatch -->   the next line with content
 *   <!-- govreport-disable-line part.title -->               its own line
 *   <!-- govreport-disable table.empty-cell --> … <!-- govreport-enable table.empty-cell -->
 *   <!-- govreport-disable-file value.unit -->               the whole file
 * Without codes, a comment applies to every rule.
 *
 * Read in one pass over the lines, each line scanned once: no pattern that could backtrack over a
 * long line, and a chain of disable-next-line comments does not rescan what follows it.
 */
import { isWhitespace } from './chars';

const KINDS = ['disable-next-line', 'disable-line', 'disable-file', 'disable', 'enable'] as const;
type Kind = (typeof KINDS)[number];
const OPEN = '<!--';
const CLOSE = '-->';
const PREFIX = 'govreport-';
const ALL = '*';

interface Directive {
  kind: Kind;
  codes: string[];
}

export interface Suppressions {
  isSuppressed(code: string, line: number): boolean;
}

interface LineRange {
  from: number;
  to: number;
}

export function readSuppressions(lines: readonly string[]): Suppressions {
  const file = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  /** Per code, the disable … enable ranges, in order and never overlapping but at their ends. */
  const ranges = new Map<string, LineRange[]>();
  const open = new Map<string, number>();
  /** Disable-next-line comments still waiting for a line with content: their lines and codes. */
  let pending: { line: number; codes: string[] }[] = [];
  const add = (line: number, codes: readonly string[]) => {
    const set = byLine.get(line) ?? new Set<string>();
    for (const c of codes) set.add(c);
    byLine.set(line, set);
  };
  const close = (code: string, to: number) => {
    const from = open.get(code);
    if (from === undefined) return;
    const list = ranges.get(code) ?? [];
    list.push({ from, to });
    ranges.set(code, list);
    open.delete(code);
  };
  lines.forEach((text, line) => {
    if (pending.length > 0 && !isBlankOrComment(text)) {
      for (const p of pending) add(line, p.codes);
      pending = [];
    }
    if (!text.includes(PREFIX)) return;
    for (const { kind, codes } of directivesOf(text)) {
      const targets = codes.length > 0 ? codes : [ALL];
      if (kind === 'disable-file') for (const c of targets) file.add(c);
      else if (kind === 'disable-line') add(line, targets);
      else if (kind === 'disable-next-line') pending.push({ line, codes: targets });
      else if (kind === 'disable') for (const c of targets) open.set(c, open.get(c) ?? line);
      else for (const code of codes.length > 0 ? codes : [...open.keys()]) close(code, line);
    }
  });
  // With no line of content after it, a disable-next-line comment covers the line below it.
  for (const p of pending) add(p.line + 1, p.codes);
  for (const code of [...open.keys()]) close(code, lines.length);
  const inRange = (code: string, line: number) => {
    const list = ranges.get(code);
    if (!list) return false;
    const last = lastStartingBy(list, line);
    return last !== undefined && line <= last.to;
  };
  return {
    isSuppressed: (code, line) => {
      const own = byLine.get(line);
      return file.has(ALL) || file.has(code) || own?.has(ALL) === true || own?.has(code) === true || inRange(ALL, line) || inRange(code, line);
    },
  };
}

/** The last range starting at or before `line`: as the ranges follow each other, the only one that can hold it. */
function lastStartingBy(list: readonly LineRange[], line: number): LineRange | undefined {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle].from <= line) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? list[low - 1] : undefined;
}

/**
 * The directives of one line, as /<!--\s*govreport-(KIND)\b([^>]*?)\s*-->/g reads them: a directive
 * runs to the first `>` after its kind, which must close the comment. Linear in the line: the
 * search for that `>` is shared by every `<!--` before it.
 */
function directivesOf(text: string): Directive[] {
  const directives: Directive[] = [];
  let nextClose = -1;
  let at = text.indexOf(OPEN);
  while (at >= 0) {
    let next = at + 1;
    const prefix = skipWhitespace(text, at + OPEN.length);
    const kind = text.startsWith(PREFIX, prefix) ? kindAt(text, prefix + PREFIX.length) : undefined;
    if (kind) {
      const listStart = prefix + PREFIX.length + kind.length;
      if (nextClose >= 0 && nextClose < listStart) nextClose = -1;
      if (nextClose < 0) nextClose = text.indexOf('>', listStart);
      if (nextClose < 0) break;
      const listEnd = nextClose + 1 - CLOSE.length;
      if (listEnd >= listStart && text.startsWith(CLOSE, listEnd)) {
        directives.push({
          kind,
          codes: text
            .slice(listStart, listEnd)
            .split(/[\s,]+/)
            .filter(Boolean),
        });
        next = nextClose + 1;
      }
    }
    at = text.indexOf(OPEN, next);
  }
  return directives;
}

/** The kind written at `at`, ending at a word boundary; the longest first, as the pattern tries them. */
function kindAt(text: string, at: number): Kind | undefined {
  return KINDS.find((k) => text.startsWith(k, at) && !isWordChar(text.charCodeAt(at + k.length)));
}

function isWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

function skipWhitespace(text: string, at: number): number {
  while (at < text.length && isWhitespace(text.charCodeAt(at))) at++;
  return at;
}

/** Whether a line holds only an HTML comment: the scanner reads it as blank. */
export function isCommentLine(text: string): boolean {
  if (!text.includes(OPEN)) return false;
  const trimmed = text.trim();
  return trimmed.length >= OPEN.length + CLOSE.length && trimmed.startsWith(OPEN) && trimmed.endsWith(CLOSE);
}

/** What a disable-next-line comment passes over: blank lines and comment lines. */
function isBlankOrComment(text: string): boolean {
  return text.trim() === '' || isCommentLine(text);
}
