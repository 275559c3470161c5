/**
 * Editor snippets of the statutory templates — a whole report and each table, for the 2019 and 2021
 * formats, in tab-separated and Markdown form — generated from the format definitions. The
 * checked-in snippets/ files are this module's output (scripts/generate-snippets.ts; a test fails
 * when they differ), and the 插入法定表格 command inserts the same snippet text.
 */
import { formatById, type FormatDefinition, type FormatId, type TableDefinition } from '../formats';
import { formatChineseNumber, parseChineseNumber } from '../formats/numerals';
import { renderReport, renderTable, type TemplateOptions } from '../template/text';
import { rules } from './index';

export interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

/** The formats with snippets: the current national ones. */
export const SNIPPET_FORMATS: readonly FormatId[] = ['2021', '2019'];

/** A short ASCII prefix: gr21-art20-1, gr21-table3, gr21-report. */
export function snippetPrefix(format: FormatDefinition, table?: TableDefinition): string {
  const era = `gr${format.id.slice(2)}`;
  if (!table) return `${era}-report`;
  const item = /第二十条第（(.+)）项/.exec(table.caption ?? '')?.[1];
  return `${era}-${item ? `art20-${parseChineseNumber(item)}` : `table${table.part}`}`;
}

/**
 * The name a snippet is listed under, beside its prefix: 2021年版表三：收到和处理政府信息公开申请情况
 * for the numbered tables, 2021年版第二十条第（一）项表 for the captioned ones.
 */
export function snippetName(format: FormatDefinition, table?: TableDefinition): string {
  const era = `${format.id}年版`;
  if (!table) return `${era}年度报告全文框架`;
  return table.caption ? `${era}${table.caption}表` : `${era}表${formatChineseNumber(table.part)}：${table.name}`;
}

/**
 * What inserting the table gives: a captioned table's rows and columns by name (it has a few), a
 * numbered table's size.
 */
function tableContents(table: TableDefinition): string {
  if (!table.caption) return `${table.rows.length} 行 × ${table.columns.length} 列`;
  return `行：${table.rows.map((r) => r.label).join('、')}；列：${table.columns.map((c) => c.label).join('、')}`;
}

/** Number cells become tab stops with 0 as their placeholder. */
function tabStops(first = 1): TemplateOptions['number'] {
  let next = first;
  return () => `\${${next++}:0}`;
}

function assertPlain(lines: string[]): string[] {
  for (const line of lines.map((l) => l.replace(/\$\{\d+:[^}]*\}/g, ''))) {
    if (/[$}\\]/.test(line)) throw new Error(`template text needs snippet escaping: ${line}`);
  }
  return lines;
}

export function tableSnippet(format: FormatDefinition, table: TableDefinition, syntax: TemplateOptions['syntax']): Snippet {
  return {
    prefix: snippetPrefix(format, table),
    body: assertPlain(renderTable(table, { syntax, number: tabStops() })),
    description: `插入${snippetName(format, table)}（${tableContents(table)}）`,
  };
}

export function reportSnippet(format: FormatDefinition, syntax: TemplateOptions['syntax']): Snippet {
  return {
    prefix: snippetPrefix(format),
    body: assertPlain(renderReport(format, { syntax, organ: '${1:某某县人民政府}', year: `\${2:${format.years.from}}`, number: tabStops(3) })),
    description: `插入${snippetName(format)}：标题、导语、${formatChineseNumber(format.parts.length)}个部分和 ${format.tables.length} 张法定表格`,
  };
}

/** The inline suppression comments, with the rule codes to choose from. */
function suppressionSnippets(): Snippet[] {
  const codes = `\${1|${rules.map((r) => r.code).join(',')}|}`;
  return [
    {
      prefix: 'gr-disable-next-line',
      body: [`<!-- govreport-disable-next-line ${codes} -->`],
      description: '停用下一行的某条检查 / Disable a rule for the next line',
    },
    { prefix: 'gr-disable-line', body: [`<!-- govreport-disable-line ${codes} -->`], description: '停用本行的某条检查 / Disable a rule for this line' },
    {
      prefix: 'gr-disable',
      body: [`<!-- govreport-disable ${codes} -->`, '$0', '<!-- govreport-enable $1 -->'],
      description: '停用一段范围内的某条检查 / Disable a rule for a range',
    },
    {
      prefix: 'gr-disable-file',
      body: [`<!-- govreport-disable-file ${codes} -->`],
      description: '停用整个文件的某条检查 / Disable a rule for the whole file',
    },
  ];
}

/** Every snippet for one syntax, keyed by the name VS Code lists it under, in a stable order. */
export function snippets(syntax: TemplateOptions['syntax']): Record<string, Snippet> {
  const result: Record<string, Snippet> = {};
  for (const snippet of suppressionSnippets()) result[snippet.description] = snippet;
  for (const id of SNIPPET_FORMATS) {
    const format = formatById(id);
    result[snippetName(format)] = reportSnippet(format, syntax);
    for (const table of format.tables) result[snippetName(format, table)] = tableSnippet(format, table, syntax);
  }
  return result;
}

/** The snippet files as checked in under snippets/: tab-separated for reports, pipe tables for Markdown. */
export function snippetFiles(): Record<string, string> {
  return {
    'govreport.code-snippets': JSON.stringify(snippets('tsv'), null, 2) + '\n',
    'markdown.code-snippets': JSON.stringify(snippets('pipe'), null, 2) + '\n',
  };
}
