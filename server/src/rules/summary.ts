/**
 * What the rules across reports (report.carry-over, report.copied-text, report.in-force-mismatch,
 * value.implausible) know of a report: its organ and year, every number of its statutory tables and
 * its prose. Summaries are small and plain data: the CLI's worker threads pass them back, and the
 * server's workspace index keeps one for every report of the workspace.
 */
import type { BoundReport } from '../engine/bind';
import { normalizeText } from '../engine/labels';
import { organKey, sameOrgan } from '../engine/organ';
import type { OutlineNode, Range, Section } from '../engine/types';
import type { Amount } from '../engine/values';
import type { FormatId } from '../formats';
import { columnName, rowLabel, valueColumns } from './cells';

export interface SummaryCell {
  table: string;
  row: string;
  column: string;
  rowLabel: string;
  columnName: string;
  kind: 'count' | 'amount';
  value: Amount;
  text: string;
  range: Range;
}

/** A line of prose: every line outside the tables and the title, less a heading's own text. */
export interface SummaryParagraph {
  text: string;
  range: Range;
  /** The number of the statutory part it stands in; undefined before the first part or in an unrecognised one. */
  part?: number;
}

export interface ReportSummary {
  uri: string;
  /** The organ as the title writes it (normalised); none when the title does not tell (the report is then compared with no other). */
  organ?: string;
  /** What `sameOrgan` compares (engine/organ.ts). */
  organKey?: string;
  year?: number;
  title?: string;
  format: FormatId;
  cells: SummaryCell[];
  paragraphs: SummaryParagraph[];
  /** The headings of the statutory parts, by part number. */
  partHeadings: { part: number; range: Range }[];
}

/** A report that tells its organ and year: one that can be paired with another year's. */
export type DatedSummary = ReportSummary & { organ: string; organKey: string; year: number; title: string };

export function reportSummary(uri: string, bound: BoundReport): ReportSummary {
  const title = bound.report.title;
  const organ = title?.organ;
  return {
    uri,
    organ: organ === undefined ? undefined : normalizeText(organ),
    organKey: organ === undefined ? undefined : organKey(organ),
    year: title?.year ?? bound.report.period?.year,
    title: title?.text,
    format: bound.era.format.id,
    cells: numberCells(bound),
    paragraphs: paragraphs(bound),
    partHeadings: bound.parts.flatMap((p) => (p.definition ? [{ part: p.definition.number, range: p.section.selectionRange }] : [])),
  };
}

function numberCells(bound: BoundReport): SummaryCell[] {
  return bound.tables.flatMap((table) =>
    [...table.rows.values()].flatMap((row) =>
      valueColumns(table).flatMap((column) => {
        const cell = row.cells.get(column.id);
        if (cell?.value.kind !== 'number' || !cell.cell) return [];
        return [
          {
            table: table.definition.id,
            row: row.definition.id,
            column: column.id,
            rowLabel: rowLabel(table, row.definition.id),
            columnName: columnName(table.definition, column),
            kind: column.kind === 'amount' ? ('amount' as const) : ('count' as const),
            value: { units: cell.value.units, decimals: cell.value.decimals },
            text: cell.cell.text,
            range: cell.range,
          },
        ];
      }),
    ),
  );
}

function paragraphs({ report, parts }: BoundReport): SummaryParagraph[] {
  const excluded = new Set<number>();
  for (const table of report.tables) for (let line = table.range.start.line; line <= table.range.end.line; line++) excluded.add(line);
  if (report.title) for (let line = report.title.range.start.line; line <= report.title.range.end.line; line++) excluded.add(line);
  // A heading's own text is not prose; an inline heading's line goes on after it (一、总体情况。本年度…).
  const headingEnds = new Map<number, number>();
  for (const section of sections(report.outline)) headingEnds.set(section.selectionRange.start.line, section.selectionRange.end.character);
  const partOf = (line: number) =>
    parts.find((p) => p.definition && p.section.range.start.line <= line && line <= p.section.range.end.line)?.definition?.number;
  const out: SummaryParagraph[] = [];
  report.lines.forEach((text, line) => {
    if (excluded.has(line)) return;
    const start = headingEnds.get(line) ?? 0;
    const rest = text.slice(start);
    const lead = rest.length - rest.trimStart().length;
    const trimmed = rest.trim();
    if (!trimmed) return;
    const from = start + lead;
    out.push({ text: trimmed, range: { start: { line, character: from }, end: { line, character: from + trimmed.length } }, part: partOf(line) });
  });
  return out;
}

function sections(nodes: readonly OutlineNode[]): Section[] {
  return nodes.flatMap((n) => (n.type === 'section' ? [n, ...sections(n.children)] : []));
}

/** The report's cells of one table row. */
export function rowCells(summary: ReportSummary, table: string, row: string): SummaryCell[] {
  return summary.cells.filter((c) => c.table === table && c.row === row);
}

/** The same organ's report of the year before, among `others`. */
export function previousReport(report: ReportSummary, others: readonly ReportSummary[]): DatedSummary | undefined {
  if (!isDated(report)) return undefined;
  return others.find((o): o is DatedSummary => isDated(o) && o.uri !== report.uri && o.year === report.year - 1 && sameOrgan(o.organKey, report.organKey));
}

export function isDated(summary: ReportSummary): summary is DatedSummary {
  return summary.organKey !== undefined && summary.year !== undefined && summary.title !== undefined;
}
