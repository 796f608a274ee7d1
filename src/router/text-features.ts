// Turns a customer message into feature terms with the shared tokeniser, so one linear model reads English, Chinese
// and mixed text: word n-grams over the message's words (Latin words and segmented Chinese words alike), and character
// n-grams (inside Latin words, and over whole Chinese runs) that tolerate typos, inflections and segmentation slips.
// Every word is kept as written (no stop words, no stemming): the classifier learns which function words matter.
import { z } from "zod";
import { charGrams, hanGrams, hanRuns, tokeniseText, wordGrams } from "../shared/text/index.js";

/** Which n-gram views are extracted and how wide they are. */
export const FeatureConfigSchema = z.object({
  wordNgramMax: z.number().int().min(1).max(3).describe("longest word n-gram over Latin and Chinese words"),
  charNgramMin: z.number().int().min(1).max(8).describe("shortest char_wb n-gram inside Latin words"),
  charNgramMax: z.number().int().min(1).max(8).describe("longest char_wb n-gram inside Latin words"),
  hanNgramMax: z.number().int().min(0).max(4).describe("longest character n-gram over runs of Chinese; 0 for none"),
  minDf: z.number().int().min(1).describe("terms seen in fewer training texts are dropped"),
});
/** Feature extraction settings. */
export type FeatureConfig = z.infer<typeof FeatureConfigSchema>;

/** Settings that worked best on the training/validation splits we tuned on. */
export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  wordNgramMax: 2,
  charNgramMin: 2,
  charNgramMax: 5,
  hanNgramMax: 3,
  minDf: 1,
};

/** The two views of a text: word-level terms and character-level terms, kept apart so each is normalised alone. */
export interface FeatureTerms {
  word: string[];
  char: string[];
}

/** Extracts the word view and the character view of a message. */
export function extractFeatureTerms(text: string, config: FeatureConfig): FeatureTerms {
  const tokens = tokeniseText(text, "surface");
  const word = wordGrams(
    tokens.map((t) => t.text),
    config.wordNgramMax,
  );
  const char: string[] = [];
  for (const t of tokens) if (!t.han) char.push(...charGrams(t.text, config.charNgramMin, config.charNgramMax));
  // Character n-grams of a whole run also meet words the dictionary cut differently ("国际汇款" vs "国际 | 汇款").
  for (const run of hanRuns(text)) {
    for (let n = 1; n <= config.hanNgramMax; n++) for (const g of hanGrams(run, n, false)) char.push(`h:${g}`);
  }
  return { word, char };
}
