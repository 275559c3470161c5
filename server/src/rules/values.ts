/** Single values: value.unit (a cell's unit against its column's) and value.negative. */
import { formatNumber } from '../engine/values';
import { cellName, isNumber, numberRange } from './cells';
import { say, type Finding, type Rule } from './types';

/** How many 元 make one of each unit. */
const IN_YUAN: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };
/** Decimals shown for a converted amount when the header asks for none in particular. */
const MAX_DECIMALS = 6;

export const valueUnit: Rule = {
  code: 'value.unit',
  defaultSeverity: 'warning',
  description: { 'zh-cn': '金额的单位与所在列声明的单位不符', en: "An amount's unit contradicts its column's unit" },
  check({ bound, locale }) {
    const findings: Finding[] = [];
    for (const table of bound.tables) {
      for (const row of table.rows.values()) {
        for (const cell of row.cells.values()) {
          const declared = table.units.get(cell.column.id);
          if (!isNumber(cell) || !declared || !cell.value.unit || cell.value.unit === declared.unit) continue;
          const from = IN_YUAN[cell.value.unit];
          const to = IN_YUAN[declared.unit];
          const fixes = [];
          if (from && to) {
            const converted = (cell.value.value * from) / to;
            const decimals = declared.decimals ?? Math.min(MAX_DECIMALS, decimalsNeeded(converted));
            const text = formatNumber(converted, decimals);
            fixes.push({
              title: say(locale, `换算为 ${text}（${declared.unit}）`, `Convert to ${text} (${declared.unit})`),
              edits: [{ range: { start: numberRange(cell).start, end: cell.range.end }, newText: text }],
              preferred: true,
              order: 0,
            });
          }
          findings.push({
            code: valueUnit.code,
            severity: valueUnit.defaultSeverity,
            range: cell.range,
            message: say(
              locale,
              `${cellName(table, row, cell.column, locale)}的单位是${declared.unit}，这里写的是「${cell.cell!.text}」。`,
              `${cellName(table, row, cell.column, locale)} is in ${declared.unit}, but the cell says 「${cell.cell!.text}」.`,
            ),
            related: declared.range ? [{ range: declared.range, message: say(locale, '单位在此声明', 'unit declared here') }] : [],
            data: { table: table.definition.id, unit: cell.value.unit, declared: declared.unit },
            fixes,
          });
        }
      }
    }
    return findings;
  },
};

function decimalsNeeded(value: number): number {
  for (let d = 0; d < MAX_DECIMALS; d++) if (Number(value.toFixed(d)) === value) return d;
  return MAX_DECIMALS;
}

export const valueNegative: Rule = {
  code: 'value.negative',
  defaultSeverity: 'warning',
  description: { 'zh-cn': '数量为负数', en: 'A negative count' },
  check({ bound, locale }) {
    const findings: Finding[] = [];
    for (const table of bound.tables) {
      for (const row of table.rows.values()) {
        for (const cell of row.cells.values()) {
          if (!isNumber(cell) || cell.value.value >= 0 || cell.column.kind === 'change') continue;
          findings.push({
            code: valueNegative.code,
            severity: valueNegative.defaultSeverity,
            range: cell.range,
            message: say(
              locale,
              `${cellName(table, row, cell.column, locale)}不能为负数（只有「本年增/减」可以为负）。`,
              `${cellName(table, row, cell.column, locale)} cannot be negative (only 本年增/减 can).`,
            ),
            related: [],
            data: { table: table.definition.id },
            fixes: [],
          });
        }
      }
    }
    return findings;
  },
};
