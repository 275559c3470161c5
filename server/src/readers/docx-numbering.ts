/**
 * Word's automatic numbering, rendered as the text it shows: a heading whose 一、 comes from
 * numbering.xml reads `一、总体情况`. Definitions come from numbering.xml (w:num → w:abstractNum →
 * w:lvl) and styles.xml (a style's w:numPr, through w:basedOn); counters run per list and level
 * the way Word counts them.
 */
import { wAttr, wChild, wChildren, wIntVal, wVal, type Element } from './docx-xml';

export interface Level {
  start: number;
  /** w:numFmt: decimal, chineseCounting, upperLetter, bullet… */
  format: string;
  /** w:lvlText: the label with %1…%9 standing for the levels' numbers, e.g. `%1、`, `（%1）`, `%1.%2`. */
  text: string;
  /** w:lvlRestart: this level restarts after a level numbered below this (1-based); 0 never. Absent: after any higher level. */
  restartAfter?: number;
  /** w:isLgl: every level's number shown in decimal. */
  legal: boolean;
  /** w:suff: what stands between the label and the text. */
  suffix: 'tab' | 'space' | 'nothing';
  /** w:pStyle: the paragraph style this level belongs to. */
  style?: string;
}

interface NumberingInstance {
  abstractId: string;
  /** w:lvlOverride per level: a start to restart at when the list is first used, and/or a level redefined. */
  overrides: Map<number, { start?: number; level?: Level }>;
}

interface StyleNumbering {
  basedOn?: string;
  numId?: string;
  level?: number;
}

export interface NumberingDefinitions {
  abstracts: Map<string, { levels: Map<number, Level>; styleLink?: string }>;
  instances: Map<string, NumberingInstance>;
  styles: Map<string, StyleNumbering>;
  defaultParagraphStyle?: string;
}

