/**
 * bind: decide which statutory format the report follows and match every table to its
 * statutory definition — rows by label in context, cells by column. Numbers are the trailing
 * cells of a row; merged-cell debris before them is skipped, missing cells are kept as missing.
 */
import {
  formatById,
  formatForYear,
  formats,
  siblingFormats,
  type ColumnDefinition,
  type FormatDefinition,
  type FormatId,
  type PartDefinition,
  type RowDefinition,
  type TableDefinition,
} from '../formats';
import { formatKeys, tableKeys, type TableKeys } from './definition-keys';
import { bigrams, bigramSimilarity, labelSegments, normalizeText } from './labels';
import type { Cell, Range, Report, Section, Table, TableRow } from './types';
import { BLANK, parseCellValue, type CellValue } from './values';

export interface Era {
  format: FormatDefinition;
  /** What decided the format: the title's year, the stated statistical period, the tables' shape, or nothing (assumed). */
  source: 'title' | 'period' | 'tables' | 'assumed';
  year?: number;
}

export interface BoundCell {
  column: ColumnDefinition;
  /** Undefined when the row has fewer cells than the format has columns. */
  cell?: Cell;
  value: CellValue;
  /** The cell's text range, or the end of the row for a missing cell. */
  range: Range;
}

export interface BoundRow {
  definition: RowDefinition;
  row: TableRow;
  labelRange: Range;
  /** The label cell that names the row (the last one, after any group label). */
  labelCell?: Cell;
  /** How the label matched: as written, as part of a longer or shorter text, or as a near miss. */
  /** `former`: a label the statute has replaced (see `formerLabels`). */
  match: 'exact' | 'former' | 'contained' | 'fuzzy';
  /** Bound cells by column id (value columns only). */
  cells: Map<string, BoundCell>;
}

export interface BoundTable {
  table: Table;
  definition: TableDefinition;
  /** The first row bound to each statutory row, by row id. */
  rows: Map<string, BoundRow>;
  /** Rows holding numbers that match no statutory row of the table, with the row of the other era's table they match, if any. */
  unboundRows: UnboundRow[];
  /** Statutory rows recognised by their label whose numbers could not be assigned to columns: their cells are not bound, and table.unread says so. */
  unreadRows: UnreadRow[];
  /** Units the table's header declares, by column id: 采购总金额（单位：万元，保留4位小数）. */
  units: Map<string, DeclaredUnit>;
}

export interface UnboundRow {
  row: TableRow;
  label: Cell[];
  /** The row is a row of the same table in the other format of the 2019 regulation (（六）1.–3. in a 2019 report). */
  otherEra?: { format: FormatDefinition; row: RowDefinition };
}

export interface UnreadRow {
  row: TableRow;
  definition: RowDefinition;
  /** `cell-count`: more or fewer numbers than the table has columns, with nothing to tell which column each is (blank cells lost in extraction). */
  reason: 'cell-count';
}

export interface DeclaredUnit {
  unit: string;
  /** Decimal places the header asks for (保留4位小数). */
  decimals?: number;
  /** The header cell that declares it; undefined when only the format declares it. */
  range?: Range;
}

/** A numbered part of the report and the statutory part it fulfils, if any. */
export interface BoundPart {
  section: Section;
  definition?: PartDefinition;
}

/** A table that belongs to another era's format than the report's. */
export interface ForeignTable {
  table: Table;
  format: FormatDefinition;
  definition: TableDefinition;
}

export interface BoundReport {
  report: Report;
  era: Era;
  parts: BoundPart[];
  tables: BoundTable[];
  foreignTables: ForeignTable[];
}

export interface BindOptions {
  /** The format to assume when neither the title, the period nor the tables tell. */
  assumedFormat?: FormatId;
}

