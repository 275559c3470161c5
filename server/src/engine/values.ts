/**
 * Reading a table cell as it is written: 1234, 1,234, １２３, 2406.2243, -18, 25987（元）,
 * 251000元, a blank, or —, /, 无 for "not applicable".
 */

/** A decimal number held exactly, whatever its number of digits: `units` × 10^−`decimals` (12.50 is 1250n, 2). */
export interface Amount {
  units: bigint;
  decimals: number;
}

export type CellValue =
  | {
      kind: 'number';
      /** The number exactly: 2406.2243 is 24062243n. */
      units: bigint;
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

/** Most cells: a whole number in ASCII digits. */
function isPlainInteger(text: string): boolean {
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
  if (isPlainInteger(trimmed)) return { kind: 'number', units: BigInt(trimmed), decimals: 0, start: lead, end: lead + trimmed.length };
  if (NOT_APPLICABLE.test(trimmed)) return { kind: 'na', text: trimmed };
  const match = NUMBER_START.test(trimmed) ? NUMBER.exec(trimmed) : null;
  if (!match) return { kind: 'text', text: trimmed };
  const [, sign, integer, fraction, bracketedUnit, unit] = match;
  const units = BigInt(toAscii(integer.replace(/[,，]/g, '')) + (fraction ? toAscii(fraction) : ''));
  const numberText = trimmed.slice(0, match[0].length - (bracketedUnit || unit ? unitSuffixLength(trimmed) : 0)).trimEnd();
  return {
    kind: 'number',
    units: sign ? -units : units,
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

const TEN = 10n;

/** `amount` written with `decimals` digits after the point: exact when adding digits, rounded half away from zero when dropping them. */
function rescale(amount: Amount, decimals: number): bigint {
  if (decimals >= amount.decimals) return amount.units * TEN ** BigInt(decimals - amount.decimals);
  const divisor = TEN ** BigInt(amount.decimals - decimals);
  const quotient = amount.units / divisor;
  const remainder = amount.units % divisor;
  const away = 2n * (remainder < 0n ? -remainder : remainder) >= divisor;
  return away ? quotient + (amount.units < 0n ? -1n : 1n) : quotient;
}

/** Adds amounts exactly, to the largest number of decimals among them. */
export function sum(amounts: readonly Amount[]): Amount {
  let decimals = 0;
  for (const a of amounts) if (a.decimals > decimals) decimals = a.decimals;
  let units = 0n;
  for (const a of amounts) units += rescale(a, decimals);
  return { units, decimals };
}

export function negate(amount: Amount): Amount {
  return { units: -amount.units, decimals: amount.decimals };
}

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
export function compareAmounts(a: Amount, b: Amount): number {
  const decimals = Math.max(a.decimals, b.decimals);
  const difference = rescale(a, decimals) - rescale(b, decimals);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export function sameValue(a: Amount, b: Amount): boolean {
  return compareAmounts(a, b) === 0;
}

/** `amount` × 10^`exponent`, exactly: a conversion between 元, 万元 and 亿元. */
export function scaleByPowerOfTen(amount: Amount, exponent: number): Amount {
  return exponent >= 0
    ? { units: amount.units * TEN ** BigInt(exponent), decimals: amount.decimals }
    : { units: amount.units, decimals: amount.decimals - exponent };
}

/** Writes an amount with `decimals` digits after the point (its own by default), every digit exact. */
export function formatAmount(amount: Amount, decimals = amount.decimals): string {
  const units = rescale(amount, decimals);
  const digits = (units < 0n ? -units : units).toString().padStart(decimals + 1, '0');
  const sign = units < 0n ? '-' : '';
  return decimals === 0 ? sign + digits : `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** The nearest double, for machine-readable data (exact up to 2^53). */
export function toNumber(amount: Amount): number {
  return Number(formatAmount(amount));
}
