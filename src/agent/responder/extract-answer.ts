// Extractive answering: picks the candidates of the retrieved passages (sentences, list items, table rows) that answer
// the question, ranked by the learned answer ranker (answer/), so the local responder never writes a fact that is not
// in a cited passage. The question is read up to MAX_SCANNED_CHARS and every pattern has bounded repetition.
import { capText, MAX_SCANNED_CHARS } from "../../shared/linear-text.js";
import type { Locale } from "../../shared/locale.js";
import type { AnswerRanker } from "./answer/answer-ranker.js";
import { composeAnswer, type ExtractedAnswer } from "./answer/compose-answer.js";
import { passageCandidates } from "./answer/passage-candidates.js";
import type { AnswerPassage } from "./answer/rank-candidates.js";

export type { AnswerPassage } from "./answer/rank-candidates.js";
export type { ExtractedAnswer } from "./answer/compose-answer.js";
export { answerTokens } from "./answer/answer-type.js";

/** Splits passage Markdown into readable sentences (table rows and list items become sentences). */
export function splitSentences(markdown: string): string[] {
  return passageCandidates(markdown)
    .filter((c) => c.kind !== "item")
    .map((c) => c.text);
}

/** Selects the answering sentence for each part of the question, then up to two supporting sentences. */
export function extractAnswer(
  rawQuestion: string,
  passages: readonly AnswerPassage[],
  options: { maxSentences?: number; maxChars?: number; locale?: string; ranker?: AnswerRanker } = {},
): ExtractedAnswer {
  return composeAnswer(capText(rawQuestion, MAX_SCANNED_CHARS), passages, options);
}

/** Renders an extracted answer with [n] citation markers after each passage's sentences. */
export function renderExtractedAnswer(answer: ExtractedAnswer, locale: Locale): string {
  const sep = locale === "zh-CN" ? "" : " ";
  // Two passages (two chunks, or a document and an older copy) can carry the same sentence: it is said once, under
  // the first passage that has it.
  const said = new Set<string>();
  const key = (sentence: string): string =>
    sentence
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[\s\p{P}]+/gu, "");
  return answer.parts
    .map((p) => ({ n: p.n, sentences: p.sentences.filter((x) => !said.has(key(x)) && said.add(key(x))) }))
    .filter((p) => p.sentences.length > 0)
    .map((p) => `${p.sentences.join(sep)} [${p.n}]`)
    .join("\n\n");
}
