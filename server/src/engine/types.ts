/**
 * The report model. Positions are zero-based lines and UTF-16 code-unit characters, the same
 * convention as LSP, so adapters pass ranges through unchanged; nothing here depends on LSP.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** One cell of a table row: its trimmed text and where that text stands in the line. */
export interface Cell {
  text: string;
  /** Column index of the cell as written in the row (merged-cell debris included). */
  index: number;
  range: Range;
}

/**
 * How a table is written. `spaces`: space-aligned text (`pdftotext -layout`), its labels possibly
 * wrapped over several lines; `lines`: one cell per line (raw PDF text). Both are read, never rewritten:
 * no formatting, conversion or fix changes their rows' layout.
 */
export type TableSyntax = 'tsv' | 'pipe' | 'spaces' | 'lines';

export interface TableRow {
  line: number;
  /** `rule`: separator debris such as `---\t---` or a Markdown `|---|` line. */
  kind: 'cells' | 'rule' | 'debris';
  cells: Cell[];
  range: Range;
}

export interface Table {
  type: 'table';
  /** Caption line above or inside the table, e.g. 第二十条第（一）项. */
  caption?: { text: string; range: Range };
  /** Display name: the caption, else the header cells. */
  name: string;
  syntax: TableSyntax;
  rows: TableRow[];
  /** From the caption (or first row) to the last row. */
  range: Range;
}

/** 一、 = 1, （一） = 2, 1. = 3, （1） = 4. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export interface Section {
  type: 'section';
  /** `part` is a numbered 一、 part; `appendix` is 附件 and what follows it. */
  kind: 'part' | 'section' | 'appendix';
  /** The heading level; 0 for an appendix, which holds everything after it. */
  level: HeadingLevel | 0;
  /** The number of the heading (一 → 1, （三） → 3); 0 for an appendix. */
  number: number;
  /** Heading text including its number, e.g. 一、总体情况; inline headings stop at the first 。. */
  name: string;
  /** Whole section, heading to the last non-blank line before the next heading of its level or above. */
  range: Range;
  /** The heading text itself. */
  selectionRange: Range;
  children: OutlineNode[];
}

export type OutlineNode = Section | Table;

export interface ReportTitle {
  text: string;
  organ?: string;
  year?: number;
  /** The title line(s). */
  range: Range;
  /** Title and preamble, up to the first section. */
  extent: Range;
}

/** The statistical period the preamble states: 统计期限自 2019 年 1 月 1 日起至 2019 年 12 月 31 日止. */
export interface ReportPeriod {
  year: number;
  /** The year as written in the period statement. */
  range: Range;
}

export interface Report {
  lineCount: number;
  /** The text's lines, without line breaks. */
  lines: readonly string[];
  /** The text's line break (that of its first line), for edits that insert lines. */
  eol: '\n' | '\r\n';
  title?: ReportTitle;
  period?: ReportPeriod;
  /** Top-level sections (parts and appendices) and any table outside a section. */
  outline: OutlineNode[];
  /** Every table, in document order. */
  tables: Table[];
}
