/** The report as a whole: its title, its statistical period, its format era and the fee statement. */
import { tableKeys } from '../engine/definition-keys';
import { normalizeText } from '../engine/labels';
import type { Cell, Range, TableRow } from '../engine/types';
import { siblingFormats, type FormatDefinition, type TableDefinition } from '../formats';
import { isNumber } from './cells';
import { say, type RuleFinding, type ReportRule } from './types';

const LINE_ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export const reportTitle: ReportRule = {
  code: 'report.title',
  defaultSeverity: 'info',
  fixable: false,
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '没有可识别机关和年度的标题', en: 'No title naming the organ and the year' },
  docs: { finds: 'no title naming the organ and the year' },
  check({ bound, locale }) {
    const title = bound.report.title;
    if (title?.organ && title.year) return [];
    const missing = !title
      ? say(locale, '没有标题', 'no title')
      : !title.year
        ? say(locale, '标题中没有年度', 'the title has no year')
        : say(locale, '标题中没有机关名称', 'the title names no organ');
    return [
      {
        range: title?.range ?? LINE_ZERO,
        message: say(
          locale,
          `${missing}：标题应写明机关和年度，如「某某县人民政府2021年政府信息公开工作年度报告」。`,
          `${missing}: the title should name the organ and the year, e.g. 「某某县人民政府2021年政府信息公开工作年度报告」.`,
        ),
        related: [],
        data: {},
        fixes: [],
      },
    ];
  },
};

export const reportPeriodMismatch: ReportRule = {
  code: 'report.period-mismatch',
  defaultSeverity: 'error',
  fixable: 'offered',
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '统计期限的年度与标题不符', en: 'The statistical period names another year than the title' },
  docs: { finds: 'the statistical period (统计期限…) names another year than the title', fix: 'change the year (not preferred)' },
  check({ bound, locale }) {
    const { title, period } = bound.report;
    if (!title?.year || !period || period.year === title.year) return [];
    return [
      {
        range: period.range,
        message: say(
          locale,
          `统计期限写的是 ${period.year} 年，标题是 ${title.year} 年度报告。`,
          `The statistical period says ${period.year}, the title ${title.year}.`,
        ),
        related: [{ range: title.range, message: title.text }],
        data: { period: period.year, title: title.year },
        fixes: [
          {
            title: say(locale, `改为 ${title.year}`, `Change to ${title.year}`),
            edits: yearsInStatement(bound.report.lines[period.range.start.line], period.range.start, period.year).map((range) => ({
              range,
              newText: String(title.year),
            })),
            preferred: false,
          },
        ],
      },
    ];
  },
};

/** Every mention of the year in the period statement (自2019年1月1日起至2019年12月31日止), up to its end. */
function yearsInStatement(line: string, start: { line: number; character: number }, year: number): Range[] {
  const end = line.indexOf('。', start.character);
  const statement = line.slice(start.character, end < 0 ? line.length : end);
  return [...statement.matchAll(new RegExp(`(?<!\\d)${year}(?!\\d)`, 'g'))].map((m) => ({
    start: { line: start.line, character: start.character + m.index },
    end: { line: start.line, character: start.character + m.index + 4 },
  }));
}

const FOREIGN_LABELS = new WeakMap<TableDefinition, Map<TableDefinition, Set<string>>>();

/** The other era's column labels that this era's table does not have (computed once per pair). */
function foreignColumnLabels(table: TableDefinition, other: TableDefinition): Set<string> {
  const byOther = FOREIGN_LABELS.get(table) ?? new Map<TableDefinition, Set<string>>();
  FOREIGN_LABELS.set(table, byOther);
  let labels = byOther.get(other);
  if (!labels) {
    const own = tableKeys(table).columnLabels;
    labels = new Set(other.columns.map((c) => normalizeText(c.label)).filter((l) => !own.has(l)));
    byOther.set(other, labels);
  }
  return labels;
}

/** How many rows at the top of a table can be its header (table 三 has three). */
const HEADER_ROWS = 4;

