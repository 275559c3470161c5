/**
 * A report's text as the HTML of a drafter's Word file: a centred title, indented paragraphs, bold
 * headings, and every table a real bordered table whose merged cells stand as they do in the
 * statutory forms (table 三's header, 三、本年度办理结果 and （三）不予公开 over their rows, table 四's
 * 行政复议 / 行政诉讼 header groups). LibreOffice turns it into the .docx, .doc and .pdf the readers are
 * tested on, so the columns are narrow on purpose: long labels and long numbers wrap inside their cells.
 */
import { bind, type BoundTable } from '../../server/src/engine/bind';
import { parseReport } from '../../server/src/engine/structure';
import type { OutlineNode, Table, TableRow } from '../../server/src/engine/types';
import { parseCellValue } from '../../server/src/engine/values';
import type { ColumnDefinition, RowDefinition, TableDefinition } from '../../server/src/formats';
import { headerLevels } from '../../server/src/template/statutory-table';

/**
 * Column widths in points, for 10.5 pt table text: a label wraps over two or three lines, a number
 * of 4 digits wraps in table 三 and 四 (22 pt) and of 5 digits in the other tables (26 pt).
 */
const WIDTH = { label: 48, item: 90, value: 22, plainLabel: 120, plainValue: 26 } as const;

