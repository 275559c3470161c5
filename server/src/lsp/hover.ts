import type { Hover, Position } from 'vscode-languageserver';
import type { Era } from '../engine/bind';
import type { Report } from '../engine/types';
import { say, type Locale } from '../rules/types';

const SOURCES: Record<Era['source'], [string, string]> = {
  title: ['依据标题中的年度', 'from the year in the title'],
  period: ['依据统计期限中的年度', 'from the year of the statistical period'],
  tables: ['标题和统计期限均未写明年度，依据表格的样式推定', 'no year in the title or period: inferred from the tables'],
  assumed: ['标题、统计期限和表格都无法判断，按默认格式处理', 'nothing tells: the default format is assumed'],
};

/** On the title: the organ, the year and which statutory format the checks apply, and why. */
export function titleHover(report: Report, era: Era, position: Position, locale: Locale): Hover | undefined {
  const title = report.title;
  if (!title || position.line < title.range.start.line || position.line > title.range.end.line) return undefined;
  const [zh, en] = SOURCES[era.source];
  const lines = [
    `**${title.text}**`,
    '',
    say(locale, `- 机关：${title.organ ?? '（未识别）'}`, `- Organ: ${title.organ ?? '(not recognised)'}`),
    say(locale, `- 报告年度：${title.year ?? '（未识别）'}`, `- Report year: ${title.year ?? '(not recognised)'}`),
    say(locale, `- 适用格式：${era.format.name}（${era.format.basis}）— ${zh}`, `- Format: ${era.format.nameEn} (${era.format.basis}) — ${en}`),
  ];
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: title.range };
}