export function bind(report: Report, options: BindOptions = {}): BoundReport {
  const era = decideEra(report, options.assumedFormat ?? '2021');
  const tables: BoundTable[] = [];
  const foreignTables: ForeignTable[] = [];
  for (const table of report.tables) {
    let text: string | undefined;
    const header = () => (text ??= tableText(table));
    const definition = identifyTable(table, header, era.format);
    if (definition) {
      tables.push(bindTable(table, definition, otherEras(era.format, definition.id)));
      continue;
    }
    for (const format of formats) {
      const foreign = format !== era.format && table.caption ? identifyTable(table, header, format) : undefined;
      if (foreign) {
        foreignTables.push({ table, format, definition: foreign });
        break;
      }
    }
  }
  return { report, era, parts: bindParts(report, era.format), tables, foreignTables };
}

// ---------------------------------------------------------------------------------------------
// Parts

/**
 * Matches each numbered part to the statutory part its title is about (by key words). Where a part
 * bears a statutory title word for word, other parts that merely share its key words are not it
 * (一、总体情况's sub-headings numbered like parts in a PDF extraction).
 */
function bindParts(report: Report, format: FormatDefinition): BoundPart[] {
  const parts: (BoundPart & { exact: boolean })[] = [];
  for (const node of report.outline) {
    if (node.type !== 'section' || node.kind !== 'part') continue;
    const title = labelSegments([node.name]).join('');
    const titles = formatKeys(format).partTitles;
    const exact = format.parts.find((p) => titles.get(p) === title);
    const candidates = format.parts.filter((p) => p.keywords.some((k) => title.includes(k)));
    parts.push({ section: node, definition: exact ?? candidates.find((p) => p.number === node.number) ?? candidates[0], exact: !!exact });
  }
  return parts.map(({ section, definition, exact }) => ({
    section,
    definition: !exact && parts.some((p) => p.exact && p.definition === definition) ? undefined : definition,
  }));
}

// ---------------------------------------------------------------------------------------------
// Era

function decideEra(report: Report, assumed: FormatId): Era {
  if (report.title?.year) return { format: formatForYear(report.title.year), source: 'title', year: report.title.year };
  if (report.period) return { format: formatForYear(report.period.year), source: 'period', year: report.period.year };
  const byShape = formatByTableShape(report);
  if (byShape) return { format: byShape, source: 'tables' };
  return { format: formatById(assumed), source: 'assumed' };
}

/** The format whose distinctive column headers and captions the tables use most. */
function formatByTableShape(report: Report): FormatDefinition | undefined {
  let best: FormatDefinition | undefined;
  let bestScore = 0;
  const texts = report.tables.map(tableText);
  for (const format of formats) {
    const words = formatKeys(format).distinctiveWords;
    let score = 0;
    for (const text of texts) for (const w of words) if (text.includes(w)) score++;
    if (score > bestScore) {
      best = format;
      bestScore = score;
    }
  }
  return best;
}

/** The caption and the first rows' cells: where a table's header words stand. */
function tableText(table: Table): string {
  let text = table.caption?.text ?? '';
  for (let r = 0; r < Math.min(4, table.rows.length); r++) for (const cell of table.rows[r].cells) text += ' ' + cell.text;
  return text;
}

// ---------------------------------------------------------------------------------------------
// Tables

/** The format's table that `table` is, by its caption, else by the header words in its `header` text (see `tableText`). */
function identifyTable(table: Table, header: () => string, format: FormatDefinition): TableDefinition | undefined {
  if (table.caption) {
    const caption = normalizeText(table.caption.text);
    const byCaption = format.tables.find((t) => tableKeys(t).caption === caption);
    if (byCaption) return byCaption;
  }
  const text = header();
  let best: TableDefinition | undefined;
  let bestHits = 0;
  for (const definition of format.tables) {
    const hits = definition.headerKeywords.filter((k) => text.includes(k)).length;
    if (hits > bestHits) {
      best = definition;
      bestHits = hits;
    }
  }
  return best;
}

/** The same table in the other format of the 2019 regulation (2019 ↔ 2021); the 2008 era has none. */
function otherEras(format: FormatDefinition, tableId: string): { format: FormatDefinition; table: TableDefinition }[] {
  const others: { format: FormatDefinition; table: TableDefinition }[] = [];
  for (const f of siblingFormats(format)) {
    const other = f.tables.find((t) => t.id === tableId);
    if (other) others.push({ format: f, table: other });
  }
  return others;
}

