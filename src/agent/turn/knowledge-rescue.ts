// Step 3b of a turn: the router's refusals are second-guessed by the knowledge base. A message the router calls
// out of scope, advice or unclear, whose words a document in force covers well, is answered from that document
// (read-only) instead of refused; one covered less well gets the closest documents as quick replies. A router
// trained on a few thousand utterances misses wordings that the bank's own documents answer.
import type { BilingualText, Locale } from "../../shared/locale.js";
import type { KnowledgePort } from "../agent-ports.js";
import { retrievePassages } from "../passages.js";
import { bestMatch, PARTIAL_MATCH, STRONG_MATCH } from "../match-strength.js";
import type { ScopeDecision } from "./scope-gate.js";

const ADVICE_PREFIX: BilingualText = {
  en: "I can't give personal financial advice, but here is what our guides say.",
  "zh-CN": "我无法提供个人理财建议，以下是我们指南中的相关信息。",
};

/** The refusal, or an answer from knowledge when the documents cover the question. */
export async function rescueByKnowledge(args: {
  knowledge: KnowledgePort;
  scope: Extract<ScopeDecision, { kind: "fixed" }>;
  question: string;
  locale: Locale;
}): Promise<ScopeDecision> {
  const { scope, locale } = args;
  if (!scope.rescuable) return scope;
  const passages = await retrievePassages(args.knowledge, args.question, { locale, k: 4 });
  const strength = bestMatch(args.question, passages);
  if (strength >= STRONG_MATCH) {
    return {
      kind: "agent",
      intent: scope.intent,
      route: "knowledge",
      readOnly: true,
      ...(scope.intent === "advice_request" ? { prefix: ADVICE_PREFIX[locale] } : {}),
      rescued: `knowledge covers ${Math.round(strength * 100)}% of the question`,
    };
  }
  if (strength < PARTIAL_MATCH) return scope;
  const titles = [...new Set(passages.map((p) => p.title))].slice(0, 3);
  return { ...scope, quickReplies: [...titles, ...(scope.quickReplies ?? [])].slice(0, 4) };
}
