// Amounts, percentages, durations, counts and other numbers in a (folded) text, once dates, times and contacts are
// gone. A number takes its meaning from what stands next to it ("£" before, "英镑", "%", "business days", "个工作日"
// after); "1–4 business days" and "£1,000 to £4,999" are ranges; "nine pounds ninety-nine" and "9英镑99便士" are one
// amount. A figure keeps its kind and unit: "8号" or "8张卡" in the evidence never support "8英镑". Looking around each
// number is bounded, so it is linear.
import { type Fact, type FoundFact, numberKey } from "./fact-types.js";
import { extractWordedQuantities, findSlangAmounts } from "./facts-worded.js";
import { findEnglishNumbers, fractionAfter, parseZhNumber } from "./number-words.js";

/** Whether the text is a claim to check (unit-less small numbers are no facts) or evidence (every number counts). */
export type FactMode = "claim" | "evidence";

interface Token {
  start: number;
  end: number;
  value: number;
  spelled: boolean;
  decimal: boolean;
  /** The currency a slang amount carries ("a tenner"). */
  currency?: string;
}

type Unit =
  | { kind: "money"; currency: string }
  | { kind: "percent"; prefix: "p" | "li" | "zhe" }
  | { kind: "duration"; family: "sec" | "min" | "day" | "mon"; factor: number }
  | { kind: "count"; what: string };

interface Reading {
  token: Token;
  value: number;
  unit?: Unit;
  /** What an amount is counted per ("£25,000 a day", "每月£12", "annual fee of £3"). */
  period?: string;
  /** Not a fact at all: an ordinal, a month name, a number glued to a product name. */
  skip: boolean;
  /** Written as data is (digits, nothing after): in evidence, it may back an amount or a rate ("fee: 15"). */
  bare: boolean;
  /** The currency was written as a word after the number ("nine pounds", "9英镑"), so pence may follow. */
  wordCurrency?: boolean;
  from: number;
  to: number;
}

const DIGITS = /\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,6})?(?!\d|,\d)|\d{1,15}(?:\.\d{1,6})?/g;
const ZH_NUMERAL =
  /[零〇一二两兩三四五六七八九十][零〇一二两兩三四五六七八九十百千万萬亿億]{0,12}(?:点[零〇一二三四五六七八九]{1,6})?/g;
const HAN = /[\u3400-\u9fff]/;
// "百分之五" is 5%, "千分之五" 0.5% and "万分之五" 0.05%.
const ZH_PERCENT =
  /([百千万])分之(\d{1,3}(?:\.\d{1,4})?|[零〇一二两三四五六七八九十百]{1,6}(?:点[零〇一二三四五六七八九]{1,6})?)/g;
const ZH_PER_MILLE: Readonly<Record<string, number>> = { 百: 1, 千: 10, 万: 100 };
const CURRENCY_BEFORE = /(?:(£|gbp)|(hk\$|hkd)|(us\$|\$|usd)|(€|eur)|(¥|rmb|cny|人民币)) ?$/i;
const CURRENCY_CODES = ["GBP", "HKD", "USD", "EUR", "CNY"];
// "Two grand" is £2,000: the only multiplier that names its currency.
const MULTIPLIER = /^ ?(k|m|bn|million|thousand|billion|grand|万|萬|千|亿|億)(?![a-z])/i;
const MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3,
  m: 1e6,
  bn: 1e9,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  grand: 1e3,
  万: 1e4,
  萬: 1e4,
  千: 1e3,
  亿: 1e8,
  億: 1e8,
};
// "英磅" and "磅" are common misspellings of 英镑; "英鎊" and "鎊" are traditional; "欧元" must not read as 元.
const CURRENCY_AFTER = new RegExp(
  "^ ?(pounds?|quid|gbp|sterling|pence|p(?![a-z])|英镑|英鎊|英磅|镑|鎊|磅|便士|欧元|歐元|美元|美金|港元|港币|港幣|元|块|人民币|" +
    "rmb|cny|yuan|euros?|eur|dollars?|usd)(?![a-z])",
  "i",
);
const PERCENT_AFTER = /^ ?(%|per ?cent(?![a-z])|percent(?![a-z])|个百分点|percentage points?)/i;
const AGE_AFTER = /^ ?(?:years? old|-year-old|岁|周岁)/i;
const DURATION_EN = new RegExp(
  "^(?: ?- ?| )?(?:(?:business|working|banking|calendar|clear|full|consecutive|whole)[ -])?" +
    "(seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|months?|years?|yrs?)(?![a-z])",
  "i",
);
const DURATION_ZH = /^ ?(个)? ?(半)? ?(个)?(工作日|营业日|银行工作日|小时|钟头|分钟|秒钟|秒|天|日|周|星期|礼拜|月|年)/;
const COUNT_AFTER = new RegExp(
  "^ ?(?:(?:wrong|incorrect|failed|unsuccessful|more|further|bad|invalid) )?" +
    "(times|attempts?|tries|goes|digits?|characters?|次|遍|回|位数?)(?![a-z])",
  "i",
);
const CONNECTOR = /^ ?(?:-|–|~|to|至|到|and|through) ?$/i;

