import data2008 from './data/2008.json';
import data2019 from './data/2019.json';
import data2021 from './data/2021.json';
import { formatSchema, type FormatDefinition } from './schema';

export type { FormatDefinition, PartDefinition, TableDefinition, RowDefinition, ColumnDefinition, RuleDefinition, Addend } from './schema';

/** Every statutory format, oldest first, validated when the module loads. */
export const formats: readonly FormatDefinition[] = [data2008, data2019, data2021].map((data) => formatSchema.parse(data));

export type FormatId = FormatDefinition['id'];

export function formatById(id: FormatId): FormatDefinition {
  return formats.find((f) => f.id === id)!;
}

/** The format that applies to a report year (the year reported on). */
export function formatForYear(year: number): FormatDefinition {
  return formats.find((f) => (f.years.from ?? -Infinity) <= year && year <= (f.years.to ?? Infinity)) ?? formats[formats.length - 1];
}

/**
 * The other format of the same regulation: 2019 ↔ 2021 (the 2019 条例's trial and revised formats),
 * whose tables a report may mix up; the 2008 era has none.
 */
export function siblingFormats(format: FormatDefinition): FormatDefinition[] {
  return format.id === '2008' ? [] : formats.filter((f) => f.id !== '2008' && f !== format);
}
