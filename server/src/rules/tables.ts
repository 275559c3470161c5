/**
 * The statutory tables' shape: table.missing, table.missing-row, table.unknown-row, table.label,
 * table.not-number. Fixes insert what is missing with empty cells — never numbers.
 */
import type { BoundReport, BoundTable } from '../engine/bind';
import { tableKeys } from '../engine/definition-keys';
import { labelSegments, normalizeText } from '../engine/labels';
import { isExtracted } from '../engine/table-layout';
import type { Cell, Range, Report, TableRow } from '../engine/types';
import type { RowDefinition, TableDefinition } from '../formats';
import { renderTable } from '../template/text';
import { columnName, rowLabel, valueColumns } from './cells';
import { insertAfterLine, insertBeforeLine, templateOptions } from './insert';
import { recognisedParts } from './parts';
import { say, type RuleFinding, type ReportRule } from './types';

/** Below this share of its value rows bound, a table was not read reliably (raw PDF text): no row findings. */
const MIN_BOUND_SHARE = 0.5;
/** A label with fewer word characters than this is a fragment of a split label, not a row of its own. */
const MIN_LABEL_WORDS = 4;

const WELL_READ = new WeakMap<BoundTable, boolean>();

/** Whether the table was read well enough to speak of its rows (asked by several rules, answered once). */
export function wellRead(table: BoundTable): boolean {
  let answer = WELL_READ.get(table);
  if (answer === undefined) {
    const rows = tableKeys(table.definition).valueRows;
    const bound = rows.filter((r) => table.rows.has(r.id)).length;
    answer = table.definition.layout === 'single-row' || bound >= rows.length * MIN_BOUND_SHARE;
    WELL_READ.set(table, answer);
  }
  return answer;
}

export const tableMissing: ReportRule = {
  code: 'table.missing',
  defaultSeverity: 'error',
  fixable: 'preferred',
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '法定部分缺少法定表格', en: 'A statutory table is missing from its part' },
  docs: { finds: 'a statutory table absent from its part', fix: 'insert the empty table (once, after the first heading of a part written twice)' },
  check({ bound, locale }) {
    const findings: RuleFinding[] = [];
    const { report, era } = bound;
    const tables = new Map<string, BoundTable>();
    for (const t of bound.tables) if (!tables.has(t.definition.id)) tables.set(t.definition.id, t);
    const foreign = new Set(bound.foreignTables.map((f) => f.definition.id));
    const namedNotRead = new Set(tablesNamedNotRead(bound).map((t) => t.definition.id));
    const seen = new Set<number>();
    for (const part of recognisedParts(bound)) {
      // A part written twice is part.duplicate's finding: its tables are looked for once, after its first heading.
      if (seen.has(part.definition!.number)) continue;
      seen.add(part.definition!.number);
      const statutory = era.format.tables.filter((t) => t.part === part.definition!.number);
      let previous: BoundTable | undefined;
      for (const definition of statutory) {
        const present = tables.get(definition.id) ?? (foreign.has(definition.id) ? 'foreign' : undefined);
        if (present === 'foreign') continue;
        if (present) {
          previous = present;
          continue;
        }
        if (namedNotRead.has(definition.id)) continue;
        const lines = renderTable(definition, templateOptions(report));
        const after = previous?.table.range.end.line ?? part.section.range.end.line;
        findings.push({
          range: part.section.selectionRange,
          message: say(
            locale,
            `「${part.section.name}」缺少法定表格「${definition.name}」。`,
            `「${part.section.name}」 lacks the statutory table 「${definition.name}」.`,
          ),
          related: [],
          data: { table: definition.id },
          fixes: [
            {
              title: say(locale, `插入「${definition.name}」表`, `Insert the table 「${definition.name}」`),
              edits: [insertAfterLine(report, after, ['', ...lines])],
              preferred: true,
              order: 2,
            },
          ],
        });
      }
    }
    return findings;
  },
};

/** The part names the table (its caption, or its header words) though no table could be read there: garbled, not missing. */
function unreadable(definition: TableDefinition, partText: string): boolean {
  const caption = tableKeys(definition).caption;
  if (caption) return partText.includes(caption);
  return definition.headerKeywords.filter((k) => partText.includes(k)).length >= 2;
}

/**
 * The statutory tables a part names though no table of them could be read there (table.missing does not
 * call them missing; table.unread says they were not checked), each with the first line naming it.
 */
