/**
 * The statutory definitions in the forms a report is compared in — normalized labels, match keys,
 * rows by key and by parent — computed once per definition: definitions never change, and a
 * check otherwise re-derives them for every table of every report.
 */
import { formats, type ColumnDefinition, type FormatDefinition, type PartDefinition, type RowDefinition, type TableDefinition } from '../formats';
import { bigrams, labelKey, normalizeText } from './labels';

interface KeyedRow {
  definition: RowDefinition;
  /** The match keys of its label, aliases and former labels (see `labelKey`). */
  keys: string[];
  /** Each key's bigrams, for near misses. */
  keyBigrams: number[][];
}

export interface TableKeys {
  valueColumns: ColumnDefinition[];
  /** The rows that carry numbers (not heading rows such as （三）不予公开). */
  valueRows: RowDefinition[];
  /** Every column label and alias, normalized: what a header row names. */
  columnLabels: Set<string>;
  caption?: string;
  rows: KeyedRow[];
  rowsByKey: Map<string, RowDefinition[]>;
  /** The keys of labels the statute has replaced (a row's `formerLabels`). */
  formerKeys: Set<string>;
  rowsById: Map<string, RowDefinition>;
  children: Map<string, RowDefinition[]>;
}

export interface FormatKeys {
  /** Normalized statutory part titles. */
  partTitles: Map<PartDefinition, string>;
  /** Captions and column labels of the format that no other format has. */
  distinctiveWords: string[];
}

const TABLE_KEYS = new WeakMap<TableDefinition, TableKeys>();
const FORMAT_KEYS = new WeakMap<FormatDefinition, FormatKeys>();

export function tableKeys(definition: TableDefinition): TableKeys {
  let keys = TABLE_KEYS.get(definition);
  if (!keys) {
    keys = deriveTableKeys(definition);
    TABLE_KEYS.set(definition, keys);
  }
  return keys;
}

export function formatKeys(format: FormatDefinition): FormatKeys {
  let keys = FORMAT_KEYS.get(format);
  if (!keys) {
    keys = { partTitles: new Map(format.parts.map((p) => [p, normalizeText(p.title)])), distinctiveWords: distinctiveWords(format) };
    FORMAT_KEYS.set(format, keys);
  }
  return keys;
}

function deriveTableKeys(definition: TableDefinition): TableKeys {
  const rows = definition.rows.map((r) => {
    const keys = [r.label, ...r.aliases, ...r.formerLabels].map(labelKey).filter((k) => k);
    return { definition: r, keys, keyBigrams: keys.map(bigrams) };
  });
  const rowsByKey = new Map<string, RowDefinition[]>();
  for (const row of rows) for (const key of new Set(row.keys)) rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), row.definition]);
  const children = new Map<string, RowDefinition[]>();
  for (const row of definition.rows) if (row.parent) children.set(row.parent, [...(children.get(row.parent) ?? []), row]);
  return {
    valueColumns: definition.columns.filter((c) => c.kind !== 'text'),
    valueRows: definition.rows.filter((r) => r.values),
    columnLabels: new Set(definition.columns.flatMap((c) => [c.label, ...c.aliases]).map(normalizeText)),
    caption: definition.caption === undefined ? undefined : normalizeText(definition.caption),
    rows,
    rowsByKey,
    formerKeys: new Set(definition.rows.flatMap((r) => r.formerLabels.map(labelKey))),
    rowsById: new Map(definition.rows.map((r) => [r.id, r])),
    children,
  };
}

function distinctiveWords(format: FormatDefinition): string[] {
  const own = (f: FormatDefinition) =>
    new Set(f.tables.flatMap((t) => [...(t.caption ? [t.caption] : []), ...t.columns.map((c) => c.label), ...t.headerKeywords]));
  const others = formats.filter((f) => f !== format).map(own);
  return [...own(format)].filter((w) => !others.some((o) => o.has(w)));
}