export function readNumberingDefinitions(numbering: Element | undefined, styles: Element | undefined): NumberingDefinitions {
  const abstracts = new Map<string, { levels: Map<number, Level>; styleLink?: string }>();
  const instances = new Map<string, NumberingInstance>();
  for (const abstract of wChildren(numbering, 'abstractNum')) {
    const id = wAttr(abstract, 'abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const lvl of wChildren(abstract, 'lvl')) levels.set(Number(wAttr(lvl, 'ilvl') ?? 0), readLevel(lvl));
    abstracts.set(id, { levels, styleLink: wVal(abstract, 'numStyleLink') });
  }
  for (const num of wChildren(numbering, 'num')) {
    const id = wAttr(num, 'numId');
    const abstractId = wVal(num, 'abstractNumId');
    if (id === undefined || abstractId === undefined) continue;
    const overrides = new Map<number, { start?: number; level?: Level }>();
    for (const override of wChildren(num, 'lvlOverride')) {
      const lvl = wChild(override, 'lvl');
      overrides.set(Number(wAttr(override, 'ilvl') ?? 0), { start: wIntVal(override, 'startOverride'), level: lvl ? readLevel(lvl) : undefined });
    }
    instances.set(id, { abstractId, overrides });
  }
  const { map: styleMap, defaultParagraphStyle } = readStyles(styles);
  return { abstracts, instances, styles: styleMap, defaultParagraphStyle };
}

function readLevel(lvl: Element): Level {
  const suffix = wVal(lvl, 'suff');
  const restart = wIntVal(lvl, 'lvlRestart');
  const legal = wChild(lvl, 'isLgl');
  return {
    start: wIntVal(lvl, 'start') ?? 0,
    format: wVal(lvl, 'numFmt') ?? 'decimal',
    text: wAttr(wChild(lvl, 'lvlText'), 'val') ?? '',
    restartAfter: restart,
    legal: legal !== undefined && wAttr(legal, 'val') !== 'false' && wAttr(legal, 'val') !== '0',
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
    style: wVal(lvl, 'pStyle'),
  };
}

function readStyles(styles: Element | undefined): { map: Map<string, StyleNumbering>; defaultParagraphStyle?: string } {
  const map = new Map<string, StyleNumbering>();
  let defaultParagraphStyle: string | undefined;
  for (const style of wChildren(styles, 'style')) {
    const id = wAttr(style, 'styleId');
    if (id === undefined) continue;
    const numPr = wChild(wChild(style, 'pPr'), 'numPr');
    map.set(id, { basedOn: wVal(style, 'basedOn'), numId: wVal(numPr, 'numId'), level: wIntVal(numPr, 'ilvl') });
    if (wAttr(style, 'type') === 'paragraph' && ['1', 'true', 'on'].includes(wAttr(style, 'default') ?? '')) defaultParagraphStyle = id;
  }
  return { map, defaultParagraphStyle };
}

/** The list and level a paragraph is numbered in: its own w:numPr, else its style's (through w:basedOn); undefined if none or numId 0. */
export function paragraphNumbering(pPr: Element | undefined, definitions: NumberingDefinitions): { numId: string; level: number } | undefined {
  const numPr = wChild(pPr, 'numPr');
  const styleId = wVal(pPr, 'pStyle') ?? definitions.defaultParagraphStyle;
  const fromStyle = styleId === undefined ? undefined : styleNumbering(styleId, definitions);
  const numId = wVal(numPr, 'numId') ?? fromStyle?.numId;
  if (numId === undefined || numId === '0') return undefined;
  const level = wIntVal(numPr, 'ilvl') ?? fromStyle?.level ?? (styleId === undefined ? undefined : levelOfStyle(numId, styleId, definitions)) ?? 0;
  return { numId, level };
}

function styleNumbering(styleId: string, definitions: NumberingDefinitions): { numId?: string; level?: number } {
  let numId: string | undefined;
  let level: number | undefined;
  const seen = new Set<string>();
  for (let id: string | undefined = styleId; id !== undefined && !seen.has(id); id = definitions.styles.get(id)?.basedOn) {
    seen.add(id);
    const style = definitions.styles.get(id);
    numId ??= style?.numId;
    level ??= style?.level;
  }
  return { numId, level };
}

/** The level of a list whose w:pStyle names this style (how a heading style is tied to a level of an outline list). */
function levelOfStyle(numId: string, styleId: string, definitions: NumberingDefinitions): number | undefined {
  const levels = levelsOf(numId, definitions);
  for (const [level, definition] of levels ?? []) if (definition.style === styleId) return level;
  return undefined;
}

/** An abstract definition may only link to a numbering style (w:numStyleLink) whose w:numPr names the list that holds the levels. */
function abstractOf(numId: string, definitions: NumberingDefinitions): { id: string; levels: Map<number, Level> } | undefined {
  let abstractId = definitions.instances.get(numId)?.abstractId;
  for (let hops = 0; abstractId !== undefined && hops < 3; hops++) {
    const abstract = definitions.abstracts.get(abstractId);
    if (!abstract) return undefined;
    const linkedNum = abstract.styleLink === undefined ? undefined : styleNumbering(abstract.styleLink, definitions).numId;
    if (linkedNum === undefined || abstract.levels.size > 0) return { id: abstractId, levels: abstract.levels };
    abstractId = definitions.instances.get(linkedNum)?.abstractId;
  }
  return undefined;
}

function levelsOf(numId: string, definitions: NumberingDefinitions): Map<number, Level> | undefined {
  return abstractOf(numId, definitions)?.levels;
}

export interface ListLabel {
  /** The label as Word shows it: `一、`, `（二）`, `1.2`. */
  text: string;
  suffix: Level['suffix'];
}

/**
 * Counts list paragraphs in document order. Lists that share an abstract definition share their
 * counters (Word continues them); a w:num's w:startOverride restarts a level the first time that
 * w:num is used. Advancing a level resets the deeper ones (as w:lvlRestart allows).
 */
export function createListCounter(definitions: NumberingDefinitions): (numId: string, level: number) => ListLabel | undefined {
  const counters = new Map<string, (number | undefined)[]>();
  const usedInstances = new Set<string>();
  return (numId, level) => {
    const abstract = abstractOf(numId, definitions);
    const instance = definitions.instances.get(numId);
    if (!abstract || !instance) return undefined;
    const definitionAt = (l: number) => instance.overrides.get(l)?.level ?? abstract.levels.get(l);
    const definition = definitionAt(level);
    if (!definition) return undefined;
    const values = counters.get(abstract.id) ?? [];
    counters.set(abstract.id, values);
    if (!usedInstances.has(numId)) {
      usedInstances.add(numId);
      for (const [l, override] of instance.overrides) if (override.start !== undefined || override.level) values[l] = undefined;
    }
    const startAt = (l: number) => instance.overrides.get(l)?.start ?? definitionAt(l)?.start ?? 0;
    values[level] = values[level] === undefined ? startAt(level) : values[level]! + 1;
    for (let deeper = level + 1; deeper < 9; deeper++) {
      const restartAfter = definitionAt(deeper)?.restartAfter ?? deeper;
      if (level < restartAfter) values[deeper] = undefined;
    }
    if (definition.format === 'bullet') return undefined;
    const text = definition.text.replace(/%([1-9])/g, (_, n: string) => {
      const l = Number(n) - 1;
      const format = definition.legal ? 'decimal' : (definitionAt(l)?.format ?? 'decimal');
      return formatNumber(values[l] ?? startAt(l), format);
    });
    return { text, suffix: definition.suffix };
  };
}

const CHINESE_DIGITS = '零一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** A number in a w:numFmt. Formats this does not know are shown in decimal. */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'none':
    case 'bullet':
      return '';
    case 'decimalZero':
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'upperLetter':
      return letters(value);
    case 'lowerLetter':
      return letters(value).toLowerCase();
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(value).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosedCircle(value);
    case 'decimalEnclosedFullstop':
      return value >= 1 && value <= 20 ? String.fromCharCode(0x2488 + value - 1) : String(value);
    case 'decimalEnclosedParen':
      return value >= 1 && value <= 20 ? String.fromCharCode(0x2474 + value - 1) : String(value);
    case 'ideographDigital':
      return String(value).replace(/[0-9]/g, (d) => (d === '0' ? '〇' : CHINESE_DIGITS[Number(d)]));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(value, CHINESE_DIGITS, '十百千');
    case 'chineseLegalSimplified':
      return chineseCounting(value, LEGAL_DIGITS, '拾佰仟', true);
    case 'ideographTraditional':
      return value >= 1 && value <= 10 ? HEAVENLY_STEMS[value - 1] : String(value);
    case 'ideographZodiac':
      return value >= 1 && value <= 12 ? EARTHLY_BRANCHES[value - 1] : String(value);
    default:
      return String(value);
  }
}

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const numerals: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let left = value;
  for (const [amount, numeral] of numerals) {
    for (; left >= amount; left -= amount) out += numeral;
  }
  return out;
}

