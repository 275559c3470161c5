/**
 * report.copied-text — the formats forbid reports that repeat last year's (「不得出现敷衍了事甚至年年雷同现象」):
 * a paragraph of year N that is last year's paragraph again, and a part 五 (存在的主要问题及改进情况)
 * that is last year's again, of the same organ.
 */
import { bigrams, bigramSimilarity } from '../engine/labels';
import { sameOrgan } from '../engine/organ';
import { isDated, previousReport, type ReportSummary, type SummaryParagraph } from './summary';
import { say, type ReportsContext, type ReportsRule, type RuleFinding } from './types';

/** Shorter paragraphs (a date, a contact line, 「无。」) say too little to be a copy. */
export const MIN_PARAGRAPH_CHARS = 40;
export const PARAGRAPH_SIMILARITY = 0.9;
export const PART_FIVE_SIMILARITY = 0.8;
const PART_FIVE = 5;

/**
 * Sentences every organ writes the same way each year, because the statute or the format's template
 * writes them: repeating them is not copying.
 */
const BOILERPLATE: readonly RegExp[] = [
  // The preamble: 根据《中华人民共和国政府信息公开条例》…要求，编制本报告.
  /《中华人民共和国政府信息公开条例》.{0,80}编制/,
  // 本报告中所列数据的统计期限自…起至…止 / 本报告中使用数据统计期限…
  /统计期限/,
  /本报告(中)?所列数据/,
  // Where the report can be read and whom to ask.
  /本报告(的)?电子版/,
  /如对本(年度)?报告有(任何)?疑问/,
  /(联系|通讯|通信)(地址|电话|方式)|邮政编码|电子邮箱/,
  // The 2021 format's part 六 note (《政府信息公开信息处理费管理办法》…收费通知…).
  /《政府信息公开信息处理费管理办法》/,
  // The outline sentence: 全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况…
  /总体情况、主动公开政府信息情况/,
];

export const reportCopiedText: ReportsRule<ReportSummary> = {
  code: 'report.copied-text',
  defaultSeverity: 'warning',
  fixable: false,
  formats: ['2008', '2019', '2021'],
  scope: 'reports',
  description: { 'zh-cn': '与上一年度报告内容雷同', en: "Text copied from last year's report" },
  docs: {
    finds:
      "a paragraph (a line of prose, at least 40 characters) of year N whose similarity to one of the same organ's year N−1 report is at least 0.9, and part 五 as a whole at least 0.8 similar to last year's part 五; similarity is the Dice coefficient over character bigrams, after white space is removed and every run of digits is replaced by one placeholder (a copy with its years edited is still a copy). The preamble, the 统计期限 sentence, the template's own sentences (part 六 note, contact lines) and any paragraph also found in another organ's report are not counted. The share of the prose reused (characters of copied paragraphs / all prose characters) is in the message and in `data.reusedShare`",
  },
  checkReports: checkCopiedText,
};

