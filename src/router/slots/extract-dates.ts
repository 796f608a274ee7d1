// Finds dates in English and Chinese messages and resolves them against a reference day: "yesterday", "last Friday",
// "on 3 March", "昨天", "上周五", "3月5日". Dates without a year are taken as the latest such day not after today,
// because customers write about payments that already happened. Every pattern has bounded repetition (no two
// quantifiers competing for the same characters) and messages are read up to MAX_SCANNED_CHARS.
import { capText } from "../../shared/linear-text.js";
import { parseChineseNumber } from "./chinese-numerals.js";
import type { DateSlot } from "./slot-schema.js";

const DAY_MS = 86_400_000;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const CN_WEEKDAY: Record<string, number> = {
  日: 0,
  天: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  "5": 5,
  "6": 6,
  "7": 0,
};

const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const utcDay = (d: Date): number => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());

function weekdayIndex(word: string): number {
  const w = word.toLowerCase().slice(0, 3);
  return WEEKDAYS.findIndex((d) => d.startsWith(w));
}

/** The latest day with this month/day that is not after today (or exactly that year when given). */
function resolveMonthDay(today: number, month: number, day: number, year?: number): number | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31) return undefined;
  const y = year ?? new Date(today).getUTCFullYear();
  let t = Date.UTC(y, month, day);
  if (new Date(t).getUTCDate() !== day) return undefined;
  if (year === undefined && t > today) t = Date.UTC(y - 1, month, day);
  return t;
}

/** The most recent given weekday strictly before today. */
function previousWeekday(today: number, weekday: number): number {
  const current = new Date(today).getUTCDay();
  const back = (current - weekday + 7) % 7 || 7;
  return today - back * DAY_MS;
}

/** That weekday in the previous Monday-to-Sunday week (the Chinese 上周 convention). */
function weekdayOfLastWeek(today: number, weekday: number): number {
  const current = (new Date(today).getUTCDay() + 6) % 7; // Monday = 0
  const mondayThisWeek = today - current * DAY_MS;
  return mondayThisWeek - 7 * DAY_MS + ((weekday + 6) % 7) * DAY_MS;
}

/** That weekday in the current Monday-to-Sunday week. */
function weekdayOfThisWeek(today: number, weekday: number): number {
  const current = (new Date(today).getUTCDay() + 6) % 7;
  return today - current * DAY_MS + ((weekday + 6) % 7) * DAY_MS;
}

interface Rule {
  re: RegExp;
  resolve(m: RegExpMatchArray, today: number): number | undefined;
  relative: boolean;
}

