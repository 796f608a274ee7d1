// Test helper: stores customer sessions whose traces show badly handled turns (out of scope with no knowledge hit,
// by default), so the insights pipeline has something to cluster.
import type { ConversationStore } from "../../conversations/conversation-store.js";
import type { TurnTrace } from "../../conversations/turn-trace.js";
import type { Locale } from "../../shared/locale.js";

/** One planted turn: the message and the trace fields that made it go badly. */
export interface PlantedTurn {
  text: string;
  locale: Locale;
  at?: string;
  outOfScope?: boolean;
  lowConfidence?: boolean;
  intent?: string;
  reply?: string;
  toolFailed?: boolean;
}

/** A complete trace for a planted turn. */
export function badTurnTrace(sessionId: string, turn: number, p: PlantedTurn): TurnTrace {
  const outOfScope = p.outOfScope ?? !p.lowConfidence;
  return {
    traceId: `${sessionId}-t${turn}`,
    sessionId,
    turn,
    startedAt: p.at ?? new Date().toISOString(),
    identity: "customer",
    locale: p.locale,
    kind: "message",
    message: p.text,
    intent: {
      name: p.intent ?? (outOfScope ? "out_of_scope" : "balance"),
      route: outOfScope ? "out_of_scope" : "account",
      confidence: 0.3,
      top: [
        { intent: p.intent ?? "out_of_scope", probability: 0.3 },
        { intent: "card_pin", probability: 0.25 },
      ],
      outOfScope,
      lowConfidence: p.lowConfidence ?? false,
    },
    slots: {},
    retrieved: [],
    toolCalls: p.toolFailed ? [{ name: "get_balance", args: {}, status: "failed", summary: "timed out", ms: 5 }] : [],
    guardrails: outOfScope ? [{ type: "scope_refusal", detail: "out of scope" }] : [],
    provider: "local",
    model: "local",
    modelCalls: [],
    reply: p.reply ?? "Sorry, I can only help with banking.",
    citations: [],
    latencyMs: { route: 1, agent: 0, total: 1 },
  };
}

/** Stores each planted turn in its own customer session; returns the trace ids in order. */
export function plantBadTurns(
  store: ConversationStore,
  turns: readonly PlantedTurn[],
  owner = "customer:demo1",
): string[] {
  return turns.map((p, i) => {
    const session = store.createSession({
      owner,
      identity: { kind: "customer", customerId: "demo1" },
      locale: p.locale,
    });
    store.appendMessage(session.id, { role: "user", text: p.text });
    const trace = badTurnTrace(session.id, 1, p);
    store.saveTrace(trace);
    return trace.traceId ?? String(i);
  });
}
