// Dates and times of day in a (folded) text, in English and Chinese: "2pm", "14:00", "下午2点" and "下午两点" are
// t:14:00; "2026-03-01", "1 March 2026" and "2026年3月1日" are one date. A time without am/pm ("8点", "9:30") could be
// either half of the day, so it carries both keys and is supported by either.
import { type Fact, type FoundFact, pad2 } from "./fact-types.js";
import { englishWordValue, parseZhNumber } from "./number-words.js";

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTHS = [...MONTH_NAMES, "sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec"].join("|");
// A month name next to a number: "1 March", "March 1", "Mar 2026" ("APR" and "may" alone are no dates).
const MONTH_STEMS = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";
const MONTH_HINT = new RegExp(`\\d(?:st|nd|rd|th)?,? (?:of )?${MONTH_STEMS}|${MONTH_STEMS}[a-z]{0,6}\\.?,? \\d`, "i");
const ZH_NUM = "[零〇一二两三四五六七八九十]";

const ISO =
  /(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])/g;
const YMD = /(?<![\d/.])(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?![\d/.])/g;
const DMY =
  /(?<![\d/.])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])|(?<![\d/.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/g;
const EN_DAY_RANGE = new RegExp(
  `(?<![\\w.])(\\d{1,2})(?:st|nd|rd|th)? ?(?:-|to|and) ?(\\d{1,2})(?:st|nd|rd|th)?(?: of)? ` +
    `(${MONTHS})\\.?(?![a-z])(?:,? (\\d{4})(?!\\d))?`,
  "gi",
);
const EN_DMY = new RegExp(
  `(?<![\\w.])(\\d{1,2})(?:st|nd|rd|th)?(?: of)? (${MONTHS})\\.?(?![a-z])(?:,? (\\d{4})(?!\\d))?`,
  "gi",
);
const EN_MDY = new RegExp(
  `(?<![\\w])(${MONTHS})\\.? (\\d{1,2})(?:st|nd|rd|th)?(?![\\d:a-z])(?:,? (\\d{4})(?!\\d))?`,
  "gi",
);
const EN_MY = new RegExp(`(?<![\\w])(${MONTHS})\\.?,? (\\d{4})(?!\\d)`, "gi");
const ZH_DATE = new RegExp(
  `(?:(\\d{4}|[〇零一二三四五六七八九]{4}) ?年 ?)?(\\d{1,2}|${ZH_NUM}{1,3}) ?月 ?(\\d{1,2}|${ZH_NUM}{1,3}) ?[日号號]`,
  "g",
);
const ZH_DAY_AFTER = new RegExp(`^ ?(?:至|到|-|~) ?(\\d{1,2}|${ZH_NUM}{1,3}) ?[日号號]`);
const ZH_YM = new RegExp(`(\\d{4}|[〇零一二三四五六七八九]{4}) ?年 ?(\\d{1,2}|${ZH_NUM}{1,3}) ?月`, "g");
const YEAR_JOIN = /^,? ?(?:-|to|until|till|through|and) (?:[a-z]{3,9}day,? )?$/i;

const ZH_PERIOD = "上午|早上|早晨|清晨|凌晨|中午|下午|午后|傍晚|晚上|夜间|夜里|晚间|晚|早";
const ZH_COLON_TIME = new RegExp(`(${ZH_PERIOD}) ?(\\d{1,2}) ?: ?(\\d{2})(?!\\d)`, "g");
const ZH_TIME = new RegExp(
  `(${ZH_PERIOD})? ?(\\d{1,2}|${ZH_NUM}{1,3}) ?[点點时時](?: ?(半|\\d{1,2} ?分|${ZH_NUM}{1,3} ?分|\\d{2}(?!\\d)))?(钟)?`,
  "g",
);
const EN_AMPM = /(?<![\d:.])(\d{1,2})(?:[:.](\d{2}))? ?(a\.m\.|p\.m\.|am|pm)(?![a-z])/gi;
const HOUR_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
const EN_PAST = new RegExp(
  `\\b(half|quarter) (past|to) (${HOUR_WORDS}|\\d{1,2})` +
    `(?: (in the morning|in the afternoon|in the evening|at night|am|pm))?\\b`,
  "gi",
);
// "nine am", "nine thirty pm", "six fifteen in the evening": an hour and its minutes in words.
const DIGIT_WORDS = "(?:one|two|three|four|five|six|seven|eight|nine)";
const MINUTE_WORDS =
  `oh[ -]${DIGIT_WORDS}|(?:twenty|thirty|forty|fifty)(?:[ -]${DIGIT_WORDS})?|` +
  "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
const PARTS_OF_DAY = "in the morning|in the afternoon|in the evening|at night";
const EN_WORD_TIME = new RegExp(
  `\\b(${HOUR_WORDS})(?:[ -](${MINUTE_WORDS}))?(?: ?(a\\.m\\.|p\\.m\\.|am|pm)(?![a-z])| (${PARTS_OF_DAY})\\b)`,
  "gi",
);
const EN_OCLOCK = new RegExp(
  `\\b(${HOUR_WORDS}|\\d{1,2})(?: o'clock)?(?: (${PARTS_OF_DAY}))\\b|\\b(${HOUR_WORDS}|\\d{1,2}) o'clock\\b`,
  "gi",
);
const NOON = /\b(noon|midday|midnight)\b/gi;
const H24 = /(?<![\d:.£$€])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])/g;

