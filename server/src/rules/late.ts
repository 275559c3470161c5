/**
 * report.late — the report dated after its statutory deadline (《条例》(2019) 第四十九条): departments,
 * 乡镇 and 街道 by 1月31日 of the next year, a people's government's own report by 3月31日; reports of
 * 2018 and before (2008 《条例》第三十一条) all by 3月31日. The date is the 落款, the last line of the
 * report that is only a date (「2024年1月20日」, 「二〇二四年一月二十日」, 「填报日期：2018年1月2日」);
 * without one, a 发布日期/发布时间 at the top, as saved web pages have it. No date, or an organ of no
 * kind the deadlines name: no finding — a draft has no 落款 yet.
 */
import type { BoundReport } from '../engine/bind';
import { organKind as kindOfOrgan } from '../engine/organ';
import type { Range } from '../engine/types';
import { parseChineseDigits, parseChineseNumber } from '../formats/numerals';
import { say, type ReportRule } from './types';

interface ReportDate {
  year: number;
  month: number;
  day: number;
  range: Range;
}

type OrganKind = NonNullable<ReturnType<typeof kindOfOrgan>> | 'all-2008';

const DATE = String.raw`(\d{4})[ \u3000]*(?:年[ \u3000]*(\d{1,2})[ \u3000]*月[ \u3000]*(\d{1,2})[ \u3000]*日|[-./](\d{1,2})[-./](\d{1,2}))|([零〇○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日`;
/** A line that is only a date, perhaps labelled: the 落款. */
const DATE_LINE = new RegExp(String.raw`^[ \t\u3000*_]*(?:(?:落款|填报|成文|印发)?日期[：:][ \u3000]*)?(?:${DATE})[ \t\u3000*_]*$`, 'd');
/** The publication date a saved web page shows above the report. */
const PUBLISHED = new RegExp(String.raw`发布(?:日期|时间)[：:][ \u3000]*(?:${DATE})`, 'd');

/** The deadline's month and day in the next year, whose reports it is for and where it is set, in both languages. */
const DEADLINES: Record<OrganKind, { month: number; day: number; zh: string; en: string }> = {
  government: {
    month: 3,
    day: 31,
    zh: '人民政府本级的年度报告应于次年3月31日前公布（《条例》第四十九条）',
    en: "a people's government's own report is due by 31 March of the next year (Regulations, art. 49)",
  },
  department: {
    month: 1,
    day: 31,
    zh: '政府部门的年度报告应于次年1月31日前公布（《条例》第四十九条）',
    en: "a government department's report is due by 31 January of the next year (Regulations, art. 49)",
  },
  grassroots: {
    month: 1,
    day: 31,
    zh: '乡镇、街道的年度报告应于次年1月31日前公布（《条例》第四十九条）',
    en: "a township's or sub-district's report is due by 31 January of the next year (Regulations, art. 49)",
  },
  'all-2008': {
    month: 3,
    day: 31,
    zh: '2018 年度及以前的年度报告应于次年3月31日前公布（2008 年《条例》第三十一条）',
    en: 'a report of 2018 or before is due by 31 March of the next year (2008 Regulations, art. 31)',
  },
};

export const reportLate: ReportRule = {
  code: 'report.late',
  defaultSeverity: 'hint',
  fixable: false,
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '落款日期晚于法定公布期限', en: 'The report is dated after its statutory deadline' },
  docs: {
    finds:
      "the date under the report (落款; else a 发布日期 at the top) after the deadline for its organ: departments, 乡镇 and 街道 31 January of the next year, a people's government's own report 31 March; reports of 2018 and before 31 March",
  },
  check({ bound, locale }) {
    const year = bound.report.title?.year ?? bound.report.period?.year;
    const date = reportDate(bound);
    const kind = year && organKind(year, bound.report.title?.organ);
    if (!year || !date || !kind) return [];
    const deadline = DEADLINES[kind];
    if (compareDates(date, { year: year + 1, month: deadline.month, day: deadline.day }) <= 0) return [];
    const due = isoDate({ year: year + 1, ...deadline });
    return [
      {
        range: date.range,
        message: say(
          locale,
          `报告日期为 ${date.year}年${date.month}月${date.day}日，晚于公布期限 ${year + 1}年${deadline.month}月${deadline.day}日：${deadline.zh}。`,
          `The report is dated ${isoDate(date)}, after its deadline ${due}: ${deadline.en}.`,
        ),
        related: [],
        data: { date: isoDate(date), deadline: due, kind },
        fixes: [],
      },
    ];
  },
};

/** The deadline that applies: by the era for 2018 and before, else by the kind of organ the title names; undefined when the name tells no kind. */
function organKind(year: number, organ: string | undefined): OrganKind | undefined {
  if (year <= 2018) return 'all-2008';
  return organ ? kindOfOrgan(organ) : undefined;
}

/** The 落款 (the last line that is only a date), else the publication date above the first part. */
function reportDate(bound: BoundReport): ReportDate | undefined {
  const lines = bound.report.lines;
  for (let line = lines.length - 1; line >= 0; line--) {
    const date = dateIn(lines[line], line, DATE_LINE);
    if (date) return date;
  }
  const top = bound.parts[0]?.section.range.start.line ?? 0;
  for (let line = 0; line < top; line++) {
    const date = dateIn(lines[line], line, PUBLISHED);
    if (date) return date;
  }
  return undefined;
}

function dateIn(text: string, line: number, pattern: RegExp): ReportDate | undefined {
  const m = pattern.exec(text);
  if (!m?.indices) return undefined;
  const arabic = m[1] !== undefined;
  const year = arabic ? Number(m[1]) : parseChineseDigits(m[6]);
  const month = arabic ? Number(m[2] ?? m[4]) : parseChineseNumber(m[7]);
  const day = arabic ? Number(m[3] ?? m[5]) : parseChineseNumber(m[8]);
  if (!year || !month || !day || month > 12 || day > 31) return undefined;
  // The date as written: from its year to its last digit or 日.
  const start = m.indices[arabic ? 1 : 6]![0];
  const lastDigit = Math.max(...m.indices.slice(1).flatMap((span) => (span ? [span[1]] : [])));
  const end = text[lastDigit] === '日' ? lastDigit + 1 : lastDigit;
  return { year, month, day, range: { start: { line, character: start }, end: { line, character: end } } };
}

function compareDates(a: { year: number; month: number; day: number }, b: { year: number; month: number; day: number }): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function isoDate({ year, month, day }: { year: number; month: number; day: number }): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
