// Agent assist: when staff take over a conversation they get a summary of it, two or three checked replies they can
// edit and send, and the next tool call already filled in. Offline the summary is extractive; with a chat model it
// is written by the model and checked by the output rails, falling back to the extractive one.
import type { Logger } from "../../shared/logger.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { KnowledgePort, RouterPort } from "../agent-ports.js";
import type { RailSettings } from "../turn/answer-with-agent.js";
import { AgentAssistSchema, type AgentAssist } from "./assist-schema.js";
import { readConversationFacts, type AssistStore } from "./conversation-facts.js";
import { modelSummary, type SummaryModel } from "./model-summary.js";
import { nextActions } from "./next-actions.js";
import { offlineSummary } from "./offline-summary.js";
import { suggestReplies } from "./suggest-replies.js";

/** What agent assist reads and checks with. */
export interface AgentAssistDeps {
  store: AssistStore;
  knowledge: KnowledgePort;
  router: RouterPort;
  rails: RailSettings;
  /** A remote chat model that writes the summary; absent, the summary is extractive. */
  summariser?: SummaryModel;
  /** Records each assist call in the staff audit trail (who asked about which customer's conversation). */
  audit?: (entry: AssistAuditEntry) => void;
  logger?: Logger;
}

/** One assist call as the staff audit trail records it. */
export interface AssistAuditEntry {
  staffId: string;
  sessionId: string;
  toolName: "agent_assist";
  args: { sessionId: string };
  customerId?: string;
  status: "ok" | "not_found";
}

/** Agent assist for staff. */
export interface AgentAssistService {
  assist(sessionId: string, staffId: string): Promise<Result<AgentAssist, "not_found">>;
}

/** Creates agent assist. */
export function createAgentAssist(deps: AgentAssistDeps): AgentAssistService {
  return {
    async assist(sessionId, staffId) {
      const facts = readConversationFacts(deps.store, deps.router, sessionId);
      const audit = { staffId, sessionId, toolName: "agent_assist", args: { sessionId } } as const;
      if (!facts) {
        deps.audit?.({ ...audit, status: "not_found" });
        return err("not_found");
      }
      const offline = offlineSummary(facts);
      const [written, suggestedReplies] = await Promise.all([
        deps.summariser ? modelSummary(deps.summariser, facts, offline, deps.rails) : { summary: offline },
        suggestReplies({ knowledge: deps.knowledge, rails: deps.rails }, facts),
      ]);
      if ("fellBack" in written && written.fellBack)
        deps.logger?.warn("agent assist: extractive summary used", { sessionId, why: written.fellBack });
      const assist = AgentAssistSchema.parse({
        sessionId,
        summary: written.summary,
        suggestedReplies,
        nextActions: nextActions(facts),
      });
      deps.audit?.({ ...audit, ...(facts.customerId ? { customerId: facts.customerId } : {}), status: "ok" });
      deps.logger?.info("agent assist", {
        sessionId,
        staffId,
        summary: assist.summary.source,
        replies: assist.suggestedReplies.map((r) => r.basis),
        actions: assist.nextActions.map((a) => a.tool),
      });
      return ok(assist);
    },
  };
}
