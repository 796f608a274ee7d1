// A pattern split by script: its English alternatives and its Chinese ones compile to two regexes, and each runs only
// on text that can hold it, so a Chinese sentence never pays for the English word lists and the other way round.

/** One match of a pattern. */
export interface PatternHit {
  start: number;
  end: number;
  text: string;
}

/** A pattern as two regexes, either of which may be absent. */
export interface BilingualPattern {
  en?: RegExp;
  zh?: RegExp;
}

const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /[a-z0-9%£$€]/i;

/** Splits a regex source at its top-level "|", outside groups, classes and escapes. */
function topLevelAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") {
      i++;
    } else if (inClass) {
      if (ch === "]") inClass = false;
    } else if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "|" && depth === 0) {
      parts.push(source.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(source.slice(from));
  return parts;
}

/** Compiles a pattern source into its English and Chinese halves (global, for finding every match). */
export function bilingual(source: string): BilingualPattern {
  const parts = topLevelAlternatives(source);
  const zh = parts.filter((p) => HAN.test(p));
  const en = parts.filter((p) => !HAN.test(p));
  return {
    ...(en.length > 0 ? { en: new RegExp(en.join("|"), "g") } : {}),
    ...(zh.length > 0 ? { zh: new RegExp(zh.join("|"), "g") } : {}),
  };
}

/** Every match of the pattern in a text, in order; each half runs only when the text has its script. */
export function findAll(pattern: BilingualPattern, text: string): PatternHit[] {
  const hits: PatternHit[] = [];
  // exec on the shared global regex, not matchAll: matchAll clones the regex on every call, which costs more than
  // the search itself on the short sentences the rails see.
  const run = (re: RegExp | undefined, when: RegExp): void => {
    if (!re || !when.test(text)) return;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      hits.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  run(pattern.en, LATIN_OR_DIGIT);
  run(pattern.zh, HAN);
  return hits.length > 1 ? hits.sort((a, b) => a.start - b.start) : hits;
}

/** The text with the hits blanked out (same length), so words inside them are not read again; one pass. */
export function blankHits(text: string, hits: readonly { start: number; end: number }[]): string {
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  for (const h of sorted) {
    if (h.end <= at) continue;
    const from = Math.max(h.start, at);
    pieces.push(text.slice(at, from), "_".repeat(h.end - from));
    at = h.end;
  }
  pieces.push(text.slice(at));
  return pieces.join("");
}

/** True when the pattern matches anywhere in the text. */
export function matchesAny(pattern: BilingualPattern, text: string): boolean {
  return findAll(pattern, text).length > 0;
}