const RULES: Rule[] = [
  {
    re: /(\d{4})-(\d{1,2})-(\d{1,2})/g,
    relative: false,
    resolve: (m) => resolveMonthDay(0, Number(m[2]) - 1, Number(m[3]), Number(m[1])),
  },
  {
    // UK order: day/month[/year].
    re: /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?(?![\d/])/g,
    relative: false,
    resolve: (m, today) => {
      const y = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : undefined;
      return resolveMonthDay(today, Number(m[2]) - 1, Number(m[1]), y);
    },
  },
  {
    re: /\b(\d{1,2})(?:st|nd|rd|th)?\s{1,8}(?:of\s{1,8})?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?:,?\s{1,8}(\d{4}))?/gi,
    relative: false,
    resolve: (m, today) =>
      resolveMonthDay(
        today,
        MONTHS.indexOf((m[2] as string).slice(0, 3).toLowerCase()),
        Number(m[1]),
        m[3] ? Number(m[3]) : undefined,
      ),
  },
  {
    re: /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s{1,8}(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s{1,8}(\d{4}))?/gi,
    relative: false,
    resolve: (m, today) =>
      resolveMonthDay(
        today,
        MONTHS.indexOf((m[1] as string).slice(0, 3).toLowerCase()),
        Number(m[2]),
        m[3] ? Number(m[3]) : undefined,
      ),
  },
  {
    re: /\b(?:the\s{1,8})?day\s{1,8}before\s{1,8}yesterday\b/gi,
    relative: true,
    resolve: (_m, today) => today - 2 * DAY_MS,
  },
  { re: /\byesterday\b|\bystd\b/gi, relative: true, resolve: (_m, today) => today - DAY_MS },
  { re: /\btoday\b|\bthis morning\b|\btonight\b/gi, relative: true, resolve: (_m, today) => today },
  {
    re: /\b(\d{1,2}|a|one|two|three|four|five|six|seven)\s{1,8}days?\s{1,8}ago\b/gi,
    relative: true,
    resolve: (m, today) => {
      const words = ["a", "one", "two", "three", "four", "five", "six", "seven"];
      const w = (m[1] as string).toLowerCase();
      const n = /^\d+$/.test(w) ? Number(w) : Math.max(1, words.indexOf(w));
      return today - n * DAY_MS;
    },
  },
  {
    re: /\b(?:last|on|this past)\s{1,8}(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\b/gi,
    relative: true,
    resolve: (m, today) => previousWeekday(today, weekdayIndex(m[1] as string)),
  },
  {
    re: /(?:(\d{4})年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})[日号號]/g,
    relative: false,
    resolve: (m, today) => {
      const month = parseChineseNumber(m[2] as string);
      const day = parseChineseNumber(m[3] as string);
      if (month === undefined || day === undefined) return undefined;
      return resolveMonthDay(today, month - 1, day, m[1] ? Number(m[1]) : undefined);
    },
  },
  { re: /大前天/g, relative: true, resolve: (_m, today) => today - 3 * DAY_MS },
  { re: /(?<!大)前天/g, relative: true, resolve: (_m, today) => today - 2 * DAY_MS },
  { re: /昨天|昨日|昨晚/g, relative: true, resolve: (_m, today) => today - DAY_MS },
  { re: /今天|今日|今早|今晚/g, relative: true, resolve: (_m, today) => today },
  {
    re: /(\d{1,2}|[一二两三四五六七八九十]{1,3})天(?:以)?前/g,
    relative: true,
    resolve: (m, today) => {
      const n = parseChineseNumber(m[1] as string);
      return n === undefined ? undefined : today - n * DAY_MS;
    },
  },
  {
    re: /(上|这|本)?(?:周|星期|礼拜)([一二三四五六日天1-7])/g,
    relative: true,
    resolve: (m, today) => {
      const wd = CN_WEEKDAY[m[2] as string];
      if (wd === undefined) return undefined;
      if (m[1] === "上") return weekdayOfLastWeek(today, wd);
      if (m[1] === "这" || m[1] === "本") return weekdayOfThisWeek(today, wd);
      const t = weekdayOfThisWeek(today, wd);
      return t > today ? previousWeekday(today, wd) : t;
    },
  },
];

/** Extracts every date in the message, resolved against the reference date (its UTC calendar day). */
export function extractDates(message: string, reference: Date): DateSlot[] {
  const text = capText(message);
  const today = utcDay(reference);
  const found: { start: number; end: number; slot: DateSlot }[] = [];
  // Matches are short (bounded patterns), so checking and marking their characters keeps overlap tests linear.
  const taken = new Uint8Array(text.length + 1);
  // A message naming the same day many times formats it once.
  const days = new Map<number, string>();
  const isoOf = (t: number): string => days.get(t) ?? (days.set(t, iso(t)), iso(t));
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.subarray(start, end).some((t) => t === 1)) continue;
      const t = rule.resolve(m, today);
      if (t === undefined || Number.isNaN(t)) continue;
      taken.fill(1, start, end);
      found.push({ start, end, slot: { date: isoOf(t), relative: rule.relative, text: m[0].trim() } });
    }
  }
  return found.sort((a, b) => a.start - b.start).map((f) => f.slot);
}
