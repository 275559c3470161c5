/**
 * The official template of a statutory table, derived from its format definition: the header rows
 * with their merged cells (column groups, the 勾稽 note over the label columns), the label columns
 * with heading rows spanning their items, the rows in statutory order. Nothing of a report is in it:
 * the published layout fills its value cells, the text templates fill them with blanks or tab stops.
 */
import { tableKeys } from '../engine/definition-keys';
import type { ColumnDefinition, RowDefinition, TableDefinition } from '../formats';

/** A cell of the template's grid. */
export interface TemplateCell {
  text: string;
  /** Rows and columns the cell spans (1 for an ordinary cell). Cells covered by a span are left out of their row, as in HTML. */
  rowSpan: number;
  colSpan: number;
  /** A header cell (column headings, the 勾稽 note) rather than a label or a value. */
  header: boolean;
  /** Numbers are centred, labels and headings left-aligned as in the official template. */
  align: 'left' | 'center';
}

export interface StatutoryTable {
  /** Header rows first, then the body, in statutory order. */
  rows: TemplateCell[][];
  headerRows: number;
  columns: number;
  /** Columns left of the values that hold row labels (0 for a single-row table). */
  labelColumns: number;
  /** Each statutory row's label cell (a heading row's spans its items); none in a single-row table. */
  labels: Map<string, TemplateCell>;
  /** The cells right of the label of each statutory row that has a row of its own, by column id (the 单位 column's too). */
  values: Map<string, Map<string, TemplateCell>>;
}

export function templateCell(text: string, options: Partial<Omit<TemplateCell, 'text'>> = {}): TemplateCell {
  return { text, rowSpan: 1, colSpan: 1, header: false, align: 'left', ...options };
}

/** Which statutory rows a report wrote, for a grid of the report as written rather than the whole template. */
export interface WrittenRows {
  /** The rows written; a heading row spanning its items is kept as well when one of them is. */
  rows: ReadonlySet<string>;
  /** The rows written with numbers: a heading row among them (三、本年度办理结果 0 0 …) gets value cells on a row of its own. */
  withValues: ReadonlySet<string>;
}

/**
 * The statutory table's empty grid: every label and header as the template prints it, every value cell
 * blank; with `written`, only the rows the report wrote (a published report shows no row its writer left out).
 */
