// The prompt-leak rail: a sentence must not repeat our system prompts or policy texts. A long shared run, 8 English
// words or 12 Chinese characters in a row after normalisation, fails unless the same run is in this turn's sources
// (a passage may quote policy). Each protected text is cut into shingles once and kept in a bounded cache.
import type { BoundedCache } from "./bounded-cache.js";

/** The word and character runs of a text, as set members. */
export interface Shingles {
  words: ReadonlySet<string>;
  han: ReadonlySet<string>;
  /** The first two words of every word shingle: most windows of a sentence fail here, before a shingle is built. */
  heads: ReadonlySet<string>;
}

/** Words in an English run and characters in a Chinese run that make a leak. */
export const WORD_RUN = 8;
export const HAN_RUN = 12;

const TOKENS = /[a-z0-9]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|\{\{[^{}]{0,60}\}\}/g;

/** Splits a text into runs of English words and runs of Chinese characters; placeholders and script changes break runs. */
function runsOf(text: string): { words: string[][]; han: string[][] } {
  const ascii = /^[\t\n\r\x20-\x7e]*$/.test(text);
  const normalised = (ascii ? text : text.normalize("NFKC")).toLowerCase().replace(/['’]/g, "");
  // Text with no Chinese: the words in order are the only run (placeholders still break it).
  if ((ascii || !/[\u3400-\u9fff\uf900-\ufaff]/.test(normalised)) && !normalised.includes("{{")) {
    const words = normalised.split(/[^a-z0-9]+/).filter((w) => w !== "");
    return { words: words.length >= WORD_RUN ? [words] : [], han: [] };
  }
  const words: string[][] = [];
  const han: string[][] = [];
  let w: string[] = [];
  let h: string[] = [];
  for (const m of normalised.matchAll(TOKENS)) {
    const t = m[0];
    const isHan = t.length === 1 && t >= "\u3400";
    if (t.startsWith("{{") || isHan) {
      if (w.length >= WORD_RUN) words.push(w);
      w = [];
    }
    if (t.startsWith("{{") || !isHan) {
      if (h.length >= HAN_RUN) han.push(h);
      h = [];
    }
    if (isHan) h.push(t);
    else if (!t.startsWith("{{")) w.push(t);
  }
  if (w.length >= WORD_RUN) words.push(w);
  if (h.length >= HAN_RUN) han.push(h);
  return { words, han };
}

function windows(runs: readonly string[][], size: number, join: string): string[] {
  const out: string[] = [];
  for (const run of runs) for (let i = 0; i + size <= run.length; i++) out.push(run.slice(i, i + size).join(join));
  return out;
}

/** Cuts a text into its leak-sized shingles. */
export function shinglesOf(text: string): Shingles {
  const { words, han } = runsOf(text);
  return {
    words: new Set(windows(words, WORD_RUN, " ")),
    han: new Set(windows(han, HAN_RUN, "")),
    heads: new Set(windows(words, 2, " ")),
  };
}

/** Shingles of a protected text, cut once per distinct text. */
export function cachedShingles(cache: BoundedCache<Shingles>, text: string): Shingles {
  return cache.get(text, shinglesOf);
}

/** The first run a sentence shares with a protected text (and not with the sources), or undefined. */
export function leakedRun(
  sentence: string,
  protectedTexts: readonly Shingles[],
  sources: () => Shingles,
): string | undefined {
  if (protectedTexts.length === 0) return undefined;
  const { words, han } = runsOf(sentence);
  if (words.length === 0 && han.length === 0) return undefined;
  for (const run of words) {
    for (let i = 0; i + WORD_RUN <= run.length; i++) {
      const head = `${run[i]} ${run[i + 1]}`;
      if (!protectedTexts.some((p) => p.heads.has(head))) continue;
      const shingle = run.slice(i, i + WORD_RUN).join(" ");
      if (protectedTexts.some((p) => p.words.has(shingle)) && !sources().words.has(shingle)) return shingle;
    }
  }
  for (const shingle of windows(han, HAN_RUN, "")) {
    if (protectedTexts.some((p) => p.han.has(shingle)) && !sources().han.has(shingle)) return shingle;
  }
  return undefined;
}
