// Numbers written as words, so "fifteen pounds", "十五英镑" and "£15" are one fact to the grounding rail: Chinese
// numerals (一千二百, 两万五千, 一万五, 二〇二六, 三十九点九) and English number words (one hundred and fifty, twenty-five),
// with the fractions spoken rates and amounts use ("two and a half", "half a", "four point four nine").
import { CHINESE_DIGITS, CHINESE_SMALL_UNITS, ENGLISH_ONES, ENGLISH_TENS } from "../../shared/text/number-words.js";

/** Characters a Chinese numeral is written with (digits, units and the decimal 点). */
export const ZH_NUMERAL_CHARS = "零〇一二两兩三四五六七八九十百千万萬亿億点";

// The traditional 兩 too: a model may write it.
const ZH_DIGITS: Readonly<Record<string, number>> = { ...CHINESE_DIGITS, 兩: 2 };
const ZH_SMALL_UNITS = CHINESE_SMALL_UNITS;
const ZH_BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** The value of one Chinese digit character, or undefined. */
export function zhDigit(ch: string): number | undefined {
  return ZH_DIGITS[ch];
}

function parseZhInteger(s: string): number | undefined {
  if (s === "") return undefined;
  // "二〇二六": digits one by one, as years are written.
  if ([...s].every((ch) => ZH_DIGITS[ch] !== undefined)) {
    return s.length === 1 ? ZH_DIGITS[s] : Number([...s].map((ch) => ZH_DIGITS[ch]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 0;
  let afterZero = false;
  for (const ch of s) {
    const d = ZH_DIGITS[ch];
    if (d !== undefined) {
      if (d === 0) afterZero = true;
      digit = d;
      continue;
    }
    const small = ZH_SMALL_UNITS[ch];
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      lastUnit = small;
    } else {
      const big = ZH_BIG_UNITS[ch];
      if (big === undefined) return undefined;
      total += (section + (digit ?? 0)) * big;
      section = 0;
      lastUnit = big;
    }
    digit = undefined;
    afterZero = false;
  }
  // "一万五" is 15,000 and "三千五" 3,500: a last digit straight after a unit counts one place below it.
  const tail = digit === undefined ? 0 : !afterZero && lastUnit >= 100 ? digit * (lastUnit / 10) : digit;
  return total + section + tail;
}

/** Parses a Chinese numeral ("一千二百", "两万", "三十九点九"); undefined when it is not one. */
export function parseZhNumber(s: string): number | undefined {
  const dot = s.indexOf("点");
  if (dot < 0) return parseZhInteger(s);
  const whole = parseZhInteger(s.slice(0, dot));
  const fraction = [...s.slice(dot + 1)].map((ch) => ZH_DIGITS[ch]);
  if (whole === undefined || fraction.length === 0 || fraction.some((d) => d === undefined)) return undefined;
  return Number(`${whole}.${fraction.join("")}`);
}

const EN_SMALL: Readonly<Record<string, number>> = { ...ENGLISH_ONES, ...ENGLISH_TENS };
const EN_SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

/** A number written in English words, with its place in the text. */
export interface WordNumber {
  start: number;
  end: number;
  value: number;
}

/** The value of one English number word ("seven", "twenty"), or undefined. */
export function englishWordValue(word: string): number | undefined {
  return EN_SMALL[word.toLowerCase()];
}

const WORD = [...Object.keys(EN_SMALL), ...Object.keys(EN_SCALES)].join("|");
// A run of number words joined by spaces, hyphens or "and", optionally after "a"/"an" ("a hundred and fifty").
const WORD_RUN = new RegExp(
  `\\b(?:an? (?=hundred|thousand|million|billion))?(?:${WORD})(?:(?: and |[ -])(?:${WORD})){0,8}\\b`,
  "gi",
);

/** The value of a run of English number words ("one hundred and fifty" is 150); undefined when it is not one. */
function parseWordRun(run: string): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of run.toLowerCase().split(/[ -]/)) {
    const small = EN_SMALL[word];
    const scale = EN_SCALES[word];
    if (small !== undefined) {
      current += small;
      seen = true;
    } else if (scale === 100) {
      current = (current || 1) * 100;
      seen = true;
    } else if (scale !== undefined) {
      total += (current || 1) * scale;
      current = 0;
      seen = true;
    }
  }
  return seen ? total + current : undefined;
}

