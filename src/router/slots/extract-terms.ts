// Finds loan terms in English and Chinese messages ("3 years", "36 months", "18 mths", "two and a half years",
// "三年", "两年半", "半年", "24个月", "三十六期") and reads each as a number of months (期 = monthly instalments).
// A hand-written scanner: a term can only start where a number or number word starts, and every attempt reads a
// bounded number of characters, so a message costs linear time.
import { capText } from "../../shared/linear-text.js";
import { isChineseNumeral, parseChineseNumber } from "./chinese-numerals.js";
import type { TermSlot } from "./slot-schema.js";
import { ENGLISH_ONES, ENGLISH_TENS } from "../../shared/text/number-words.js";

/** A term found in the text, with where it was written. */
export interface TermSpan {
  start: number;
  end: number;
  months: number;
}

const ONES: Readonly<Record<string, number>> = { a: 1, an: 1, ...ENGLISH_ONES };
const TENS = ENGLISH_TENS;
const UNITS: Record<string, number> = {
  year: 12,
  years: 12,
  yr: 12,
  yrs: 12,
  month: 1,
  months: 1,
  mth: 1,
  mths: 1,
  mo: 1,
  mos: 1,
};
// Words after a term that make it a point in the past or an age, not a repayment period.
const NOT_A_TERM_AFTER = new Set(["ago", "old", "back"]);
// Longer than any word we read ("seventeen"); a longer run of letters is not a number word or a unit.
const MAX_WORD = 10;
const MAX_DIGITS = 3;
// No one repays a personal loan over more than 30 years; a bigger count is a calendar year or something else.
const MAX_MONTHS = 360;

