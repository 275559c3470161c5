/**
 * table.unread — never silent: a statutory table that is there (its caption, header words or rows
 * recognised) but whose numbers could not be read is not checked, and a reviewer must not take the
 * silence for "checked, fine". One finding per table, on its first line, saying why.
 */
import type { BoundTable, UnboundRow, UnreadRow } from '../engine/bind';
import { tableKeys } from '../engine/definition-keys';
import { labelSegments } from '../engine/labels';
import type { Range, Report, TableRow } from '../engine/types';
import type { TableDefinition } from '../formats';
import { listNames, rowLabel } from './cells';
import { tablesNamedNotRead, wellRead } from './tables';
import { say, type Locale, type RuleFinding, type ReportRule } from './types';

/** Lines after a table searched for the labels of its missing rows, per statutory row: a label, its numbers, a wrapped line. */
const ROWS_AFTER = 3;
/** A key shorter than this (予以公开) is a common word of the prose, not the trace of a row. */
const MIN_KEY = 5;
/** A label longer than this is cut short in messages: a row of raw PDF text can run several labels together. */
const MAX_LABEL = 20;

export const tableUnread: ReportRule = {
  code: 'table.unread',
  defaultSeverity: 'info',
  fixable: false,
  formats: ['2008', '2019', '2021'],
  scope: 'report',
  description: { 'zh-cn': '表格的数字未能读取，未核对', en: "A table's numbers could not be read and were not checked" },
  docs: {
    finds:
      'a statutory table that is there but whose numbers could not be read: no row matched, too few statutory rows read, rows whose numbers could not be told apart (blank cells lost in a PDF copy), indicators of a local 2008-era form that the statutory 统计表 lacks, or a table its part names (caption, header words) whose content is not a table; one finding per table, on its first line (or the line naming it)',
  },
  check({ bound, locale }) {
    const read = bound.tables.flatMap((table) => {
      const reasons = unreadReasons(bound.report, table, bound.era.format.id === '2008', locale);
      return reasons.length > 0 ? [unreadFinding(table, reasons, locale)] : [];
    });
    return [...read, ...tablesNamedNotRead(bound).map(({ definition, line }) => notReadAsTable(bound.report, definition, line, locale))];
  },
};

/** Why the table, or part of it, was not checked; none for a table read and checked. */
function unreadReasons(report: Report, table: BoundTable, era2008: boolean, locale: Locale): string[] {
  const reasons: string[] = [];
  if (table.unreadRows.length > 0) {
    reasons.push(
      say(
        locale,
        `有 ${table.unreadRows.length} 行的数字个数与列数不符（可能是从 PDF 复制时空白单元格丢失）：${unreadNames(
          table.unreadRows.map((r) => rowLabel(table, r.definition.id)),
          locale,
        )}`,
        `${table.unreadRows.length} row(s) have a number of values that does not match the columns (blank cells lost when copied from a PDF?): ${unreadNames(
          table.unreadRows.map((r) => rowLabel(table, r.definition.id)),
          locale,
        )}`,
      ),
    );
  }
  if (table.unreadRows.length === 0 && ((table.rows.size === 0 && numbersWritten(report, table)) || (!hasNumbers(table) && table.unboundRows.length > 0))) {
    reasons.push(say(locale, '没有一行能对应到法定的行', 'no row matches a statutory row'));
  } else if (!wellRead(table) && !era2008 && missingLabelsInText(report, table) > 0) {
    const total = tableKeys(table.definition).valueRows.length;
    const read = tableKeys(table.definition).valueRows.filter((r) => table.rows.has(r.id)).length;
    reasons.push(say(locale, `法定的 ${total} 行只读出 ${read} 行`, `only ${read} of its ${total} statutory rows were read`));
  }
  // A well-read table's other rows are table.unknown-row's findings; here they are what was not read.
  const unknown = wellRead(table) ? [] : unknownLabels(table.unboundRows);
  if (unknown.length > 0) {
    const listed = unreadNames(unknown, locale);
    reasons.push(
      era2008
        ? say(locale, `${unknown.length} 项指标不在 2008 年版统计表中：${listed}`, `${unknown.length} indicator(s) not in the 2008 statistics table: ${listed}`)
        : say(locale, `${unknown.length} 行不是法定的行：${listed}`, `${unknown.length} row(s) match no statutory row: ${listed}`),
    );
  }
  return reasons;
}

/**
 * How many statutory rows the table lacks whose labels stand in the text where its rows would be:
 * rows there but not read (PDF text broken into lines), not a table typed only in part.
 */
