// Steps 7–8 of a turn: the reply text the customer sees, the session state, the transcript, the trace, the log,
// and the response (and its closing events when streaming).
import { randomUUID } from "node:crypto";
import type { Identity } from "../../auth/identity.js";
import type { Locale } from "../../shared/locale.js";
import type { Logger } from "../../shared/logger.js";
import type { RouteDecisionView } from "../agent-ports.js";
import type { ChatEvent, ChatResponse, Citation } from "../chat-schemas.js";
import type { ConversationStore, Session } from "../../conversations/conversation-store.js";
import type { PiiVault } from "../../shared/pii-vault.js";
import type { Passage } from "../passages.js";
import { say } from "../responder/reply-templates.js";
import type { AgentTurnOutcome } from "../run-agent-turn.js";
import type { TurnRecorder } from "../turn-recorder.js";
import type { GuardrailEvent } from "../../conversations/turn-trace.js";
import { nextSessionState, ticketOf, type PendingConfirmation } from "./next-session-state.js";
import { buildTrace, logTurn } from "./trace-turn.js";

/** Services the last steps use. */
export interface FinishDeps {
  store: ConversationStore;
  logger: Logger;
  now: () => Date;
  provider: { provider: string; model: string };
  describeConfirmation: (
    action: string,
    args: Record<string, unknown>,
    ctx: { identity: Identity; locale: Locale; vault: PiiVault; sessionId: string },
  ) => string;
}

/** A turn ready to be finished. */
export interface FinishInput {
  session: Session;
  sessionKey?: string;
  identity: Identity;
  locale: Locale;
  vault: PiiVault;
  kind: "message" | "confirmation";
  message: string;
  decision: RouteDecisionView;
  intent: string;
  route: string;
  outcome: AgentTurnOutcome;
  /** The checked reply text (already streamed, when streaming). */
  text: string;
  citations: Citation[];
  passages: readonly Passage[];
  recorder: TurnRecorder;
  events: readonly GuardrailEvent[];
  started: number;
  latency: { route: number; agent: number };
  /** Sends our own text (not the model's) to a streaming client. */
  release?: (text: string) => void;
  emit?: (e: ChatEvent) => void;
}

/** Persists the turn and answers it. */
export function finishTurn(deps: FinishDeps, t: FinishInput): ChatResponse {
  const { session, locale, outcome, recorder } = t;
  const traceId = randomUUID();
  let text = t.text;
  const fresh = deps.store.getSession(session.id) ?? session;
  // A side question leaves the waiting action in place, and the reply says it is still waiting.
  let pending: PendingConfirmation | undefined =
    t.kind === "message" && !outcome.interrupt ? fresh.state.pending : undefined;
  if (outcome.interrupt) {
    const ctx = { identity: t.identity, locale, vault: t.vault, sessionId: session.id };
    const summary = deps.describeConfirmation(outcome.interrupt.action, outcome.interrupt.args, ctx);
    pending = {
      id: outcome.interrupt.id,
      action: outcome.interrupt.action,
      summary,
      route: t.route,
      intent: t.intent,
      confidence: t.decision.confidence,
    };
    // Clients that do not render the confirmation card still tell the customer what is waiting for them.
    const prompt = say(locale, "confirmPrompt", { summary });
    t.release?.(text ? `\n\n${prompt}` : prompt);
    text = [text, prompt].filter(Boolean).join("\n\n");
    recorder.toolCalls.push({
      name: outcome.interrupt.action,
      args: outcome.interrupt.args,
      status: "awaiting_confirmation",
      summary,
      ms: 0,
    });
  }
  const pendingConfirmation = pending
    ? { id: pending.id, action: pending.action, summary: pending.summary }
    : undefined;
  const state = nextSessionState({
    state: fresh.state,
    intent: t.intent,
    route: t.route,
    outcome,
    calls: recorder.toolCalls,
    pending,
  });
  const ticketId = ticketOf(recorder.toolCalls);
  const redact = (s: string) => t.vault.redact(s).text;
  // The mode is left as stored: a handoff during this turn has already switched it to "human".
  deps.store.updateSession(session.id, { locale, state });
  const storedReply = redact(text);
  if (text) deps.store.appendMessage(session.id, { role: "assistant", text: storedReply, traceId });
  const response: ChatResponse = {
    sessionId: session.id,
    ...(t.sessionKey ? { sessionKey: t.sessionKey } : {}),
    reply: {
      text,
      citations: t.citations,
      ...(outcome.quickReplies && !outcome.interrupt ? { quickReplies: outcome.quickReplies } : {}),
    },
    intent: {
      name: t.intent,
      route: t.route as ChatResponse["intent"]["route"],
      confidence: Number(t.decision.confidence.toFixed(4)),
    },
    toolCalls: recorder.toolCalls.map((c) => ({ name: c.name, status: c.status })),
    ...(pendingConfirmation ? { pendingConfirmation } : {}),
    ...(ticketId ? { handoff: { ticketId, status: "waiting" as const } } : {}),
    traceId,
  };
  const trace = buildTrace({
    traceId,
    sessionId: session.id,
    turn: state.turns,
    identity: t.identity,
    locale,
    kind: t.kind,
    message: t.message,
    decision: t.decision,
    intent: t.intent,
    route: t.route,
    passages: t.passages,
    recorder,
    events: t.events,
    provider: deps.provider,
    reply: storedReply,
    citations: t.citations,
    ...(pendingConfirmation ? { pendingConfirmation } : {}),
    ...(ticketId ? { ticketId } : {}),
    started: t.started,
    now: deps.now(),
    latency: t.latency,
    redact,
  });
  deps.store.saveTrace(trace);
  logTurn(deps.logger, trace);
  if (t.citations.length) t.emit?.({ type: "citations", data: t.citations });
  if (pendingConfirmation) t.emit?.({ type: "confirmation", data: pendingConfirmation });
  t.emit?.({ type: "done", data: response });
  return response;
}
