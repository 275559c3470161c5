import type { ReportStatus } from './protocol';

const SOURCES: Record<ReportStatus['source'], string> = {
  title: 'year in the title',
  period: 'year of the statistical period',
  tables: 'inferred from the tables',
  assumed: 'assumed: govreport.assumeFormat',
};

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The output channel's line for one check of a report: the document and its version, the format and
 * what decided it, the findings by severity (or that the rules did not run), and the time it took.
 */
export function checkLogLine(status: ReportStatus, version: number, elapsedMs: number): string {
  const [did, findings] = status.checked
    ? ['checked', `${count(status.errors, 'error')}, ${count(status.warnings, 'warning')}, ${status.others} info/hint`]
    : ['read', 'rules not run (govreport.enable is off, or the document is larger than govreport.maxDocumentSize)'];
  return `govreport: ${did} ${status.uri} v${version} · ${status.format} format (${SOURCES[status.source]}) · ${findings} · ${elapsedMs} ms`;
}
