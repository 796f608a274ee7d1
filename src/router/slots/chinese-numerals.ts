// Reads numbers written with Chinese numerals and multipliers ("一万五千", "两千五", "3千", "1.5万") as plain numbers.
// A hand-written scanner, one pass over a text of bounded length.
import { CHINESE_DIGITS, CHINESE_SMALL_UNITS } from "../../shared/text/number-words.js";

const DIGITS = CHINESE_DIGITS;
const SMALL_UNITS = CHINESE_SMALL_UNITS;

/** Characters that may appear inside a Chinese-written number. */
export const CHINESE_NUMBER_CHARS = "零〇一二两三四五六七八九十百千万亿";

/** The longest text read as one number; anything longer is not an amount, date or count a customer would write. */
export const MAX_NUMBER_CHARS = 24;

const isAsciiDigit = (ch: string): boolean => ch >= "0" && ch <= "9";
const NUMERALS = new Set(CHINESE_NUMBER_CHARS);

/** True for a character of a Chinese-written number (numeral or multiplier). */
export function isChineseNumeral(ch: string): boolean {
  return NUMERALS.has(ch);
}

/** Reads `\d+(?:\.\d+)?` at `i`; returns the end index, or `i` when there is no digit. */
function readArabic(s: string, i: number): number {
  let j = i;
  while (j < s.length && isAsciiDigit(s.charAt(j))) j++;
  if (j > i && s.charAt(j) === "." && isAsciiDigit(s.charAt(j + 1))) {
    j++;
    while (j < s.length && isAsciiDigit(s.charAt(j))) j++;
  }
  return j;
}

/** Parses a number mixing Arabic digits and Chinese numerals; undefined when the text is not a number. */
export function parseChineseNumber(text: string): number | undefined {
  let s = "";
  for (const ch of text) {
    if (ch === "," || ch === "，" || /\s/.test(ch)) continue;
    s += ch;
    if (s.length > MAX_NUMBER_CHARS) return undefined;
  }
  if (s.length === 0) return undefined;
  let total = 0;
  let section = 0;
  let current = 0;
  let lastUnit = 0;
  let sawDigit = false;
  let i = 0;
  while (i < s.length) {
    const ch = s.charAt(i);
    const arabicEnd = readArabic(s, i);
    if (arabicEnd > i) {
      current = Number(s.slice(i, arabicEnd));
      sawDigit = true;
      i = arabicEnd;
      continue;
    }
    if (ch in DIGITS) {
      current = DIGITS[ch] as number;
      sawDigit = true;
    } else if (ch in SMALL_UNITS) {
      const unit = SMALL_UNITS[ch] as number;
      section += (current === 0 && !sawDigit ? 1 : current) * unit;
      current = 0;
      lastUnit = unit;
    } else if (ch === "万" || ch === "亿") {
      const unit = ch === "万" ? 1e4 : 1e8;
      total = (total + section + current) * unit;
      section = 0;
      current = 0;
      lastUnit = unit;
    } else {
      return undefined;
    }
    i++;
  }
  // Spoken shorthand: "两千五" is 2,500 and "一万五" is 15,000 — a trailing digit counts in the next unit down.
  if (current > 0 && lastUnit >= 100 && Number.isInteger(current) && current < 10) current *= lastUnit / 10;
  const value = total + section + current;
  return Number.isFinite(value) ? value : undefined;
}
