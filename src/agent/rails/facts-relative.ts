// Relative dates: a day or period counted from the moment of the conversation ("tomorrow", "by Friday", "next week",
// "明天", "下周一", "本月底"). A reply that says when something happens relative to now states a date, and only the
// same anchor in the evidence, in either language, supports it: "1–4 business days", "next working day", "Monday to
// Friday" or a calendar date never do. Words counted from another event ("same day", "次日", "前一天") and pleasantries
// ("How can I help you today?") state no date, so they are not read.
import type { Fact, FoundFact } from "./fact-types.js";

const EN_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const ZH_DAYS = "一二三四五六日";
const DAY_NAMES = EN_DAYS.join("|");

// "tomorrow morning", "this afternoon", "tonight", "the day after tomorrow", "by Friday", "next week", "end of the
// month".
const EN_RELATIVE = new RegExp(
  [
    `\\b(?:the )?day after tomorrow\\b`,
    `\\b(yesterday|today|tomorrow)(?:'s)?(?: (morning|afternoon|evening|night))?\\b`,
    `\\b(?:this (morning|afternoon|evening)|(tonight)|last (night))\\b`,
    // "Before Saturday 12 September" names a date (blanked out by now), "this Monday-to-Friday line" a range.
    `\\b(?:(by|before|this|this coming|coming|next|last) )(${DAY_NAMES})\\b` +
      `(?!,? (?:the )?[\\d\\u0001]| ?(?:-|to|through) ?[a-z])`,
    `\\b(?:(this|next|last) (week|weekend|month|year))\\b`,
    `\\b(?:by|before|until|till) (?:the )?end of (?:the )?(?:business |working )?day\\b`,
    `\\b(?:by|before) (?:close of business|cob|eod)\\b`,
    `\\bend of (?:the |this |(next) )(week|month|year)\\b`,
  ].join("|"),
  "gi",
);
// Every English pattern names a day, a part of the day, a week, month or year, or "end of".
const EN_HINT = new RegExp(
  "today|tomorrow|tonight|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day|week|month|year|" +
    "morning|afternoon|evening|night|end of",
  "i",
);

// "明天下午", "今晚", "下周一", "本周五前", "下个月", "月底", "明年". Not dates: "周期" (a cycle), "周转", "以上周一至周五"
// (the Monday to Friday above), "每月月底" (every month's end), "3月底" (the end of March), "提前天数". A part of the day
// before an hour ("明天下午2点", "明早9点") is left to the time it belongs to: only the day is read here.
const ZH_DIGIT_CHARS = "\\d〇零一二两三四五六七八九十";
const ZH_DIGIT = `[${ZH_DIGIT_CHARS}]`;
const ZH_RELATIVE = new RegExp(
  [
    `([今明昨])(?=[早晚夜] ?${ZH_DIGIT})`,
    `(今天|今日|今早|今晚|今夜|明天|明日|明早|明晚|昨天|昨日|昨晚|(?<![提之以当])前天(?!数)|(?<![之此以然最随落])后天)` +
      `(?:(上午|早上|中午|下午|傍晚|晚上)(?! ?${ZH_DIGIT}))?`,
    "(?<![以如晚早马])(本|这个?|下个?|上个?)(?:周|星期|礼拜)([一二三四五六日天末])?(?![期转边围年])",
    "(?:周|星期|礼拜)([一二三四五六日天])(?:之前|以前|前)",
    "(?<![以如晚早马])(本|这个|下个?|上个?)月(?:月?(底|末))?(?!份)",
    `(?<![每个月${ZH_DIGIT_CHARS}])月(底|末)`,
    "(今|明|(?<!过)去)年(?:年?(底|末))?",
    `(?<![每个年${ZH_DIGIT_CHARS}])年(底|末)`,
  ].join("|"),
  "g",
);
const ZH_HINT = /[今明昨周星礼月年]|前天|后天/;

const PART: Readonly<Record<string, string>> = {
  morning: "am",
  afternoon: "pm",
  evening: "eve",
  night: "eve",
  上午: "am",
  早上: "am",
  中午: "pm",
  下午: "pm",
  傍晚: "eve",
  晚上: "eve",
};
const ZH_DAY_OFFSET: Readonly<Record<string, number>> = {
  今天: 0,
  今日: 0,
  明天: 1,
  明日: 1,
  昨天: -1,
  昨日: -1,
  前天: -2,
  后天: 2,
};
const ZH_DAY_PART: Readonly<Record<string, [number, string]>> = {
  今早: [0, "am"],
  今晚: [0, "eve"],
  今夜: [0, "eve"],
  明早: [1, "am"],
  明晚: [1, "eve"],
  昨晚: [-1, "eve"],
};
const OFFSET: Readonly<Record<string, number>> = {
  this: 0,
  "this coming": 0,
  coming: 0,
  by: 0,
  before: 0,
  next: 1,
  last: -1,
  本: 0,
  这: 0,
  这个: 0,
  下: 1,
  下个: 1,
  上: -1,
  上个: -1,
  今: 0,
  明: 1,
  去: -1,
};

// The end of a pleasantry: "How can I help you today?", "Thanks for contacting us today", "今天还有什么可以帮您".
const EN_PLEASANTRY = new RegExp(
  "\\b(?:help|assist|anything else|contacting|getting in touch|reaching out|chatting|speaking|talking|thanks|" +
    "thank you)\\b[^.?!;,]{0,30}$",
  "i",
);
const ZH_PLEASANTRY_AFTER = /^[^，。！？；]{0,10}(?:帮|协助|为您服务|效劳|咨询)/;
const ZH_PLEASANTRY_BEFORE = /(?:感谢|谢谢)[^，。！？；]{0,6}$/;

