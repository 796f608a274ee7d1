// An extractive answer from the passages a knowledge search (or a staff draft) found, in the reader's language:
// shared by the customer and staff planners and by the fallback when a model's reply is blocked.
import type { Locale } from "../../shared/locale.js";
import type { Passage } from "../passages.js";
import type { ToolOutcome } from "../tools/tool-results.js";
import type { AnswerRanker } from "./answer/answer-ranker.js";
import { extractAnswer, renderExtractedAnswer } from "./extract-answer.js";

/** The passages a knowledge search or a staff draft found; none for any other outcome. */
export function passagesOf(outcome: ToolOutcome | undefined): Passage[] {
  if (outcome?.name !== "search_knowledge" && outcome?.name !== "draft_customer_reply") return [];
  return outcome.data.status === "ok" ? outcome.data.passages : [];
}

/** Composes an extractive answer from a search_knowledge (or draft_customer_reply) outcome, in the customer's language. */
export function answerFromKnowledge(
  question: string,
  outcome: ToolOutcome | undefined,
  locale: Locale,
  ranker?: AnswerRanker,
): string | undefined {
  const passages = passagesOf(outcome);
  if (passages.length === 0) return undefined;
  const answer = extractAnswer(question, passages, { locale, ...(ranker ? { ranker } : {}) });
  return answer.parts.length ? renderExtractedAnswer(answer, locale) : undefined;
}