export function reportToHtml(text: string): string {
  const bound = bind(parseReport(text));
  const { report } = bound;
  const tableAt = new Map<number, Table>();
  const tableLines = new Set<number>();
  for (const table of report.tables) {
    tableAt.set(table.range.start.line, table);
    for (let line = table.range.start.line; line <= table.range.end.line; line++) tableLines.add(line);
  }
  const headings = headingRanges(report.outline);
  const titleLines = report.title ? lineSpan(report.title.range.start.line, report.title.range.end.line) : [];
  const body: string[] = [];
  for (let line = 0; line < report.lineCount; line++) {
    const table = tableAt.get(line);
    const boundTable = table && bound.tables.find((t) => t.table === table);
    if (table) body.push(...tableHtml(table, boundTable));
    if (tableLines.has(line)) continue;
    const content = report.lines[line].trim();
    if (content === '') continue;
    if (titleLines.includes(line)) body.push(`<p align="center" style="text-align:center"><b><span style="font-size:18pt">${escape(content)}</span></b></p>`);
    else body.push(headingOrParagraph(report.lines[line], headings.get(line)));
  }
  const title = report.title?.text ?? '';
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><title>${escape(title)}</title></head>`,
    '<body style="font-family:\'Noto Serif CJK SC\';font-size:14pt">',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

interface HeadingPlace {
  level: number;
  /** Where the heading's words stand in its line. */
  start: number;
  end: number;
}

/** Each section heading's line, level and place in its line. */
function headingRanges(outline: OutlineNode[]): Map<number, HeadingPlace> {
  const headings = new Map<number, HeadingPlace>();
  const visit = (nodes: OutlineNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'section') continue;
      const { start, end } = node.selectionRange;
      if (start.line === end.line) headings.set(start.line, { level: node.level, start: start.character, end: end.character });
      visit(node.children);
    }
  };
  visit(outline);
  return headings;
}

/**
 * A part heading alone on its line is a heading; any other heading is bold in its paragraph, and an
 * inline one (（一）主动公开情况。主要通过…) only as far as its own words.
 */
function headingOrParagraph(line: string, heading: HeadingPlace | undefined): string {
  const content = line.trim();
  if (!heading) return `<p style="text-indent:2em">${escape(content)}</p>`;
  const before = line.slice(0, heading.start).trim();
  const words = line.slice(heading.start, heading.end);
  const after = line.slice(heading.end).trim();
  if (heading.level === 1 && before === '' && after === '') return `<h2><span style="font-size:14pt">${escape(words)}</span></h2>`;
  return `<p style="text-indent:2em">${escape(before)}<b>${escape(words)}</b>${escape(after)}</p>`;
}

function lineSpan(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

// ---------------------------------------------------------------------------------------------
// Tables

interface GridCell {
  text: string;
  colspan: number;
  rowspan: number;
  /** The statutory row a label cell stands for, so that the rows below can extend it. */
  rowId?: string;
}

interface Grid {
  /** Each column's width in points. */
  widths: number[];
  rows: GridCell[][];
}

function tableHtml(table: Table, bound: BoundTable | undefined): string[] {
  const rows = table.rows.filter((r) => r.kind !== 'rule');
  const statutory = bound && (bound.definition.layout === 'single-row' || hasNestedLabels(bound, rows));
  const grid = statutory ? statutoryGrid(bound, rows) : plainGrid(rows);
  const html: string[] = [];
  if (table.caption) html.push(`<p style="text-indent:2em"><b>${escape(table.caption.text)}</b></p>`);
  const width = grid.widths.reduce((a, b) => a + b, 0);
  html.push(`<table border="1" cellspacing="0" cellpadding="2" width="${pixels(width)}" style="border-collapse:collapse;width:${width}pt">`);
  html.push(`<colgroup>${grid.widths.map((w) => `<col width="${pixels(w)}">`).join('')}</colgroup>`);
  for (const row of grid.rows) html.push(`<tr>${row.map(cellHtml).join('')}</tr>`);
  html.push('</table>');
  return html;
}

/** CSS pixels for points (96 px to 72 pt). */
function pixels(points: number): number {
  return Math.round((points * 4) / 3);
}

function cellHtml(cell: GridCell): string {
  const spans = (cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '') + (cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '');
  return `<td${spans}><span style="font-size:10.5pt">${escape(cell.text)}</span></td>`;
}

/** A table as written: one cell per text cell, short rows filled out with blank cells. */
function plainGrid(rows: TableRow[]): Grid {
  const columns = Math.max(...rows.map((r) => r.cells.length));
  return {
    widths: Array.from({ length: columns }, (_, i) => (i === 0 ? WIDTH.plainLabel : WIDTH.plainValue)),
    rows: rows.map((row) => Array.from({ length: columns }, (_, i) => ({ text: row.cells[i]?.text ?? '', colspan: 1, rowspan: 1 }))),
  };
}

/**
 * Whether a row of the text names a group and an item in two label cells (三、本年度办理结果⇥（一）予以公开).
 * The 2008 统计表 is a flat list whose second text cell is the 单位 column.
 */
function hasNestedLabels(bound: BoundTable, rows: TableRow[]): boolean {
  const valueCount = valueColumns(bound.definition).length;
  if (valueCount < bound.definition.columns.length) return false;
  return rows.some((row) => labelCells(row, valueCount).length >= 2);
}

function valueColumns(definition: TableDefinition): ColumnDefinition[] {
  return definition.columns.filter((c) => c.kind !== 'text');
}

/** The row's non-blank cells before its value cells. */
function labelCells(row: TableRow, valueCount: number): string[] {
  const firstValue = row.cells.findIndex((c) => ['number', 'na'].includes(parseCellValue(c.text).kind));
  const end = firstValue >= 0 ? firstValue : Math.max(0, row.cells.length - valueCount);
  return row.cells
    .slice(0, end)
    .map((c) => c.text)
    .filter((t) => t !== '');
}

/**
 * The statutory form's grid: the header built from the definition's column groups, label columns
 * as deep as the row hierarchy, a group label merged down over the rows under it (anew where the
 * text writes it again, as after a page break), and each number in its statutory column.
 */
function statutoryGrid(bound: BoundTable, rows: TableRow[]): Grid {
  const { definition } = bound;
  const values = valueColumns(definition);
  const boundByLine = new Map([...bound.rows.values()].map((r) => [r.row.line, r]));
  const firstBody = rows.findIndex((r) => boundByLine.has(r.line) || r.cells.some((c) => parseCellValue(c.text).kind === 'number'));
  const header = rows.slice(0, Math.max(0, firstBody));
  const body = rows.slice(Math.max(0, firstBody));
  const rowsById = new Map(definition.rows.map((r) => [r.id, r]));
  const chains = body.map((row) => {
    const definitionRow = boundByLine.get(row.line)?.definition;
    const chain = definitionRow ? ancestry(definitionRow, rowsById) : [];
    const labels = labelCells(row, values.length);
    while (chain.length < labels.length) chain.unshift(`?${chain.length}`);
    return { row, chain, labels };
  });
  const labelColumns = definition.layout === 'single-row' ? 0 : Math.max(1, ...chains.map((c) => c.chain.length));
  const grid = headerGrid(definition, header, labelColumns);
  const open: (GridCell | undefined)[] = new Array(labelColumns).fill(undefined);
  for (const { row, chain, labels } of chains) {
    const cells: GridCell[] = [];
    const depth = chain.length;
    const written = (i: number) => labels[i - (depth - labels.length)];
    let fresh = false;
    for (let i = 0; i < depth - 1; i++) {
      const text = written(i);
      if (text === undefined && !fresh && open[i]?.rowId === chain[i]) {
        open[i]!.rowspan++;
        continue;
      }
      fresh = true;
      open[i] = { text: text ?? '', colspan: 1, rowspan: 1, rowId: chain[i] };
      cells.push(open[i]!);
    }
    if (labelColumns > 0) {
      cells.push({ text: written(depth - 1) ?? '', colspan: labelColumns - Math.max(0, depth - 1), rowspan: 1, rowId: chain[depth - 1] });
      open.fill(undefined, Math.max(0, depth - 1));
    }
    const boundRow = boundByLine.get(row.line);
    const trailing = row.cells.slice(-values.length);
    values.forEach((column, i) => {
      const text = boundRow ? (boundRow.cells.get(column.id)?.cell?.text ?? '') : (trailing[i - (values.length - trailing.length)]?.text ?? '');
      cells.push({ text, colspan: 1, rowspan: 1 });
    });
    grid.push(cells);
  }
  const labelWidths = Array.from({ length: labelColumns }, (_, i) => (i === labelColumns - 1 ? WIDTH.item : WIDTH.label));
  return { widths: [...labelWidths, ...values.map(() => WIDTH.value)], rows: grid };
}

/** The row's statutory ancestors and itself, outermost first: 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密. */
function ancestry(row: RowDefinition, rowsById: Map<string, RowDefinition>): string[] {
  const chain: string[] = [];
  for (let r: RowDefinition | undefined = row; r; r = r.parent ? rowsById.get(r.parent) : undefined) chain.unshift(r.id);
  return chain;
}

/**
 * The header rows: a tree of the value columns by their groups (行政诉讼 › 未经复议直接起诉 › 结果维持),
 * a group over its columns, a column's own label down to the last header row. A header row of one
 * cell above the groups (申请人情况) spans every value column; the note cell (勾稽关系) spans the
 * label columns and every header row. The texts are the text's own header cells, in reading order.
 */
function headerGrid(definition: TableDefinition, header: TableRow[], labelColumns: number): GridCell[][] {
  const texts = header.flatMap((row) => row.cells.map((c) => c.text).filter((t) => t !== ''));
  const firstRow = header[0]?.cells.filter((c) => c.text !== '') ?? [];
  const banner = firstRow.length === (labelColumns > 0 ? 2 : 1) ? firstRow[firstRow.length - 1].text : undefined;
  const paths = valueColumns(definition).map((c) => [...(c.group?.split('·') ?? []), c.label].filter((part, i) => !(i === 0 && part === banner)));
  const levels: GridCell[][] = headerLevels(paths).map((level) => level.map((c) => ({ text: c.label, colspan: c.colSpan, rowspan: c.rowSpan })));
  const rows = banner === undefined ? levels : [[{ text: banner, colspan: paths.length, rowspan: 1 }], ...levels];
  if (labelColumns > 0) rows[0].unshift({ text: '', colspan: labelColumns, rowspan: rows.length });
  const slots = rows.flat();
  if (slots.length !== texts.length)
    throw new Error(`table ${definition.id}: the text's header has ${texts.length} cells, the statutory header ${slots.length}: ${texts.join(' / ')}`);
  slots.forEach((cell, i) => (cell.text = texts[i]));
  return rows;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
