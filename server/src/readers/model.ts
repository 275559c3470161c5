/**
 * What every reader produces: the report's blocks in reading order — paragraphs, and tables as
 * grids of cells with merged cells already resolved — each with the place in the source it came
 * from. `render.ts` turns blocks into the report text the engine reads, with a line-by-line map back.
 */

/** Where a block or cell came from in the source document. Pages, paragraphs, tables, rows and cells count from 1. */
export type SourcePlace =
  | { kind: 'pdf'; page: number; /** top of the line or row, in points from the page's top edge */ y?: number }
  | { kind: 'docx'; paragraph: number; table?: number; row?: number; cell?: number }
  | { kind: 'doc'; paragraph: number; table?: number; row?: number }
  | { kind: 'html'; /** a readable path to the element, e.g. `div#zoom > table[2] > tr[5]` */ element: string; table?: number; row?: number };

export type SourceKind = SourcePlace['kind'];

export interface Paragraph {
  kind: 'paragraph';
  /** One line of report text: no line breaks, no tabs. */
  text: string;
  source: SourcePlace;
}

export interface TableCell {
  /** The cell's text on one line (wrapped lines joined, no tabs or line breaks); '' for a blank or for a place covered by a merged cell. */
  text: string;
}

export interface TableRow {
  cells: TableCell[];
  source: SourcePlace;
}

/**
 * A table as a grid: a merged cell's text stands in its top-left place and the places it covers
 * are ''. Every row has the same number of cells.
 */
export interface Table {
  kind: 'table';
  rows: TableRow[];
  source: SourcePlace;
}

export type Block = Paragraph | Table;

/** Something the reader could not do faithfully, said to the user beside the findings (never a guess in silence). */
export interface ReaderNote {
  code: 'tables-as-text' | 'truncated' | 'skipped-content';
  message: { 'zh-cn': string; en: string };
}

export interface ReadResult {
  kind: SourceKind;
  blocks: Block[];
  notes: ReaderNote[];
}

/** Why a source cannot be read at all. Each has one clear message; the CLI exits 2 for it. */
export type ReadFailure =
  | 'encrypted' // a password-protected PDF or Word file
  | 'no-text' // a PDF without a text layer (a scan): there is no text to read, and we do no OCR
  | 'corrupt' // not a valid file of its kind (a broken zip, PDF or compound file)
  | 'too-large' // the file, or what it inflates to, is beyond the reader's bounds
  | 'no-report' // a web page with no report in it
  | 'unsupported' // a kind we do not read (RTF, WPS's .wps, an image)
  | 'needs-desktop'; // a reader that only runs in the desktop (Node) build

export class ReadError extends Error {
  constructor(
    readonly reason: ReadFailure,
    readonly messages: { 'zh-cn': string; en: string },
  ) {
    super(messages.en);
    this.name = 'ReadError';
  }
}

/** Limits every reader keeps to, so that a hostile file cannot exhaust memory or time. */
export const LIMITS = {
  /** Bytes of the source file itself. */
  fileBytes: 50 * 1024 * 1024,
  /** Bytes all the parts of a .docx inflate to, together (a zip bomb stops here). */
  inflatedBytes: 100 * 1024 * 1024,
  /** Pages of a PDF read; a longer one is read up to here, with a 'truncated' note. */
  pdfPages: 300,
  /** Characters of report text produced; beyond it the rest is dropped with a 'truncated' note. */
  textChars: 5_000_000,
} as const;

/**
 * Whether an error is a ReadError, by its shape: the Node server and the CLI load the readers as a
 * bundle of their own, whose ReadError class is not theirs, so `instanceof` cannot tell.
 */
export function isReadError(error: unknown): error is ReadError {
  return error instanceof Error && error.name === 'ReadError' && 'reason' in error && 'messages' in error;
}
