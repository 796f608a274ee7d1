// A message while a person is handling the conversation: the bot stays quiet, the message goes to staff, and the
// turn is still traced.
import { randomUUID } from "node:crypto";
import type { Identity } from "../../auth/identity.js";
import type { Locale } from "../../shared/locale.js";
import type { ChatEvent, ChatResponse } from "../chat-schemas.js";
import type { ConversationEvents } from "../../conversations/conversation-events.js";
import type { ConversationStore, Session } from "../../conversations/conversation-store.js";
import type { GuardrailEvent } from "../../conversations/turn-trace.js";

/** Forwards the message to staff and answers with an empty reply. */
export function humanModeTurn(
  deps: { store: ConversationStore; events: ConversationEvents },
  t: {
    session: Session;
    identity: Identity;
    locale: Locale;
    message: string;
    events: GuardrailEvent[];
    started: number;
    emit?: (e: ChatEvent) => void;
  },
): ChatResponse {
  const { session } = t;
  const msgs = deps.store.listMessages(session.id);
  const last = msgs[msgs.length - 1];
  if (last)
    deps.events.publish(session.id, {
      type: "message",
      data: { id: last.id, role: "user", text: last.text, createdAt: last.createdAt },
    });
  const ticket = session.state.ticketId ? deps.store.getTicket(session.state.ticketId) : undefined;
  const traceId = randomUUID();
  const response: ChatResponse = {
    sessionId: session.id,
    reply: { text: "", citations: [] },
    intent: { name: "handoff_active", route: "handoff", confidence: 1 },
    toolCalls: [],
    ...(ticket ? { handoff: { ticketId: ticket.id, status: ticket.status } } : {}),
    traceId,
  };
  const turn = session.state.turns + 1;
  deps.store.updateSession(session.id, { state: { ...session.state, turns: turn } });
  deps.store.saveTrace({
    traceId,
    sessionId: session.id,
    turn,
    startedAt: new Date().toISOString(),
    identity: t.identity.kind,
    locale: t.locale,
    kind: "message",
    message: t.message,
    intent: {
      name: "handoff_active",
      route: "handoff",
      confidence: 1,
      top: [],
      outOfScope: false,
      lowConfidence: false,
    },
    slots: {},
    retrieved: [],
    toolCalls: [],
    guardrails: t.events,
    provider: "human",
    model: ticket?.staffId ?? "staff",
    modelCalls: [],
    reply: "",
    citations: [],
    ...(ticket ? { handoffTicketId: ticket.id } : {}),
    latencyMs: { route: 0, agent: 0, total: Math.round(performance.now() - t.started) },
  });
  t.emit?.({ type: "done", data: response });
  return response;
}
