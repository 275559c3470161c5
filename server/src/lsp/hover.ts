import type { Hover, Position, Range } from 'vscode-languageserver';
import type { BoundCell, BoundReport, BoundRow, BoundTable, Era } from '../engine/bind';
import { formatAmount, sum } from '../engine/values';
import { columnName, resolveAddends, rowLabel, termName, valueColumns } from '../rules/cells';
import { say, type Locale } from '../rules/types';
import { formatChineseNumber } from '../engine/numerals';

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
        const lines = [
          `**${rowLabel(table, row.definition.id)}** × **${columnName(table.definition, cell.column)}**`,
          '',
          say(locale, `「${table.definition.name}」`, `「${table.definition.name}」`),
        ];
        lines.push(...totalLines(table, row, cell, locale));
        return { contents: { kind: 'markdown', value: lines.join('\n') }, range: cell.range };
      }
    }
  }
  return undefined;
}

/** For a total: what it adds up and the sum of what is written. */
function totalLines(table: BoundTable, row: BoundRow, cell: BoundCell, locale: Locale): string[] {
  for (const rule of table.definition.rules) {
    if (rule.type !== 'sum') continue;
    const across = rule.across === 'columns' && rule.total === cell.column.id && (!rule.only || rule.only.includes(row.definition.id));
    const down = rule.across === 'rows' && rule.total === row.definition.id && valueColumns(table, rule.only).some((c) => c.id === cell.column.id);
    if (!across && !down) continue;
    const ids = across ? resolveAddends(rule.addends, (id) => row.cells.has(id)) : resolveAddends(rule.addends, (id) => table.rows.has(id));
    if (!ids) continue;
    const addends = ids.map((id) => ({ id, cell: across ? row.cells.get(id) : table.rows.get(id)?.cells.get(cell.column.id) }));
    const numbers = addends.flatMap((a) => (a.cell?.value.kind === 'number' ? [a.cell.value] : []));
    const total = sum(numbers);
    const blanks = addends.length - numbers.length;
    return [
      '',
      say(locale, `合计 = ${addends.map((a) => termName(table, a.id)).join(' + ')}`, `Total = ${addends.map((a) => termName(table, a.id)).join(' + ')}`),
      '',
      say(
        locale,
        `所填分项之和：**${formatAmount(total)}**${blanks > 0 ? `（另有 ${blanks} 项未填）` : ''}`,
        `Sum of the written addends: **${formatAmount(total)}**${blanks > 0 ? ` (${blanks} blank)` : ''}`,
      ),
    ];
  }
  return [];
}
