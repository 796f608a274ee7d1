// Finds money amounts in English and Chinese messages: with their currency ("£1.2k", "1,500 pounds", "一万五千元")
// here, and without one ("a loan of 8000", "借五万") in bare-amounts.ts.
// A hand-written scanner rather than regexes: numbers are read once, at most MAX_NUMBER_CHARS long, and every
// candidate is checked in constant time, so a long run of digits or numerals costs linear time.
import { MAX_SCANNED_CHARS, capText } from "../../shared/linear-text.js";
import { findBareAmounts, type BareAmountOptions } from "./bare-amounts.js";
import { isChineseNumeral, MAX_NUMBER_CHARS, parseChineseNumber } from "./chinese-numerals.js";
import type { AmountSlot, Currency } from "./slot-schema.js";

// Grammar, tried left to right in this order, each span used once:
//   symbol first  (US$|HK$|£|$|€|¥|￥) space? NUMBER space? MULTIPLIER?            not followed by [A-Za-z0-9_]
//   code first    not after a letter: (gbp|usd|eur|rmb|cny|hkd|jpy|人民币|美元|英镑|欧元), then as above
//   word after    not after [A-Za-z0-9_.$£€¥]: (NUMBER|CHINESE NUMBER) space? MULTIPLIER? space? CURRENCY WORD
//                 not followed by a Latin letter
// NUMBER is 1,234.5 or 1234.5; CHINESE NUMBER is a run of digits, "." and numerals holding at least one numeral.

const SYMBOLS: [string, Currency][] = [
  ["US$", "USD"],
  ["HK$", "HKD"],
  ["£", "GBP"],
  ["$", "USD"],
  ["€", "EUR"],
  ["¥", "CNY"],
  ["￥", "CNY"],
];
const CODES: [string, Currency][] = [
  ["gbp", "GBP"],
  ["usd", "USD"],
  ["eur", "EUR"],
  ["rmb", "CNY"],
  ["cny", "CNY"],
  ["hkd", "HKD"],
  ["jpy", "JPY"],
  ["人民币", "CNY"],
  ["美元", "USD"],
  ["英镑", "GBP"],
  ["欧元", "EUR"],
];
// Longer spellings first where one word starts another ("pounds" before "pound", "元人民币" before "元").
// In a UK bank "块" is said for pounds as often as for yuan, so its currency is left open.
const CURRENCY_WORDS: [string, Currency | null][] = [
  ["pounds", "GBP"],
  ["pound", "GBP"],
  ["quid", "GBP"],
  ["gbp", "GBP"],
  ["sterling", "GBP"],
  ["dollars", "USD"],
  ["dollar", "USD"],
  ["usd", "USD"],
  ["bucks", "USD"],
  ["euros", "EUR"],
  ["euro", "EUR"],
  ["eur", "EUR"],
  ["rmb", "CNY"],
  ["cny", "CNY"],
  ["yuan", "CNY"],
  ["renminbi", "CNY"],
  ["jpy", "JPY"],
  ["yen", "JPY"],
  ["hkd", "HKD"],
  ["元人民币", "CNY"],
  ["英镑", "GBP"],
  ["镑", "GBP"],
  ["美元", "USD"],
  ["美金", "USD"],
  ["欧元", "EUR"],
  ["人民币", "CNY"],
  ["块钱", "CNY"],
  ["元", "CNY"],
  ["块", null],
  ["日元", "JPY"],
  ["港币", "HKD"],
  ["港元", "HKD"],
];
// "m" comes before "million": when "m" is followed by a letter the longer word is tried next.
const MULTIPLIERS: [string, number][] = [
  ["k", 1e3],
  ["m", 1e6],
  ["bn", 1e9],
  ["thousand", 1e3],
  ["million", 1e6],
  ["grand", 1e3],
  ["千", 1e3],
  ["万", 1e4],
];