function bindTable(table: Table, definition: TableDefinition, others: { format: FormatDefinition; table: TableDefinition }[]): BoundTable {
  const bound: BoundTable = { table, definition, rows: new Map(), unboundRows: [], unreadRows: [], units: new Map() };
  const { valueColumns, columnLabels } = tableKeys(definition);
  const matcher = new RowMatcher(definition);
  /** A single-row table's row of nothing but blank cells, enough for every column (a blank template's): its row, unless a row of numbers comes. */
  let blankRow: TableRow | undefined;
  const grid = isFullGrid(table, valueColumns.length);
  for (const row of table.rows) {
    if (row.kind === 'rule') continue;
    const split = splitRow(row, valueColumns.length, definition.columns.length > valueColumns.length, grid);
    if (!split) {
      if (definition.layout === 'single-row' && row.cells.length >= valueColumns.length) blankRow ??= row;
      continue;
    }
    if (isHeaderRow(split, columnLabels)) {
      readDeclaredUnits(row, definition, bound.units);
      continue;
    }
    let match: RowMatch | undefined;
    if (definition.layout === 'single-row') {
      // The one row of numbers under a multi-line header: no label, at least one number.
      // A row of fewer cells is one block of a table split up in conversion: its columns are unknown.
      const numbers = split.values.some((v) => v?.kind === 'number');
      if (split.label.length === 0 && numbers && row.cells.length >= valueColumns.length - 1) match = { definition: definition.rows[0], kind: 'exact' };
    } else {
      match = matcher.match(labelSegments(split.label.map((c) => c.text)));
    }
    if (!match) {
      if (split.values.some((v) => v?.kind === 'number'))
        bound.unboundRows.push({ row, label: split.label, otherEra: matchOtherEra(others, definition, split.label) });
      continue;
    }
    // A space-aligned row with numbers but fewer of them than columns: which column each is, nothing tells.
    if (table.syntax === 'spaces' && split.cells.includes(undefined) && split.values.some((v) => v?.kind === 'number')) {
      bound.unreadRows.push({ row, definition: match.definition, reason: 'cell-count' });
      continue;
    }
    if (!bound.rows.has(match.definition.id)) bindRow(bound, row, split, match, valueColumns);
  }
  if (blankRow && bound.rows.size === 0) {
    const cells = blankRow.cells.slice(-valueColumns.length);
    bindRow(bound, blankRow, { label: [], cells, values: cells.map(() => BLANK) }, { definition: definition.rows[0], kind: 'exact' }, valueColumns);
  }
  for (const column of valueColumns) if (column.unit && !bound.units.has(column.id)) bound.units.set(column.id, { unit: column.unit });
  return bound;
}

function bindRow(bound: BoundTable, row: TableRow, split: SplitRow, match: RowMatch, valueColumns: readonly ColumnDefinition[]): void {
  const cells = new Map<string, BoundCell>();
  const first = split.label[0]?.range ?? row.range;
  const last = split.label[split.label.length - 1];
  // A cell the row lacks (merged away in conversion) stands where it would be: right after the label.
  const gap = last?.range.end ?? row.range.start;
  valueColumns.forEach((column, i) => {
    const cell = split.cells[i];
    cells.set(column.id, cell ? { column, cell, value: split.values[i]!, range: cell.range } : { column, value: BLANK, range: { start: gap, end: gap } });
  });
  bound.rows.set(match.definition.id, {
    definition: match.definition,
    row,
    labelRange: { start: first.start, end: (last?.range ?? row.range).end },
    labelCell: last,
    match: match.kind,
    cells,
  });
}

function matchOtherEra(others: { format: FormatDefinition; table: TableDefinition }[], definition: TableDefinition, label: Cell[]): UnboundRow['otherEra'] {
  for (const other of others) {
    const row = matchRowLabel(
      other.table,
      label.map((c) => c.text),
    );
    if (row && !definition.rows.some((r) => r.id === row.id)) return { format: other.format, row };
  }
  return undefined;
}

