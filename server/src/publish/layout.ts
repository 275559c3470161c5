/**
 * layoutReport: a bound report as it will be published. A line of text is a paragraph (reports are
 * written a paragraph a line, as the readers write what they read), a numbered heading is a heading
 * at its numbering's level, a statutory table is its official template filled with the report's
 * cells, any other table is its rows of cells. Findings become marks on the node they start in.
 */
import type { BoundReport, BoundTable } from '../engine/bind';
import type { TableDefinition } from '../formats';
import { scanLine } from '../engine/scan';
import type { OutlineNode, Position, Range, Section, Table, TableRow } from '../engine/types';
import { parseCellValue } from '../engine/values';
import type { Finding } from '../rules/types';
import type { LayoutBlock, LayoutCell, LayoutTable, Mark, PublishedReport } from './model';
import { statutoryTable, templateCell, type TemplateCell } from '../template/statutory-table';

export function layoutReport(bound: BoundReport, findings: readonly Finding[]): PublishedReport {
  const { report } = bound;
  const title = report.title && { text: stripEmphasis(report.title.text), range: report.title.range, marks: [] as Mark[] };
  const headings = new Map<number, Section>();
  collectSections(report.outline, headings);
  const tables = new Map<number, Table>(report.tables.map((t) => [t.range.start.line, t]));
  const boundTables = new Map<Table, BoundTable>(bound.tables.map((t) => [t.table, t]));

  const blocks: LayoutBlock[] = [];
  for (let line = 0; line < report.lineCount; line++) {
    if (report.title && line >= report.title.range.start.line && line <= report.title.range.end.line) continue;
    const table = tables.get(line);
    if (table) {
      const boundTable = boundTables.get(table);
      // A table none of whose rows is a statutory row (table 四 written as three tables of five columns) stays as written.
      const statutory = boundTable && boundTable.rows.size > 0;
      blocks.push({ kind: 'table', table: statutory ? layoutStatutoryTable(boundTable) : layoutPlainTable(table) });
      line = table.range.end.line;
      continue;
    }
    const text = report.lines[line];
    const section = headings.get(line);
    if (section) blocks.push(...layoutHeading(section, text));
    else {
      const paragraph = layoutParagraph(text, line);
      if (paragraph) blocks.push(paragraph);
    }
  }
  const published: PublishedReport = { format: bound.era.format.id, title, blocks, errors: findings.filter((f) => f.severity === 'error').length };
  placeMarks(published, findings);
  return published;
}

function collectSections(nodes: readonly OutlineNode[], into: Map<number, Section>): void {
  for (const node of nodes) {
    if (node.type !== 'section') continue;
    into.set(node.selectionRange.start.line, node);
    collectSections(node.children, into);
  }
}

// ---------------------------------------------------------------------------------------------
// Text

/** Ends the name of an inline heading: 「（一）强化工作部署。正文…」. */
const TERMINATOR = /^[。；;！？：:]/;

/** A heading and, for an inline heading, the paragraph that follows it on its line. */
function layoutHeading(section: Section, text: string): LayoutBlock[] {
  const { start, end } = section.selectionRange;
  let nameEnd = end.character;
  const rest = text.slice(nameEnd).replace(/^(?:\*\*|__)/, '');
  const terminator = TERMINATOR.exec(rest);
  if (terminator) nameEnd = text.indexOf(terminator[0], nameEnd) + 1;
  const heading: LayoutBlock = {
    kind: 'heading',
    level: section.level || 1,
    text: stripEmphasis(text.slice(start.character, nameEnd)),
    range: { start, end: { line: start.line, character: nameEnd } },
    marks: [],
  };
  const body = layoutParagraph(text, start.line, nameEnd);
  return body ? [heading, body] : [heading];
}

/** The line's text from `from` as a paragraph, Markdown heading and emphasis markers left out; none for a blank line. */
function layoutParagraph(text: string, line: number, from = 0): LayoutBlock | undefined {
  const scanned = scanLine(from === 0 ? text : ' '.repeat(from) + text.slice(from), line);
  switch (scanned.kind) {
    case 'blank':
      return undefined;
    case 'row': {
      // A lone line with a stray tab: prose.
      const cells = scanned.cells.filter((c) => c.text !== '');
      if (cells.length === 0) return undefined;
      const range = { start: cells[0].range.start, end: cells[cells.length - 1].range.end };
      return { kind: 'paragraph', text: stripEmphasis(cells.map((c) => c.text).join(' ')), range, marks: [] };
    }
    case 'heading':
    case 'appendix':
      return paragraph(text, scanned.nameRange.start.character, line);
    default:
      return { kind: 'paragraph', text: stripEmphasis(scanned.kind === 'text' ? scanned.content : scanned.text), range: scanned.range, marks: [] };
  }
}

