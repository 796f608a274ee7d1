// The feature families of the local embeddings, built on the shared tokeniser: stemmed content words, word bigrams
// and character n-grams for typo tolerance; Chinese character uni/bi/tri-grams, since Chinese has no spaces.
import { charGrams, hanGrams, tokeniseText } from "../shared/text/index.js";

/** A feature with its family weight. */
export interface WeightedFeature {
  key: string;
  weight: number;
}

/** Feature families and their relative weights in the embedding. */
export const FEATURE_WEIGHTS = { word: 1, bigram: 0.8, char: 0.25, han1: 0.35, han2: 1, han3: 0.8 } as const;

const NUMBER = /^[0-9.]+$/;

/** Every feature of a text (with repeats, so callers can count term frequency). */
export function extractFeatures(text: string): WeightedFeature[] {
  const out: WeightedFeature[] = [];
  const tokens = tokeniseText(text, "content");
  const words = tokens.filter((t) => !t.han).map((t) => t.text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    out.push({ key: `w:${w}`, weight: FEATURE_WEIGHTS.word });
    if (i > 0) out.push({ key: `b:${words[i - 1] as string}_${w}`, weight: FEATURE_WEIGHTS.bigram });
    if (w.length >= 4 && !NUMBER.test(w)) {
      for (const g of charGrams(w, 3, 5)) out.push({ key: `c:${g}`, weight: FEATURE_WEIGHTS.char });
    }
  }
  for (const t of tokens) {
    if (!t.han) continue;
    for (const g of hanGrams(t.text, 1, true)) out.push({ key: `h1:${g}`, weight: FEATURE_WEIGHTS.han1 });
    for (const g of hanGrams(t.text, 2, true)) out.push({ key: `h2:${g}`, weight: FEATURE_WEIGHTS.han2 });
    for (const g of hanGrams(t.text, 3, true)) out.push({ key: `h3:${g}`, weight: FEATURE_WEIGHTS.han3 });
  }
  return out;
}

/** 32-bit FNV-1a hash of a string: deterministic on every platform. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
