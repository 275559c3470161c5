/** Findings as a user reads them, comparable between the forms of one report (text, Markdown, TSV, converted sources). */
import { analyze } from '../../server/src/rules';

/** A line's non-blank cells joined by a tab when it is a table row (pipe or tab-separated), else its trimmed text. */
export function lineCells(line: string): string {
  const pipe = /^\s*\|/.test(line);
  if (!pipe && !line.includes('\t')) return line.trim();
  const cells = pipe
    ? line
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
    : line.split('\t');
  return cells
    .map((c) => c.trim())
    .filter(Boolean)
    .join('\t');
}

/** Each finding's rule, message and the cells of the line it points at. */
export function findingsOn(text: string): { code: string; message: string; line: string }[] {
  const lines = text.split(/\r?\n/);
  return analyze(text, { locale: 'zh-cn' }).findings.map((f) => ({ code: f.code, message: f.message, line: lineCells(lines[f.range.start.line]) }));
}
