/** Single values: value.unit (a cell's unit against its column's) and value.negative. */
import { formatAmount, scaleByPowerOfTen, type Amount } from '../engine/values';
import { cellName, isNumber, numberRange } from './cells';
import { say, type RuleFinding, type ReportRule } from './types';

/** How many 元 make one of each unit, as a power of ten. */
const IN_YUAN = new Map([
  ['元', 0],
  ['千元', 3],
  ['万元', 4],
  ['亿元', 8],
]);
/** Decimals shown for a converted amount when the header asks for none in particular. */
const MAX_DECIMALS = 6;

export const valueUnit: ReportRule = {
  code: 'value.unit',
  defaultSeverity: 'warning',
  fixable: 'preferred',
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '金额的单位与所在列声明的单位不符', en: "An amount's unit contradicts its column's unit" },
  docs: {
    finds: 'an amount whose unit contradicts the unit its column declares (`3500元` under 本年收费金额（单位：万元）)',
    fix: 'convert the value (元 → 万元 ÷ 10 000, keeping the declared decimals)',
  },
  check({ bound, locale }) {
    const findings: RuleFinding[] = [];
    for (const table of bound.tables) {
      for (const row of table.rows.values()) {
        for (const cell of row.cells.values()) {
          const declared = table.units.get(cell.column.id);
          if (!isNumber(cell) || !declared || !cell.value.unit || cell.value.unit === declared.unit) continue;
          const from = IN_YUAN.get(cell.value.unit);
          const to = IN_YUAN.get(declared.unit);
          const fixes = [];
          if (from !== undefined && to !== undefined) {
            const converted = scaleByPowerOfTen(cell.value, from - to);
            const text = formatAmount(converted, declared.decimals ?? decimalsNeeded(converted));
            fixes.push({
              title: say(locale, `换算为 ${text}（${declared.unit}）`, `Convert to ${text} (${declared.unit})`),
              edits: [{ range: { start: numberRange(cell).start, end: cell.range.end }, newText: text }],
              preferred: true,
              order: 0,
            });
          }
          findings.push({
            range: cell.range,
            message: say(
              locale,
              `${cellName(table, row, cell.column, locale)}的单位是${declared.unit}，这里写的是「${cell.cell!.text}」。`,
              `${cellName(table, row, cell.column, locale)} is in ${declared.unit}, but the cell says 「${cell.cell!.text}」.`,
            ),
            related: declared.range ? [{ range: declared.range, message: say(locale, '单位在此声明', 'unit declared here') }] : [],
            data: { table: table.definition.id, row: row.definition.id, column: cell.column.id, unit: cell.value.unit, declared: declared.unit },
            fixes,
          });
        }
      }
    }
    return findings;
  },
};

/** The fewest decimals, up to MAX_DECIMALS, that write `amount` exactly. */
function decimalsNeeded(amount: Amount): number {
  for (let d = 0; d < MAX_DECIMALS; d++) if (d >= amount.decimals || amount.units % 10n ** BigInt(amount.decimals - d) === 0n) return d;
  return MAX_DECIMALS;
}

export const valueNegative: ReportRule = {
  code: 'value.negative',
  defaultSeverity: 'warning',
  fixable: false,
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '数量为负数', en: 'A negative count' },
  docs: { finds: 'a negative count (only 本年增/减 may be negative)' },
  check({ bound, locale }) {
    const findings: RuleFinding[] = [];
    for (const table of bound.tables) {
      for (const row of table.rows.values()) {
        for (const cell of row.cells.values()) {
          if (!isNumber(cell) || cell.value.units >= 0n || cell.column.kind === 'change') continue;
          findings.push({
            range: cell.range,
            message: say(
              locale,
              `${cellName(table, row, cell.column, locale)}不能为负数（只有「本年增/减」可以为负）。`,
              `${cellName(table, row, cell.column, locale)} cannot be negative (only 本年增/减 can).`,
            ),
            related: [],
            data: { table: table.definition.id, row: row.definition.id, column: cell.column.id },
            fixes: [],
          });
        }
      }
    }
    return findings;
  },
};
