// The one tokeniser: splits normalised text into words and runs of Chinese characters (Chinese has no spaces, so
// runs are read as character n-grams). Two word forms serve two kinds of reader; see WordForm.
import { normaliseForMatching, normaliseText } from "./normalise-text.js";
import { isStopWord } from "./stop-words.js";
import { stemWord } from "./stem-word.js";

// CJK unified ideographs, extension A and compatibility ideographs.
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const HAN_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/;
// A Chinese run, or letters and digits with a contraction ("what's"), running on into Chinese that follows ("visa卡").
const SURFACE_TOKEN = /[\u3400-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}]+(?:'\p{L}+)?/gu;
// A Chinese run, or letters and digits with a decimal part ("6.9") that stop where Chinese starts.
const CONTENT_TOKEN = /[\u3400-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+(?:\.\p{N}+)?/gu;

/** A token in text order: a word, or a run of Chinese characters (a surface word with Chinese in it counts as one). */
export interface TextToken {
  text: string;
  han: boolean;
}

/**
 * How words are read. "surface": as written after normaliseText, every word kept, for the intent router, whose
 * classifier weighs function words ("not", "how") and contractions itself and whose features these are. "content":
 * after normaliseForMatching, stop words dropped and the rest stemmed, for search and answer matching, where only
 * topic words should meet ("cancelled" meets "cancel", "10,000" meets "10000").
 */
export type WordForm = "surface" | "content";

/** The words and Chinese runs of a text, in order. */
export function tokeniseText(text: string, form: WordForm): TextToken[] {
  const out: TextToken[] = [];
  if (form === "surface") {
    for (const m of normaliseText(text).matchAll(SURFACE_TOKEN)) out.push({ text: m[0], han: HAN_CHAR.test(m[0]) });
    return out;
  }
  for (const m of normaliseForMatching(text).matchAll(CONTENT_TOKEN)) {
    const t = m[0];
    if (HAN_CHAR.test(t)) out.push({ text: t, han: true });
    else if (!isStopWord(t)) out.push({ text: stemWord(t), han: false });
  }
  return out;
}

/** The content words of a text (stop words removed, stemmed), Chinese left out. */
export function contentWords(text: string): string[] {
  return tokeniseText(text, "content")
    .filter((t) => !t.han)
    .map((t) => t.text);
}

/** The runs of consecutive Chinese characters of a text, after normalisation. */
export function hanRuns(text: string): string[] {
  return normaliseText(text).match(HAN_RUN) ?? [];
}

/** True when a text, term or feature key contains a Chinese character. */
export function containsHan(text: string): boolean {
  return HAN_CHAR.test(text);
}
