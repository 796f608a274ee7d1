// The checkable facts of a knowledge document, in a language-neutral form: amounts, rates, phone numbers, clock
// times and counted durations. An English document and its Chinese counterpart must state the same set, so a
// translation cannot drop or change a figure unnoticed. Every pattern has bounded repetition (linear time).
import { ENGLISH_ONES, ENGLISH_TENS } from "../shared/text/number-words.js";


/** One fact as both languages can state it: "money:£15", "rate:2.75%", "phone:03453000000", "time:17:30", "days:3-5wd". */
export type DocumentFact = string;

const ENGLISH_NUMBERS: Readonly<Record<string, number>> = { ...ENGLISH_ONES, ...ENGLISH_TENS };

const MONEY = /([£€$])\s?(\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?:\.(\d{1,2}))?/g;
const RATE = /(\d{1,3}(?:\.\d{1,3})?)\s?%/g;
const PHONE = /(?<![\d.,])\+?\d{2,5}(?: \d{2,4}){1,4}(?!\d|[.,]\d|%)/g;
const EN_TIME = /\b(\d{1,2})(?:[:.](\d{2}))?\s?(am|pm)\b|\b(midnight|noon|midday)\b/gi;
const ZH_TIME = /(上午|下午|晚上|中午|凌晨)?(\d{1,2})[:：](\d{2})|(午夜|中午12点)/g;
const EN_SPAN =
  /\b(\d{1,4}(?:\.\d)?)(?:\s?(?:–|-|to)\s?(\d{1,4}))?[\s-]{0,2}(working |business |calendar |clear )?(day|hour|week|month|year|minute)s?\b/gi;
// "第1年" is an ordinal ("year 1"), not a span.
const ZH_SPAN = /(?<![第\d.])(\d{1,4}(?:\.\d)?)(?:\s?(?:–|-|至|到|~)\s?(\d{1,4}))?\s?(个)?(工作日|营业日|自然日|天|日内|小时|周|星期|个月|年|分钟)/g;

const ZH_UNIT: Record<string, string> = {
  工作日: "wd",
  营业日: "wd",
  自然日: "day",
  天: "day",
  日内: "day",
  小时: "hour",
  周: "week",
  星期: "week",
  个月: "month",
  月: "month",
  年: "year",
  分钟: "minute",
};

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

// "three working days" states the same fact as "3个工作日", so small number words become digits first.
function digitsForWords(text: string): string {
  return text.replace(/\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|thirty)\b/gi, (w) => {
    const n = ENGLISH_NUMBERS[w.toLowerCase()];
    return n === undefined ? w : String(n);
  });
}

function moneyFacts(text: string, out: Set<DocumentFact>): void {
  for (const m of text.matchAll(MONEY)) {
    const whole = (m[2] as string).replace(/,/g, "");
    const pence = m[3] && !/^0+$/.test(m[3]) ? `.${m[3].padEnd(2, "0")}` : "";
    out.add(`money:${m[1]}${whole}${pence}`);
  }
}

function phoneFacts(text: string, out: Set<DocumentFact>): void {
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, "");
    if (digits.length >= 10 && digits.length <= 13 && /^(?:\+|0)/.test(m[0])) out.add(`phone:${digits}`);
  }
}

function timeFacts(text: string, out: Set<DocumentFact>): void {
  // 12-hour times are read first and blanked, so "5:30pm" is not also read as the 24-hour "05:30".
  const rest = text.replace(EN_TIME, (...m: (string | undefined)[]) => {
    if (m[4]) out.add(m[4].toLowerCase() === "midnight" ? "time:00:00" : "time:12:00");
    else {
      const hour = (Number(m[1]) % 12) + ((m[3] as string).toLowerCase() === "pm" ? 12 : 0);
      out.add(`time:${pad(hour)}:${m[2] ?? "00"}`);
    }
    return " ";
  });
  for (const m of rest.matchAll(ZH_TIME)) {
    if (m[4]) {
      out.add(m[4] === "午夜" ? "time:00:00" : "time:12:00");
      continue;
    }
    let hour = Number(m[2]);
    if ((m[1] === "下午" || m[1] === "晚上") && hour < 12) hour += 12;
    // "24:00" and "0:00" are the same midnight.
    if (hour === 24) hour = 0;
    if (hour > 23 || Number(m[3]) > 59) continue;
    out.add(`time:${pad(hour)}:${m[3]}`);
  }
}

function spanFacts(text: string, out: Set<DocumentFact>): void {
  for (const m of text.matchAll(EN_SPAN)) {
    const unit = m[3] && /working|business|clear/i.test(m[3]) ? "wd" : (m[4] as string).toLowerCase();
    addSpan(m[1] as string, m[2], unit, out);
  }
  for (const m of text.matchAll(ZH_SPAN)) addSpan(m[1] as string, m[2], ZH_UNIT[m[4] as string] ?? "day", out);
}

function addSpan(from: string, to: string | undefined, unit: string, out: Set<DocumentFact>): void {
  // "2026年" is a calendar year, not a duration.
  if (unit === "year" && Number(from) >= 1900) return;
  out.add(`${unit}:${to ? `${from}-${to}` : from}`);
}

/** The language-neutral facts a document's text states. */
export function documentFacts(text: string): Set<DocumentFact> {
  const out = new Set<DocumentFact>();
  const plain = digitsForWords(text.replace(/\*\*|__|`/g, ""));
  moneyFacts(plain, out);
  for (const m of plain.matchAll(RATE)) out.add(`rate:${Number(m[1])}%`);
  phoneFacts(plain, out);
  timeFacts(plain, out);
  spanFacts(plain, out);
  return out;
}
