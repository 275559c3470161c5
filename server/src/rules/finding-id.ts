/**
 * Stable finding ids (`data.id`): the rule, the report (organ, year) and what the finding is about —
 * the table, row, column, part or statement its rule names in `data` — never its position, so an id
 * survives reformatting and tells apart two findings at one place (a corner total's row and column
 * checks differ in their definition rule).
 */
import { normalizeText } from '../engine/labels';
import type { Report } from '../engine/types';
import type { Finding } from './types';

/** The `data` fields that say what a finding is about, in the order they make its id. */
const IDENTITY_FIELDS = ['table', 'row', 'column', 'part', 'statement', 'label', 'rule', 'occurrence'] as const;

/** Between an id and the ordinal of a later finding with the same identity (a rule that names too little). */
export const REPEAT_MARK = '#';

/** The id of a finding of `code` in the report of `organ` and `year`, from its data's identity fields. */
export function findingId(code: string, organ: string | undefined, year: number | undefined, data: Record<string, unknown>): string {
  const about = IDENTITY_FIELDS.filter((field) => data[field] !== undefined).map((field) => String(data[field]));
  return [code, organ ?? '-', year === undefined ? '-' : String(year), ...about].map((segment) => segment.replaceAll('/', '%2F')).join('/');
}

/** The report a finding is in, as its id names it. */
export interface ReportIdentity {
  organ?: string;
  year?: number;
}

/** The report's organ (as report.carry-over matches organs) and year: the title's, else the statistical period's. */
export function reportIdentity(report: Pick<Report, 'title' | 'period'>): ReportIdentity {
  return { organ: report.title?.organ === undefined ? undefined : normalizeText(report.title.organ), year: report.title?.year ?? report.period?.year };
}

/** The findings with their ids in `data.id`; a second finding with one identity gets `#2`, and so on, in position order. */
export function identifyFindings(findings: readonly Finding[], { organ, year }: ReportIdentity): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const id = findingId(finding.code, organ, year, finding.data);
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return { ...finding, data: { ...finding.data, id: count === 1 ? id : `${id}${REPEAT_MARK}${count}` } };
  });
}
