// The one tokeniser: splits normalised text into words, Latin and Chinese. Chinese has no spaces, so each run of Chinese
// characters is segmented into dictionary words (segment-chinese). Two word forms serve two kinds of reader; see WordForm.
import { normaliseForMatching, normaliseText } from "./normalise-text.js";
import { segmentChinese } from "./segment-chinese.js";
import { isHanStopGram, isStopWord } from "./stop-words.js";
import { stemWord } from "./stem-word.js";

// CJK unified ideographs, extension A and compatibility ideographs.
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const HAN_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/;
// A Chinese run, or letters and digits with a contraction ("what's") that stop where Chinese starts ("visa卡").
const SURFACE_TOKEN =
  /[\u3400-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+(?:'(?:(?![\u3400-\u9fff\uf900-\ufaff])\p{L})+)?/gu;
// A Chinese run, or letters and digits with a decimal part ("6.9") that stop where Chinese starts.
const CONTENT_TOKEN = /[\u3400-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+(?:\.\p{N}+)?/gu;

/** A token in text order: a Latin word, or a Chinese word (`han`) cut from a run of Chinese characters. */
export interface TextToken {
  text: string;
  han: boolean;
}

/**
 * How words are read. "surface": as written after normaliseText, every word kept, for the intent router, whose
 * classifier weighs function words ("not", "how", "吗") and contractions itself and whose features these are.
 * "content": after normaliseForMatching, stop words and Chinese function words dropped and English stemmed, for search
 * and answer matching, where only topic words should meet ("cancelled" meets "cancel", "10,000" meets "10000").
 */
export type WordForm = "surface" | "content";

/** The words of a text, Latin and Chinese, in order. */
export function tokeniseText(text: string, form: WordForm): TextToken[] {
  const out: TextToken[] = [];
  const content = form === "content";
  const normalised = content ? normaliseForMatching(text) : normaliseText(text);
  for (const m of normalised.matchAll(content ? CONTENT_TOKEN : SURFACE_TOKEN)) {
    const t = m[0];
    if (HAN_CHAR.test(t)) {
      for (const w of segmentChinese(t)) if (!content || !isHanStopGram(w)) out.push({ text: w, han: true });
    } else if (!content) out.push({ text: t, han: false });
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
