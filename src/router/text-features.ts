// Turns a customer message into feature terms (word n-grams, character n-grams, Chinese character n-grams) with the
// shared tokeniser, so one linear model can read English, Chinese and mixed Chinese–English text. Every word is kept
// as written (no stop words, no stemming): the classifier learns which function words tell intents apart.
import { z } from "zod";
import { charGrams, hanGrams, tokeniseText, wordGrams } from "../shared/text/index.js";

/** Which n-gram views are extracted and how wide they are. */
export const FeatureConfigSchema = z.object({
  wordNgramMax: z.number().int().min(1).max(3).describe("longest word n-gram over Latin words"),
  charNgramMin: z.number().int().min(1).max(8).describe("shortest char_wb n-gram inside Latin words"),
  charNgramMax: z.number().int().min(1).max(8).describe("longest char_wb n-gram inside Latin words"),
  hanNgramMax: z.number().int().min(1).max(4).describe("longest n-gram over runs of Chinese characters"),
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
  const word: string[] = [];
  const char: string[] = [];
  // Word n-grams never span a Chinese run: each stretch of words between runs is read on its own.
  let stretch: string[] = [];
  const endStretch = (): void => {
    word.push(...wordGrams(stretch, config.wordNgramMax));
    stretch = [];
  };
  for (const t of tokeniseText(text, "surface")) {
    if (t.han) {
      endStretch();
      for (let n = 1; n <= config.hanNgramMax; n++) for (const g of hanGrams(t.text, n, false)) word.push(`h:${g}`);
    } else {
      stretch.push(t.text);
      char.push(...charGrams(t.text, config.charNgramMin, config.charNgramMax));
    }
  }
  endStretch();
  return { word, char };
}
