/**
 * Statutory text generated from the format definitions: a part's heading, a table, a whole report
 * skeleton — for the fixes that insert what is missing, the snippets and the insert commands alike,
 * so that a template and the checks can never disagree.
 */
import { formatChineseNumber } from './numerals';
import type { FormatDefinition, RowDefinition, TableDefinition } from './schema';

export interface TemplateOptions {
  /** `tsv` for plain-text reports, `pipe` for Markdown tables. */
  syntax: 'tsv' | 'pipe';
  /** What each number cell holds, called once per cell in order: '' for empty cells, '0', a snippet tab stop. */
  number: () => string;
}

/** What stands for a number to fill in within a sentence when the template leaves numbers empty. */
const BLANK = '＿＿';

export function partHeading(format: FormatDefinition, number: number): string {
  const part = format.parts.find((p) => p.number === number);
  return `${formatChineseNumber(number)}、${part?.title ?? ''}`;
}

/** The table's lines, caption first when it has one. */
/** The heading over a table's label column: its printed note (table 三's 勾稽关系), 信息内容 for a 第二十条 table, 统计指标 for the 2008 统计表. */
export function cornerLabel(table: TableDefinition): string {
  return table.note ?? (table.caption ? '信息内容' : '统计指标');
}

/** What a template writes in a 单位 column: the row's unit, —— for a heading row without one. */
export function unitText(row: RowDefinition): string {
  return row.unit ?? '——';
}

export interface HeaderLevelCell {
  label: string;
  colSpan: number;
  rowSpan: number;
}

/**
 * Header rows over columns given by their `·` group paths (行政诉讼 › 未经复议直接起诉 › 结果维持):
 * consecutive columns sharing a group share its cell, spanning them; a column's own label reaches down
 * to the last header row.
 */
export function headerLevels(paths: readonly string[][]): HeaderLevelCell[][] {
  const depth = Math.max(...paths.map((p) => p.length));
  const levels: HeaderLevelCell[][] = Array.from({ length: depth }, () => []);
  const place = (nodes: HeaderNode[], level: number) => {
    for (const node of nodes) {
      levels[level].push({ label: node.label, colSpan: node.columns, rowSpan: node.children.length === 0 ? depth - level : 1 });
      place(node.children, level + 1);
    }
  };
  place(headerTree(paths), 0);
  return levels;
}

interface HeaderNode {
  label: string;
  columns: number;
  children: HeaderNode[];
}

function headerTree(paths: readonly string[][]): HeaderNode[] {
  const roots: HeaderNode[] = [];
  for (const path of paths) {
    let siblings = roots;
    for (const label of path) {
      let node = siblings[siblings.length - 1];
      if (!node || node.label !== label || node.children.length === 0) {
        node = { label, columns: 0, children: [] };
        siblings.push(node);
      }
      node.columns++;
      siblings = node.children;
    }
  }
  return roots;
}

export function renderTable(table: TableDefinition, options: TemplateOptions): string[] {
  const values = table.columns.filter((c) => c.kind !== 'text');
  const header: string[][] = [];
  const body: string[][] = [];
  if (table.layout === 'single-row') {
    header.push(table.columns.map((c, i) => (c.group && c.group !== table.columns[i - 1]?.group ? c.group : '')));
    header.push(table.columns.map((c) => c.label));
    body.push(values.map(() => options.number()));
  } else {
    header.push([cornerLabel(table), ...table.columns.map((c) => c.label)]);
    for (const row of table.rows) {
      const cells = table.columns.map((c) => (c.kind === 'text' ? unitText(row) : row.values ? options.number() : ''));
      body.push([row.label, ...cells]);
    }
  }
  const lines = options.syntax === 'pipe' ? pipeTable(header, body) : [...header, ...body].map((cells) => cells.join('\t'));
  return table.caption ? [table.caption, ...(options.syntax === 'pipe' ? [''] : []), ...lines] : lines;
}

function pipeTable(header: string[][], body: string[][]): string[] {
  const row = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const [first, ...rest] = header;
  return [row(first), `|${first.map(() => '---').join('|')}|`, ...rest.map(row), ...body.map(row)];
}

/** A part: its heading and, for parts with tables, the statutory tables, blank lines between. */
export function renderPart(format: FormatDefinition, number: number, options: TemplateOptions): string[] {
  const lines = [partHeading(format, number)];
  for (const statement of format.parts.find((p) => p.number === number)?.body ?? [])
    lines.push(
      '',
      statement.replace(/\{n\}/g, () => options.number() || BLANK),
    );
  for (const table of format.tables.filter((t) => t.part === number)) lines.push('', ...renderTable(table, options));
  return lines;
}

export interface ReportTemplateOptions extends TemplateOptions {
  organ: string;
  /** The report year, or a snippet placeholder standing for it. */
  year: number | string;
}

/** A whole report: title, preamble with the statistical period, every part, and any 附件 table. */
export function renderReport(format: FormatDefinition, options: ReportTemplateOptions): string[] {
  const lines = [
    `${options.organ}${options.year}年政府信息公开工作年度报告`,
    '',
    `本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自${options.year}年1月1日起至${options.year}年12月31日止。`,
  ];
  for (const part of format.parts) lines.push('', ...renderPart(format, part.number, options));
  const attached = format.tables.filter((t) => t.part === 0);
  if (attached.length > 0) {
    lines.push('', '附件');
    for (const table of attached) lines.push('', table.name, '', ...renderTable(table, options));
  }
  return lines;
}
