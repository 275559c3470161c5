/**
 * Inline suppression, as markdownlint and ESLint allow — HTML comments, valid in Markdown and
 * harmless in plain text:
 *   <!-- govreport-disable-next-line table.sum-mismatch -->   the next line with content
 *   <!-- govreport-disable-line part.title -->               its own line
 *   <!-- govreport-disable table.empty-cell --> … <!-- govreport-enable table.empty-cell -->
 *   <!-- govreport-disable-file value.unit -->               the whole file
 * Without codes, a comment applies to every rule.
 */

const DIRECTIVE = /<!--\s*govreport-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)\s*-->/g;
const ALL = '*';

export interface Suppressions {
  isSuppressed(code: string, line: number): boolean;
}

export function readSuppressions(lines: readonly string[]): Suppressions {
  const file = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  const ranges: { codes: string[]; from: number; to: number }[] = [];
  const open = new Map<string, number>();
  const add = (line: number, codes: string[]) => {
    const set = byLine.get(line) ?? new Set<string>();
    codes.forEach((c) => set.add(c));
    byLine.set(line, set);
  };
  lines.forEach((text, line) => {
    if (!text.includes('govreport-')) return;
    for (const [, kind, list] of text.matchAll(DIRECTIVE)) {
      const codes = list.split(/[\s,]+/).filter(Boolean);
      const targets = codes.length > 0 ? codes : [ALL];
      if (kind === 'disable-file') targets.forEach((c) => file.add(c));
      else if (kind === 'disable-line') add(line, targets);
      else if (kind === 'disable-next-line') add(nextContentLine(lines, line), targets);
      else if (kind === 'disable') targets.forEach((c) => open.set(c, open.get(c) ?? line));
      else {
        for (const code of codes.length > 0 ? codes : [...open.keys()]) {
          const from = open.get(code);
          if (from !== undefined) ranges.push({ codes: [code], from, to: line });
          open.delete(code);
        }
      }
    }
  });
  for (const [code, from] of open) ranges.push({ codes: [code], from, to: lines.length });
  const matches = (codes: Iterable<string>, code: string) => {
    for (const c of codes) if (c === ALL || c === code) return true;
    return false;
  };
  return {
    isSuppressed: (code, line) =>
      matches(file, code) || matches(byLine.get(line) ?? [], code) || ranges.some((r) => r.from <= line && line <= r.to && matches(r.codes, code)),
  };
}

/** The line a disable-next-line comment points at: the next one that is neither blank nor a comment. */
function nextContentLine(lines: readonly string[], line: number): number {
  for (let i = line + 1; i < lines.length; i++) if (!/^\s*(<!--.*-->\s*)?$/.test(lines[i])) return i;
  return line + 1;
}

/** Whether a line holds only an HTML comment: the scanner reads it as blank. */
export function isCommentLine(text: string): boolean {
  return text.includes('<!--') && /^\s*<!--.*-->\s*$/.test(text);
}
