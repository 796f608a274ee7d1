// Step 4 of a turn (two-step RAG): for intents whose answer states bank facts, the knowledge base is searched before
// any model runs, so grounding never depends on a model choosing to search. The search is recorded like the tool.
import type { Locale } from "../../shared/locale.js";
import type { KnowledgePort } from "../agent-ports.js";
import { documentsForIntent } from "../intent-knowledge.js";
import { retrievePassages, type Passage } from "../passages.js";
import type { TurnRecorder } from "../turn-recorder.js";

/** What the retrieval step needs to know about the turn. */
export interface RetrieveRequest {
  query: string;
  intent: string;
  route: string;
  locale: Locale;
  allowedTools: readonly string[];
  staff: boolean;
  recorder: TurnRecorder;
  onToolEvent?: (event: { name: string; phase: "start" | "end"; status?: string }) => void;
}

// Intents answered from the customer's own case by a tool (a scorecard estimate, a decline explanation, a pending
// payment, a handoff): the tool result is the evidence, and the model may still search for general guidance.
const CASE_ANSWERED_INTENTS = new Set(["loan_eligibility", "credit_declined_reason", "pending_payment", "complaint"]);

/** True when the answer to this turn states bank facts (fees, rates, limits, times, procedures, contacts). */
export function statesBankFacts(
  request: Pick<RetrieveRequest, "intent" | "route" | "allowedTools" | "staff">,
): boolean {
  if (request.staff || !request.allowedTools.includes("search_knowledge")) return false;
  if (request.route === "handoff" || CASE_ANSWERED_INTENTS.has(request.intent)) return false;
  // A visitor who is not signed in can be helped only from the guides, whatever the route: a question the router
  // took for one about their own account is often a general one ("do I need her IBAN?").
  const guidesOnly = request.allowedTools.every((t) => t === "search_knowledge" || t === "handoff_to_human");
  if (guidesOnly && request.route !== "smalltalk" && request.route !== "out_of_scope") return true;
  return request.route === "knowledge" || documentsForIntent(request.intent).length > 0;
}

/** Retrieves this turn's passages, or none when the intent states no bank facts. */
export async function retrieveForTurn(knowledge: KnowledgePort, request: RetrieveRequest): Promise<Passage[]> {
  if (!statesBankFacts(request)) return [];
  const started = performance.now();
  request.onToolEvent?.({ name: "search_knowledge", phase: "start" });
  const passages = await retrievePassages(knowledge, request.query, {
    locale: request.locale,
    preferredDocs: documentsForIntent(request.intent),
  });
  const status = passages.length > 0 ? "ok" : "not_found";
  request.recorder.toolCalls.push({
    name: "search_knowledge",
    args: { query: request.query },
    status: passages.length > 0 ? "ok" : "failed",
    summary: `${status} (retrieved before the model)`,
    ms: Math.round(performance.now() - started),
    result: { status, query: request.query, passages },
  });
  request.onToolEvent?.({ name: "search_knowledge", phase: "end", status: passages.length > 0 ? "ok" : "failed" });
  return passages;
}
