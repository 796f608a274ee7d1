// The short, quotable lines of a system prompt: rule titles in bold and heading lines. A reply that repeats one is
// reciting its instructions even when the run is too short for the long-overlap check.
import { createBoundedCache } from "./bounded-cache.js";

const BOLD = /\*\*([^*\n]{3,120})\*\*/g;
const HEADING = /^#{1,6}[ \t]{1,4}([^\n]{3,120})$/gm;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// Long enough to be the prompt's wording rather than a common phrase: three words, or five Chinese characters.
function quotable(phrase: string): boolean {
  const han = phrase.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  return han >= 5 || (han === 0 && phrase.split(" ").length >= 3);
}

const cache = createBoundedCache<string[]>(64);

/** The quotable headings of one protected text, normalised. */
export function headingsOf(text: string): string[] {
  return cache.get(text, () => {
    const found = [...text.matchAll(BOLD), ...text.matchAll(HEADING)].filter((m) => !(m[1] ?? "").includes("{{"));
    return [...new Set(found.map((m) => normalise(m[1] ?? "")).filter((h) => h && quotable(h)))];
  });
}

function contains(text: string, heading: string): boolean {
  return text.includes(` ${heading} `) || (!heading.includes(" ") && text.includes(heading));
}

/** Normalises evidence once, so a heading the passages or our own templates also use is not counted as a leak. */
export function normaliseForHeadings(text: string): string {
  return ` ${normalise(text)} `;
}

/** The protected heading a sentence repeats, if any; `sources` (normalised) may quote it freely. */
export function repeatedHeading(sentence: string, protectedTexts: readonly string[], sources = ""): string | undefined {
  const text = normaliseForHeadings(sentence);
  for (const source of protectedTexts) {
    for (const heading of headingsOf(source))
      if (contains(text, heading) && !contains(sources, heading)) return heading;
  }
  return undefined;
}
