import type { Hover, Position, Range } from 'vscode-languageserver';
import type { BoundCell, BoundReport, BoundTable, Era } from '../engine/bind';
import { formatAmount, sameValue, sum } from '../engine/values';
import { columnName, rowLabel, termName } from '../rules/cells';
import { relationsOf } from '../rules/relations';
import { say, type Locale } from '../rules/types';
import { formatChineseNumber } from '../formats/numerals';

const SOURCES: Record<Era['source'], [string, string]> = {
  title: ['依据标题中的年度', 'from the year in the title'],
  period: ['依据统计期限中的年度', 'from the year of the statistical period'],
  tables: ['标题和统计期限均未写明年度，依据表格的样式推定', 'no year in the title or period: inferred from the tables'],
  assumed: ['标题、统计期限和表格都无法判断，按设置 govreport.assumeFormat 假定', 'nothing tells: assumed from the setting govreport.assumeFormat'],
};

const inside = (range: Range, p: Position) =>
  (p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character)) &&
  (p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character));

/** Hovers: the title (organ, year, format and why), a part heading (which statutory part), a number cell (its row and column, and for a total its addends). */
export function reportHover(bound: BoundReport, position: Position, locale: Locale): Hover | undefined {
  return titleHover(bound, position, locale) ?? partHover(bound, position, locale) ?? cellHover(bound, position, locale);
}

function titleHover({ report, era }: BoundReport, position: Position, locale: Locale): Hover | undefined {
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

function partHover({ parts, era }: BoundReport, position: Position, locale: Locale): Hover | undefined {
  const part = parts.find((p) => inside(p.section.selectionRange, position));
  if (!part) return undefined;
  const value = part.definition
    ? say(
        locale,
        `法定第${formatChineseNumber(part.definition.number)}部分：**${part.definition.title}**（${era.format.name}）`,
        `Statutory part ${part.definition.number}: **${part.definition.title}** (${era.format.nameEn})`,
      )
    : say(locale, `不是${era.format.name}的法定部分`, `Not a statutory part of the ${era.format.nameEn}`);
  return { contents: { kind: 'markdown', value }, range: part.section.selectionRange };
}

function cellHover(bound: BoundReport, position: Position, locale: Locale): Hover | undefined {
  for (const table of bound.tables) {
    if (position.line < table.table.range.start.line || position.line > table.table.range.end.line) continue;
    for (const row of table.rows.values()) {
      if (row.row.line !== position.line) continue;
      for (const cell of row.cells.values()) {
        if (!cell.cell || !inside(cell.range, position)) continue;
        const total = totalLines(table, cell, locale);
        const lines = [
          ...(total.answer ? [total.answer, ''] : []),
          `**${rowLabel(table, row.definition.id)}** × **${columnName(table.definition, cell.column)}**`,
          '',
          say(locale, `「${table.definition.name}」`, `「${table.definition.name}」`),
          ...total.lines,
        ];
        return { contents: { kind: 'markdown', value: lines.join('\n') }, range: cell.range };
      }
    }
  }
  return undefined;
}

/** For a total: what it adds up and the sum of what is written; when it is wrong, the answer to lead the hover with (应为 26，实为 20). */
function totalLines(table: BoundTable, cell: BoundCell, locale: Locale): { answer?: string; lines: string[] } {
  const relation = relationsOf(table).find((r) => r.rule.type === 'sum' && r.left[0].cell === cell);
  if (!relation) return { lines: [] };
  const numbers = relation.right.flatMap((t) => (t.cell?.value.kind === 'number' ? [t.cell.value] : []));
  const total = sum(numbers);
  const blanks = relation.right.length - numbers.length;
  let answer: string | undefined;
  if (blanks === 0 && cell.value.kind === 'number' && !sameValue(total, cell.value)) {
    const decimals = Math.max(total.decimals, cell.value.decimals);
    const [expected, actual] = [formatAmount(total, decimals), formatAmount(cell.value, decimals)];
    answer = say(locale, `**应为 ${expected}，实为 ${actual}**`, `**Should be ${expected}, is ${actual}**`);
  }
  const addends = relation.right.map((t) => termName(table, t.id)).join(' + ');
  const lines = [
    '',
    say(locale, `合计 = ${addends}`, `Total = ${addends}`),
    '',
    say(
      locale,
      `所填分项之和：**${formatAmount(total)}**${blanks > 0 ? `（另有 ${blanks} 项未填）` : ''}`,
      `Sum of the written addends: **${formatAmount(total)}**${blanks > 0 ? ` (${blanks} blank)` : ''}`,
    ),
  ];
  return { answer, lines };
}
