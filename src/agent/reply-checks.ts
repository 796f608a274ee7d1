// After the agent answers: map [n] markers to citations, check grounding and scope policy, and replace an unsafe
// answer with a safe fallback so a wrong figure never reaches a customer.
import type { Locale } from "../shared/locale.js";
import type { Citation } from "./chat-schemas.js";
import { checkGrounding } from "./guardrails/grounding-check.js";
import { findPolicyViolations } from "./guardrails/scope-policy.js";
import { say } from "./responder/reply-templates.js";
import type { RecordedToolCall } from "./turn-recorder.js";
import type { GuardrailEvent } from "./turn-trace.js";

interface Passage {
  n: number;
  docId: string;
  title: string;
  version: string;
  chunkId: string;
  score: number;
  text: string;
}

/** The checked reply. */
export interface CheckedReply {
  text: string;
  citations: Citation[];
  retrieved: { docId: string; version: string; chunkId: string; score: number }[];
  events: GuardrailEvent[];
}

function passagesOf(calls: readonly RecordedToolCall[]): Passage[] {
  const searches = calls.filter((c) => (c.name === "search_knowledge" || c.name === "draft_customer_reply") && c.result?.["status"] === "ok");
  const last = searches[searches.length - 1];
  return (last?.result?.["passages"] as Passage[] | undefined) ?? [];
}

const KNOWLEDGE_TOOLS = new Set(["search_knowledge", "draft_customer_reply", "handoff_to_human"]);

/** Checks and finalises the reply text of a turn. */
export function checkReply(text: string, calls: readonly RecordedToolCall[], locale: Locale): CheckedReply {
  const passages = passagesOf(calls);
  const allPassages = calls.flatMap((c) => (c.result?.["passages"] as Passage[] | undefined) ?? []);
  const retrieved = allPassages.map((p) => ({ docId: p.docId, version: p.version, chunkId: p.chunkId, score: p.score }));
  const events: GuardrailEvent[] = [];
  const cited = new Set([...text.matchAll(/\[(\d{1,2})\]/g)].map((m) => Number(m[1])));
  const citations: Citation[] = [];
  for (const p of passages) {
    if (cited.has(p.n) && !citations.some((c) => c.docId === p.docId)) citations.push({ docId: p.docId, title: p.title, version: p.version });
  }
  for (const p of passages) {
    const injected = (p as unknown as { injectionRemoved?: number }).injectionRemoved ?? 0;
    if (injected > 0) events.push({ type: "injection_passage", detail: `${p.docId}: ${injected} instruction sentence(s) removed` });
  }
  let finalText = text;
  const violations = findPolicyViolations(finalText);
  if (violations.length > 0) {
    events.push({ type: "policy_violation", detail: violations.join("; ") });
    finalText = say(locale, "creditDisclaimer");
  }
  // Answers composed from account data are templated from tool values; answers from knowledge are checked.
  const knowledgeOnly = passages.length > 0 && calls.every((c) => KNOWLEDGE_TOOLS.has(c.name) || c.status !== "ok");
  if (knowledgeOnly) {
    const grounding = checkGrounding(finalText, allPassages.map((p) => p.text));
    if (!grounding.grounded) {
      events.push({ type: "ungrounded_answer", detail: `unsupported: ${grounding.unsupported.map((f) => f.raw).join(", ")}` });
      finalText = say(locale, "ungrounded");
      const top = passages[0];
      if (top && citations.length === 0) citations.push({ docId: top.docId, title: top.title, version: top.version });
    }
  }
  return { text: finalText, citations, retrieved, events };
}