function currencyAfter(word: string): string {
  const w = word.toLowerCase();
  if (/^(?:euros?|eur|欧元|歐元)$/.test(w)) return "EUR";
  if (/^(?:dollars?|usd|美元|美金)$/.test(w)) return "USD";
  if (/^(?:港元|港币|港幣)$/.test(w)) return "HKD";
  if (/^(?:元|块|人民币|rmb|cny|yuan)$/.test(w)) return "CNY";
  return "GBP";
}

function durationUnit(word: string): Unit | undefined {
  const w = word.toLowerCase();
  if (/^(?:seconds?|secs?|秒钟|秒)$/.test(w)) return { kind: "duration", family: "sec", factor: 1 };
  if (/^(?:minutes?|mins?|分钟)$/.test(w)) return { kind: "duration", family: "min", factor: 1 };
  if (/^(?:hours?|hrs?|h|小时|钟头)$/.test(w)) return { kind: "duration", family: "min", factor: 60 };
  if (/^(?:days?|工作日|营业日|银行工作日|天|日)$/.test(w)) return { kind: "duration", family: "day", factor: 1 };
  if (/^(?:weeks?|wks?|周|星期|礼拜)$/.test(w)) return { kind: "duration", family: "day", factor: 7 };
  if (/^(?:months?|月)$/.test(w)) return { kind: "duration", family: "mon", factor: 1 };
  return { kind: "duration", family: "mon", factor: 12 };
}

function countUnit(word: string): Unit {
  const w = word.toLowerCase();
  return {
    kind: "count",
    what: /^(?:digits?|位数?)$/.test(w) ? "digits" : /^(?:characters?)$/.test(w) ? "chars" : "times",
  };
}

function tokens(text: string): Token[] {
  const all: Token[] = [];
  for (const m of text.matchAll(DIGITS)) {
    const end = m.index + m[0].length;
    // "2 and a half per cent" is 2.5%.
    const half = text.startsWith(" and a", end) ? fractionAfter(text, end) : undefined;
    const value = Number(m[0].replace(/,/g, "")) + (half?.add ?? 0);
    all.push({
      start: m.index,
      end: end + (half?.length ?? 0),
      value,
      spelled: false,
      decimal: m[0].includes(".") || half !== undefined,
    });
  }
  for (const m of HAN.test(text) ? text.matchAll(ZH_NUMERAL) : []) {
    const value = parseZhNumber(m[0]);
    if (value !== undefined)
      all.push({ start: m.index, end: m.index + m[0].length, value, spelled: true, decimal: m[0].includes("点") });
  }
  for (const w of findEnglishNumbers(text)) all.push({ ...w, spelled: true, decimal: !Number.isInteger(w.value) });
  for (const s of findSlangAmounts(text)) all.push({ ...s, spelled: true, decimal: false });
  return all.sort((a, b) => a.start - b.start);
}

