/**
 * Reading a table cell as it is written: 1234, 1,234, １２３, 2406.2243, -18, 25987（元）,
 * 251000元, a blank, or —, /, 无 for "not applicable".
 */

export type CellValue =
  | {
      kind: 'number';
      value: number;
      /** Digits after the decimal point, as written. */
      decimals: number;
      /** The unit written in the cell itself, e.g. 元 in 25987（元）. */
      unit?: string;
      /** Where the number (sign and digits, without the unit) stands within the cell text. */
      start: number;
      end: number;
    }
  | { kind: 'blank' }
  | { kind: 'na'; text: string }
  | { kind: 'text'; text: string };

/** Units written inside cells. */
const UNIT = '亿元|万元|千元|元|件|条|个|人次|人|次|篇|项|家|%|％';
const UNIT_SUFFIX = new RegExp(`(?:[（(][ \\u3000]*(?:${UNIT})[ \\u3000]*[）)]|(?:${UNIT}))$`);
const NUMBER = new RegExp(
  `^([-－−]?)[ \\u3000]*([0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+)(?:[.．]([0-9０-９]+))?[ \\u3000]*(?:[（(][ \\u3000]*(${UNIT})[ \\u3000]*[）)]|(${UNIT}))?$`,
);
const NOT_APPLICABLE = /^(?:[—–\-－/／\\]+|无|不适用|——)$/;

/** Most cells: a whole number in ASCII digits (up to 15, all exact as a double). */
function isPlainInteger(text: string): boolean {
  if (text.length > 15) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}
/** What a number cell starts with: a sign or a digit. */
const NUMBER_START = /^[-－−0-9０-９]/;

/** The value of every blank cell: one shared, frozen object. */
export const BLANK: CellValue = Object.freeze({ kind: 'blank' });

export function parseCellValue(text: string): CellValue {
  const trimmed = text.trim();
  if (trimmed === '') return BLANK;
  const lead = trimmed.length === text.length ? 0 : text.length - text.trimStart().length;
  if (isPlainInteger(trimmed)) return { kind: 'number', value: Number(trimmed), decimals: 0, start: lead, end: lead + trimmed.length };
  if (NOT_APPLICABLE.test(trimmed)) return { kind: 'na', text: trimmed };
  const match = NUMBER_START.test(trimmed) ? NUMBER.exec(trimmed) : null;
  if (!match) return { kind: 'text', text: trimmed };
  const [, sign, integer, fraction, bracketedUnit, unit] = match;
  const digits = toAscii(integer.replace(/[,，]/g, '')) + (fraction ? '.' + toAscii(fraction) : '');
  const value = Number(digits) * (sign ? -1 : 1);
  const numberText = trimmed.slice(0, match[0].length - (bracketedUnit || unit ? unitSuffixLength(trimmed) : 0)).trimEnd();
  return {
    kind: 'number',
    value,
    decimals: fraction?.length ?? 0,
    unit: bracketedUnit ?? unit,
    start: lead,
    end: lead + numberText.length,
  };
}

function unitSuffixLength(text: string): number {
  return UNIT_SUFFIX.exec(text)?.[0].length ?? 0;
}

const FULL_WIDTH_DIGIT = /[０-９]/;

function toAscii(digits: string): string {
  return FULL_WIDTH_DIGIT.test(digits) ? digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)) : digits;
}

/** Whether a cell reads as a value (a number, a blank or a not-applicable mark) rather than a label. */
export function isValueLike(value: CellValue): boolean {
  return value.kind !== 'text';
}

/** Adds decimal numbers exactly (as written, to the largest number of decimals among them). */
export function sum(values: readonly { value: number; decimals: number }[]): { value: number; decimals: number } {
  let decimals = 0;
  for (const v of values) decimals = Math.max(decimals, v.decimals);
  const scale = 10 ** decimals;
  let total = 0;
  for (const v of values) total += Math.round(v.value * scale);
  return { value: total / scale, decimals };
}

export function sameValue(a: { value: number; decimals: number }, b: { value: number; decimals: number }): boolean {
  const scale = 10 ** Math.max(a.decimals, b.decimals);
  return Math.round(a.value * scale) === Math.round(b.value * scale);
}

export function formatNumber(value: number, decimals: number): string {
  return value.toFixed(decimals);
}