const DECLARED_UNIT = /单位[：:][ \u3000]*([^，,；;）)\s]+)/;
const DECLARED_DECIMALS = /保留[ \u3000]*(\d{1,2})[ \u3000]*位小数/;

/** Header cells that name a column and declare its unit: 本年收费金额（单位：万元）. */
function readDeclaredUnits(row: TableRow, definition: TableDefinition, units: Map<string, DeclaredUnit>): void {
  for (const cell of row.cells) {
    const unit = cell.text.includes('单位') ? DECLARED_UNIT.exec(cell.text) : null;
    if (!unit) continue;
    const text = normalizeText(cell.text);
    const column = definition.columns.find((c) => [c.label, ...c.aliases].some((l) => text.startsWith(normalizeText(l).replace(/（.*$/, ''))));
    if (!column) continue;
    const decimals = DECLARED_DECIMALS.exec(cell.text);
    units.set(column.id, { unit: unit[1], decimals: decimals ? Number(decimals[1]) : undefined, range: cell.range });
  }
}

interface SplitRow {
  /** Non-empty label cells. */
  label: Cell[];
  /** One entry per value column, right-aligned; undefined where the row has no cell for it. */
  cells: (Cell | undefined)[];
  /** The values of `cells`, entry for entry. */
  values: (CellValue | undefined)[];
}

/**
 * A table read from a document's grid (Word, PDF, HTML): every row as wide as the others, its numbers all
 * in the last `columns` cells, the last of which holds a number somewhere. Its trailing empty cells are
 * blank values, not tab debris; a label spanning two label columns leaves an empty cell before the values.
 */
function isFullGrid(table: Table, columns: number): boolean {
  const rows = table.rows.filter((r) => r.kind !== 'rule');
  const width = rows[0]?.cells.length ?? 0;
  if (width <= columns || rows.some((r) => r.cells.length !== width)) return false;
  const isNumber = (cell: Cell) => parseCellValue(cell.text).kind === 'number';
  return rows.every((r) => !r.cells.slice(0, width - columns).some(isNumber)) && rows.some((r) => isNumber(r.cells[width - 1]));
}

/**
 * Splits a row into its label cells and its value cells. The label runs to the last text cell
 * before the first number; the values are the trailing cells, right-aligned to the value columns
 * (extra leading cells are merged-cell debris; outside a full grid, trailing empty cells beyond the columns are tab debris).
 */
function splitRow(row: TableRow, columns: number, hasUnitColumn: boolean, grid: boolean): SplitRow | undefined {
  const all = row.cells;
  const parsed = all.map((c) => parseCellValue(c.text));
  const firstValue = parsed.findIndex((v) => v.kind === 'number' || v.kind === 'na');
  const searchEnd = firstValue < 0 ? parsed.length : firstValue;
  let labelEnd = -1;
  for (let i = 0; i < searchEnd; i++) if (parsed[i].kind === 'text') labelEnd = i;
  const label: Cell[] = [];
  for (let i = 0; i <= labelEnd; i++) if (parsed[i].kind !== 'blank') label.push(all[i]);
  // The 2008 统计表 has a 单位 column between the label and the value: 「收到申请数⇥件⇥0」.
  if (hasUnitColumn && label.length >= 2 && label[label.length - 1].text.length <= 4) label.pop();
  let from = labelEnd + 1;
  let to = all.length;
  while (!grid && to - from > columns && parsed[to - 1].kind === 'blank') to--;
  // Extra value cells: before the values of a row they are merged-cell debris; after the 统计数 of
  // a 2008 统计表 (which has a 单位 column) they are a local form's extra columns, such as 历年累计.
  if (to - from > columns) {
    if (hasUnitColumn) to = from + columns;
    else from = to - columns;
  }
  if (label.length === 0 && parsed.slice(from, to).every((v) => v.kind === 'blank')) return undefined;
  const cells: (Cell | undefined)[] = [];
  const values: (CellValue | undefined)[] = [];
  for (let missing = columns - (to - from); missing > 0; missing--) {
    cells.push(undefined);
    values.push(undefined);
  }
  for (let i = from; i < to; i++) {
    cells.push(all[i]);
    values.push(parsed[i]);
  }
  return { label, cells, values };
}