const num = (s: string): number => (/^\d+$/.test(s) ? Number(s) : (parseZhNumber(s) ?? Number.NaN));
const monthOf = (name: string): number =>
  MONTH_NAMES.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;

interface DateParts {
  year?: number;
  month: number;
  day?: number;
}

function dateFact(raw: string, d: DateParts): Fact | undefined {
  const { year, month, day } = d;
  if (!(month >= 1 && month <= 12) || (day !== undefined && !(day >= 1 && day <= 31))) return undefined;
  if (year !== undefined && !(year >= 1900 && year <= 2100)) return undefined;
  const md = day === undefined ? undefined : `md:${pad2(month)}-${pad2(day)}`;
  const ym = year === undefined ? undefined : `ym:${year}-${pad2(month)}`;
  const values = [year, month, day].filter((v): v is number => v !== undefined);
  if (md && ym) {
    return {
      kind: "date",
      raw,
      keys: [`date:${year}-${pad2(month)}-${pad2(day ?? 0)}`],
      allOf: [md, `n:${year}`],
      implied: [md, ym],
      values,
    };
  }
  return { kind: "date", raw, keys: [(md ?? ym) as string], values };
}

/** Finds dates; a "12 September" followed by "to 14 September 2026" takes that year. */
export function extractDates(text: string): FoundFact[] {
  const found: { parts: DateParts; raw: string; start: number; end: number }[] = [];
  const addAt = (start: number, raw: string, parts: DateParts[]): void => {
    const end = start + raw.length;
    if (found.some((f) => f.start < end && start < f.end)) return;
    for (const p of parts) found.push({ parts: p, raw, start, end });
  };
  const add = (m: RegExpMatchArray, parts: DateParts[]): void => addAt(m.index ?? 0, m[0], parts);
  const year = (s: string | undefined): number | undefined =>
    s === undefined ? undefined : s.length === 2 ? 2000 + Number(s) : num(s);
  const numeric = /\d[-/.]\d/.test(text);
  const zh = text.includes("月");
  const en = MONTH_HINT.test(text);
  for (const m of numeric ? text.matchAll(ISO) : [])
    add(m, [{ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }]);
  for (const m of numeric ? text.matchAll(YMD) : [])
    add(m, [{ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }]);
  for (const m of numeric ? text.matchAll(DMY) : []) {
    const [d, mo, y] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
    add(m, [{ year: year(y), month: Number(mo), day: Number(d) }]);
  }
  for (const m of zh ? text.matchAll(ZH_DATE) : []) {
    const parts: DateParts = { year: year(m[1]), month: num(m[2] ?? ""), day: num(m[3] ?? "") };
    const end = (m.index ?? 0) + m[0].length;
    const next = ZH_DAY_AFTER.exec(text.slice(end, end + 8));
    addAt(m.index, next ? m[0] + next[0] : m[0], next ? [parts, { ...parts, day: num(next[1] ?? "") }] : [parts]);
  }
  for (const m of zh ? text.matchAll(ZH_YM) : []) add(m, [{ year: year(m[1]), month: num(m[2] ?? "") }]);
  const named = (s: string): number | undefined => (s === "may" ? undefined : monthOf(s));
  for (const m of en ? text.matchAll(EN_DAY_RANGE) : []) {
    const month = named(m[3] ?? "") ?? 0;
    add(m, [
      { year: year(m[4]), month, day: Number(m[1]) },
      { year: year(m[4]), month, day: Number(m[2]) },
    ]);
  }
  for (const m of en ? text.matchAll(EN_DMY) : [])
    add(m, [{ year: year(m[3]), month: named(m[2] ?? "") ?? 0, day: Number(m[1]) }]);
  for (const m of en ? text.matchAll(EN_MDY) : [])
    add(m, [{ year: year(m[3]), month: named(m[1] ?? "") ?? 0, day: Number(m[2]) }]);
  for (const m of en ? text.matchAll(EN_MY) : []) add(m, [{ year: Number(m[2]), month: named(m[1] ?? "") ?? 0 }]);
  found.sort((a, b) => a.start - b.start);
  // "Saturday 12 September to Monday 14 September 2026": the first date takes the year of the second.
  for (let i = found.length - 2; i >= 0; i--) {
    const a = found[i] as (typeof found)[number];
    const b = found[i + 1] as (typeof found)[number];
    if (a.parts.year === undefined && b.parts.year !== undefined && YEAR_JOIN.test(text.slice(a.end, b.start)))
      a.parts.year = b.parts.year;
  }
  return found.flatMap((f) => {
    const fact = dateFact(f.raw, f.parts);
    return fact ? [{ fact, start: f.start, end: f.end }] : [];
  });
}