function relativeFact(raw: string, key: string, implied: string[] = []): Fact {
  return { kind: "date-relative", raw, keys: [key], ...(implied.length > 0 ? { implied } : {}), values: [] };
}

/** A day counted from today, with its part of the day when one is named ("tomorrow morning" also backs "tomorrow"). */
function dayFact(raw: string, offset: number, part: string | undefined): Fact {
  const day = `rel:day:${offset}`;
  return part ? relativeFact(raw, `${day}:${part}`, [day]) : relativeFact(raw, day);
}

/** A day of the week counted from now: this coming one (also "by Friday"), next week's, or last week's. */
function weekdayFact(raw: string, offset: number, day: number): Fact | undefined {
  if (day < 1 || day > 7) return undefined;
  return relativeFact(raw, `rel:wd:${offset}:${day}`, [`wd:${day}`]);
}

/** This, next or last week, month or year; "by the end of the month" is also "this month" ("月底" and "本月"). */
function periodFact(raw: string, offset: number, period: string, end: boolean): Fact {
  const key = `rel:${period}:${offset}`;
  return end ? { kind: "date-relative", raw, keys: [`${key}:end`, key], values: [] } : relativeFact(raw, key);
}

function englishFact(m: RegExpMatchArray): Fact | undefined {
  const raw = m[0];
  const lower = raw.toLowerCase();
  if (/day after tomorrow/.test(lower)) return dayFact(raw, 2, undefined);
  if (m[1]) {
    const word = m[1].toLowerCase();
    const offset = word === "today" ? 0 : word === "tomorrow" ? 1 : -1;
    // "Today's rates" are the current ones, not a date.
    if (word === "today" && lower.includes("'s")) return undefined;
    return dayFact(raw, offset, m[2] ? PART[m[2].toLowerCase()] : undefined);
  }
  if (m[3] || m[4]) return dayFact(raw, 0, m[3] ? PART[m[3].toLowerCase()] : "eve");
  if (m[5]) return dayFact(raw, -1, "eve");
  if (m[6] && m[7]) return weekdayFact(raw, OFFSET[m[6].toLowerCase()] ?? 0, EN_DAYS.indexOf(m[7].toLowerCase()) + 1);
  if (m[8] && m[9]) return periodFact(raw, OFFSET[m[8].toLowerCase()] ?? 0, m[9].toLowerCase(), false);
  if (m[11]) return periodFact(raw, m[10] ? 1 : 0, m[11].toLowerCase(), true);
  return dayFact(raw, 0, undefined);
}

const zhWeekday = (ch: string): number => (ch === "天" ? 7 : ZH_DAYS.indexOf(ch) + 1);

function chineseFact(m: RegExpMatchArray): Fact | undefined {
  const raw = m[0];
  if (m[1]) return dayFact(raw, m[1] === "明" ? 1 : m[1] === "昨" ? -1 : 0, undefined);
  if (m[2]) {
    const fixed = ZH_DAY_PART[m[2]];
    if (fixed) return dayFact(raw, fixed[0], fixed[1]);
    return dayFact(raw, ZH_DAY_OFFSET[m[2]] ?? 0, m[3] ? PART[m[3]] : undefined);
  }
  if (m[4]) {
    const offset = OFFSET[m[4]] ?? 0;
    if (m[5] === undefined) return periodFact(raw, offset, "week", false);
    if (m[5] === "末") return periodFact(raw, offset, "weekend", false);
    return weekdayFact(raw, offset, zhWeekday(m[5]));
  }
  if (m[6]) return weekdayFact(raw, 0, zhWeekday(m[6]));
  if (m[7]) return periodFact(raw, OFFSET[m[7]] ?? 0, "month", m[8] !== undefined);
  if (m[9]) return periodFact(raw, 0, "month", true);
  if (m[10]) return periodFact(raw, OFFSET[m[10]] ?? 0, "year", m[11] !== undefined);
  if (m[12]) return periodFact(raw, 0, "year", true);
  return undefined;
}

/** Finds dates counted from now, in English and Chinese; a pleasantry's "today" is left out. */
export function extractRelativeDates(text: string): FoundFact[] {
  const found: FoundFact[] = [];
  const add = (m: RegExpMatchArray, fact: Fact | undefined): void => {
    const start = m.index ?? 0;
    if (fact) found.push({ fact, start, end: start + m[0].length });
  };
  if (EN_HINT.test(text)) {
    for (const m of text.matchAll(EN_RELATIVE)) {
      const today = m[1]?.toLowerCase() === "today" && !m[2];
      if (today && EN_PLEASANTRY.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
      add(m, englishFact(m));
    }
  }
  if (ZH_HINT.test(text)) {
    for (const m of text.matchAll(ZH_RELATIVE)) {
      const end = m.index + m[0].length;
      const today = m[2] === "今天" || m[2] === "今日";
      const pleasantry =
        today &&
        (ZH_PLEASANTRY_AFTER.test(text.slice(end, end + 16)) ||
          ZH_PLEASANTRY_BEFORE.test(text.slice(Math.max(0, m.index - 10), m.index)));
      if (!pleasantry) add(m, chineseFact(m));
    }
  }
  return found.length > 1 ? found.sort((a, b) => a.start - b.start) : found;
}
