// Reads the look-back period of a staff question ("this week", "last 30 days", "本月", "近两周") as a number of days:
// today 1, a week 7, a fortnight 14, a month 30, a quarter 90, a year 365, or the count said. Each pattern starts at
// a keyword and has bounded repetition, so a scan stays linear.
import { parseChineseNumber } from "./chinese-numerals.js";
import { ENGLISH_ONES, ENGLISH_TENS } from "../../shared/text/number-words.js";

const UNIT_DAYS: Readonly<Record<string, number>> = {
  day: 1,
  days: 1,
  week: 7,
  weeks: 7,
  wk: 7,
  wks: 7,
  fortnight: 14,
  fortnights: 14,
  month: 30,
  months: 30,
  mo: 30,
  mos: 30,
  quarter: 90,
  quarters: 90,
  year: 365,
  years: 365,
  yr: 365,
  yrs: 365,
  天: 1,
  日: 1,
  周: 7,
  星期: 7,
  礼拜: 7,
  个月: 30,
  月: 30,
  季度: 90,
  年: 365,
};

const EN_COUNT =
  /\b(?:last|past|previous|recent|prior|over|in|within|for)\s{1,8}(?:the\s{1,8})?(\d{1,3}|[a-z]{3,9})\s{0,8}(days?|weeks?|wks?|fortnights?|months?|mos?|quarters?|years?|yrs?)\b/i;
const EN_DAYS_BARE = /\b(\d{1,3})\s{0,8}(days?|d)\b/i;
const EN_SINGLE =
  /\b(?:this|last|past|previous|the\s{1,8}last|the\s{1,8}past)\s{1,8}(day|week|wk|fortnight|month|quarter|year)\b/i;
const EN_TODAY = /\b(?:today|so\s{1,8}far\s{1,8}today|since\s{1,8}midnight|24\s{0,4}h(?:ours|rs)?)\b/i;
const EN_YESTERDAY = /\byesterday\b/i;
const EN_WEEK_TO_DATE = /\b(?:wtd|this\s{1,8}wk)\b/i;
const EN_MONTH_TO_DATE = /\b(?:mtd)\b/i;
const EN_YEAR_TO_DATE = /\b(?:ytd)\b/i;

const ZH_COUNT =
  /(?:近|最近|过去|前|这|上)?\s{0,4}([0-9零〇一二两三四五六七八九十百]{1,6})\s{0,4}(?:个)?\s{0,4}(天|日|周|星期|礼拜|个月|月|季度|年)/;
const ZH_SINGLE = /(本|这|这个|上|上个|近一|最近一|过去一)(周|星期|礼拜|月|季度|年)/;
const ZH_TODAY = /(今天|今日|当天|当日)/;
const ZH_YESTERDAY = /(昨天|昨日)/;
const ZH_FORTNIGHT = /(半个月)/;

function englishCount(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  if (w === "a" || w === "one") return 1;
  return ENGLISH_ONES[w] ?? ENGLISH_TENS[w];
}

/** The look-back period a message names, in days; undefined when it names none. */
export function extractPeriodDays(text: string): number | undefined {
  const en = EN_COUNT.exec(text);
  if (en) {
    const n = englishCount(en[1] as string);
    const unit = UNIT_DAYS[(en[2] as string).toLowerCase()];
    if (n !== undefined && unit !== undefined && n > 0) return n * unit;
  }
  const zh = ZH_COUNT.exec(text);
  if (zh) {
    const n = parseChineseNumber(zh[1] as string);
    const unit = UNIT_DAYS[zh[2] as string];
    if (n !== undefined && unit !== undefined && n > 0) return n * unit;
  }
  const single = EN_SINGLE.exec(text);
  if (single) return UNIT_DAYS[(single[1] as string).toLowerCase()];
  const zhSingle = ZH_SINGLE.exec(text);
  if (zhSingle) return UNIT_DAYS[zhSingle[2] as string];
  if (EN_TODAY.test(text) || ZH_TODAY.test(text)) return 1;
  if (EN_YESTERDAY.test(text) || ZH_YESTERDAY.test(text)) return 2;
  if (EN_WEEK_TO_DATE.test(text)) return 7;
  if (ZH_FORTNIGHT.test(text)) return 14;
  if (EN_MONTH_TO_DATE.test(text)) return 30;
  if (EN_YEAR_TO_DATE.test(text)) return 365;
  const bare = EN_DAYS_BARE.exec(text);
  if (bare) return Number(bare[1]);
  return undefined;
}