/** Word's letters: A…Z, then AA, BB… (the letter repeated). */
function letters(value: number): string {
  if (value <= 0 || value > 26 * 10) return String(value);
  return String.fromCharCode(0x41 + ((value - 1) % 26)).repeat(Math.floor((value - 1) / 26) + 1);
}

/** ①…⑳, ㉑…㉟, ㊱…㊿; beyond, decimal. */
function enclosedCircle(value: number): string {
  if (value >= 1 && value <= 20) return String.fromCharCode(0x2460 + value - 1);
  if (value >= 21 && value <= 35) return String.fromCharCode(0x3251 + value - 21);
  if (value >= 36 && value <= 50) return String.fromCharCode(0x32b1 + value - 36);
  return String(value);
}

/** 一, 十, 十一, 二十一, 一百零一, 一千零一十 (legal: 壹拾, 壹拾壹). Beyond 9999, decimal. */
function chineseCounting(value: number, digits: string, units: string, legal = false): string {
  if (value <= 0 || value > 9999) return String(value);
  const places = String(value).split('').map(Number);
  let out = '';
  let pendingZero = false;
  places.forEach((digit, i) => {
    const unit = places.length - 1 - i;
    if (digit === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += digits[0];
    pendingZero = false;
    // 十 alone stands for 10–19 at the start: 十一, not 一十一.
    if (!(digit === 1 && unit === 1 && out === '' && !legal)) out += digits[digit];
    if (unit > 0) out += units[unit - 1];
  });
  return out;
}
