/**
 * govreport's own LSP requests and commands, shared by the server and the extension client
 * (plain names and shapes, no library imports, so the client can bundle this file).
 */
import type { Diagnostic } from 'vscode-languageserver-protocol';
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
  /** The table at the position is text as extraction left it (space-aligned, one cell per line): read and checked, never converted. */
  extracted?: true;
}

/** The statutory tables that can be inserted, by format: → TemplateChoice[]. */
export const TEMPLATES = 'govreport/templates';
/** A statutory table as snippet text: { format, table, syntax } → string | null. */
export const TABLE_SNIPPET = 'govreport/tableSnippet';
/** A new report of the format of its year: { organ, year } → string. */
export const NEW_REPORT = 'govreport/newReport';
/** The edits converting the table at a position: ConvertTableParams → ConvertTableResult. */
export const CONVERT_TABLE = 'govreport/convertTable';
/** Applies every preferred fix to the document named by its argument (a URI string): → FixAllSummary. */
export const APPLY_ALL_FIXES = 'govreport.applyAllFixes';
/** The client command a fix-all code action runs after its edit, to say what it changed: (FixAllSummary). */
export const SHOW_FIX_ALL_SUMMARY = 'govreport.showFixAllSummary';

/** What fix-all changed: one line per fix, in the UI language (将「（一）予以公开」的「总计」改为 7（8 → 7）). */
export interface FixAllSummary {
  uri: string;
  applied: string[];
}

/**
 * The report as it will be published, its findings marked as the diagnostics give them (carry-over
 * included): { textDocument: { uri } } → PublishedReport | null (null for a document that is not a report).
 */
export const PUBLISHED_LAYOUT = 'govreport/publishedLayout';

/** The report as a Word document in the official layout: { uri } → ExportDocxResult. */
export const EXPORT_DOCX = 'govreport/exportDocx';

/** The .docx as base64, and the report's errors (one line each) for the client to ask about first; or why there is none. */
export type ExportDocxResult = { ok: true; data: string; errors: string[] } | { ok: false; message: string };

/** Sent by the server after each check of a report: what the status item shows. */
export const STATUS = 'govreport/status';

export interface ReportStatus {
  uri: string;
  format: FormatId;
  formatName: string;
  /** How the format was decided (see the title hover). */
  source: 'title' | 'period' | 'tables' | 'assumed';
  /** Whether the rules ran: not with govreport.enable off, nor for a document larger than govreport.maxDocumentSize. */
  checked: boolean;
  errors: number;
  warnings: number;
  others: number;
  /** The rules that threw on the document: they checked nothing, which the user must be told. */
  failedRules: string[];
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

/**
 * Checks the reports of the workspace folders as they are on disk (an open report as it is in the
 * editor): CheckWorkspaceParams → CheckWorkspaceResult. The files' results come meanwhile, a slice at
 * a time, as WORKSPACE_CHECKED notifications; cancelling the request stops the check after the file
 * being read, and it answers with what was checked.
 */
export const CHECK_WORKSPACE = 'govreport/checkWorkspace';

export interface CheckWorkspaceParams {
  /** Names the check in its WORKSPACE_CHECKED notifications. */
  run: number;
  /** Only these files (URIs; a file gone or no longer a report is answered as such). */
  files?: string[];
  /** Without `files`: every report file under these folders (URIs); without either, under the workspace folders. */
  folders?: string[];
}

/** Sent by the server while a workspace check runs: the results of the files checked since the last one. */
export const WORKSPACE_CHECKED = 'govreport/workspaceChecked';

export interface WorkspaceChecked {
  run: number;
  /** Files done so far, of `total`. */
  done: number;
  total: number;
  files: CheckedFile[];
}

/** In the diagnostics of a PDF, Word file or web page, the URI of its converted report (its text is the one govreport/readSource answers), which the client names. */
export const CONVERTED_REPORT = 'govreport-converted:report';

export type CheckedFile =
  | {
      uri: string;
      outcome: 'report';
      /** For a PDF, Word file or web page: its kind. Its diagnostics are then those of its converted report (see CONVERTED_REPORT). */
      source?: 'pdf' | 'docx' | 'doc' | 'html';
      errors: number;
      /** As `textDocument/diagnostic` gives them once the file is open, without the fixes (offered once it is). */
      diagnostics: Diagnostic[];
    }
  /** A file not checked: not a report, or not read (unreadable, binary, too large); why, in the UI language. */
  | { uri: string; outcome: 'not-report' | 'not-read'; reason: string };

export type CheckWorkspaceResult =
  | {
      ok: true;
      /** Files looked at (report files by name, read or not): all those found, unless cancelled. */
      files: number;
      reports: number;
      /** Reports with at least one error, and their errors. */
      withErrors: number;
      errors: number;
      notReports: number;
      /** Files and folders that could not be read, and why. */
      notRead: { uri: string; reason: string }[];
      cancelled: boolean;
    }
  /** Nothing was checked: why (no file system in the browser, checks turned off), in the UI language. */
  | { ok: false; message: string };

/** The workspace's reports by organ and year, with their findings' counts (the 「年度报告」 view): → ReportGroup[]. */
export const REPORTS = 'govreport/reports';
/** Sent by the server when what govreport/reports answers may have changed (the workspace was indexed, a report's findings changed). */
export const REPORTS_CHANGED = 'govreport/reportsChanged';

/** How many findings of each kind: `others` are the infos and hints. */
export interface FindingCounts {
  errors: number;
  warnings: number;
  others: number;
}

/** A report of the workspace: an open one as it is in the editor, the others as they are on disk. */
export interface ListedReport extends FindingCounts {
  uri: string;
  /** As the title writes it. */
  organ: string;
  year: number;
  format: FormatId;
  formatName: string;
}

/** The reports of one organ (named as its latest report writes it), the latest year first. */
export interface ReportGroup {
  organ: string;
  reports: ListedReport[];
}

/**
 * 汇总下级报告: the statutory tables of a folder's reports of one year summed into a roll-up report
 * (rules/rollup.ts): RollupParams → RollupResult. Without `year` and `organ` it answers the years
 * found and the organ to suggest, for the client's questions, and rolls nothing up.
 */
export const ROLLUP = 'govreport/rollup';

export interface RollupParams {
  /** The folder (URI) whose reports are summed, subfolders included. */
  folder: string;
  year?: number;
  organ?: string;
}

export type RollupResult =
  | {
      ok: true;
      /** The report years found in the folder, latest first. */
      years: number[];
      /** What to suggest as the organ making the roll-up: the folder's name. */
      organ: string;
      rollup?: {
        year: number;
        /** A report text (tab-separated tables). */
        text: string;
        summed: string[];
        /** Reports not summed (file paths relative to the folder) and why, in the UI language. */
        leftOut: { name: string; reason: string }[];
        /** Expected units (.govreportrc.json "units") with no report summed. */
        missing: string[];
      };
    }
  /** Nothing was read: why (no file system in the browser), in the UI language. */
  | { ok: false; message: string };