// "two and a half", "one and three quarters": a fraction after a whole number.
const FRACTION_AFTER = /^ and (a half|a quarter|three quarters)\b/i;
const FRACTIONS: Readonly<Record<string, number>> = { "a half": 0.5, "a quarter": 0.25, "three quarters": 0.75 };
// "four point four nine", "nought point five": decimals read out digit by digit.
const POINT_AFTER = /^ point((?:[ -](?:zero|nought|oh|one|two|three|four|five|six|seven|eight|nine)){1,6})\b/i;
// "half a percent", "half a day", "half a million": a half before the unit or scale it halves.
const HALF_A = /\bhalf an?(?= [a-z])/gi;

/** The fraction written right after a number ending at `end` ("and a half", "point five"), if any. */
export function fractionAfter(text: string, end: number): { add: number; length: number } | undefined {
  if (text[end] !== " ") return undefined;
  const rest = text.slice(end, end + 48);
  const and = FRACTION_AFTER.exec(rest);
  if (and) return { add: FRACTIONS[(and[1] ?? "").toLowerCase()] ?? 0, length: and[0].length };
  const point = POINT_AFTER.exec(rest);
  if (!point) return undefined;
  const digits = (point[1] ?? "")
    .trim()
    .split(/[ -]/)
    .map((w) => (w.toLowerCase() === "oh" ? 0 : EN_SMALL[w.toLowerCase()]));
  return { add: Number(`0.${digits.join("")}`), length: point[0].length };
}

/** Finds numbers written in English words: "fifteen", "twenty-five", "a hundred and fifty", "two and a half". */
export function findEnglishNumbers(text: string): WordNumber[] {
  const found: WordNumber[] = [];
  // Every number word has three letters or more; text without them (digits, Chinese) is done at once.
  if (!/[a-z]{3}/i.test(text)) return found;
  let consumed = 0;
  for (const m of text.matchAll(WORD_RUN)) {
    // A run inside the decimals of the one before ("four point four nine") is part of it.
    if (m.index < consumed) continue;
    // "and" joins a number only after a scale ("a hundred and five"); "seven and eight" are two numbers.
    let from = 0;
    const parts: { start: number; text: string }[] = [];
    for (const and of m[0].matchAll(/ and /gi)) {
      if (/(?:hundred|thousand|million|billion)$/i.test(m[0].slice(0, and.index))) continue;
      parts.push({ start: from, text: m[0].slice(from, and.index) });
      from = and.index + and[0].length;
    }
    parts.push({ start: from, text: m[0].slice(from) });
    for (const part of parts) {
      // "hundred" alone is no number ("hundreds of" never gets here, "hundred" does).
      if (/^(?:hundred|thousand|million|billion)$/i.test(part.text)) continue;
      const value = parseWordRun(part.text);
      const start = m.index + part.start;
      // "three" of "one and three quarters" is part of the fraction before it.
      if (value === undefined || start < consumed) continue;
      const end = start + part.text.length;
      const fraction = fractionAfter(text, end);
      found.push({ start, end: end + (fraction?.length ?? 0), value: value + (fraction?.add ?? 0) });
      consumed = end + (fraction?.length ?? 0);
    }
  }
  if (/half a/i.test(text)) {
    // Both lists are in order, so one pass places every "half a" among the numbers already found.
    const halves: WordNumber[] = [];
    let j = 0;
    for (const m of text.matchAll(HALF_A)) {
      const end = m.index + m[0].length;
      while (j < found.length && (found[j] as WordNumber).end <= m.index) j++;
      const next = found[j];
      if (next && next.start <= m.index) continue;
      if (next && next.start < end) {
        // "half a million": the run "a million" starts inside "half a" and is halved, not read again.
        next.start = m.index;
        next.value /= 2;
      } else {
        halves.push({ start: m.index, end, value: 0.5 });
      }
    }
    if (halves.length > 0) return [...found, ...halves].sort((a, b) => a.start - b.start);
  }
  return found;
}