/** A numbered line that is not a heading (一、 out of sequence), from where its text starts. */
function paragraph(text: string, from: number, line: number): LayoutBlock {
  let end = text.length;
  while (end > from && /[\s\u3000#*]/.test(text[end - 1])) end--;
  return {
    kind: 'paragraph',
    text: stripEmphasis(text.slice(from, end)),
    range: { start: { line, character: from }, end: { line, character: end } },
    marks: [],
  };
}

function stripEmphasis(text: string): string {
  return text.replace(/\*\*/g, '').trim();
}

// ---------------------------------------------------------------------------------------------
// Tables

/** The official template filled with the report's cells; rows the statute lacks follow its rows, as written. */
function layoutStatutoryTable(bound: BoundTable): LayoutTable {
  const { definition, table } = bound;
  const withValues = [...bound.rows].filter(([, row]) => [...row.cells.values()].some((c) => c.cell && isValueCell(c.cell))).map(([id]) => id);
  const grid = statutoryTable(definition, { rows: new Set(bound.rows.keys()), withValues: new Set(withValues) });
  // The template's own cells take the marks: its labels and values maps still lead to them as they are filled.
  const rows: LayoutCell[][] = grid.rows.map((row) => row.map((cell) => Object.assign(cell, { marks: [] })));
  for (const [id, row] of bound.rows) {
    const label = grid.labels.get(id);
    // The label as written, unless it only holds or is part of the statutory one (a label split over lines, a row of two labels).
    if (label && row.labelCell)
      Object.assign(label, { text: row.match === 'contained' ? label.text : stripEmphasis(row.labelCell.text), range: row.labelCell.range });
    const cells = grid.values.get(id);
    const unitColumn = definition.columns.find((c) => c.kind === 'text');
    const unit = unitColumn && cells?.get(unitColumn.id);
    // The 单位 as written: the cell after the label (bind reads it as the value when it is the row's only cell).
    const afterLabel = row.labelCell && row.row.cells[row.labelCell.index + 1];
    if (unit) Object.assign(unit, { text: afterLabel?.text ?? '', range: afterLabel?.range });
    for (const [column, boundCell] of row.cells) {
      const cell = cells?.get(column);
      const inUnit = unit && boundCell.cell && boundCell.cell === afterLabel;
      if (cell) Object.assign(cell, inUnit ? { text: '', range: undefined } : { text: boundCell.cell?.text ?? '', range: boundCell.range });
    }
  }
  // A heading row's numbers (（三）不予公开 written with numbers) have no place in the template: they follow it, as the rows it lacks.
  const placed = new Set<TableRow>([...bound.rows].filter(([id]) => grid.values.has(id)).map(([, r]) => r.row));
  for (const row of table.rows) {
    if (row.kind === 'cells' && !placed.has(row) && row.cells.some(isValueCell)) rows.push(extraRow(row, grid.labelColumns, definition));
  }
  return {
    definition: definition.id,
    name: definition.name,
    caption: table.caption?.text ?? definition.caption,
    rows,
    headerRows: grid.headerRows,
    columns: grid.columns,
    range: table.range,
  };
}

function isValueCell(cell: { text: string }): boolean {
  const kind = parseCellValue(cell.text).kind;
  return kind === 'number' || kind === 'na';
}

/**
 * A row of numbers that is no statutory row of the table (or repeats one): its label across the label
 * columns, its cells aligned to the columns as bind aligns them — to the right, extra leading cells
 * being merged-cell debris; after the 2008 统计表's 单位 (a short cell after the label), to the left,
 * extra trailing cells being a local form's columns such as 历年累计.
 */
function extraRow(row: TableRow, labelColumns: number, definition: TableDefinition): LayoutCell[] {
  const firstValue = row.cells.findIndex(isValueCell);
  const label = labelColumns > 0 ? row.cells.slice(0, firstValue).filter((c) => c.text !== '') : [];
  const unitColumn = definition.columns.some((c) => c.kind === 'text');
  const unit = unitColumn && label.length >= 2 && label[label.length - 1].text.length <= 4 ? label.pop() : undefined;
  const columns = definition.columns.length;
  const after = row.cells.slice(label.length ? label[label.length - 1].index + 1 : 0);
  const written = unitColumn ? after.slice(0, columns) : trimEmptyCells(after).slice(-columns);
  const blank = () => layoutCell('', { align: 'center' });
  // A row without a 单位 cell leaves the 单位 column empty.
  const cells = [
    ...(unitColumn && !unit ? [blank()] : []),
    ...written.map((c): LayoutCell => ({ ...layoutCell(c.text, { align: 'center' }), range: c.range })),
  ].slice(0, columns);
  const padding = Array.from({ length: columns - cells.length }, blank);
  const values = unitColumn ? [...cells, ...padding] : [...padding, ...cells];
  if (labelColumns === 0) return values;
  const labelCell = layoutCell(label.map((c) => stripEmphasis(c.text)).join(' '), { colSpan: labelColumns });
  if (label.length) labelCell.range = { start: label[0].range.start, end: label[label.length - 1].range.end };
  return [labelCell, ...values];
}

/** A table of no statutory format: its rows of cells as written, the first row its header. */
function layoutPlainTable(table: Table): LayoutTable {
  const rows = table.rows.filter((r) => r.kind !== 'rule').map((r) => trimEmptyCells(r.cells));
  const columns = Math.max(1, ...rows.map((cells) => cells.length));
  const grid = rows.map((cells, r) =>
    cells.map((c, i): LayoutCell => ({
      ...layoutCell(stripEmphasis(c.text), {
        header: r === 0,
        align: r === 0 || isValueCell(c) ? 'center' : 'left',
        // The last cell of a short row fills the rest of the row.
        colSpan: i === cells.length - 1 ? columns - i : 1,
      }),
      range: c.range,
    })),
  );
  return { name: table.name, caption: table.caption?.text, rows: grid, headerRows: 1, columns, range: table.range };
}

function layoutCell(text: string, options?: Partial<Omit<TemplateCell, 'text'>>): LayoutCell {
  return { ...templateCell(text, options), marks: [] };
}

function trimEmptyCells<T extends { text: string }>(cells: readonly T[]): T[] {
  let end = cells.length;
  while (end > 1 && cells[end - 1].text === '') end--;
  return cells.slice(0, end);
}

// ---------------------------------------------------------------------------------------------
// Marks

interface Target {
  range: Range;
  marks: Mark[];
  /** Cells before headings and the title before paragraphs, where ranges overlap. */
  rank: number;
}

/**
 * Each finding marks the node its start stands in: a cell, a heading, the title, a paragraph; in a
 * table but on no cell (a header the template prints), the table's first cell; on no node at all (a
 * blank line), the nearest node before it.
 */
function placeMarks(published: PublishedReport, findings: readonly Finding[]): void {
  /** The targets on each line, so that a long report's findings are placed without searching it all. */
  const byLine = new Map<number, Target[]>();
  const add = (target: Target) => {
    for (let line = target.range.start.line; line <= target.range.end.line; line++) {
      const targets = byLine.get(line);
      if (targets) targets.push(target);
      else byLine.set(line, [target]);
    }
  };
  const tables: { range: Range; first: LayoutCell }[] = [];
  if (published.title) add({ ...published.title, rank: 2 });
  for (const block of published.blocks) {
    if (block.kind === 'table') {
      const { table } = block;
      tables.push({ range: table.range, first: table.rows[0][0] });
      for (const row of table.rows) for (const cell of row) if (cell.range) add({ range: cell.range, marks: cell.marks, rank: 0 });
    } else add({ range: block.range, marks: block.marks, rank: block.kind === 'heading' ? 1 : 3 });
  }
  for (const finding of findings) {
    const at = finding.range.start;
    const mark: Mark = { code: finding.code, severity: finding.severity, message: finding.message };
    const here = (byLine.get(at.line) ?? []).filter((t) => contains(t.range, at)).sort((a, b) => a.rank - b.rank)[0];
    const target = here ?? tables.find((t) => contains(t.range, at))?.first ?? nearestBefore(byLine, at) ?? byLine.values().next().value?.[0];
    target?.marks.push(mark);
  }
}

function nearestBefore(byLine: ReadonlyMap<number, readonly Target[]>, at: Position): Target | undefined {
  for (let line = at.line; line >= 0; line--) {
    let found: Target | undefined;
    for (const t of byLine.get(line) ?? []) if (compare(t.range.start, at) <= 0 && (!found || compare(t.range.start, found.range.start) >= 0)) found = t;
    if (found) return found;
  }
  return undefined;
}

function contains(range: Range, at: Position): boolean {
  return compare(range.start, at) <= 0 && compare(at, range.end) <= 0;
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
