/** Chinese numerals as used in section numbering (一 … 九十九) and in dates (二〇一九). */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  '○': 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Parses 一 … 九十九; returns undefined for anything else. */
export function parseChineseNumber(text: string): number | undefined {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(text)) return undefined;
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? DIGITS[text] : undefined;
  if (text.indexOf('十', ten + 1) >= 0) return undefined;
  const tens = ten === 0 ? 1 : DIGITS[text.slice(0, ten)];
  const rest = text.slice(ten + 1);
  const units = rest === '' ? 0 : DIGITS[rest];
  if (tens === undefined || units === undefined || ten > 1 || rest.length > 1) return undefined;
  return tens * 10 + units;
}

/** Parses digit by digit, as years are written in dates (二〇一九 → 2019); undefined for anything else. */
export function parseChineseDigits(text: string): number | undefined {
  if (!/^[零〇○一二三四五六七八九]+$/.test(text)) return undefined;
  return [...text].reduce((n, digit) => n * 10 + DIGITS[digit], 0);
}

const NAMES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 23 → 二十三 (1–99). */
export function formatChineseNumber(n: number): string {
  if (n < 10) return NAMES[n];
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : NAMES[tens]) + '十' + NAMES[n % 10];
}
