// Turns a customer message into feature terms (word n-grams, character n-grams, Chinese character n-grams)
// so one linear model can read English, Chinese and mixed Chinese–English text.
import { z } from "zod";

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
export const DEFAULT_FEATURE_CONFIG: FeatureConfig = { wordNgramMax: 2, charNgramMin: 2, charNgramMax: 5, hanNgramMax: 3, minDf: 1 };

/** The two views of a text: word-level terms and character-level terms, kept apart so each is normalised alone. */
export interface FeatureTerms {
  word: string[];
  char: string[];
}

const HAN_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/;
const TOKEN = /[\u3400-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

/** Lower-cases, folds full-width forms (NFKC) and unifies apostrophes so "Ｃａｒｄ’s" and "card's" match. */
export function normaliseText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\u2018\u2019`´]/g, "'");
}

/** Extracts the word view and the character view of a message. */
export function extractFeatureTerms(text: string, config: FeatureConfig): FeatureTerms {
  const norm = normaliseText(text);
  const word: string[] = [];
  const char: string[] = [];
  const tokens = norm.match(TOKEN) ?? [];
  const latin: string[] = [];
  for (const tok of tokens) {
    if (HAN_CHAR.test(tok)) {
      // Chinese has no spaces: character 1..n-grams stand in for words.
      for (let n = 1; n <= config.hanNgramMax; n++) {
        for (let i = 0; i + n <= tok.length; i++) word.push(`h:${tok.slice(i, i + n)}`);
      }
      latin.push("\u0000");
      continue;
    }
    latin.push(tok);
    const padded = ` ${tok} `;
    for (let n = config.charNgramMin; n <= config.charNgramMax; n++) {
      if (padded.length < n) break;
      for (let i = 0; i + n <= padded.length; i++) char.push(padded.slice(i, i + n));
    }
  }
  for (let i = 0; i < latin.length; i++) {
    const t = latin[i] as string;
    if (t === "\u0000") continue;
    word.push(t);
    let gram = t;
    for (let n = 2; n <= config.wordNgramMax && i + n <= latin.length; n++) {
      const next = latin[i + n - 1] as string;
      if (next === "\u0000") break;
      gram += ` ${next}`;
      word.push(gram);
    }
  }
  return { word, char };
}