function timeFact(raw: string, hour: number, minute: number, half: "am" | "pm" | undefined): Fact | undefined {
  if (!(hour >= 0 && hour <= 24 && minute >= 0 && minute < 60)) return undefined;
  const at = (h: number): string => `t:${pad2(h % 24)}:${pad2(minute)}`;
  let keys: string[];
  if (half === "am") keys = [at(hour === 12 ? 0 : hour)];
  else if (half === "pm") keys = [at(hour < 12 ? hour + 12 : hour)];
  else keys = hour >= 1 && hour <= 12 ? [at(hour), at(hour + 12)] : [at(hour)];
  return { kind: "time", raw, keys, values: [hour, minute].filter((v) => v > 0) };
}

// 下午/晚上 move an hour past noon; 上午/凌晨 keep it in the morning ("上午12点" is noon, "凌晨12点" midnight).
function zhHalf(period: string | undefined, hour: number): "am" | "pm" | undefined {
  if (!period) return undefined;
  if (period === "凌晨") return "am";
  if (["上午", "早上", "早晨", "清晨", "早"].includes(period) || (period === "中午" && hour === 11))
    return hour === 12 ? "pm" : "am";
  return "pm";
}

const ENGLISH_HOURS = HOUR_WORDS.split("|");
const hourOf = (s: string): number => (/^\d+$/.test(s) ? Number(s) : ENGLISH_HOURS.indexOf(s.toLowerCase()) + 1);
const partOfDay = (s: string | undefined): "am" | "pm" | undefined =>
  s === undefined ? undefined : /morning|am/i.test(s) ? "am" : "pm";

/** Finds times of day: "2pm", "2:30 p.m.", "14:00", "noon", "half past nine", "下午2点", "晚上11点59分", "上午9:30". */
export function extractTimes(text: string): FoundFact[] {
  const found: FoundFact[] = [];
  const add = (m: RegExpMatchArray, fact: Fact | undefined): void => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!fact || found.some((f) => f.start < end && start < f.end)) return;
    found.push({ fact, start, end });
  };
  const zh = /[点點时時]/.test(text);
  const colon = text.includes(":");
  for (const m of zh || colon ? text.matchAll(ZH_COLON_TIME) : [])
    add(m, timeFact(m[0], Number(m[2]), Number(m[3]), zhHalf(m[1], Number(m[2]))));
  for (const m of zh ? text.matchAll(ZH_TIME) : []) {
    const hour = num(m[2] ?? "");
    const tail = m[3];
    const end = (m.index ?? 0) + m[0].length;
    // "二点七五" is a decimal and "一点" is "a little": neither is a time without a part of the day or minutes.
    if (!tail && /^[0-9零〇一二两三四五六七八九十]/.test(text.slice(end, end + 1))) continue;
    if (!m[1] && !tail && !m[4] && !/\d/.test(m[2] ?? "") && hour < 2) continue;
    const minute = tail === undefined ? 0 : tail === "半" ? 30 : num(tail.replace(/ ?分$/, "").trim());
    add(m, timeFact(m[0], hour, minute, zhHalf(m[1], hour)));
  }
  for (const m of /\d ?[ap]\.?m/i.test(text) ? text.matchAll(EN_AMPM) : []) {
    const half = (m[3] ?? "").toLowerCase().startsWith("a") ? "am" : "pm";
    add(m, timeFact(m[0], Number(m[1]), Number(m[2] ?? 0), half));
  }
  for (const m of /half|quarter/i.test(text) ? text.matchAll(EN_PAST) : []) {
    const hour = hourOf(m[3] ?? "");
    const base = m[2]?.toLowerCase() === "to" ? hour - 1 : hour;
    const minute = m[1]?.toLowerCase() === "half" ? 30 : m[2]?.toLowerCase() === "to" ? 45 : 15;
    add(m, timeFact(m[0], base === 0 ? 12 : base, minute, partOfDay(m[4])));
  }
  for (const m of /\b(?:[ap]\.?m\b|in the (?:morning|afternoon|evening)|at night)/i.test(text)
    ? text.matchAll(EN_WORD_TIME)
    : []) {
    const minute = (m[2] ?? "").split(/[ -]/).reduce((sum, w) => sum + (englishWordValue(w) ?? 0), 0);
    add(m, timeFact(m[0], hourOf(m[1] ?? ""), minute, partOfDay((m[3] ?? m[4])?.replace(/\./g, ""))));
  }
  for (const m of /o'clock|in the (?:morning|afternoon|evening)|at night/i.test(text) ? text.matchAll(EN_OCLOCK) : [])
    add(m, timeFact(m[0], hourOf(m[1] ?? m[3] ?? ""), 0, partOfDay(m[2])));
  for (const m of /noon|midday|midnight/i.test(text) ? text.matchAll(NOON) : []) {
    const midnight = (m[1] ?? "").toLowerCase() === "midnight";
    add(m, timeFact(m[0], midnight ? 0 : 12, 0, midnight ? "am" : "pm"));
  }
  for (const m of colon ? text.matchAll(H24) : []) add(m, timeFact(m[0], Number(m[1]), Number(m[2]), undefined));
  return found.sort((a, b) => a.start - b.start);
}
