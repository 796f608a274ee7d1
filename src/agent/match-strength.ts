// How well a passage covers a question: the share of the question's content words (synonyms folded) that the
// passage's title, section and text contain. It decides when a question the router would refuse, or route to the
// customer's own data, is in fact answered by a document in force.
import { answerTokens } from "./responder/extract-answer.js";

/** A passage as far as coverage is concerned. */
export interface CoveredPassage {
  title: string;
  section: string;
  text: string;
}

/**
 * Coverage a question needs before a document answers it in place of a refusal or a sign-in prompt. Fitted on the
 * dev split of the answers eval set against the router's out-of-scope and advice utterances (`npm run fit:rescue`).
 */
export const STRONG_MATCH = 0.6;

/** Coverage at which the closest documents are offered as quick replies instead of a bare refusal. */
export const PARTIAL_MATCH = 0.4;

/** The share of the question's content words that a passage's title, section and text contain. */
export function matchStrength(question: string, passage: CoveredPassage): number {
  const asked = new Set(answerTokens(question));
  if (asked.size === 0) return 0;
  const found = new Set(answerTokens(`${passage.title}\n${passage.section}\n${passage.text}`));
  return [...asked].filter((t) => found.has(t)).length / asked.size;
}

/** The best coverage among the first passages (the ranking's top two). */
export function bestMatch(question: string, passages: readonly CoveredPassage[]): number {
  return Math.max(0, ...passages.slice(0, 2).map((p) => matchStrength(question, p)));
}
