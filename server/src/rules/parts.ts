/**
 * The statutory parts: part.missing, part.order, part.duplicate, part.title. In the 2008 era the
 * parts were titled and ordered freely by each province, so only missing content is reported, as
 * information: the 2008 条例 (第三十二条) required the content, not a heading or a place for it.
 */
import type { BoundPart, BoundReport } from '../engine/bind';
import { normalizeText, labelSegments } from '../engine/labels';
import { formatChineseNumber } from '../formats/numerals';
import { longPartTitles } from '../formats/part-titles';
import { partHeading, renderPart } from '../template/text';
import { headingDecoration, insertAfterLine, insertBeforeLine, templateOptions } from './insert';
import { say, type RuleFinding, type ReportRule, type Severity } from './types';

/** Below this many recognised parts, the part structure is not the statutory one (or was lost in conversion): no part findings. */
const MIN_RECOGNISED_PARTS = 4;
/** A titled report whose parts are the first this many statutory parts, in order, was cut short (一、二、三 and nothing after). */
const MIN_OPENING_PARTS = 3;

/**
 * The parts matched to statutory parts — none when too few match: then the report does not follow
 * the statutory structure (or conversion lost its headings), and part findings would be noise —
 * unless they are a titled report's opening parts in order: a report cut short, missing the rest.
 */
export function recognisedParts(bound: BoundReport): BoundPart[] {
  const parts = bound.parts.filter((p) => p.definition);
  if (bound.era.format.id === '2008' || parts.length >= MIN_RECOGNISED_PARTS || isCutShort(bound, parts)) return parts;
  return [];
}

function isCutShort(bound: BoundReport, parts: readonly BoundPart[]): boolean {
  return bound.report.title !== undefined && parts.length >= MIN_OPENING_PARTS && parts.every((p, i) => p.definition!.number === i + 1);
}

const freeParts = (bound: BoundReport) => bound.era.format.id === '2008';

export const partMissing: ReportRule = {
  code: 'part.missing',
  defaultSeverity: 'error',
  fixable: 'preferred',
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '缺少法定部分', en: 'A statutory part is missing' },
  docs: {
    finds: "a statutory part of the report's format is absent; info, not error, in the 2008 era",
    fix: 'insert the part at its statutory place, with its heading, required statement and empty statutory tables',
  },
  check({ bound, locale }) {
    const { report, era } = bound;
    const present = recognisedParts(bound);
    if (present.length === 0) return [];
    const severity: Severity = freeParts(bound) ? 'info' : partMissing.defaultSeverity;
    const findings: RuleFinding[] = [];
    for (const part of era.format.parts) {
      if (present.some((p) => p.definition!.number === part.number)) continue;
      const before = present.filter((p) => p.definition!.number < part.number).at(-1);
      const after = present.find((p) => p.definition!.number > part.number);
      const heading = partHeading(era.format, part.number);
      const decorate = headingDecoration(report, (before ?? after)?.section);
      const lines = renderPart(era.format, part.number, templateOptions(report));
      lines[0] = decorate(lines[0]);
      const edit = before
        ? insertAfterLine(report, before.section.range.end.line, ['', ...lines])
        : insertBeforeLine(report, after!.section.range.start.line, [...lines, '']);
      const anchor = after?.section.selectionRange ?? before!.section.selectionRange;
      findings.push({
        severity,
        range: anchor,
        message: say(locale, `缺少第${formatChineseNumber(part.number)}部分「${heading}」。`, `Part ${part.number} 「${heading}」 is missing.`),
        related: [],
        data: { part: part.number, format: era.format.id },
        fixes: [{ title: say(locale, `插入「${heading}」`, `Insert 「${heading}」`), edits: [edit], preferred: !freeParts(bound), order: 2 }],
      });
    }
    return findings;
  },
};

export const partOrder: ReportRule = {
  code: 'part.order',
  defaultSeverity: 'warning',
  fixable: false,
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '法定部分的顺序不对', en: 'Statutory parts are out of order' },
  docs: { finds: 'statutory parts out of order' },
  check({ bound, locale }) {
    if (freeParts(bound)) return [];
    const findings: RuleFinding[] = [];
    let highest: BoundPart | undefined;
    for (const part of recognisedParts(bound)) {
      if (highest && part.definition!.number < highest.definition!.number) {
        findings.push({
          range: part.section.selectionRange,
          message: say(
            locale,
            `「${part.section.name}」是第${formatChineseNumber(part.definition!.number)}部分，应在「${highest.section.name}」之前。`,
            `「${part.section.name}」 is part ${part.definition!.number} and belongs before 「${highest.section.name}」.`,
          ),
          related: [{ range: highest.section.selectionRange, message: highest.section.name }],
          data: { part: part.definition!.number },
          fixes: [],
        });
      } else highest = part;
    }
    return findings;
  },
};

export const partDuplicate: ReportRule = {
  code: 'part.duplicate',
  defaultSeverity: 'warning',
  fixable: false,
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '同一法定部分出现了不止一次', en: 'A statutory part appears more than once' },
  docs: { finds: 'the same statutory part twice' },
  check({ bound, locale }) {
    if (freeParts(bound)) return [];
    const seen = new Map<number, BoundPart>();
    /** How many times each part has appeared so far: the third 「二、」 is the second duplicate. */
    const appearances = new Map<number, number>();
    const findings: RuleFinding[] = [];
    for (const part of recognisedParts(bound)) {
      const first = seen.get(part.definition!.number);
      const occurrence = appearances.get(part.definition!.number) ?? 1;
      appearances.set(part.definition!.number, occurrence + 1);
      if (!first) {
        seen.set(part.definition!.number, part);
        continue;
      }
      findings.push({
        range: part.section.selectionRange,
        message: say(
          locale,
          `「${partHeading(bound.era.format, part.definition!.number)}」重复出现：第 ${first.section.range.start.line + 1} 行已有「${first.section.name}」。`,
          `「${partHeading(bound.era.format, part.definition!.number)}」 appears again: 「${first.section.name}」 is on line ${first.section.range.start.line + 1}.`,
        ),
        related: [{ range: first.section.selectionRange, message: first.section.name }],
        data: { part: part.definition!.number, occurrence },
        fixes: [],
      });
    }
    return findings;
  },
};

export const partTitle: ReportRule = {
  code: 'part.title',
  defaultSeverity: 'info',
  fixable: 'offered',
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '部分标题与法定标题不一致', en: 'A part title differs from the statutory one' },
  docs: { finds: 'a part titled otherwise than the statute (五、存在的问题及下一步打算)', fix: 'change to the statutory title (not preferred)' },
  check({ bound, locale }) {
    if (freeParts(bound)) return [];
    const findings: RuleFinding[] = [];
    for (const part of recognisedParts(bound)) {
      const title = part.definition!.title;
      const name = labelSegments([part.section.name]).join('');
      if (name === normalizeText(title) || name === normalizeText(longPartTitles[part.definition!.number] ?? '')) continue;
      const heading = `${formatChineseNumber(part.section.number)}、${title}`;
      findings.push({
        range: part.section.selectionRange,
        message: say(locale, `法定标题为「${heading}」。`, `The statutory title is 「${heading}」.`),
        related: [],
        data: { part: part.definition!.number, title },
        fixes: [
          {
            title: say(locale, `改为「${heading}」`, `Change to 「${heading}」`),
            edits: [{ range: part.section.selectionRange, newText: heading }],
            preferred: false,
            order: 0,
          },
        ],
      });
    }
    return findings;
  },
};
