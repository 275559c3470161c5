/** A source place said in words, for messages: `第 3 页` / `page 3`, `第 2 个表格第 5 行` / `table 2, row 5`. */
import type { Locale } from '../rules/types';
import type { SourcePlace } from './model';

export function describePlace(place: SourcePlace, locale: Locale): string {
  const zh = locale === 'zh-cn';
  const inTable = 'table' in place && place.table !== undefined ? tablePart(place.table, 'row' in place ? place.row : undefined, zh) : undefined;
  switch (place.kind) {
    case 'pdf':
      return zh ? `第 ${place.page} 页` : `page ${place.page}`;
    case 'docx':
    case 'doc':
      return inTable ?? (zh ? `第 ${place.paragraph} 段` : `paragraph ${place.paragraph}`);
    case 'html':
      return inTable ?? place.element;
  }
}

function tablePart(table: number, row: number | undefined, zh: boolean): string {
  if (zh) return `第 ${table} 个表格` + (row === undefined ? '' : `第 ${row} 行`);
  return `table ${table}` + (row === undefined ? '' : `, row ${row}`);
}

/** The place a range of converted text came from: its first line that has one. */
export function placeOfLine(sources: readonly (SourcePlace | undefined)[], line: number): SourcePlace | undefined {
  for (let i = Math.min(line, sources.length - 1); i >= 0; i--) if (sources[i]) return sources[i];
  return undefined;
}