export function statutoryTable(definition: TableDefinition, written?: WrittenRows): StatutoryTable {
  const { rowsById, children: allChildren } = tableKeys(definition);
  const header = columnHeader(definition.columns);
  const labels = new Map<string, TemplateCell>();
  const values = new Map<string, Map<string, TemplateCell>>();
  const valueCells = (row: RowDefinition): TemplateCell[] => {
    const cells = new Map<string, TemplateCell>();
    values.set(row.id, cells);
    return definition.columns.map((column) => {
      const cell = templateCell(column.kind === 'text' ? unitText(row) : '', { align: 'center' });
      cells.set(column.id, cell);
      return cell;
    });
  };

  if (definition.layout === 'single-row') {
    const row = definition.rows[0];
    const body = !written || written.rows.has(row.id) ? [valueCells(row)] : [];
    return { rows: [...header, ...body], headerRows: header.length, columns: definition.columns.length, labelColumns: 0, labels, values };
  }

  // Heading rows span their items in a label column of their own where only heading rows have items
  // (table 三); where a row of numbers has items (the 2008 统计表's 其中 rows), every row stands alone.
  const spanning = definition.rows.every((r) => !allChildren.has(r.id) || !r.values) && allChildren.size > 0;
  const depth = (row: RowDefinition): number => (row.parent && rowsById.has(row.parent) ? 1 + depth(rowsById.get(row.parent)!) : 0);
  const labelColumns = spanning ? 1 + Math.max(...definition.rows.map(depth)) : 1;
  // A heading row spanning its items is kept for them; where every row stands alone, only the rows written are.
  const kept = (row: RowDefinition): boolean => !written || written.rows.has(row.id) || (spanning && (allChildren.get(row.id) ?? []).some(kept));
  const children = new Map([...allChildren].map(([id, rows]) => [id, rows.filter(kept)] as const).filter(([, rows]) => rows.length > 0));
  const ownRow = (row: RowDefinition) => !spanning || row.values || !children.has(row.id);
  const rowsUnder = (row: RowDefinition): RowDefinition[] => (children.get(row.id) ?? []).flatMap((c) => (ownRow(c) ? [c] : rowsUnder(c)));

  const corner = templateCell(cornerLabel(definition), {
    rowSpan: header.length,
    colSpan: labelColumns,
    header: true,
    align: definition.note ? 'left' : 'center',
  });
  const rows = header.map((cells, i) => (i === 0 ? [corner, ...cells] : cells));
  /** Heading rows waiting for the first row under them, where their spanning label stands. */
  let pending: TemplateCell[] = [];
  for (const row of definition.rows.filter(kept)) {
    const level = spanning ? depth(row) : 0;
    if (!ownRow(row)) {
      const numbers = written?.withValues.has(row.id) ?? false;
      const label = templateCell(row.label, { rowSpan: rowsUnder(row).length + (numbers ? 1 : 0) });
      labels.set(row.id, label);
      pending.push(label);
      if (!numbers) continue;
      // Its numbers stand on a row of its own above its items, the label columns of the items left blank.
      const blank = labelColumns - level - 1;
      rows.push([...pending, ...(blank > 0 ? [templateCell('', { colSpan: blank })] : []), ...valueCells(row)]);
      pending = [];
      continue;
    }
    const label = templateCell(row.label, { colSpan: labelColumns - level });
    labels.set(row.id, label);
    rows.push([...pending, label, ...valueCells(row)]);
    pending = [];
  }
  return { rows, headerRows: header.length, columns: labelColumns + definition.columns.length, labelColumns, labels, values };
}

/**
 * The column headings: a group over its columns (行政诉讼 › 未经复议直接起诉 › 结果维持, groups
 * written as `·` paths), a column's own label reaching down to the last header row.
 */
function columnHeader(columns: readonly ColumnDefinition[]): TemplateCell[][] {
  const paths = columns.map((c) => [...(c.group?.split('·') ?? []), c.label]);
  return headerLevels(paths).map((level) =>
    level.map((cell) => templateCell(cell.label, { colSpan: cell.colSpan, rowSpan: cell.rowSpan, header: true, align: 'center' })),
  );
}

/** The heading over a table's label column: its printed note (table 三's 勾稽关系), 信息内容 for a 第二十条 table, 统计指标 for the 2008 统计表. */
function cornerLabel(table: TableDefinition): string {
  return table.note ?? (table.caption ? '信息内容' : '统计指标');
}

/** What a template writes in a 单位 column: the row's unit, —— for a heading row without one. */
function unitText(row: RowDefinition): string {
  return row.unit ?? '——';
}

/** Where each cell of a grid with merged cells stands: its row and first column, the places cells from above cover skipped. */
export function placeCells<C extends Pick<TemplateCell, 'rowSpan' | 'colSpan'>>(
  rows: readonly (readonly C[])[],
  columns: number,
): { cell: C; row: number; column: number }[] {
  /** For each column, how many more rows a cell from above covers it. */
  const covered = new Array<number>(columns).fill(0);
  const placed: { cell: C; row: number; column: number }[] = [];
  rows.forEach((cells, row) => {
    let column = 0;
    for (const cell of cells) {
      while (column < columns && covered[column] > 0) column++;
      placed.push({ cell, row, column });
      for (let c = column; c < column + cell.colSpan && c < columns; c++) covered[c] = cell.rowSpan;
      column += cell.colSpan;
    }
    for (let c = 0; c < columns; c++) if (covered[c] > 0) covered[c]--;
  });
  return placed;
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