export const reportFormatMismatch: ReportRule = {
  code: 'report.format-mismatch',
  defaultSeverity: 'error',
  fixable: false,
  formats: ['2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '表格用的是另一年版的格式', en: "Tables follow another era's format" },
  docs: {
    finds:
      "tables of another era's format: a 2021 report with a 第二十条第（九）项 table, 2019 column headers, or table 三's （六） as one row of numbers; a 2019 report with the 2021 rows",
  },
  check({ bound, locale }) {
    const format = bound.era.format;
    const findings: RuleFinding[] = [];
    // `about`: the table and the row or column header it concerns, for the finding's id.
    const finding = (range: Range, other: FormatDefinition, what: string, whatEn: string, about: Record<string, string>): RuleFinding => ({
      range,
      message: say(
        locale,
        `${what}，这是${other.name}的样式；本报告应使用${format.name}。`,
        `${whatEn} follows the ${other.nameEn}; this report should use the ${format.nameEn}.`,
      ),
      related: [],
      data: { ...about, format: format.id, found: other.id },
      fixes: [],
    });
    for (const foreign of bound.foreignTables) {
      const range = foreign.table.caption?.range ?? foreign.table.rows[0].range;
      findings.push(
        finding(range, foreign.format, `「${foreign.definition.name}」表`, `Table 「${foreign.definition.name}」`, { table: foreign.definition.id }),
      );
    }
    for (const table of bound.tables) {
      // Rows this era does not have: （六）1.–3. (2021) in a 2019 report.
      for (const { row, otherEra } of table.unboundRows) {
        if (otherEra)
          findings.push(
            finding(row.range, otherEra.format, `「${otherEra.row.label}」这一行`, `The row 「${otherEra.row.label}」`, {
              table: table.definition.id,
              row: otherEra.row.id,
            }),
          );
      }
      for (const other of siblingFormats(format)) {
        const otherTable = other.tables.find((t) => t.id === table.definition.id);
        if (!otherTable) continue;
        // Column headers of the other era: 本年新制作数量 (2019) in a 2021 report.
        const foreignLabels = foreignColumnLabels(table.definition, otherTable);
        // Headers stand in the first rows; reading the numbers' cells too would only cost time.
        const header = foreignHeader(table.table.rows.slice(0, HEADER_ROWS), foreignLabels);
        if (header)
          findings.push(
            finding(header.range, other, `「${table.definition.name}」的列「${header.text}」`, `Column 「${header.text}」 of 「${table.definition.name}」`, {
              table: table.definition.id,
              label: normalizeText(header.text),
            }),
          );
        // A heading row that holds numbers where this era splits it into sub-rows: （六）其他处理 in the 2019 layout.
        for (const row of table.rows.values()) {
          const children = tableKeys(table.definition).children.get(row.definition.id) ?? [];
          const otherRow = tableKeys(otherTable).rowsById.get(row.definition.id);
          if (row.definition.values || !otherRow?.values || children.some((c) => table.rows.has(c.id)) || ![...row.cells.values()].some(isNumber)) continue;
          findings.push(
            finding(row.labelRange, other, `「${row.definition.label}」只有一行数字`, `「${row.definition.label}」 as one row of numbers`, {
              table: table.definition.id,
              row: row.definition.id,
            }),
          );
        }
      }
    }
    return findings;
  },
};

function foreignHeader(rows: readonly TableRow[], foreignLabels: Set<string>): Cell | undefined {
  for (const row of rows) for (const cell of row.cells) if (foreignLabels.has(normalizeText(cell.text))) return cell;
  return undefined;
}

const FEE = /信息处理费|收取.{0,6}费|收费/;

export const partFeeStatement: ReportRule = {
  code: 'part.fee-statement',
  defaultSeverity: 'info',
  fixable: false,
  formats: ['2021'],
  scope: 'report',
  description: { 'zh-cn': '第六部分未说明信息处理费收取情况', en: 'Part 六 does not say whether 信息处理费 was collected' },
  docs: { finds: '2021 format: part 六 does not say whether 信息处理费 was collected' },
  check({ bound, locale }) {
    if (bound.era.format.id !== '2021') return [];
    const part = bound.parts.find((p) => p.definition?.number === 6);
    if (!part) return [];
    const text = bound.report.lines.slice(part.section.range.start.line, part.section.range.end.line + 1).join('');
    if (FEE.test(text)) return [];
    return [
      {
        range: part.section.selectionRange,
        message: say(
          locale,
          '2021年版格式要求第六部分说明依据《政府信息公开信息处理费管理办法》收取信息处理费的情况（未收取也应写明）。',
          'The 2021 format asks part 六 to state the 信息处理费 collected under 《政府信息公开信息处理费管理办法》 (or that none was).',
        ),
        related: [],
        data: { part: 6 },
        fixes: [],
      },
    ];
  },
};
