/**
 * govreport/reports: the workspace's reports by organ and year with their findings' counts, for the
 * 「年度报告」 view. An open report is counted as its latest analysis found it; a report on disk is
 * read and checked once, and again only when it or another report of its organ (which the checks
 * across reports compare it with) changed on disk or in the editor.
 */
import type { Connection } from 'vscode-languageserver';
import * as z from 'zod/mini';
import { groupByOrgan, sameOrgan } from '../engine/organ';
import type { BoundReport } from '../engine/bind';
import { say, type Locale, type Severity } from '../rules/types';
import { parsed, type guardWith } from './guard';
import { REPORTS, type FindingCounts, type ListedReport, type ReportGroup } from './protocol';

/** A report as the workspace index knows it: indexing a file again gives it a new object. */
export interface IndexedReport {
  uri: string;
  /** What `sameOrgan` compares. */
  organKey: string;
}

/** What govreport/reports asks of the server. */
export interface ReportsHost {
  /** Settles once the settings were first read and the workspace's reports indexed. */
  ready(): Promise<void>;
  indexed(): readonly IndexedReport[];
  /** An open report as it is in the editor: undefined when the document is not open, null when it is open but not a report with an organ and a year. */
  open(uri: string): ListedReport | null | undefined;
  /** What the editor holds of an open document: another object at each version; undefined when it is not open. */
  edition(uri: string): object | undefined;
  /** A report on disk, checked as its document would be; undefined for a file that is no longer such a report. */
  read(uri: string): Promise<ListedReport | undefined>;
}

/** A report's entry in the list; null for one whose title names no organ or no year (it has no place in the list). */
export function listedReport(uri: string, bound: BoundReport, findings: readonly { severity: Severity }[], locale: Locale): ListedReport | null {
  const organ = bound.report.title?.organ;
  const year = bound.report.title?.year ?? bound.report.period?.year;
  if (!organ || !year) return null;
  const { format } = bound.era;
  return { uri, organ, year, format: format.id, formatName: say(locale, format.name, format.nameEn), ...countFindings(findings) };
}

export function countFindings(findings: readonly { severity: Severity }[]): FindingCounts {
  const count = (...severities: Severity[]) => findings.filter((f) => severities.includes(f.severity)).length;
  return { errors: count('error'), warnings: count('warning'), others: count('info', 'hint') };
}

/** The reports grouped by organ (same organs by `sameOrgan`), organs in name order, each organ's latest year first. */
export function groupReports(reports: readonly ListedReport[]): ReportGroup[] {
  return groupByOrgan(reports, (r) => r.organ)
    .map((group) => {
      const sorted = group.sort((a, b) => b.year - a.year || a.uri.localeCompare(b.uri));
      return { organ: sorted[0].organ, reports: sorted };
    })
    .sort((a, b) => a.organ.localeCompare(b.organ, 'zh-Hans-CN'));
}

interface Checked {
  /** The report and the others of its organ (which the checks across reports compare it with) as they were when it was checked. */
  compared: readonly object[];
  report: ListedReport | undefined;
}

/** Registers govreport/reports; `forget` drops what was checked (the settings or a `.govreportrc.json` changed). */
export function registerReportsRequest(connection: Connection, guard: ReturnType<typeof guardWith>, host: ReportsHost): { forget(): void } {
  const checked = new Map<string, Checked>();

  const onDisk = async (indexed: IndexedReport, all: readonly IndexedReport[]): Promise<ListedReport | undefined> => {
    const compared = all.filter((other) => sameOrgan(other.organKey, indexed.organKey)).map((other) => host.edition(other.uri) ?? other);
    const known = checked.get(indexed.uri);
    if (known && sameMembers(known.compared, compared)) return known.report;
    const report = await host.read(indexed.uri);
    checked.set(indexed.uri, { compared, report });
    return report;
  };

  connection.onRequest(
    REPORTS,
    guard(
      REPORTS,
      [] as ReportGroup[],
      parsed(z.unknown(), async () => {
        await host.ready();
        const all = host.indexed();
        const listed: ListedReport[] = [];
        for (const indexed of all) {
          const open = host.open(indexed.uri);
          const report = open === undefined ? await onDisk(indexed, all) : open;
          if (report) listed.push(report);
        }
        const present = new Set(all.map((r) => r.uri));
        for (const uri of checked.keys()) if (!present.has(uri)) checked.delete(uri);
        return groupReports(listed);
      }),
    ),
  );
  return { forget: () => checked.clear() };
}

const sameMembers = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x) => b.includes(x));

/** How long changes are gathered before the client is told: typing changes an open report's counts at each check. */
const NOTIFY_DELAY_MS = 300;

/**
 * Tells the client (`send`) that govreport/reports may answer otherwise: when the workspace was
 * indexed, and when an open report was checked at another text (which changes its counts, or those
 * of the reports of its organ compared with it).
 */
export function reportsNotifier(send: () => void) {
  const last = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(send, NOTIFY_DELAY_MS);
  };
  return {
    changed,
    checked(uri: string, textHash: string) {
      if (last.get(uri) === textHash) return;
      last.set(uri, textHash);
      changed();
    },
    closed(uri: string) {
      last.delete(uri);
      changed();
    },
    /** The server shuts down: nothing more is sent. */
    stop: () => clearTimeout(timer),
  };
}
