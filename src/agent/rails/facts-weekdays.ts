// Days of the week as facts ("Monday to Friday", "周一至周五", "weekends"): a reply that opens a line on a day the
// evidence never names has invented it. A range must appear as a range; a single day may sit inside an evidence range.
import type { Fact, FoundFact } from "./fact-types.js";

const EN_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const EN_ABBREVIATIONS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const ZH_DAYS = "一二三四五六日";
const FULL = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const SHORT = "mon|tues?|wed|thu(?:rs?)?|fri|sat|sun";

const EN_RANGE = new RegExp(`\\b(${FULL}|${SHORT})s? ?(?:-to-|-|to|through|until|till) ?(${FULL}|${SHORT})s?\\b`, "gi");
const EN_DAY = new RegExp(`\\b(${FULL})s?\\b|\\b(weekdays?|weekends?)\\b`, "gi");
const ZH_RANGE = /(?:周|星期|礼拜)([一二三四五六日天]) ?(?:至|到|-|~) ?(?:周|星期|礼拜)?([一二三四五六日天])/g;
const ZH_DAY = /(?:周|星期|礼拜)([一二三四五六日天])|(周末)/g;

const enDay = (name: string): number => {
  const lower = name.toLowerCase();
  const full = EN_DAYS.indexOf(lower);
  return (full >= 0 ? full : EN_ABBREVIATIONS.indexOf(lower.slice(0, 3))) + 1;
};
const zhDay = (ch: string): number => (ch === "天" ? 7 : ZH_DAYS.indexOf(ch) + 1);

function dayFact(raw: string, from: number, to: number): Fact | undefined {
  if (from < 1 || to < 1 || from > 7 || to > 7) return undefined;
  if (from === to) return { kind: "weekday", raw, keys: [`wd:${from}`], values: [] };
  const days: string[] = [];
  for (let d = from; d !== to; d = (d % 7) + 1) days.push(`wd:${d}`);
  days.push(`wd:${to}`);
  return { kind: "weekday", raw, keys: [`wd:${from}-${to}`], implied: days, values: [] };
}

/** Finds days of the week and ranges of them. */
export function extractWeekdays(text: string): FoundFact[] {
  const found: FoundFact[] = [];
  const add = (m: RegExpMatchArray, fact: Fact | undefined): void => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (fact && !found.some((f) => f.start < end && start < f.end)) found.push({ fact, start, end });
  };
  if (/day|mon|tue|wed|thu|fri|sat|sun|week/i.test(text)) {
    for (const m of text.matchAll(EN_RANGE)) add(m, dayFact(m[0], enDay(m[1] ?? ""), enDay(m[2] ?? "")));
    for (const m of text.matchAll(EN_DAY)) {
      const span = (m[2] ?? "").toLowerCase();
      add(
        m,
        span
          ? span.startsWith("weekday")
            ? dayFact(m[0], 1, 5)
            : dayFact(m[0], 6, 7)
          : dayFact(m[0], enDay(m[1] ?? ""), enDay(m[1] ?? "")),
      );
    }
  }
  if (/[周星礼]/.test(text)) {
    for (const m of text.matchAll(ZH_RANGE)) add(m, dayFact(m[0], zhDay(m[1] ?? ""), zhDay(m[2] ?? "")));
    for (const m of text.matchAll(ZH_DAY))
      add(m, m[2] ? dayFact(m[0], 6, 7) : dayFact(m[0], zhDay(m[1] ?? ""), zhDay(m[1] ?? "")));
  }
  return found.sort((a, b) => a.start - b.start);
}
