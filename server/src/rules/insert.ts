/** Edits that insert whole lines, in the report's own line breaks, table syntax and heading style. */
import type { TextEdit } from '../engine/edits';
import type { Report, Section } from '../engine/types';
import type { TemplateOptions } from '../template/text';

export function insertAfterLine(report: Report, line: number, lines: string[]): TextEdit {
  const at = { line, character: report.lines[line]?.length ?? 0 };
  return { range: { start: at, end: at }, newText: report.eol + lines.join(report.eol) };
}

export function insertBeforeLine(report: Report, line: number, lines: string[]): TextEdit {
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: lines.join(report.eol) + report.eol };
}

/** Tables are inserted as Markdown pipe tables where the report already uses them, else tab-separated. */
export function templateOptions(report: Report): TemplateOptions {
  return { syntax: report.tables.some((t) => t.syntax === 'pipe') ? 'pipe' : 'tsv', number: () => '' };
}

/** The Markdown `## ` (or bold) decoration of a part heading, to give an inserted part the same. */
export function headingDecoration(report: Report, section: Section | undefined): (heading: string) => string {
  const line = section ? report.lines[section.range.start.line] : undefined;
  const hashes = line ? /^\s*(#{1,6}\s+)/.exec(line)?.[1] : undefined;
  return (heading) => (hashes ?? '') + heading;
}