const isDigit = (ch: string): boolean => ch >= "0" && ch <= "9";
const isWordChar = (ch: string): boolean =>
  ch.length === 1 && (isDigit(ch) || ch === "_" || (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z"));
const isLatinLetter = (ch: string): boolean =>
  ch.length === 1 && ((ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z"));
const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);
// What a regex `\s` matches.
const SPACES = new Set([..."\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff"]);
const isSpace = (ch: string): boolean => SPACES.has(ch) || (ch >= "\u2000" && ch <= "\u200a");
const isNumberRunChar = (ch: string): boolean => isDigit(ch) || ch === "." || isChineseNumeral(ch);

/** The text with only ASCII letters lower-cased (our words are ASCII or Chinese), so indexes stay the same. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** A word list indexed by first character, so each position costs one map lookup. */
function byFirstChar<T>(list: readonly [string, T][]): Map<string, [string, T][]> {
  const map = new Map<string, [string, T][]>();
  for (const [word, value] of list) {
    const key = word.charAt(0).toLowerCase();
    map.set(key, [...(map.get(key) ?? []), [word.toLowerCase(), value]]);
  }
  return map;
}

const SYMBOL_INDEX = byFirstChar(SYMBOLS);
const CODE_INDEX = byFirstChar(CODES);
const CURRENCY_INDEX = byFirstChar(CURRENCY_WORDS);
const MULTIPLIER_INDEX = byFirstChar(MULTIPLIERS);

/** Words of an index spelled at `at` in the lower-cased text, in list order (the order a regex alternation tries). */
function wordsAt<T>(lower: string, at: number, index: Map<string, [string, T][]>): [string, T][] {
  const candidates = index.get(lower.charAt(at));
  return candidates ? candidates.filter(([word]) => lower.startsWith(word, at)) : [];
}

/** Where a NUMBER starting at `at` may end, most preferred first (the order a backtracking regex tries). */
function arabicEnds(text: string, at: number): number[] {
  if (!isDigit(text.charAt(at))) return [];
  let digitsEnd = at;
  while (digitsEnd < text.length && isDigit(text.charAt(digitsEnd))) {
    digitsEnd++;
    if (digitsEnd - at > MAX_NUMBER_CHARS) return [];
  }
  const fraction = (from: number): number[] => {
    if (text.charAt(from) !== "." || !isDigit(text.charAt(from + 1))) return [];
    let end = from + 1;
    while (end < text.length && isDigit(text.charAt(end)) && end - at < MAX_NUMBER_CHARS) end++;
    const ends: number[] = [];
    for (let e = end; e > from + 1; e--) ends.push(e);
    return ends;
  };
  const ends: number[] = [];
  // 1,234,567(.89): one to three digits, then comma groups.
  for (let lead = Math.min(3, digitsEnd - at); lead >= 1; lead--) {
    const groups: number[] = [];
    let p = at + lead;
    while (
      text.charAt(p) === "," &&
      isDigit(text.charAt(p + 1)) &&
      isDigit(text.charAt(p + 2)) &&
      isDigit(text.charAt(p + 3)) &&
      p + 4 - at <= MAX_NUMBER_CHARS
    ) {
      p += 4;
      groups.push(p);
    }
    for (let g = groups.length - 1; g >= 0; g--) ends.push(...fraction(groups[g] as number), groups[g] as number);
  }
  // 1234(.5)
  ends.push(...fraction(digitsEnd));
  for (let e = digitsEnd; e > at; e--) ends.push(e);
  return ends;
}

/** Where the run of digits, "." and numerals starting at each index ends: one backward pass. */
function numberRunEnds(text: string): Int32Array {
  const ends = new Int32Array(text.length + 1);
  ends[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) ends[i] = isNumberRunChar(text.charAt(i)) ? (ends[i + 1] as number) : i;
  return ends;
}

/** Where a CHINESE NUMBER starting at `at` may end, longest first; none when the run is too long to be an amount. */
function chineseEnds(text: string, at: number, runEnds: Int32Array): number[] {
  const end = runEnds[at] as number;
  if (end - at > MAX_NUMBER_CHARS) return [];
  let lastNumeral = -1;
  for (let i = at; i < end; i++) if (isChineseNumeral(text.charAt(i))) lastNumeral = i;
  const ends: number[] = [];
  for (let e = end; e > lastNumeral && lastNumeral >= 0; e--) ends.push(e);
  return ends;
}

/** `space?` then `MULTIPLIER?`: every way to read them at `at`, in backtracking order. */
function spaceThenMultiplier(text: Scanned, at: number): { end: number; multiplier: number }[] {
  const out: { end: number; multiplier: number }[] = [];
  for (const start of isSpace(text.raw.charAt(at)) ? [at + 1, at] : [at]) {
    for (const [word, m] of wordsAt(text.lower, start, MULTIPLIER_INDEX))
      out.push({ end: start + word.length, multiplier: m });
    out.push({ end: start, multiplier: 1 });
  }
  return out;
}

/** The message and its ASCII-lower-cased copy (same indexes). */
interface Scanned {
  raw: string;
  lower: string;
}

interface Found {
  start: number;
  end: number;
  slot: AmountSlot;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

function readNumber(text: string): number | undefined {
  if (/^[\d,.]+$/.test(text)) {
    const v = Number(text.replace(/,/g, ""));
    return Number.isFinite(v) ? v : undefined;
  }
  return parseChineseNumber(text);
}

function toFound(
  text: Scanned,
  start: number,
  end: number,
  numberText: string,
  multiplier: number,
  currency: Currency | null,
): Found | undefined {
  const v = readNumber(numberText);
  if (v === undefined) return undefined;
  return { start, end, slot: { value: round2(v * multiplier), currency, text: text.raw.slice(start, end).trim() } };
}

/** A prefix (symbol or code) amount whose prefix ends at `at`: the span's end, or undefined when none matches. */
function matchAfterPrefix(
  text: Scanned,
  start: number,
  at: number,
  currency: Currency | null,
  out: Found[],
): number | undefined {
  for (const numberStart of isSpace(text.raw.charAt(at)) ? [at + 1, at] : [at]) {
    for (const numberEnd of arabicEnds(text.raw, numberStart)) {
      for (const m of spaceThenMultiplier(text, numberEnd)) {
        if (isWordChar(text.raw.charAt(m.end))) continue;
        const found = toFound(text, start, m.end, text.raw.slice(numberStart, numberEnd), m.multiplier, currency);
        if (found) out.push(found);
        return m.end;
      }
    }
  }
  return undefined;
}

function scanSymbolFirst(text: Scanned, out: Found[]): void {
  for (let i = 0; i < text.raw.length;) {
    const [symbol, currency] = wordsAt(text.lower, i, SYMBOL_INDEX)[0] ?? [];
    const end = symbol && currency ? matchAfterPrefix(text, i, i + symbol.length, currency, out) : undefined;
    i = end ?? i + 1;
  }
}

function scanCodeFirst(text: Scanned, out: Found[]): void {
  for (let i = 0; i < text.raw.length;) {
    const [code, currency] = wordsAt(text.lower, i, CODE_INDEX)[0] ?? [];
    const allowed = code !== undefined && !(i > 0 && isLetter(text.raw.charAt(i - 1)));
    const end = allowed && currency ? matchAfterPrefix(text, i, i + code.length, currency, out) : undefined;
    i = end ?? i + 1;
  }
}

/** `space? MULTIPLIER? space? CURRENCY WORD` then no Latin letter, after a number ending at `at`. */
function matchCurrencyWord(
  text: Scanned,
  at: number,
): { end: number; multiplier: number; currency: Currency | null } | undefined {
  for (const m of spaceThenMultiplier(text, at)) {
    for (const start of isSpace(text.raw.charAt(m.end)) ? [m.end + 1, m.end] : [m.end]) {
      for (const [word, currency] of wordsAt(text.lower, start, CURRENCY_INDEX)) {
        const end = start + word.length;
        if (!isLatinLetter(text.raw.charAt(end))) return { end, multiplier: m.multiplier, currency };
      }
    }
  }
  return undefined;
}

// The farthest a currency word can start after a number's first character: the number, a space, a multiplier, a space.
const LONGEST_MULTIPLIER = Math.max(...MULTIPLIERS.map(([w]) => w.length));
const CURRENCY_REACH = MAX_NUMBER_CHARS + 1 + LONGEST_MULTIPLIER + 1;

/** For each index, where the nearest currency word at or after it starts (text length when none): one backward pass. */
function nextCurrencyWords(text: Scanned): Int32Array {
  const next = new Int32Array(text.raw.length + 1);
  next[text.raw.length] = text.raw.length;
  for (let i = text.raw.length - 1; i >= 0; i--)
    next[i] = wordsAt(text.lower, i, CURRENCY_INDEX).length > 0 ? i : (next[i + 1] as number);
  return next;
}

function scanWordAfter(text: Scanned, out: Found[]): void {
  const raw = text.raw;
  const runEnds = numberRunEnds(raw);
  const nextCurrency = nextCurrencyWords(text);
  for (let i = 0; i < raw.length;) {
    const before = i > 0 ? raw.charAt(i - 1) : "";
    let end: number | undefined;
    const reachable = (nextCurrency[i] as number) - i <= CURRENCY_REACH;
    if (reachable && isNumberRunChar(raw.charAt(i)) && !isWordChar(before) && !".$£€¥".includes(before || "\u0000")) {
      for (const numberEnd of [...arabicEnds(raw, i), ...chineseEnds(raw, i, runEnds)]) {
        const m = matchCurrencyWord(text, numberEnd);
        if (!m) continue;
        const found = toFound(text, i, m.end, raw.slice(i, numberEnd), m.multiplier, m.currency);
        if (found) out.push(found);
        end = m.end;
        break;
      }
    }
    i = end ?? i + 1;
  }
}

/**
 * Extracts every money amount in the message (its first MAX_SCANNED_CHARS characters), in the order written: with a
 * currency wherever written, and without one ("a loan of 8000", "借五万") only in a money context.
 */
export function extractAmounts(message: string, options: BareAmountOptions = {}): AmountSlot[] {
  const raw = capText(message, MAX_SCANNED_CHARS);
  const text: Scanned = { raw, lower: asciiLower(raw) };
  const taken = new Uint8Array(raw.length + 1);
  const found: Found[] = [];
  const scanBare = (t: Scanned, out: Found[]): void => void out.push(...findBareAmounts(t.raw, t.lower, options));
  // Bare numbers come last: a number with a currency is read with it.
  for (const scan of [scanSymbolFirst, scanCodeFirst, scanWordAfter, scanBare]) {
    const spans: Found[] = [];
    scan(text, spans);
    // Spans are short (a bounded number and a word), so checking and marking their characters is linear overall.
    for (const f of spans) {
      if (taken.subarray(f.start, f.end).some((t) => t === 1)) continue;
      taken.fill(1, f.start, f.end);
      found.push(f);
    }
  }
  return found.sort((a, b) => a.start - b.start).map((f) => f.slot);
}
