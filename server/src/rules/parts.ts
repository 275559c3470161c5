/**
 * The statutory parts: part.missing, part.order, part.duplicate, part.title. In the 2008 era the
 * parts were titled and ordered freely by each province, so only missing content is reported, as
 * information: the 2008 条例 (第三十二条) required the content, not a heading or a place for it.
 */
import type { BoundPart, BoundReport } from '../engine/bind';
import { normalizeText, labelSegments } from '../engine/labels';
import { formatChineseNumber } from '../engine/numerals';
import { partHeading, renderPart } from '../formats/templates';
import { headingDecoration, insertAfterLine, insertBeforeLine, templateOptions } from './insert';
import { say, type Finding, type Rule, type Severity } from './types';

/** Below this many recognised parts, the part structure is not the statutory one (or was lost in conversion): no part findings. */
const MIN_RECOGNISED_PARTS = 4;

/**
 * The parts matched to statutory parts — none when too few match: then the report does not follow
 * the statutory structure (or conversion lost its headings), and part findings would be noise.
 */
export function recognisedParts(bound: BoundReport): BoundPart[] {
  const parts = bound.parts.filter((p) => p.definition);
  return bound.era.format.id !== '2008' && parts.length < MIN_RECOGNISED_PARTS ? [] : parts;
}

const freeParts = (bound: BoundReport) => bound.era.format.id === '2008';

export const partMissing: Rule = {
  code: 'part.missing',
  defaultSeverity: 'error',
  description: { 'zh-cn': '缺少法定部分', en: 'A statutory part is missing' },
  check({ bound, locale }) {
    const { report, era } = bound;
    const present = recognisedParts(bound);
    if (present.length === 0) return [];
    const severity: Severity = freeParts(bound) ? 'info' : partMissing.defaultSeverity;
    const findings: Finding[] = [];
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
        code: partMissing.code,
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

export const partOrder: Rule = {
  code: 'part.order',
  defaultSeverity: 'warning',
  description: { 'zh-cn': '法定部分的顺序不对', en: 'Statutory parts are out of order' },
  check({ bound, locale }) {
    if (freeParts(bound)) return [];
    const findings: Finding[] = [];
    let highest: BoundPart | undefined;
    for (const part of recognisedParts(bound)) {
      if (highest && part.definition!.number < highest.definition!.number) {
        findings.push({
          code: partOrder.code,
          severity: partOrder.defaultSeverity,
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

export const partDuplicate: Rule = {
  code: 'part.duplicate',
  defaultSeverity: 'warning',
  description: { 'zh-cn': '同一法定部分出现了不止一次', en: 'A statutory part appears more than once' },
  check({ bound, locale }) {
    if (freeParts(bound)) return [];
    const seen = new Map<number, BoundPart>();
    const findings: Finding[] = [];
    for (const part of recognisedParts(bound)) {
      const first = seen.get(part.definition!.number);
      if (!first) {
        seen.set(part.definition!.number, part);
        continue;
      }
      findings.push({
        code: partDuplicate.code,
        severity: partDuplicate.defaultSeverity,
        range: part.section.selectionRange,
        message: say(
          locale,
          `「${partHeading(bound.era.format, part.definition!.number)}」重复出现：第 ${first.section.range.start.line + 1} 行已有「${first.section.name}」。`,
          `「${partHeading(bound.era.format, part.definition!.number)}」 appears again: 「${first.section.name}」 is on line ${first.section.range.start.line + 1}.`,
        ),
        related: [{ range: first.section.selectionRange, message: first.section.name }],
        data: { part: part.definition!.number },
        fixes: [],
      });
    }
    return findings;
  },
};

export const partTitle: Rule = {
  code: 'part.title',
  defaultSeverity: 'info',
  description: { 'zh-cn': '部分标题与法定标题不一致', en: 'A part title differs from the statutory one' },
  check({ bound, locale }) {
    if (freeParts(bound)) return [];
    const findings: Finding[] = [];
    for (const part of recognisedParts(bound)) {
      const title = part.definition!.title;
      if (labelSegments([part.section.name]).join('') === normalizeText(title)) continue;
      const heading = `${formatChineseNumber(part.section.number)}、${title}`;
      findings.push({
        code: partTitle.code,
        severity: partTitle.defaultSeverity,
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