/** Reads what a number means from the characters around it. */
function read(text: string, token: Token): Reading {
  const before = text.slice(Math.max(0, token.start - 8), token.start);
  const reading: Reading = { token, value: token.value, skip: false, bare: false, from: token.start, to: token.end };
  const cur = /[£$€¥A-Za-z币]\s?$/.test(before) ? CURRENCY_BEFORE.exec(before) : null;
  const prev = text[token.start - 1] ?? "";
  if (cur) reading.from = token.start - cur[0].length;
  const currency = cur ? (CURRENCY_CODES[cur.slice(1).findIndex((g) => g !== undefined)] ?? "GBP") : token.currency;
  // "第一", "前一天" (the day before), "这两天" (these days): an ordinal or a deictic, not a count.
  const deictic = token.spelled && /[前后同每这那某有当头上]$/.test(before);
  // A reference code ("T-72801961", "tx-00707514") is an identifier, not a quantity.
  const code = /[A-Za-z]-$/.test(before);
  if (/第 ?$/.test(before) || deictic || (!cur && (/[A-Za-z]/.test(prev) || code))) reading.skip = true;
  let pos = token.end;
  const rest = (): string => text.slice(pos, pos + 32);
  // Most numbers are followed by a space and a plain word or by punctuation: only a letter, a Chinese character,
  // "%" or "-" can start a unit, so the unit patterns run only then.
  const next = text[pos] === " " ? text[pos + 1] : text[pos];
  if (next === undefined || !/[A-Za-z%\-\u3400-\u9fff]/.test(next)) {
    if (currency) {
      reading.unit = { kind: "money", currency };
      reading.period = periodOf(text, reading);
    }
    // A small whole number on its own counts steps and options ("press 8"), not money or rates.
    const small = Number.isInteger(token.value) && token.value <= 10;
    reading.bare = !currency && !token.spelled && !reading.skip && !small;
    return reading;
  }
  const mult = MULTIPLIER.exec(rest());
  let grand = false;
  if (mult) {
    const word = (mult[1] ?? "").toLowerCase();
    const short = word === "k" || word === "m" || word === "bn";
    if (!short || cur || CURRENCY_AFTER.test(text.slice(pos + mult[0].length, pos + mult[0].length + 12))) {
      reading.value *= MULTIPLIERS[word] ?? 1;
      pos += mult[0].length;
      grand = word === "grand";
    }
  }
  if (currency || grand) reading.unit = { kind: "money", currency: currency ?? "GBP" };
  const after = rest();
  const money = CURRENCY_AFTER.exec(after);
  const percent = PERCENT_AFTER.exec(after);
  const age = AGE_AFTER.exec(after);
  const en = DURATION_EN.exec(after);
  const zh = DURATION_ZH.exec(after);
  const count = COUNT_AFTER.exec(after);
  if (money && !(money[1]?.toLowerCase() === "p" && money[0].startsWith(" "))) {
    const pence = /^(?:p|pence|便士)$/i.test(money[1] ?? "");
    if (pence) reading.value /= 100;
    reading.unit = { kind: "money", currency: pence ? "GBP" : currencyAfter(money[1] ?? "") };
    reading.wordCurrency = !pence && !cur;
    pos += money[0].length;
  } else if (reading.unit) {
    // A slang amount or "two grand": its currency is known and nothing after it changes that.
  } else if (percent) {
    reading.unit = { kind: "percent", prefix: "p" };
    pos += percent[0].length;
  } else if (/^ ?厘/.test(after) || /^ ?折/.test(after)) {
    reading.unit = { kind: "percent", prefix: after.trimStart().startsWith("厘") ? "li" : "zhe" };
    pos += after.indexOf(after.trimStart()[0] ?? "") + 1;
  } else if (age) {
    pos += age[0].length;
  } else if (en && !(en[1]?.toLowerCase() === "h" && en[0] !== "h")) {
    reading.unit = durationUnit(en[1] ?? "");
    pos += en[0].length;
  } else if (zh) {
    const unit = zh[4] ?? "";
    const year =
      unit === "年" &&
      !zh[1] &&
      !zh[2] &&
      Number.isInteger(reading.value) &&
      reading.value >= 1900 &&
      reading.value <= 2100;
    // "3月" is March and "2026年" a year; a month count is written "3个月".
    if (unit === "月" && !zh[1] && !zh[3]) reading.skip = true;
    else if (!year) {
      if (zh[2]) reading.value += 0.5;
      reading.unit = durationUnit(unit);
      pos += zh[0].length;
    }
  } else if (count) {
    reading.unit = countUnit(count[1] ?? "");
    pos += count[0].length;
  } else if (/^[A-Za-z]/.test(after) && !cur) {
    reading.skip = true;
  } else if (/^ ?[号號]/.test(after)) {
    reading.skip = true;
  }
  reading.to = pos;
  if (reading.unit?.kind === "money") reading.period = periodOf(text, reading);
  return reading;
}

