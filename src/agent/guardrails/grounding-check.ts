// Deterministic grounding: every amount, rate, fee, percentage, time and date in an answer must appear in the
// sources the answer cites (knowledge chunks or tool results); otherwise the answer is not safe to send.
// Patterns have bounded repetition, so extraction stays linear however long or odd the answer is.

/** A factual token found in an answer. */
export interface FactToken {
  kind: "money" | "percent" | "date" | "time" | "number";
  raw: string;
  norm: string;
}

/** The outcome of a grounding check. */
export interface GroundingResult {
  grounded: boolean;
  facts: FactToken[];
  unsupported: FactToken[];
}

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";

const FACT_PATTERNS: { kind: FactToken["kind"]; re: RegExp }[] = [
  {
    kind: "money",
    re: /(?:£|\$|€|¥|GBP\s?|RMB\s?)\s?\d[\d,]{0,20}(?:\.\d{1,6})?(?:\s?(?:k|m|million|thousand))?|\d[\d,]{0,20}(?:\.\d{1,6})?\s?(?:英镑|镑|元|块|pounds?|GBP|RMB)/gi,
  },
  { kind: "percent", re: /\d{1,20}(?:\.\d{1,6})?\s?%/g },
  {
    kind: "date",
    re: new RegExp(
      `\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s(?:${MONTHS})(?:\\s\\d{4})?\\b|\\b(?:${MONTHS})\\s\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s\\d{4})?\\b|\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{1,2}月\\d{1,2}日`,
      "gi",
    ),
  },
  { kind: "time", re: /\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b/gi },
  {
    kind: "number",
    re: /(?<![\w.£$€¥])\d{1,20}(?:[.,]\d{1,20})?(?:\s?[–-]\s?\d{1,20})?\s?(?:working days?|business days?|days?|months?|years?|minutes?|hours?|weeks?|个工作日|工作日|天|个月|年|分钟|小时|周)/gi,
  },
];

function normalise(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/,(?=\d{3})/g, "")
    .replace(/\s+/g, "")
    .replace(/[–—]/g, "-")
    .replace(/gbp|pounds?|英镑|镑/g, "£")
    .replace(/^(\d[\d.]*)£$/, "£$1")
    .replace(/(\d)\.00\b/g, "$1");
}

/** Extracts the factual tokens of a text, normalised for comparison. */
export function extractFacts(text: string): FactToken[] {
  const facts: FactToken[] = [];
  const seen = new Set<string>();
  for (const { kind, re } of FACT_PATTERNS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const norm = normalise(m[0]);
      const key = `${kind}:${norm}`;
      if (seen.has(key)) continue;
      seen.add(key);
      facts.push({ kind, raw: m[0], norm });
    }
  }
  return facts;
}

/** Checks that each fact of the answer appears (normalised) in at least one source text. */
export function checkGrounding(answer: string, sources: readonly string[]): GroundingResult {
  const facts = extractFacts(answer);
  const haystack = normalise(sources.join("\n"));
  const unsupported = facts.filter((f) => !haystack.includes(f.norm) && !numericCoreSupported(f, haystack));
  return { grounded: unsupported.length === 0, facts, unsupported };
}

// A fact like "5-7 working days" is supported when the source says "5–7 working days" or "5 to 7 working days"
// is not attempted; but "£15" must match "£15" exactly, never "£150".
function numericCoreSupported(fact: FactToken, haystack: string): boolean {
  if (fact.kind !== "money") return false;
  const core = fact.norm.replace(/[^\d.]/g, "");
  if (!core) return false;
  const re = new RegExp(`£${core.replace(".", "\\.")}(?![\\d])`);
  return re.test(haystack);
}