export function tablesNamedNotRead(bound: BoundReport): { definition: TableDefinition; line: number }[] {
  const read = new Set([...bound.tables, ...bound.foreignTables].map((t) => t.definition.id));
  const seen = new Set<number>();
  return recognisedParts(bound).flatMap((part) => {
    if (seen.has(part.definition!.number)) return [];
    seen.add(part.definition!.number);
    const { start, end } = part.section.range;
    const lines = bound.report.lines.slice(start.line + 1, end.line + 1).map(normalizeText);
    const text = lines.join('');
    return bound.era.format.tables
      .filter((t) => t.part === part.definition!.number && !read.has(t.id) && unreadable(t, text))
      .map((definition) => {
        const words = [tableKeys(definition).caption ?? '', ...definition.headerKeywords].filter((w) => w !== '');
        const at = lines.findIndex((l) => words.some((w) => l.includes(w)));
        return { definition, line: at < 0 ? start.line : start.line + 1 + at };
      });
  });
}

export const tableMissingRow: ReportRule = {
  code: 'table.missing-row',
  defaultSeverity: 'error',
  fixable: 'preferred',
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '法定表格缺少法定的行', en: 'A statutory table lacks statutory rows' },
  docs: { finds: 'statutory rows absent from a table (a table cut short)', fix: 'insert the rows with empty cells at their place — never numbers' },
  check({ bound, locale }) {
    const findings: RuleFinding[] = [];
    for (const table of bound.tables) {
      if (table.definition.layout === 'single-row' || !wellRead(table)) continue;
      const rows = table.definition.rows;
      let gap: RowDefinition[] = [];
      let anchor: TableRow | undefined;
      const flush = (next: TableRow | undefined) => {
        if (gap.length > 0) findings.push(missingRows(bound.report, table, gap, anchor, next, locale));
        gap = [];
      };
      for (const row of rows) {
        const present = table.rows.get(row.id);
        if (present) {
          flush(present.row);
          anchor = present.row;
        } else if (row.values && !replacedByParentRow(table, row)) gap.push(row);
      }
      flush(undefined);
    }
    return findings;
  },
};

/**
 * Rows written in the other era's layout are a format mismatch, not missing rows: sub-rows whose
 * parent carries their numbers (（六） as one row, 2019), or a row the other era splits (（六）1.–3.).
 */
function replacedByParentRow(table: BoundTable, row: RowDefinition): boolean {
  const parent = row.parent ? table.rows.get(row.parent) : undefined;
  if (parent && !parent.definition.values && [...parent.cells.values()].some((c) => c.value.kind === 'number')) return true;
  return table.unboundRows.some((u) => u.otherEra?.row.parent === row.id);
}

function missingRows(
  report: Report,
  table: BoundTable,
  gap: RowDefinition[],
  after: TableRow | undefined,
  before: TableRow | undefined,
  locale: 'zh-cn' | 'en',
): RuleFinding {
  const width = valueColumns(table).length + (table.definition.columns.length - valueColumns(table).length);
  const lines = gap.map((r) => renderRow(table, r, width));
  const edit = after ? insertAfterLine(report, after.line, lines) : insertBeforeLine(report, before?.line ?? table.table.range.start.line, lines);
  const names = gap.map((r) => rowLabel(table, r.id));
  const anchor = (after ?? before ?? table.table.rows[0]).range;
  return {
    range: anchor,
    message: say(
      locale,
      `「${table.definition.name}」表${after ? '在此行之后' : '在此行之前'}缺少 ${gap.length} 行：${names.join('、')}。`,
      `「${table.definition.name}」 lacks ${gap.length} row(s) ${after ? 'after' : 'before'} this one: ${names.join(', ')}.`,
    ),
    related: [],
    data: { table: table.definition.id, row: gap[0].id, rows: gap.map((r) => r.id) },
    // Rows inserted into text as extraction left it would not read as its rows: no fix there.
    fixes: isExtracted(table.table.syntax)
      ? []
      : [
          {
            title: say(locale, `插入缺少的 ${gap.length} 行（数字留空）`, `Insert the ${gap.length} missing row(s) with empty cells`),
            edits: [edit],
            preferred: true,
            order: 2,
          },
        ],
  };
}