const PERIOD_AFTER = new RegExp(
  "^ ?(?:a|an|per|each|every|/) ?(day|week|month|year|annum|transaction|payment|withdrawal)\\b|" +
    "^ ?(?:/|每)(天|日|周|月|年|笔|次)",
  "i",
);
const PERIOD_BEFORE_EN = /\b(daily|weekly|monthly|yearly|annual)\b[^\d£$€.;]{0,30}$/i;
const PERIOD_BEFORE_ZH = /(每日|每天|日|每周|每月|月|每年|年|每笔|每次)[^\d£$€，。；]{0,8}$/;
const PERIODS: Readonly<Record<string, string>> = {
  day: "day",
  daily: "day",
  天: "day",
  日: "day",
  每日: "day",
  每天: "day",
  week: "week",
  weekly: "week",
  周: "week",
  每周: "week",
  month: "month",
  monthly: "month",
  月: "month",
  每月: "month",
  year: "year",
  annum: "year",
  yearly: "year",
  annual: "year",
  年: "year",
  每年: "year",
  transaction: "each",
  payment: "each",
  withdrawal: "each",
  笔: "each",
  次: "each",
  每笔: "each",
  每次: "each",
};

/** The period an amount is counted per, read after it or (within its clause) before it. */
function periodOf(text: string, r: Reading): string | undefined {
  const after = PERIOD_AFTER.exec(text.slice(r.to, r.to + 16));
  const word = after ? (after[1] ?? after[2]) : undefined;
  if (word) return PERIODS[word.toLowerCase()];
  const before = text.slice(Math.max(0, r.from - 40), r.from);
  const m = PERIOD_BEFORE_EN.exec(before) ?? PERIOD_BEFORE_ZH.exec(before);
  return m ? PERIODS[(m[1] ?? "").toLowerCase()] : undefined;
}

function unitKey(unit: Unit): string {
  switch (unit.kind) {
    case "money":
      return `m:${unit.currency}`;
    case "percent":
      return unit.prefix;
    case "duration":
      return `d:${unit.family}`;
    case "count":
      return `x:${unit.what}`;
  }
}

const scaled = (r: Reading, unit: Unit): number => (unit.kind === "duration" ? r.value * unit.factor : r.value);

function singleFact(text: string, r: Reading, mode: FactMode): Fact | undefined {
  const raw = text.slice(r.from, r.to).trim();
  const values = [r.value];
  if (mode === "claim" && r.skip) return undefined;
  if (!r.unit) {
    const small = Number.isInteger(r.value) && r.value <= 10 && !r.token.decimal;
    if (mode === "claim" && (r.token.spelled || small)) return undefined;
    const key = numberKey(r.value);
    return { kind: "number", raw, keys: [`n:${key}`], ...(r.bare ? { implied: [`b:${key}`] } : {}), values };
  }
  const v = numberKey(scaled(r, r.unit));
  const key = `${unitKey(r.unit)}:${v}`;
  if (r.unit.kind === "money") {
    const conflicts = r.period ? { conflicts: { any: `per:${key}`, own: `per:${key}:${r.period}` } } : {};
    return { kind: "money", raw, keys: [key], weakKeys: [`b:${v}`], values, ...conflicts };
  }
  if (r.unit.kind === "percent") {
    const weak = r.unit.prefix === "p" ? [`b:${v}`, `b:${numberKey(r.value / 100)}`] : [];
    return { kind: "percent", raw, keys: [key], weakKeys: weak, values };
  }
  // "一次性" is "one-off", not a count the evidence must hold.
  if (mode === "claim" && r.unit.kind === "count" && r.value <= 1) return undefined;
  return { kind: r.unit.kind, raw, keys: [key], values };
}

