// Step 7b: the audit record of a turn and its log line. Everything in them is redacted: the message already is,
// and tool arguments, model outputs and the reply go through the session's redactor here.
import type { Identity } from "../../auth/identity.js";
import type { Locale } from "../../shared/locale.js";
import type { Logger } from "../../shared/logger.js";
import type { RouteDecisionView } from "../agent-ports.js";
import type { ChatResponse, Citation } from "../chat-schemas.js";
import type { Passage } from "../passages.js";
import { traceCallsOf, type TurnRecorder } from "../turn-recorder.js";
import type { GuardrailEvent, TurnTrace } from "../../conversations/turn-trace.js";

/** Everything a turn's trace is made of. */
export interface TraceInput {
  traceId: string;
  sessionId: string;
  turn: number;
  identity: Identity;
  locale: Locale;
  kind: "message" | "confirmation";
  message: string;
  decision: RouteDecisionView;
  intent: string;
  route: string;
  passages: readonly Passage[];
  recorder: TurnRecorder;
  events: readonly GuardrailEvent[];
  provider: { provider: string; model: string };
  /** The reply as stored: already redacted. */
  reply: string;
  citations: Citation[];
  pendingConfirmation?: ChatResponse["pendingConfirmation"];
  ticketId?: string;
  /** Monotonic performance.now() at the start of the turn. */
  started: number;
  now: Date;
  latency: { route: number; agent: number };
  redact: (text: string) => string;
}

/** Builds the trace of a turn. */
export function buildTrace(t: TraceInput): TurnTrace {
  const { decision } = t;
  return {
    traceId: t.traceId,
    sessionId: t.sessionId,
    turn: t.turn,
    // `started` is a monotonic reading; the wall-clock start is now minus the elapsed time.
    startedAt: new Date(t.now.getTime() - (performance.now() - t.started)).toISOString(),
    identity: t.identity.kind,
    locale: t.locale,
    kind: t.kind,
    message: t.message,
    intent: {
      name: t.intent,
      route: t.route,
      confidence: decision.confidence,
      top: decision.top.map((x) => ({ intent: x.intent, probability: x.probability })),
      outOfScope: decision.outOfScope,
      lowConfidence: decision.lowConfidence,
    },
    slots: { ...decision.slots },
    retrieved: t.passages.map((p) => ({ docId: p.docId, version: p.version, chunkId: p.chunkId, score: p.score })),
    ...traceCallsOf(t.recorder, t.redact),
    guardrails: [...t.events, ...t.recorder.guardrails],
    provider: t.recorder.usedFallback ? `${t.provider.provider}+fallback` : t.provider.provider,
    model: t.provider.model,
    reply: t.reply,
    citations: t.citations,
    ...(t.pendingConfirmation ? { pendingConfirmation: t.pendingConfirmation } : {}),
    ...(t.ticketId ? { handoffTicketId: t.ticketId } : {}),
    latencyMs: { ...t.latency, total: Math.round(performance.now() - t.started) },
  };
}

/** Writes the turn's log lines: the summary at info, the (redacted) texts at debug. */
export function logTurn(logger: Logger, trace: TurnTrace): void {
  logger.info("chat turn", {
    traceId: trace.traceId,
    sessionId: trace.sessionId,
    identity: trace.identity,
    intent: trace.intent.name,
    route: trace.intent.route,
    confidence: trace.intent.confidence,
    tools: trace.toolCalls.map((c) => `${c.name}:${c.status}`),
    guardrails: trace.guardrails.map((g) => g.type),
    ms: trace.latencyMs.total,
  });
  logger.debug("chat turn text", { traceId: trace.traceId, message: trace.message, reply: trace.reply });
}