function missingLabelsInText(report: Report, table: BoundTable): number {
  const keys = tableKeys(table.definition);
  const end = Math.min(report.lines.length, table.table.range.end.line + 1 + ROWS_AFTER * keys.valueRows.length);
  const text = labelSegments(report.lines.slice(table.table.range.end.line + 1, end)).join('');
  return keys.rows.filter((r) => r.definition.values && !table.rows.has(r.definition.id) && r.keys.some((k) => k.length >= MIN_KEY && text.includes(k))).length;
}

/** The labels of the unbound rows, as written; rows of the other era's table are report.format-mismatch's. */
function unknownLabels(rows: UnboundRow[]): string[] {
  return rows.filter((r) => !r.otherEra && r.label.length > 0).map((r) => labelSegments(r.label.map((c) => c.text)).join(''));
}

function unreadFinding(table: BoundTable, reasons: string[], locale: Locale): RuleFinding {
  const name = table.definition.name;
  const nothingRead = !hasNumbers(table);
  const unread: { row: TableRow; label: string }[] = [
    ...table.unreadRows.map((r: UnreadRow) => ({ row: r.row, label: rowLabel(table, r.definition.id) })),
    ...(wellRead(table) ? [] : table.unboundRows.filter((r) => !r.otherEra && r.label.length > 0)).map((r) => ({
      row: r.row,
      label: labelSegments(r.label.map((c) => c.text)).join(''),
    })),
  ];
  return {
    range: firstLine(table),
    message: nothingRead
      ? say(
          locale,
          `「${name}」表的数字未能读取，合计未核对：${reasons.join('；')}。`,
          `The numbers of 「${name}」 could not be read; its totals were not checked: ${reasons.join('; ')}.`,
        )
      : say(
          locale,
          `「${name}」表的数字未能全部读取，相关合计未核对：${reasons.join('；')}。`,
          `Some numbers of 「${name}」 could not be read; the totals they enter were not checked: ${reasons.join('; ')}.`,
        ),
    related: unread.map(({ row, label }) => ({ range: row.range, message: say(locale, `未读取：「${label}」`, `not read: 「${label}」`) })),
    data: { table: table.definition.id, rows: unread.map((r) => r.label) },
    fixes: [],
  };
}

/** Whether any statutory row was read with a number. */
function hasNumbers(table: BoundTable): boolean {
  return [...table.rows.values()].some((r) => [...r.cells.values()].some((c) => c.value.kind === 'number'));
}

/** The table's first line: its caption, else its first row. */
/** The caption, else the first row's first word: the same text whatever the table's syntax (tabs, pipes, spaces). */
function firstLine(table: BoundTable): Range {
  if (table.table.caption) return table.table.caption.range;
  const first = table.table.rows[0];
  return first?.cells.find((c) => c.text !== '')?.range ?? first?.range ?? table.table.range;
}

/** Whether the table's lines hold a number at all: a table of header rows alone is one being typed, not one left unread. */
function numbersWritten(report: Report, table: BoundTable): boolean {
  const { start, end } = table.table.range;
  for (let line = start.line; line <= end.line; line++) if (/[0-9０-９]/.test(report.lines[line])) return true;
  return false;
}

/** A table the part names (its caption, its header words) where no table could be read: the text is there, the cells are not. */
function notReadAsTable(report: Report, definition: TableDefinition, line: number, locale: Locale): RuleFinding {
  const text = report.lines[line];
  const name = definition.name;
  const start = text.length - text.trimStart().length;
  return {
    range: { start: { line, character: start }, end: { line, character: text.trimEnd().length } },
    message: say(
      locale,
      `「${name}」表的数字未能读取，合计未核对：本部分提到了这张表，但其内容未能读成表格（可能是从 PDF 或网页复制时表格变成了文字）。`,
      `The numbers of 「${name}」 could not be read; its totals were not checked: the part names the table, but its content could not be read as a table (copied from a PDF or a web page as text?).`,
    ),
    related: [],
    data: { table: definition.id, rows: [] },
    fixes: [],
  };
}

/** The rows not read, quoted (a label cut short: a row of raw PDF text can run several labels together), the first few by name. */
function unreadNames(labels: string[], locale: Locale): string {
  return listNames(
    labels.map((l) => `「${l.length > MAX_LABEL ? `${l.slice(0, MAX_LABEL)}…` : l}」`),
    '项',
    locale,
  );
}
