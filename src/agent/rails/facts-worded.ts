// Quantities written without a number the token reader can see: "next business day" is one day, "within the hour"
// sixty minutes, "an hour and a half" ninety, "半小时" thirty, "下个工作日" one day, "半个百分点" half a percentage
// point; and the slang of amounts ("a tenner", "a fiver", "a grand", "a quid"). Each pattern runs only on its hint.
import { type Fact, numberKey } from "./fact-types.js";

/** An amount written as slang, with where it stands, for the token reader to read like a number with its currency. */
export interface SlangAmount {
  start: number;
  end: number;
  value: number;
  currency: string;
}

interface WordedPattern {
  hint: RegExp;
  re: RegExp;
  fact: (m: RegExpMatchArray) => Fact;
}

const duration = (raw: string, key: string): Fact => ({ kind: "duration", raw, keys: [key], values: [] });
const EN_SPANS: Readonly<Record<string, string>> = {
  "half an hour": "min:30",
  "an hour": "min:60",
  "a day": "day:1",
  "a week": "day:7",
  "a fortnight": "day:14",
  "a month": "mon:1",
  "a year": "mon:12",
};

/** The key of "an hour", "a day and a half" and the like: a family and an amount, a half more when it says so. */
function spanKey(span: string, half: boolean): string {
  const [family, amount] = (EN_SPANS[span.toLowerCase()] ?? "day:14").split(":");
  return `d:${family}:${numberKey(Number(amount) * (half ? 1.5 : 1))}`;
}

const WORDED: readonly WordedPattern[] = [
  {
    hint: /next|following/i,
    re: /\b(?:next|following) (?:business|working|banking) day\b/gi,
    fact: (m) => duration(m[0], "d:day:1"),
  },
  {
    hint: /an hour|a day|a week|a fortnight|a month|a year/i,
    re: new RegExp(
      "\\b(?:within|in|under|after|over|for|takes?|about|around|up to|less than|more than) " +
        "(half an hour|an hour|a day|a week|a fortnight|a month|a year)( and a half)?\\b",
      "gi",
    ),
    fact: (m) => duration(m[0], spanKey(m[1] ?? "", m[2] !== undefined)),
  },
  // "Within the hour" is sixty minutes from now, the same promise as "within an hour".
  {
    hint: /the (?:next )?hour/i,
    re: /\b(?:within|in|inside|under) the (?:next )?hour\b/gi,
    fact: (m) => duration(m[0], "d:min:60"),
  },
  {
    hint: /quarter/i,
    re: /\b(a|three) quarters? of an hour\b/gi,
    fact: (m) => duration(m[0], (m[1] ?? "").toLowerCase() === "a" ? "d:min:15" : "d:min:45"),
  },
  {
    hint: /半/,
    re: /(?<![零〇一二两三四五六七八九十\d个])半(个)?(小时|天|年|月)/g,
    fact: (m) =>
      duration(
        m[0],
        m[2] === "小时" ? "d:min:30" : m[2] === "天" ? "d:day:0.5" : m[2] === "年" ? "d:mon:6" : "d:mon:0.5",
      ),
  },
  {
    hint: /半个百分点/,
    re: /(?<![零〇一二两三四五六七八九十\d])半个百分点/g,
    fact: (m) => ({ kind: "percent", raw: m[0], keys: ["p:0.5"], weakKeys: ["b:0.5", "b:0.005"], values: [0.5] }),
  },
  // "下个工作日" and "次工作日" are the next working day, as "下一个工作日" is.
  {
    hint: /工作日|营业日/,
    re: /(?:下一?个|下一|次一?个?)(?:银行工作日|工作日|营业日)/g,
    fact: (m) => duration(m[0], "d:day:1"),
  },
];

/** Finds the worded quantities of a text and blanks them out, so their words are not read again. */
export function extractWordedQuantities(text: string): { facts: Fact[]; rest: string } {
  const facts: Fact[] = [];
  let rest = text;
  for (const { hint, re, fact } of WORDED) {
    if (!hint.test(rest)) continue;
    for (const m of rest.matchAll(re)) facts.push(fact(m));
    rest = rest.replace(re, (s) => "\u0001".repeat(s.length));
  }
  return { facts, rest };
}

// "A grand total" and "a pound sign" are no amounts.
const SLANG = /\ba (tenner|fiver|grand|quid|pound)\b(?! (?:sign|coin|note|symbol|total|opening|prize))/gi;
const SLANG_VALUES: Readonly<Record<string, number>> = { tenner: 10, fiver: 5, grand: 1000, quid: 1, pound: 1 };

/** Finds "a tenner", "a fiver", "a grand", "a quid" and "a pound": amounts in pounds without a number. */
export function findSlangAmounts(text: string): SlangAmount[] {
  if (!/tenner|fiver|grand|quid|pound/i.test(text)) return [];
  return [...text.matchAll(SLANG)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    value: SLANG_VALUES[(m[1] ?? "").toLowerCase()] ?? 1,
    currency: "GBP",
  }));
}