function rangeFact(text: string, a: Reading, b: Reading, unit: Unit): Fact {
  const prefix = unitKey(unit);
  const low = numberKey(scaled(a, unit));
  const high = numberKey(scaled(b, unit));
  const kind = unit.kind === "count" ? "count" : unit.kind;
  return {
    kind,
    raw: text.slice(a.from, b.to).trim(),
    keys: [`${prefix}:${low}-${high}`],
    implied: [`${prefix}:${low}`, `${prefix}:${high}`],
    values: [a.value, b.value],
  };
}

const sameUnit = (a: Unit | undefined, b: Unit): boolean => a === undefined || unitKey(a) === unitKey(b);

/** Finds "百分之五", "百分之二点七五" and "千分之五" before anything reads their numerals as times or counts. */
export function extractZhPercents(text: string): FoundFact[] {
  const found: FoundFact[] = [];
  for (const m of text.includes("分之") ? text.matchAll(ZH_PERCENT) : []) {
    const body = m[2] ?? "";
    const read = /^\d/.test(body) ? Number(body) : parseZhNumber(body);
    if (read === undefined) continue;
    const value = read / (ZH_PER_MILLE[m[1] ?? ""] ?? 1);
    const v = numberKey(value);
    const fact: Fact = {
      kind: "percent",
      raw: m[0],
      keys: [`p:${v}`],
      weakKeys: [`b:${v}`, `b:${numberKey(value / 100)}`],
      values: [value],
    };
    found.push({ fact, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/**
 * The pence of "nine pounds ninety-nine", "9英镑99便士" and "九块九": a whole amount whose currency is written as a word,
 * followed at once by a count of pence (or of 角 after 块/元). Undefined when `b` is not such a tail of `a`.
 */
function minorUnits(text: string, a: Reading, b: Reading): number | undefined {
  if (!a.wordCurrency || a.unit?.kind !== "money" || !Number.isInteger(a.value) || b.skip) return undefined;
  const gap = text.slice(a.to, b.from);
  const pence = b.unit?.kind === "money" && b.unit.currency === "GBP" && b.value < 1 && Number.isInteger(b.value * 100);
  if (pence && a.unit.currency === "GBP" && /^(?: |and| and )?$/i.test(gap)) return b.value;
  if (b.unit || !Number.isInteger(b.value) || b.value < 1 || b.value > 99 || !/^ ?$/.test(gap)) return undefined;
  const jiao = a.unit.currency === "CNY" && b.value < 10 && /[块元]$/.test(text.slice(a.from, a.to));
  return jiao ? b.value / 10 : b.value / 100;
}

/** Finds amounts, rates, durations, counts and (outside claims' small counts) other numbers. */
export function extractQuantities(text: string, mode: FactMode): Fact[] {
  const worded = extractWordedQuantities(text);
  const facts = worded.facts;
  const rest = worded.rest;
  const readings = tokens(rest).map((t) => read(rest, t));
  for (let i = 0; i < readings.length; i++) {
    const a = readings[i] as Reading;
    const b = readings[i + 1];
    const minor = b ? minorUnits(rest, a, b) : undefined;
    if (b && minor !== undefined) {
      // The pence join the pounds before them and are not read again.
      a.value += minor;
      a.to = b.to;
      i++;
    }
    const c = readings[i + 1];
    if (c && !a.skip && !c.skip) {
      const gap = rest.slice(a.to, c.from);
      const unit = c.unit ?? (a.unit?.kind === "money" ? a.unit : undefined);
      const between = /^ ?and ?$/i.test(gap)
        ? /(?:between|from) ?$/i.test(rest.slice(Math.max(0, a.from - 9), a.from))
        : true;
      const ascending = a.value < c.value;
      if (unit && ascending && CONNECTOR.test(gap) && between && sameUnit(a.unit, unit) && sameUnit(c.unit, unit)) {
        facts.push(rangeFact(rest, a, c, unit));
        i++;
        continue;
      }
    }
    const fact = singleFact(rest, a, mode);
    if (fact) facts.push(fact);
  }
  return facts;
}
