/**
 * report.stale-year — a statement about the report's year that names an earlier one: 「2022年，我局共受理
 * 政府信息公开申请…」 in a 2023 report, the trace of last year's report edited into this year's. Only a
 * sentence that opens with the year, in parts 一–四 (what the year's work was), is read as a statement
 * about it: a year inside a sentence is a comparison (与2022年相比), a carry-over (2022年结转), a range
 * (2019年至2023年), a document's date or title (2022年12月印发, 《…2022年…》, 〔2022〕), or a past state
 * (截至2022年底). Part 五 speaks of last year's problems and next year's plans, and is not read.
 */
import type { BoundReport } from '../engine/bind';
import type { Range } from '../engine/types';
import { say, type Locale, type ReportRule, type RuleFinding } from './types';

/** A year at the start of a sentence, followed by a comma or by what a year's account opens with (共, 全年, 我局, 全区, 受理…). */
const YEAR_STATEMENT =
  /(?<=^|[。；！？;!?：:])[ \t\u3000]*((?:19|20)\d\d)[ \u3000]*年度?(?=[，,]|[ \u3000]*(?:共|全年|累计|我|本[局委办厅单镇乡区县市]|全[区县市镇乡省州旗]|受理|收到|新收|主动公开|发布|办理|答复))/g;
/** A sentence that also names the report year, or compares, or speaks of a span or a state at a date: not a stale statement. */
const REFERENCE = /今年|本年|相比|相较|对比|同比|环比|以来|至今|截至|截止|结转/;
/** How far back a year reads as last year's text left in: a year further back is history (2018年，我区成立…). */
const STALE_YEARS = 2;
/** Parts 一–四 of the formats: the year's work and figures. */
const STATEMENT_PARTS = new Set([1, 2, 3, 4]);
const STATEMENT_ID_LENGTH = 20;

export const reportStaleYear: ReportRule = {
  code: 'report.stale-year',
  defaultSeverity: 'warning',
  fixable: 'offered',
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '正文讲本年度情况的句子写着往年的年份', en: 'A statement about the report year names an earlier year' },
  docs: {
    finds:
      'a sentence in parts 一–四 opening with the previous year or the one before (「2022年，我局共受理…」 in a 2023 report); comparisons, carry-overs, ranges, document dates and titles, 以来 and 截至 are not flagged',
    fix: 'change the year to the report year (not preferred)',
  },
  check({ bound, locale }) {
    const year = bound.report.title?.year ?? bound.report.period?.year;
    if (!year) return [];
    return statementLines(bound)
      .flatMap((line) => staleYears(bound.report.lines[line], line, year))
      .map((stale) => finding(stale, year, locale));
  },
};

/** The prose lines of parts 一–四 (tables left out). */
function statementLines(bound: BoundReport): number[] {
  const tableLines = new Set(bound.report.tables.flatMap((t) => t.rows.map((r) => r.line)));
  return bound.parts
    .filter((part) => part.definition && STATEMENT_PARTS.has(part.definition.number))
    .flatMap(({ section }) => {
      const lines: number[] = [];
      for (let line = section.range.start.line; line <= section.range.end.line; line++) if (!tableLines.has(line)) lines.push(line);
      return lines;
    });
}

interface StaleYear {
  range: Range;
  found: number;
  /** The sentence's opening words: what the finding's id names, so that it survives edits elsewhere. */
  statement: string;
}

function staleYears(text: string, line: number, year: number): StaleYear[] {
  return [...text.matchAll(YEAR_STATEMENT)].flatMap((m) => {
    const found = Number(m[1]);
    const start = m.index + m[0].indexOf(m[1]);
    const sentence = text.slice(start, sentenceEnd(text, start));
    if (found >= year || found < year - STALE_YEARS || REFERENCE.test(sentence) || sentence.includes(String(year))) return [];
    return [{ range: { start: { line, character: start }, end: { line, character: start + 4 } }, found, statement: sentence.slice(0, STATEMENT_ID_LENGTH) }];
  });
}

function sentenceEnd(text: string, from: number): number {
  const end = text.slice(from).search(/[。！？!?]/);
  return end < 0 ? text.length : from + end;
}

function finding({ range, found, statement }: StaleYear, year: number, locale: Locale): RuleFinding {
  return {
    range,
    message: say(
      locale,
      `此句讲的是 ${found} 年，本报告是 ${year} 年度报告：是否沿用了往年报告的文字而未改年份？`,
      `This statement is about ${found}, the report about ${year}: text of an earlier report with its year left unchanged?`,
    ),
    related: [],
    data: { found, year, statement },
    fixes: [{ title: say(locale, `改为 ${year}`, `Change to ${year}`), edits: [{ range, newText: String(year) }], preferred: false }],
  };
}