const isDigit = (ch: string): boolean => ch >= "0" && ch <= "9";
const isLatin = (ch: string): boolean => (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z");
const isSpace = (ch: string): boolean => ch === " " || ch === "\t" || ch === "\u00a0" || ch === "\u3000";

/** The run of Latin letters starting at `at` (empty when too long to be one of our words). */
function wordAt(text: string, at: number): string {
  let end = at;
  while (end < text.length && isLatin(text.charAt(end))) {
    end++;
    if (end - at > MAX_WORD) return "";
  }
  return text.slice(at, end).toLowerCase();
}

/** Up to two spaces (or one hyphen) from `at`. */
function skipGap(text: string, at: number): number {
  if (text.charAt(at) === "-") return at + 1;
  let p = at;
  while (p < text.length && p - at < 2 && isSpace(text.charAt(p))) p++;
  return p;
}

/** A term's length when it is a sensible repayment period. */
function toMonths(count: number, unitMonths: number): number | undefined {
  const months = Math.round(count * unitMonths);
  return months >= 1 && months <= MAX_MONTHS ? months : undefined;
}

/** An English count at `at`: digits ("2.5") or number words ("thirty-six"); its value and where it ends. */
function readEnglishCount(text: string, at: number): { value: number; end: number } | undefined {
  if (isDigit(text.charAt(at))) {
    let end = at;
    while (end < text.length && isDigit(text.charAt(end))) end++;
    if (end - at > MAX_DIGITS) return undefined;
    if (text.charAt(end) === "." && isDigit(text.charAt(end + 1)) && !isDigit(text.charAt(end + 2))) end += 2;
    return { value: Number(text.slice(at, end)), end };
  }
  const word = wordAt(text, at);
  const end = at + word.length;
  if (word in ONES) return { value: ONES[word] as number, end };
  if (!(word in TENS)) return undefined;
  const tens = TENS[word] as number;
  const sep = text.charAt(end);
  if (sep === "-" || sep === " ") {
    const one = wordAt(text, end + 1);
    const v = ONES[one];
    if (v !== undefined && v < 10 && one !== "a" && one !== "an") return { value: tens + v, end: end + 1 + one.length };
  }
  return { value: tens, end };
}

/** " and a half" at `at`: where it ends, or `at` when it is not there. */
function andAHalf(text: string, at: number): number {
  const phrase = " and a half";
  return text.slice(at, at + phrase.length).toLowerCase() === phrase && !isLatin(text.charAt(at + phrase.length))
    ? at + phrase.length
    : at;
}

/** An English term starting at `at` ("3 years", "two and a half years", "a year and a half", "half a year"). */
function englishTermAt(text: string, at: number): TermSpan | undefined {
  if (
    wordAt(text, at) === "half" &&
    text.slice(at + 4, at + 11).toLowerCase() === " a year" &&
    !isLatin(text.charAt(at + 11))
  )
    return { start: at, end: at + 11, months: 6 };
  const count = readEnglishCount(text, at);
  if (!count) return undefined;
  let p = andAHalf(text, count.end);
  const half = p > count.end ? 0.5 : 0;
  p = skipGap(text, p);
  const unit = wordAt(text, p);
  const unitMonths = UNITS[unit];
  if (unitMonths === undefined) return undefined;
  let end = p + unit.length;
  const trailingHalf = half === 0 ? andAHalf(text, end) : end;
  const value = count.value + half + (trailingHalf > end ? 0.5 : 0);
  end = trailingHalf;
  if (NOT_A_TERM_AFTER.has(wordAt(text, skipGap(text, end)))) return undefined;
  const months = toMonths(value, unitMonths);
  return months === undefined ? undefined : { start: at, end, months };
}

const CHINESE_NOT_A_TERM_AFTER = new Set(["前", "级", "代"]);

/** A Chinese term starting at `at` ("三年", "两年半", "半年", "24个月", "三十六期", "一年期"). */
function chineseTermAt(text: string, at: number): TermSpan | undefined {
  if (text.charAt(at) === "半" && text.charAt(at + 1) === "年") return { start: at, end: at + 2, months: 6 };
  let end = at;
  while (
    end < text.length &&
    (isDigit(text.charAt(end)) || isChineseNumeral(text.charAt(end)) || text.charAt(end) === ".")
  ) {
    end++;
    if (end - at > MAX_DIGITS + 3) return undefined;
  }
  if (end === at) return undefined;
  const count = parseChineseNumber(text.slice(at, end));
  if (count === undefined) return undefined;
  let p = end;
  let unitMonths: number;
  if (text.charAt(p) === "年") {
    unitMonths = 12;
    p++;
  } else if (text.startsWith("个月", p)) {
    unitMonths = 1;
    p += 2;
  } else if (text.charAt(p) === "期") {
    unitMonths = 1;
    p++;
  } else return undefined;
  const half = unitMonths === 12 && text.charAt(p) === "半" ? 0.5 : 0;
  if (half) p++;
  if (unitMonths === 12 && text.charAt(p) === "期") p++;
  if (CHINESE_NOT_A_TERM_AFTER.has(text.charAt(p))) return undefined;
  const months = toMonths(count + half, unitMonths);
  return months === undefined ? undefined : { start: at, end: p, months };
}

/** Every term in the text with its position, in the order written (no two overlapping). */
export function findTerms(text: string): TermSpan[] {
  const found: TermSpan[] = [];
  for (let i = 0; i < text.length;) {
    const ch = text.charAt(i);
    const before = i > 0 ? text.charAt(i - 1) : "";
    const numeric = isDigit(ch) || isChineseNumeral(ch) || ch === "半";
    const startsNumber = !isDigit(before) && !isChineseNumeral(before) && before !== "." && before !== "第";
    let span: TermSpan | undefined;
    if (isLatin(ch) && !isLatin(before) && !isDigit(before)) span = englishTermAt(text, i);
    else if (numeric && startsNumber && !isLatin(before))
      span = (isDigit(ch) ? englishTermAt(text, i) : undefined) ?? chineseTermAt(text, i);
    if (span) found.push(span);
    i = span ? span.end : i + 1;
  }
  return found;
}

/** Extracts every loan term in the message (its first MAX_SCANNED_CHARS characters) as a number of months. */
export function extractTerms(message: string): TermSlot[] {
  const text = capText(message);
  return findTerms(text).map((s) => ({ months: s.months, text: text.slice(s.start, s.end) }));
}
