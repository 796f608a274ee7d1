// Gathers the turns the bot handled badly from the stored traces: out of scope or low confidence, a grounding or rail
// fallback, a handoff, a thumbs-down, or the second of two clarifying questions in a row. Messages are already
// redacted in the store; they are scrubbed once more before staff read them.
import type { ConversationStore } from "../../conversations/conversation-store.js";
import type { BadTurnSignal } from "../../conversations/insight-store.js";
import type { TurnTrace } from "../../conversations/turn-trace.js";
import type { Locale } from "../../shared/locale.js";
import { isFallbackTurn } from "../analytics/rail-keys.js";
import { say } from "../responder/reply-templates.js";

/** The feedback the collector reads: F1's FeedbackStore satisfies it. */
export interface FeedbackReader {
  list(options: { from?: string; to?: string; limit: number }): {
    traceId?: string | undefined;
    rating?: "up" | "down" | undefined;
  }[];
}

/** One badly handled turn with the trace fields the suggestion rules read. */
export interface BadTurn {
  traceId: string;
  sessionId: string;
  at: string;
  locale: Locale;
  text: string;
  signals: BadTurnSignal[];
  intent: string;
  outOfScope: boolean;
  lowConfidence: boolean;
  /** The router's two best guesses were close (within 0.15). */
  splitGuess: boolean;
  knowledgeHit: boolean;
  toolFailed: boolean;
}

/** How far back and how much is read. */
export interface CollectOptions {
  since: Date;
  maxSessions?: number;
  maxFeedback?: number;
}

const GROUNDING_EVENTS = new Set(["ungrounded_answer", "llm_fallback"]);

function isClarifying(trace: TurnTrace): boolean {
  return trace.intent.lowConfidence && trace.reply.startsWith(say(trace.locale, "clarify"));
}

/** The badly handled customer turns since a date, newest sessions first. */
export function collectBadTurns(
  deps: {
    store: Pick<ConversationStore, "listSessions" | "listTraces">;
    feedback?: FeedbackReader;
    scrub: (text: string) => string;
  },
  options: CollectOptions,
): BadTurn[] {
  const since = options.since.toISOString();
  const disliked = new Set(
    (deps.feedback?.list({ from: since, limit: options.maxFeedback ?? 5000 }) ?? [])
      .filter((f) => f.rating === "down" && f.traceId)
      .map((f) => f.traceId as string),
  );
  const out: BadTurn[] = [];
  for (const session of deps.store.listSessions({ limit: options.maxSessions ?? 2000 })) {
    if (session.identity.kind === "staff" || session.updatedAt < since) continue;
    let previousClarified = false;
    for (const trace of deps.store.listTraces(session.id)) {
      const clarifying = isClarifying(trace);
      const signals: BadTurnSignal[] = [];
      const outOfScope = trace.intent.outOfScope || trace.guardrails.some((g) => g.type === "scope_refusal");
      if (outOfScope) signals.push("out_of_scope");
      if (trace.intent.lowConfidence) signals.push("low_confidence");
      if (isFallbackTurn(trace.guardrails) || trace.guardrails.some((g) => GROUNDING_EVENTS.has(g.type)))
        signals.push("fallback");
      if (trace.handoffTicketId || trace.intent.route === "handoff") signals.push("handoff");
      if (disliked.has(trace.traceId)) signals.push("negative_feedback");
      if (clarifying && previousClarified) signals.push("clarifying_loop");
      previousClarified = clarifying;
      if (!signals.length || trace.kind !== "message" || trace.startedAt < since || !trace.message.trim()) continue;
      const [first, second] = trace.intent.top;
      out.push({
        traceId: trace.traceId,
        sessionId: trace.sessionId,
        at: trace.startedAt,
        locale: trace.locale,
        text: deps.scrub(trace.message).slice(0, 500),
        signals,
        intent: trace.intent.name,
        outOfScope,
        lowConfidence: trace.intent.lowConfidence,
        splitGuess: !!first && !!second && first.probability - second.probability < 0.15,
        knowledgeHit: trace.retrieved.length > 0 || trace.citations.length > 0,
        toolFailed: trace.toolCalls.some((c) => c.status === "failed" || c.status === "denied"),
      });
    }
  }
  return out;
}
