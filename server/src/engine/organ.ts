/**
 * Which reports are the same organ's: a title names its organ in several ways over the years
 * (洪泽区人民政府 / 淮安市洪泽区人民政府, 某某镇人民政府 / 某某镇政府 / 某某镇, 某某乡 → 某某镇 after a
 * 撤乡设镇, 某某街道办事处 / 某某街道). Reports are paired by organ and year for the checks across
 * reports, the roll-up's list of units and the review page.
 */
import { normalizeText } from './labels';

/** Divisions whose government reports under the division's name: a 政府 after one of them is dropped. */
const DIVISION_GOVERNMENT = /(省|市|州|盟|区|县|旗|镇|乡|街道|苏木)(政府|办事处)$/;
/** A 乡, 镇 or 街道 is one grassroots organ under any of its names (乡改镇, 镇改街道). */
const GRASSROOTS = /(镇|乡|街道|苏木)$/;
/** What may stand before a shorter name of the same organ: the divisions above it (淮安市 before 洪泽区). */
const HIGHER_DIVISION = /(省|市|自治区|自治州|州|盟|地区)$/;
const ABBREVIATIONS: [RegExp, string][] = [
  [/管委会/g, '管理委员会'],
  [/人民政府/g, '政府'],
];

/** The organ's name reduced to what stays the same across the ways of writing it. */
export function organKey(organ: string): string {
  let key = normalizeText(organ);
  for (const [pattern, replacement] of ABBREVIATIONS) key = key.replace(pattern, replacement);
  key = key.replace(DIVISION_GOVERNMENT, '$1');
  return key.replace(GRASSROOTS, '镇');
}

/** Whether two organ keys name the same organ: equal, or one the other with the divisions above it (淮安市洪泽区 / 洪泽区). */
export function sameOrgan(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 2 && long.endsWith(short) && HIGHER_DIVISION.test(long.slice(0, long.length - short.length));
}

/** A county-level or higher division, standing for its government's own report (宿迁市, 平潭综合实验区). */
const GOVERNMENT = /(省|市|县|区|旗|州|盟)$/;
/** A government department or office (办公厅, 局, 委…). */
const DEPARTMENT = /(厅|局|委|委员会|办|办公室|中心|署|院|处|队|站|所|会)$/;

/** What kind of organ the name is, as the 《条例》's deadlines tell them apart; undefined when the name does not say. */
export function organKind(organ: string): 'grassroots' | 'department' | 'government' | undefined {
  const key = organKey(organ);
  if (key.endsWith('镇')) return 'grassroots';
  if (DEPARTMENT.test(key)) return 'department';
  if (GOVERNMENT.test(key)) return 'government';
  return undefined;
}

/** Items grouped by organ (`sameOrgan`), groups and items in their first order; an item without an organ stands alone. */
export function groupByOrgan<T>(items: readonly T[], organOf: (item: T) => string | undefined): T[][] {
  const groups: { key?: string; items: T[] }[] = [];
  for (const item of items) {
    const organ = organOf(item);
    const key = organ === undefined ? undefined : organKey(organ);
    const group = key === undefined ? undefined : groups.find((g) => g.key !== undefined && sameOrgan(g.key, key));
    if (group) group.items.push(item);
    else groups.push({ key, items: [item] });
  }
  return groups.map((g) => g.items);
}
