// Finds money amounts with their currency in English and Chinese messages ("£1.2k", "1,500 pounds", "一万五千元").
import { CHINESE_NUMBER_CHARS, parseChineseNumber } from "./chinese-numerals.js";
import type { AmountSlot, Currency } from "./slot-schema.js";

const SYMBOLS: Record<string, Currency> = { "£": "GBP", $: "USD", "US$": "USD", "HK$": "HKD", "€": "EUR", "¥": "CNY", "￥": "CNY" };
const WORDS: [RegExp, Currency | null][] = [
  [/^(?:pounds?|quid|gbp|sterling|英镑|镑)$/i, "GBP"],
  [/^(?:dollars?|usd|bucks|美元|美金)$/i, "USD"],
  [/^(?:euros?|eur|欧元)$/i, "EUR"],
  [/^(?:rmb|cny|yuan|renminbi|元|人民币|块钱|元人民币)$/i, "CNY"],
  [/^(?:jpy|yen|日元)$/i, "JPY"],
  [/^(?:hkd|港币|港元)$/i, "HKD"],
  // In a UK bank "块" is said for pounds as often as for yuan, so the currency is left open.
  [/^块$/, null],
];

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const MULT = String.raw`k|m|bn|thousand|million|grand|千|万`;
const CN_NUM = `[0-9.${CHINESE_NUMBER_CHARS}]*[${CHINESE_NUMBER_CHARS}][0-9.${CHINESE_NUMBER_CHARS}]*`;
const CUR_WORD = String.raw`pounds?|quid|gbp|sterling|dollars?|usd|bucks|euros?|eur|rmb|cny|yuan|renminbi|jpy|yen|hkd|元人民币|英镑|镑|美元|美金|欧元|人民币|块钱|元|块|日元|港币|港元`;

const SYMBOL_FIRST = new RegExp(String.raw`(US\$|HK\$|[£$€¥￥])\s?(${NUM})\s?(${MULT})?(?![\w])`, "giu");
const CODE_FIRST = new RegExp(String.raw`(?<![\p{L}])(gbp|usd|eur|rmb|cny|hkd|jpy|人民币|美元|英镑|欧元)\s?(${NUM})\s?(${MULT})?(?![\w])`, "giu");
const WORD_AFTER = new RegExp(String.raw`(?<![\w.$£€¥])(${NUM}|${CN_NUM})\s?(${MULT})?\s?(${CUR_WORD})(?![a-z])`, "giu");

function multiplier(m: string | undefined): number {
  switch ((m ?? "").toLowerCase()) {
    case "k":
    case "thousand":
    case "grand":
    case "千":
      return 1e3;
    case "m":
    case "million":
      return 1e6;
    case "bn":
      return 1e9;
    case "万":
      return 1e4;
    default:
      return 1;
  }
}

function currencyOfWord(word: string): Currency | null {
  for (const [re, cur] of WORDS) if (re.test(word)) return cur;
  return null;
}

function readNumber(text: string): number | undefined {
  if (/^[\d,.]+$/.test(text)) {
    const v = Number(text.replace(/,/g, ""));
    return Number.isFinite(v) ? v : undefined;
  }
  return parseChineseNumber(text);
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

/** Extracts every money amount in the message, in the order written. */
export function extractAmounts(text: string): AmountSlot[] {
  const found: { start: number; end: number; slot: AmountSlot }[] = [];
  const add = (start: number, end: number, slot: AmountSlot): void => {
    if (found.some((f) => start < f.end && end > f.start)) return;
    found.push({ start, end, slot });
  };
  for (const m of text.matchAll(SYMBOL_FIRST)) {
    const v = readNumber(m[2] as string);
    if (v === undefined) continue;
    add(m.index, m.index + m[0].length, { value: round2(v * multiplier(m[3])), currency: SYMBOLS[(m[1] as string).toUpperCase()] ?? null, text: m[0].trim() });
  }
  for (const m of text.matchAll(CODE_FIRST)) {
    const v = readNumber(m[2] as string);
    if (v === undefined) continue;
    add(m.index, m.index + m[0].length, { value: round2(v * multiplier(m[3])), currency: currencyOfWord(m[1] as string), text: m[0].trim() });
  }
  for (const m of text.matchAll(WORD_AFTER)) {
    const v = readNumber(m[1] as string);
    if (v === undefined) continue;
    add(m.index, m.index + m[0].length, { value: round2(v * multiplier(m[2])), currency: currencyOfWord(m[3] as string), text: m[0].trim() });
  }
  return found.sort((a, b) => a.start - b.start).map((f) => f.slot);
}