function renderRow(table: BoundTable, row: RowDefinition, width: number): string {
  const cells = [row.label, ...table.definition.columns.map((c) => (c.kind === 'text' ? (row.unit ?? '') : ''))].slice(0, width + 1);
  return table.table.syntax === 'pipe' ? `| ${cells.join(' | ')} |` : cells.join('\t');
}

export const tableUnknownRow: ReportRule = {
  code: 'table.unknown-row',
  defaultSeverity: 'warning',
  fixable: false,
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '表格中有非法定的行', en: 'A table row is not a statutory row' },
  docs: { finds: 'a row with numbers whose label is no statutory row' },
  check({ bound, locale }) {
    const findings: RuleFinding[] = [];
    for (const table of bound.tables) {
      if (!wellRead(table)) continue;
      for (const { label, otherEra } of table.unboundRows) {
        if (otherEra) continue; // report.format-mismatch speaks of it
        const words = labelSegments(label.map((c) => c.text)).join('');
        if (words.length < MIN_LABEL_WORDS) continue;
        findings.push({
          range: { start: label[0].range.start, end: label[label.length - 1].range.end },
          message: say(
            locale,
            `「${words}」不是「${table.definition.name}」表的法定行。`,
            `「${words}」 is not a row of the statutory table 「${table.definition.name}」.`,
          ),
          related: [],
          data: { table: table.definition.id, label: words },
          fixes: [],
        });
      }
    }
    return findings;
  },
};

export const tableLabel: ReportRule = {
  code: 'table.label',
  defaultSeverity: 'warning',
  fixable: 'preferred',
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '行标签与法定标签不一致', en: 'A row label differs from the statutory label' },
  docs: {
    finds:
      "a near miss of a statutory label (无正当理由由大量反复申请), or a label the statute has replaced (2019's 规范性文件 in a 2021 report's 第二十条第（一）项 table)",
    fix: 'restore the statutory label',
  },
  check({ bound, locale }) {
    const findings: RuleFinding[] = [];
    for (const table of bound.tables) {
      if (!wellRead(table)) continue;
      for (const row of table.rows.values()) {
        if ((row.match !== 'fuzzy' && row.match !== 'former') || !row.labelCell) continue;
        const fixed = restoreLabel(row.labelCell, row.definition.label);
        findings.push({
          range: row.labelCell.range,
          message: say(locale, `法定行标签为「${row.definition.label}」。`, `The statutory label is 「${row.definition.label}」.`),
          related: [],
          data: { table: table.definition.id, row: row.definition.id },
          // A label wrapped over lines (a space-aligned table's) has its row's numbers between its lines: no one edit restores it.
          fixes: isMultiline(row.labelCell.range)
            ? []
            : [
                {
                  title: say(locale, `改为「${fixed}」`, `Change to 「${fixed}」`),
                  edits: [{ range: row.labelCell.range, newText: fixed }],
                  preferred: true,
                  order: 0,
                },
              ],
        });
      }
    }
    return findings;
  },
};

const ITEM_NUMBER = /[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．]/g;

/** The cell with its last item replaced by the statutory label, keeping any group label before it. */
function restoreLabel(cell: Cell, label: string): string {
  let at: number | undefined;
  for (const item of cell.text.matchAll(ITEM_NUMBER)) at = item.index;
  if (at === undefined) return labelSegments([label]).length === 1 && /^\d/.test(label) ? label.replace(/^\d{1,2}[.、．]/, '') : label;
  return cell.text.slice(0, at) + label;
}

export const tableNotNumber: ReportRule = {
  code: 'table.not-number',
  defaultSeverity: 'warning',
  fixable: false,
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '应填数字的单元格里是文字', en: 'Text where a number belongs' },
  docs: { finds: 'text where a number belongs' },
  check({ bound, locale }) {
    const findings: RuleFinding[] = [];
    for (const table of bound.tables) {
      for (const row of table.rows.values()) {
        for (const cell of row.cells.values()) {
          if (cell.value.kind !== 'text') continue;
          findings.push({
            range: cell.range,
            message: say(
              locale,
              `「${rowLabel(table, row.definition.id)}」的「${columnName(table.definition, cell.column)}」应为数字，而不是「${cell.value.text}」。`,
              `「${rowLabel(table, row.definition.id)}」/「${columnName(table.definition, cell.column)}」 needs a number, not 「${cell.value.text}」.`,
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

function isMultiline(range: Range): boolean {
  return range.start.line !== range.end.line;
}
