/**
 * 检查文件夹中的所有报告: every report file of the workspace folders checked as its document is
 * checked in the editor — the same rules, settings, `.govreportrc.json` and cross-report checks —
 * a slice at a time, so that the server goes on answering the editor, each slice's results sent as
 * they come. A report open in the editor is checked as it is there.
 */
import type { CancellationToken, Connection, Diagnostic } from 'vscode-languageserver';
import * as z from 'zod/mini';
import { looksLikeReport } from '../engine/detect';
import type { SourceKind, SourcePlace } from '../readers/model';
import type { Finding, Locale } from '../rules';
import { sameOrgan } from '../engine/organ';
import { isDated, type DatedSummary, type ReportSummary } from '../rules/summary';
import { say } from '../rules/types';
import { toDiagnostics } from './diagnostics';
import { errorText, parsed, type guardWith } from './guard';
import { CHECK_WORKSPACE, CONVERTED_REPORT, WORKSPACE_CHECKED, type CheckedFile, type CheckWorkspaceResult, type WorkspaceChecked } from './protocol';
import { withPlacesIn } from './sources';

/** A file as the workspace check reads it. */
export type FileContent =
  | { kind: 'text'; text: string; languageId: string }
  /** A PDF, Word file or web page: its converted report, and where each of its lines came from. */
  | { kind: 'source'; source: SourceKind; text: string; places: readonly (SourcePlace | undefined)[] }
  | { kind: 'too-large' }
  | { kind: 'not-report' | 'not-read'; reason: string };

/** The workspace's files on disk (the Node server's; the browser's server has none). */
export interface WorkspaceFiles {
  /** The files (URIs, sorted) under the folders whose names are those of reports — text, PDF, Word, web pages — and the folders that could not be read, with why. */
  find(folders: readonly string[], locale: Locale): { files: string[]; notRead: { uri: string; reason: string }[] };
  /** A file's text (a text file of at most `maxTextBytes`) or converted report (a source); never throws. */
  read(uri: string, maxTextBytes: number, locale: Locale): Promise<FileContent>;
}

/** What the workspace check asks of the server. */
export interface WorkspaceCheckHost {
  files: WorkspaceFiles | undefined;
  folders(): readonly string[];
  locale(): Locale;
  /** Settles once the settings were first read and the workspace's reports indexed. */
  ready(): Promise<void>;
  enabled(): boolean;
  maxDocumentSize(): number;
  /** Whether the file is open in the editor: it is then checked as it is there, not read from disk. */
  isOpen(uri: string): boolean;
  /**
   * A file's findings as its document gets them, and what report.carry-over compares of it: the open
   * document's (`content` undefined), or those of `content` (checked under `uri`). 'not-report' for a
   * text the editor does not check, 'too-large' for one over govreport.maxDocumentSize.
   */
  check(uri: string, content?: { text: string; languageId: string }): { findings: Finding[]; summary?: ReportSummary } | 'not-report' | 'too-large';
  /** The workspace's reports, as report.carry-over compares them. */
  indexed(): readonly DatedSummary[];
  log(message: string): void;
}

const paramsSchema = z.looseObject({ run: z.int(), files: z.optional(z.array(z.string())), folders: z.optional(z.array(z.string())) });

/** Work done between two turns of the event loop, at most (a file being checked is always finished). */
const SLICE_MS = 10;
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function registerWorkspaceCheck(connection: Connection, guard: ReturnType<typeof guardWith>, host: WorkspaceCheckHost): void {
  connection.onRequest(CHECK_WORKSPACE, (params: unknown, token: CancellationToken) =>
    guard<unknown, CheckWorkspaceResult>(
      CHECK_WORKSPACE,
      { ok: false, message: checkFailed(host.locale()) },
      parsed(paramsSchema, async ({ run, files, folders }) => {
        await host.ready();
        const send = (slice: WorkspaceChecked) =>
          void connection
            .sendNotification(WORKSPACE_CHECKED, slice)
            .catch((error: unknown) => host.log(`govreport: ${WORKSPACE_CHECKED} not sent: ${errorText(error)}`));
        return checkWorkspace(host, { files, folders }, token, (done, total, checked) => send({ run, done, total, files: checked }));
      }),
    )(params),
  );
}

/**
 * Checks the files named — and the reports comparing their carried-over figures with them — or every
 * report file of the folders (by default the workspace's); `report` gets each slice's results.
 */