/** A header row names columns and holds no numbers: 「⇥自然人⇥法人或其他组织⇥…⇥总计」. */
function isHeaderRow(split: SplitRow, columnLabels: Set<string>): boolean {
  if (split.values.some((v) => v?.kind === 'number')) return false;
  return split.label.some((c) => columnLabels.has(normalizeText(c.text)));
}

/** The statutory row of `table` a label (its cells' texts) names, out of context. */
export function matchRowLabel(table: TableDefinition, labels: readonly string[]): RowDefinition | undefined {
  return new RowMatcher(table).match(labelSegments(labels))?.definition;
}

interface RowMatch {
  definition: RowDefinition;
  kind: BoundRow['match'];
}

const FUZZY_THRESHOLD = 0.7;
const MIN_CONTAINED = 3;

/**
 * Matches row labels to statutory rows. Labels repeat across groups (（二）被依法纠错数 under both
 * 行政复议 and 行政诉讼), so among equal candidates the one under the most recent group wins.
 */
class RowMatcher {
  readonly #keys: TableKeys;
  #context: RowDefinition | undefined;

  constructor(definition: TableDefinition) {
    this.#keys = tableKeys(definition);
  }

  match(segments: string[]): RowMatch | undefined {
    const item = segments[segments.length - 1];
    if (!item) return undefined;
    for (const group of segments.slice(0, -1)) {
      const g = this.#best(this.#keys.rowsByKey.get(group));
      if (g) this.#context = g;
    }
    const exact = this.#best(this.#keys.rowsByKey.get(item));
    const contained = exact ? undefined : this.#contained(item);
    const fuzzy = exact || contained ? undefined : this.#fuzzy(item);
    const found: RowMatch | undefined = exact
      ? { definition: exact, kind: this.#keys.formerKeys.has(item) ? 'former' : 'exact' }
      : contained
        ? { definition: contained, kind: 'contained' }
        : fuzzy
          ? { definition: fuzzy, kind: 'fuzzy' }
          : undefined;
    if (found) this.#context = found.definition;
    return found;
  }

  #best(candidates: RowDefinition[] | undefined): RowDefinition | undefined {
    if (!candidates || candidates.length <= 1) return candidates?.[0];
    const ancestors = new Set<string>();
    for (let r = this.#context; r; r = r.parent ? this.#keys.rowsById.get(r.parent) : undefined) ancestors.add(r.id);
    return candidates.find((c) => c.parent && ancestors.has(c.parent)) ?? candidates[0];
  }

  #contained(item: string): RowDefinition | undefined {
    if (item.length < MIN_CONTAINED) return undefined;
    let best: { definition: RowDefinition; length: number } | undefined;
    for (const r of this.#keys.rows) {
      for (const key of r.keys) {
        // A longer label holds the statutory words; a shorter one is the start or end of a label split across lines.
        if (key.length < MIN_CONTAINED || !(item.includes(key) || key.startsWith(item) || key.endsWith(item))) continue;
        const length = Math.min(key.length, item.length);
        if (!best || length > best.length) best = { definition: r.definition, length };
      }
    }
    return best?.definition;
  }

  #fuzzy(item: string): RowDefinition | undefined {
    let best: { definition: RowDefinition; score: number } | undefined;
    let itemBigrams: number[] | undefined;
    for (const r of this.#keys.rows) {
      for (const [k, key] of r.keys.entries()) {
        if (!couldBeSimilar(item, key)) continue;
        const score = bigramSimilarity((itemBigrams ??= bigrams(item)), r.keyBigrams[k]);
        if (score >= FUZZY_THRESHOLD && (!best || score > best.score)) best = { definition: r.definition, score };
      }
    }
    return best?.definition;
  }
}

/** Whether two lengths allow a bigram similarity of FUZZY_THRESHOLD: at most min − 1 bigrams can be shared. */
function couldBeSimilar(a: string, b: string): boolean {
  return 2 * (Math.min(a.length, b.length) - 1) >= FUZZY_THRESHOLD * (a.length + b.length - 2);
}
