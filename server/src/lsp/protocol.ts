/**
 * govreport's own LSP requests and commands, shared by the server and the extension client
 * (plain names and shapes, no library imports, so the client can bundle this file).
 */
import type { TextEdit } from '../engine/edits';
import type { Position } from '../engine/types';
import type { FormatDefinition } from '../formats/schema';

export type FormatId = FormatDefinition['id'];

export type TableSyntax = 'tsv' | 'pipe';

export interface TemplateChoice {
  format: FormatId;
  formatName: string;
  tables: { id: string; name: string; prefix: string }[];
}

export interface ConvertTableParams {
  uri: string;
  /** Where the cursor is, in the document version the client holds when it asks. */
  position: Position;
  to: TableSyntax;
}

/**
 * The edits converting the table, and the document version they were computed for (null when the
 * server does not hold the document as a report). The client applies them only if its document is
 * still at that version — the one it asked about.
 */
export interface ConvertTableResult {
  version: number | null;
  edits: TextEdit[];
}

/** The statutory tables that can be inserted, by format: → TemplateChoice[]. */
export const TEMPLATES = 'govreport/templates';
/** A statutory table as snippet text: { format, table, syntax } → string | null. */
export const TABLE_SNIPPET = 'govreport/tableSnippet';
/** A new report of the format of its year: { organ, year } → string. */
export const NEW_REPORT = 'govreport/newReport';
/** The edits converting the table at a position: ConvertTableParams → ConvertTableResult. */
export const CONVERT_TABLE = 'govreport/convertTable';
/** Applies every preferred fix to the document named by its argument (a URI string). */
export const APPLY_ALL_FIXES = 'govreport.applyAllFixes';

/** Sent by the server after each check of a report: what the status item shows. */
export const STATUS = 'govreport/status';

export interface ReportStatus {
  uri: string;
  format: FormatId;
  formatName: string;
  /** How the format was decided (see the title hover). */
  source: 'title' | 'period' | 'tables' | 'assumed';
  errors: number;
  warnings: number;
  others: number;
  /** When the check ran, as an ISO date-time. */
  checkedAt: string;
}

/** A PDF, Word file or web page read as a report: ReadSourceParams → ReadSourceResult. */
export const READ_SOURCE = 'govreport/readSource';

export interface ReadSourceParams {
  /** The URI the converted report will be opened under (its findings then name places in the source). */
  uri: string;
  /** The source file's URI, as related information of each finding. */
  source: string;
  /** The file's name: it decides the reader when the bytes don't. */
  name: string;
  /** The file's bytes, base64. */
  data: string;
}

export type ReadSourceResult =
  | { ok: true; kind: 'pdf' | 'docx' | 'doc' | 'html'; text: string; /** what could not be read faithfully, in the UI language */ notes: string[] }
  | { ok: false; /** a ReadError reason: encrypted, no-text, corrupt, too-large, no-report, unsupported, needs-desktop */ reason: string; message: string };
