// Every checkable fact of a text, normalised, in a fixed order: contacts, dates, Chinese percentages, dates counted
// from now ("tomorrow", "下周一") and times first, each blanked out once read, so the numbers and day names inside them
// are not read again as amounts or weekdays. Citation markers, vault
// placeholders, list numbers and "24/7" are removed first: they are numbers, but they state nothing.
import type { Fact, FoundFact } from "./fact-types.js";
import { extractEmails, extractPhones, extractUrls } from "./facts-contacts.js";
import { extractDates, extractTimes } from "./facts-datetime.js";
import { extractQuantities, extractZhPercents, type FactMode } from "./facts-quantities.js";
import { extractRelativeDates } from "./facts-relative.js";
import { extractWeekdays } from "./facts-weekdays.js";

export type { FactMode } from "./facts-quantities.js";

const BLANK = "\u0001";
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const DASHES = /[\u2010-\u2013\u2212\ufe58\ufe63]/g;
const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f]/g;
const CITATION = /\[ ?\d{1,3}(?: ?[,，、;-] ?\d{1,3}){0,9} ?\]|【 ?\d{1,3}(?: ?[,，、;-] ?\d{1,3}){0,9} ?】/g;
const PLACEHOLDER = /\[[A-Z][A-Z_]{1,24}_\d{1,4}\]/g;
// "Open 24/7" and "24小时热线" say "always", not a duration; "24小时内" (within 24 hours) still is one.
const ALWAYS_OPEN = new RegExp(
  "\\b24 ?[/x×] ?7\\b|\\b7 ?[x×] ?24\\b|\\b24 hours a day\\b|\\b7 days a week\\b|\\b365 days a year\\b|" +
    "7 ?[x×] ?24 ?小时|7天24小时|全天24小时|24 ?小时(?![内之以])",
  "gi",
);
const LIST_NUMBER = /(^|\n)([ \t]{0,6})(\(?\d{1,2}[.)、] )/g;

/** Folds full-width forms, odd dashes, spaces and quotes, so "１，０００" reads as "1,000" and "–" as "-". */
export function foldFactText(text: string): string {
  if (/^[\x20-\x7e\n\r\t]*$/.test(text)) return text;
  return text.normalize("NFKC").replace(INVISIBLE, "").replace(DASHES, "-").replace(SPACES, " ").replace(/[‘’]/g, "'");
}

function blankOut(text: string, found: readonly FoundFact[]): string {
  let out = text;
  for (const f of found) out = out.slice(0, f.start) + BLANK.repeat(f.end - f.start) + out.slice(f.end);
  return out;
}

/** Removes what looks like a number but states nothing: citation markers, placeholders, list numbers, "24/7". */
function stripNonFacts(text: string): string {
  const blank = (s: string): string => BLANK.repeat(s.length);
  let out = text;
  if (out.includes("[") || out.includes("【")) out = out.replace(CITATION, blank).replace(PLACEHOLDER, blank);
  if (/24|7 ?days|365/.test(out)) out = out.replace(ALWAYS_OPEN, blank);
  if (/(?:^|\n)[ \t]{0,6}\(?\d/.test(out)) {
    out = out.replace(LIST_NUMBER, (_m, head: string, indent: string, marker: string) => head + indent + blank(marker));
  }
  return out;
}

const STEPS: readonly ((text: string) => FoundFact[])[] = [
  extractEmails,
  extractUrls,
  extractDates,
  extractZhPercents,
  extractRelativeDates,
  extractTimes,
  extractPhones,
  extractWeekdays,
];

// A text with none of these has no fact at all, so most filler sentences cost one search.
const MAY_HOLD_FACTS = new RegExp(
  [
    "[0-9@零〇一二两兩三四五六七八九十百千万萬亿億半周礼星今明昨月年]|后天|工作日|营业日|[A-Za-z]\\.[A-Za-z]",
    "day|week|month|year|tomorrow|night|morning|afternoon|evening",
    "\\b(?:mon|tue|wed|thu|fri|sat|sun|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]{3,5}teen",
    "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|noon|midday|midnight|an hour",
    "a day|a week|a fortnight|a month|a year|the (?:next )?hour|half|quarter|nought|tenner|fiver|grand|quid|pound)\\b",
  ].join("|"),
  "i",
);

/** Extracts the facts of a text; in "evidence" mode every number is kept, in "claim" mode small bare counts are not. */
export function extractFacts(text: string, mode: FactMode = "claim"): Fact[] {
  let t = stripNonFacts(foldFactText(text));
  const facts: Fact[] = [];
  if (!MAY_HOLD_FACTS.test(t)) return facts;
  for (const step of STEPS) {
    const found = step(t);
    if (found.length === 0) continue;
    facts.push(...found.map((f) => f.fact));
    t = blankOut(t, found);
  }
  facts.push(...extractQuantities(t, mode));
  for (const f of facts) f.raw = f.raw.replaceAll(BLANK, "").trim();
  return facts;
}