export async function checkWorkspace(
  host: WorkspaceCheckHost,
  { files: named, folders }: { files?: string[]; folders?: string[] },
  token: CancellationToken,
  report: (done: number, total: number, files: CheckedFile[]) => void,
): Promise<CheckWorkspaceResult> {
  const locale = host.locale();
  const reader = host.files;
  if (!reader)
    return {
      ok: false,
      message: say(locale, '此版本不能读取文件夹中的文件（网页版 VS Code）', 'this build cannot read the files of a folder (VS Code for the Web)'),
    };
  if (!host.enabled()) return { ok: false, message: say(locale, '检查已关闭（govreport.enable）', 'checks are turned off (govreport.enable)') };
  const { files, notRead } = named ? { files: [...named], notRead: [] } : reader.find(folders ?? host.folders(), locale);
  const result = { ok: true as const, files: 0, reports: 0, withErrors: 0, errors: 0, notReports: 0, notRead, cancelled: false };
  let slice: CheckedFile[] = [];
  const flush = () => {
    if (slice.length > 0) report(result.files, files.length, slice);
    slice = [];
  };
  let sliceStart = performance.now();
  for (const uri of files) {
    if (token.isCancellationRequested) {
      result.cancelled = true;
      break;
    }
    const { checked, summary } = await checkFile(host, reader, uri, locale);
    // A report checked again (it changed): next year's report of the same organ is compared with it.
    if (named && summary && isDated(summary))
      for (const next of host.indexed())
        if (sameOrgan(next.organKey, summary.organKey) && next.year === summary.year + 1 && !files.includes(next.uri)) files.push(next.uri);
    result.files++;
    if (checked.outcome === 'report') {
      result.reports++;
      result.errors += checked.errors;
      if (checked.errors > 0) result.withErrors++;
    } else if (checked.outcome === 'not-report') result.notReports++;
    else result.notRead.push({ uri, reason: checked.reason });
    slice.push(checked);
    if (performance.now() - sliceStart >= SLICE_MS) {
      flush();
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  flush();
  return result;
}

async function checkFile(
  host: WorkspaceCheckHost,
  files: WorkspaceFiles,
  uri: string,
  locale: Locale,
): Promise<{ checked: CheckedFile; summary?: ReportSummary }> {
  const maxSize = host.maxDocumentSize();
  const tooLarge = say(
    locale,
    `超过 ${maxSize} 字节（govreport.maxDocumentSize），未检查`,
    `larger than ${maxSize} bytes (govreport.maxDocumentSize): not checked`,
  );
  const outcome = (result: ReturnType<WorkspaceCheckHost['check']>, diagnostics: (findings: Finding[]) => Diagnostic[], source?: SourceKind) => {
    if (result === 'not-report') return { checked: { uri, outcome: result, reason: say(locale, '不是年度报告', 'not an annual report') } };
    if (result === 'too-large') return { checked: { uri, outcome: 'not-read' as const, reason: tooLarge } };
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    return {
      checked: { uri, outcome: 'report' as const, ...(source && { source }), errors, diagnostics: diagnostics(result.findings) },
      summary: result.summary,
    };
  };
  try {
    if (host.isOpen(uri)) return outcome(host.check(uri), (findings) => diagnosticsOf(findings, uri));
    // A text over the size limit in every encoding it may be in (UTF-16 and GB18030 take at most twice its UTF-8 size) is not read at all.
    const content = await files.read(uri, 2 * maxSize, locale);
    switch (content.kind) {
      case 'text':
        return outcome(host.check(uri, content), (findings) => diagnosticsOf(findings, uri));
      case 'source': {
        // As the CLI does: a PDF, Word file or page is checked when its text reads as a report.
        const result = looksLikeReport(content.text) ? host.check(uri, { text: content.text, languageId: 'govreport' }) : 'not-report';
        const diagnostics = (found: Finding[]) => withPlacesIn(uri, content.places, diagnosticsOf(found, CONVERTED_REPORT), locale);
        return outcome(result, diagnostics, content.source);
      }
      case 'too-large':
        return outcome('too-large', () => []);
      default:
        return { checked: { uri, outcome: content.kind, reason: content.reason } };
    }
  } catch (error) {
    host.log(`govreport: cannot check ${uri}: ${errorText(error)}`);
    return { checked: { uri, outcome: 'not-read', reason: checkFailed(locale) } };
  }
}

/** The diagnostics as the document gets them, without what only an open document uses (the fixes and the snapshot they are for, in `data`). */
function diagnosticsOf(findings: Finding[], uri: string): Diagnostic[] {
  return toDiagnostics(findings, uri, { version: 0, hash: '' }).map((diagnostic) => {
    delete diagnostic.data;
    return diagnostic;
  });
}

const checkFailed = (locale: Locale) => say(locale, '检查出错，详见 govreport 输出面板', 'the check failed: see the govreport output channel');
