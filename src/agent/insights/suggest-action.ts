// Decides what staff should do about a topic from what its turns have in common in their traces (never from the
// words): clarifying loops or failed tools mean a broken flow; low confidence split between intents, a wrong route;
// out of scope with no knowledge hit, a new intent; fallbacks on the knowledge that was found, missing knowledge.
import type { InsightTopic } from "../../conversations/insight-store.js";
import type { BadTurn } from "./collect-bad-turns.js";

/** What a topic suggests, in both languages. */
export type Suggestion = InsightTopic["suggestion"];

const share = (turns: readonly BadTurn[], test: (t: BadTurn) => boolean): number =>
  turns.length ? turns.filter(test).length / turns.length : 0;

/** The suggestion for a topic's turns. */
export function suggestAction(turns: readonly BadTurn[]): Suggestion {
  const n = turns.length;
  const count = (test: (t: BadTurn) => boolean): number => turns.filter(test).length;
  const loops = count((t) => t.signals.includes("clarifying_loop"));
  const toolFailures = count((t) => t.toolFailed);
  if (share(turns, (t) => t.signals.includes("clarifying_loop")) >= 0.25 || share(turns, (t) => t.toolFailed) >= 0.3) {
    const m = Math.max(loops, toolFailures);
    return {
      kind: "broken_flow",
      text: {
        en: `${m} of ${n} turns ended in repeated clarifying questions or a failed tool call: review this conversation flow.`,
        "zh-CN": `${n} 轮对话中有 ${m} 轮陷入反复澄清或工具调用失败：请检查这段对话流程。`,
      },
    };
  }
  const intents = new Map<string, number>();
  for (const t of turns) if (!t.outOfScope) intents.set(t.intent, (intents.get(t.intent) ?? 0) + 1);
  const ranked = [...intents.values()].sort((a, b) => b - a);
  const inScope = ranked.reduce((s, x) => s + x, 0);
  const split = inScope > 0 && ranked.length >= 2 && (ranked[1] as number) / inScope >= 0.25;
  // Only in-scope turns speak for a wrong route: an out-of-scope message has no right intent to be routed to.
  const unsure = count((t) => !t.outOfScope && (t.lowConfidence || t.splitGuess));
  const closeCalls = count((t) => !t.outOfScope && t.splitGuess);
  if (unsure / Math.max(1, n) >= 0.4 && (split || closeCalls / Math.max(1, n) >= 0.4)) {
    return {
      kind: "wrong_route",
      text: {
        en: `${unsure} of ${n} messages were routed with low confidence, split between intents: add these utterances to the right intent.`,
        "zh-CN": `${n} 条消息中有 ${unsure} 条路由置信度低，且分散在多个意图之间：请把这些话术加入正确的意图。`,
      },
    };
  }
  const outOfScope = count((t) => t.outOfScope);
  const noHit = count((t) => !t.knowledgeHit);
  if (outOfScope / Math.max(1, n) >= 0.5 && noHit / Math.max(1, n) >= 0.5) {
    return {
      kind: "new_intent",
      text: {
        en: `${outOfScope} of ${n} messages were out of scope and no knowledge document matched: consider a new intent for this topic.`,
        "zh-CN": `${n} 条消息中有 ${outOfScope} 条超出服务范围，且没有匹配的知识文档：建议为该主题新增意图。`,
      },
    };
  }
  const fallbacks = count((t) => t.signals.includes("fallback") || t.signals.includes("negative_feedback"));
  return {
    kind: "missing_knowledge",
    text: {
      en: `${fallbacks} of ${n} answers fell back or were disliked and ${noHit} found no document: write a knowledge document for this topic.`,
      "zh-CN": `${n} 条回答中有 ${fallbacks} 条触发兜底或被点踩，${noHit} 条没有找到文档：请为该主题编写知识文档。`,
    },
  };
}