/** The text as compared: no white space, every run of digits one placeholder. */
function comparable(text: string): number[] {
  return bigrams(text.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#'));
}

const isBoilerplate = (text: string) => BOILERPLATE.some((pattern) => pattern.test(text));

interface Candidate {
  paragraph: SummaryParagraph;
  grams: number[];
}

function candidates(summary: ReportSummary): Candidate[] {
  return summary.paragraphs
    .filter((p) => p.text.length >= MIN_PARAGRAPH_CHARS && !isBoilerplate(p.text))
    .map((p) => ({ paragraph: p, grams: comparable(p.text) }));
}

/** Paragraphs to look in, shortest first: a paragraph is measured against those nearest to it in length. */
function byLength(pool: Candidate[]): Candidate[] {
  return pool.sort((a, b) => a.grams.length - b.grams.length);
}

/**
 * At most this many paragraphs of a pool, the nearest in length, are measured against a paragraph, so
 * that the work grows with the reports' length, not with its square (the check runs as the user types).
 * A copy is as long as its original give or take an edit: it is among them unless this many paragraphs
 * of last year's are as close in length.
 */
const MAX_MEASURED = 64;

/** The most similar to `grams` of `pool` (sorted by length), when it reaches `threshold`. */
function closest(grams: readonly number[], pool: readonly Candidate[], threshold: number): { match: Candidate; similarity: number } | undefined {
  const length = grams.length;
  // Dice ≥ t needs the shorter to be at least t / (2 − t) of the longer: the rest are not measured.
  const [shortest, longest] = [(length * threshold) / (2 - threshold), (length * (2 - threshold)) / threshold];
  let above = lowerBound(pool, length);
  let below = above - 1;
  let best: { match: Candidate; similarity: number } | undefined;
  for (let measured = 0; measured < MAX_MEASURED; measured++) {
    const up = above < pool.length && pool[above].grams.length <= longest ? pool[above].grams.length - length : Infinity;
    const down = below >= 0 && pool[below].grams.length >= shortest ? length - pool[below].grams.length : Infinity;
    if (up === Infinity && down === Infinity) break;
    const candidate = up <= down ? pool[above++] : pool[below--];
    const similarity = bigramSimilarity(grams, candidate.grams);
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { match: candidate, similarity };
  }
  return best;
}

/** The index of the first of `pool` (sorted by length) at least `length` long. */
function lowerBound(pool: readonly Candidate[], length: number): number {
  let [low, high] = [0, pool.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (pool[middle].grams.length < length) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The text of the statutory part `part`, as one string. */
function partText(summary: ReportSummary, part: number): string {
  return summary.paragraphs
    .filter((p) => p.part === part)
    .map((p) => p.text)
    .join('');
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const rounded = (similarity: number) => Math.floor(similarity * 100) / 100;

function checkCopiedText(report: ReportSummary, others: readonly ReportSummary[], { locale }: ReportsContext): RuleFinding[] {
  const previous = previousReport(report, others);
  if (!previous || !isDated(report)) return [];
  const earlier = byLength(candidates(previous));
  // A paragraph other organs' reports have too is the template's, not a copy of last year's.
  // The same organ's other reports, under any of its names (洪泽区 / 淮安市洪泽区), are not another organ's.
  let elsewhere: Candidate[] | undefined;
  const otherOrgans = () =>
    (elsewhere ??= byLength(
      others.filter((o) => isDated(o) && !sameOrgan(o.organKey, report.organKey) && !sameOrgan(o.organKey, previous.organKey)).flatMap(candidates),
    ));
  const copies = candidates(report).flatMap((now) => {
    const found = closest(now.grams, earlier, PARAGRAPH_SIMILARITY);
    return found && !closest(now.grams, otherOrgans(), PARAGRAPH_SIMILARITY)
      ? [{ now: now.paragraph, before: found.match.paragraph, similarity: found.similarity }]
      : [];
  });
  const prose = report.paragraphs.reduce((n, p) => n + p.text.length, 0);
  const reusedShare = prose === 0 ? 0 : copies.reduce((n, c) => n + c.now.text.length, 0) / prose;
  const findings: RuleFinding[] = copies.map(({ now, before, similarity }) => ({
    range: now.range,
    message: say(
      locale,
      `此段与 ${previous.year} 年度报告第 ${before.range.start.line + 1} 行的一段${similarity === 1 ? '相同' : `几乎相同（相似度 ${rounded(similarity)}）`}；本报告正文约 ${percent(reusedShare)} 沿用上年度报告。`,
      `This paragraph is ${similarity === 1 ? 'the same as' : `nearly the same as (similarity ${rounded(similarity)})`} line ${before.range.start.line + 1} of the ${previous.year} report; about ${percent(reusedShare)} of this report's prose is last year's.`,
    ),
    related: [
      {
        uri: previous.uri,
        range: before.range,
        message: say(locale, `${previous.title}：第 ${before.range.start.line + 1} 行`, `${previous.title}: line ${before.range.start.line + 1}`),
      },
    ],
    data: { similarity: rounded(similarity), reusedShare: Math.round(reusedShare * 1000) / 1000, previousYear: previous.year, previous: previous.uri },
    fixes: [],
  }));
  const partFive = partFiveCopy(report, previous);
  if (partFive)
    findings.push({
      range: partFive.heading,
      message: say(
        locale,
        `第五部分与 ${previous.year} 年度报告的第五部分雷同（相似度 ${rounded(partFive.similarity)}）：存在的问题和改进情况应写本年度的实际。`,
        `Part 五 is nearly the same as the ${previous.year} report's (similarity ${rounded(partFive.similarity)}): its problems and improvements should be this year's.`,
      ),
      related: [{ uri: previous.uri, range: partFive.before, message: say(locale, `${previous.title}：第五部分`, `${previous.title}: part 五`) }],
      data: {
        similarity: rounded(partFive.similarity),
        reusedShare: Math.round(reusedShare * 1000) / 1000,
        previousYear: previous.year,
        previous: previous.uri,
      },
      fixes: [],
    });
  return findings;
}

function partFiveCopy(report: ReportSummary, previous: ReportSummary) {
  const heading = report.partHeadings.find((h) => h.part === PART_FIVE)?.range;
  const before = previous.partHeadings.find((h) => h.part === PART_FIVE)?.range;
  const [now, then] = [partText(report, PART_FIVE), partText(previous, PART_FIVE)];
  if (!heading || !before || now.length < MIN_PARAGRAPH_CHARS || then.length < MIN_PARAGRAPH_CHARS) return undefined;
  const similarity = bigramSimilarity(comparable(now), comparable(then));
  return similarity >= PART_FIVE_SIMILARITY ? { heading, before, similarity } : undefined;
}

/** How similar two reports' parts 五 are, and the most similar pair of their paragraphs: what the tests measure on real reports. */
export function copyMeasures(report: ReportSummary, previous: ReportSummary): { partFive: number; paragraph: number } {
  const earlier = candidates(previous);
  const paragraph = Math.max(0, ...candidates(report).flatMap((now) => earlier.map((e) => bigramSimilarity(now.grams, e.grams))));
  return { partFive: bigramSimilarity(comparable(partText(report, PART_FIVE)), comparable(partText(previous, PART_FIVE))), paragraph };
}
