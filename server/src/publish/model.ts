/**
 * The report as it will be published: title, numbered parts, paragraphs, and every statutory table
 * with the official template's merged cells. One model serves the preview, the export to Word and
 * (through the same official template, template/) the text templates, so they never disagree. Every node keeps
 * its source range, so findings, scroll sync and click-to-source reuse the document's positions.
 */
import type { Range } from '../engine/types';
import type { FormatDefinition } from '../formats/schema';
import type { Severity } from '../rules/types';
import type { TemplateCell } from '../template/statutory-table';

/** A finding shown on a node: the cell or heading it sits on is marked in its severity's colour. */
export interface Mark {
  code: string;
  severity: Severity;
  message: string;
}

/** A cell of a published table: the template's cell, filled from the report. */
export interface LayoutCell extends TemplateCell {
  /** Where the cell's text stands in the document; none for a cell the template supplies (an empty statutory cell, a header the report left out). */
  range?: Range;
  marks: Mark[];
}

export interface LayoutTable {
  /** The statutory table's id (formats/), when the table was bound to one. */
  definition?: string;
  /** The statutory name (表三 收到和处理政府信息公开申请情况), else the table's caption or header words. */
  name: string;
  /** A caption line above the table (第二十条第（一）项). */
  caption?: string;
  /** The rows of the grid, top to bottom; the first `headerRows` are repeated on each page. */
  rows: LayoutCell[][];
  headerRows: number;
  /** The number of grid columns (every row's colSpans add up to it, counting cells spanned from above). */
  columns: number;
  range: Range;
}

export type LayoutBlock =
  | { kind: 'heading'; /** 1: 一、 2: （一） 3: 1. 4: （1） */ level: number; text: string; range: Range; marks: Mark[] }
  | { kind: 'paragraph'; text: string; range: Range; marks: Mark[] }
  | { kind: 'table'; table: LayoutTable };

export interface PublishedReport {
  format: FormatDefinition['id'];
  title?: { text: string; range: Range; marks: Mark[] };
  /** The lines under the title that are not a part: the preamble (本报告…统计期限…). */
  blocks: LayoutBlock[];
  /** Errors of the report: exporting asks the user first. */
  errors: number;
}
