// Staff takeover of a conversation: take over, reply to the customer live, hand back to the bot.
import type { Locale } from "../shared/locale.js";
import { err, ok, type Result } from "../shared/result.js";
import type { ConversationEvents } from "./conversation-events.js";
import type { ConversationStore, Ticket, TranscriptMessage } from "./conversation-store.js";

/** Staff operations on a conversation. */
export interface HandoffService {
  openTicket(sessionId: string, summary: string): Ticket;
  takeOver(sessionId: string, staffId: string): Result<Ticket, "not_found">;
  reply(sessionId: string, staffId: string, text: string): Result<TranscriptMessage, "not_found" | "not_taken_over">;
  handBack(sessionId: string, staffId: string): Result<{ mode: "bot" }, "not_found">;
}

const NOTICES: Record<"joined" | "left", Record<Locale, string>> = {
  joined: { en: "You are now chatting with a member of our team.", "zh-CN": "您现在正在与我们的工作人员对话。" },
  left: { en: "Our team member has handed you back to the assistant.", "zh-CN": "工作人员已将对话交回智能助手。" },
};

/** Creates the handoff service; staff text is redacted before it is stored like every other message. */
export function createHandoffService(deps: {
  store: ConversationStore;
  events: ConversationEvents;
  redact: (text: string) => string;
}): HandoffService {
  const { store, events } = deps;
  const notify = (sessionId: string, message: TranscriptMessage): void =>
    events.publish(sessionId, {
      type: "message",
      data: {
        id: message.id,
        role: message.role,
        text: message.text,
        createdAt: message.createdAt,
        ...(message.author ? { author: message.author } : {}),
      },
    });

  // One open ticket per conversation: asking again joins the queue once, not once per request.
  const openTicket = (sessionId: string, summary: string): Ticket => {
    const session = store.getSession(sessionId);
    const current = session?.state.ticketId ? store.getTicket(session.state.ticketId) : undefined;
    if (current && current.status !== "closed") return current;
    const ticket = store.openTicket(sessionId, summary);
    if (session) {
      store.updateSession(sessionId, { mode: "human", state: { ...session.state, ticketId: ticket.id } });
    }
    events.publish(sessionId, { type: "handoff", data: { ticketId: ticket.id, status: "waiting" } });
    return ticket;
  };

  return {
    openTicket,
    takeOver(sessionId, staffId) {
      const session = store.getSession(sessionId);
      if (!session) return err("not_found");
      const existing = session.state.ticketId ? store.getTicket(session.state.ticketId) : undefined;
      const ticket = existing && existing.status !== "closed" ? existing : openTicket(sessionId, "Taken over by staff");
      store.updateTicket(ticket.id, { status: "with_agent", staffId });
      const fresh = store.getSession(sessionId);
      store.updateSession(sessionId, { mode: "human", state: { ...(fresh ?? session).state, ticketId: ticket.id } });
      notify(sessionId, store.appendMessage(sessionId, { role: "system", text: NOTICES.joined[session.locale] }));
      events.publish(sessionId, { type: "handoff", data: { ticketId: ticket.id, status: "with_agent" } });
      return ok({ ...ticket, status: "with_agent", staffId });
    },
    reply(sessionId, staffId, text) {
      const session = store.getSession(sessionId);
      if (!session) return err("not_found");
      if (session.mode !== "human") return err("not_taken_over");
      const message = store.appendMessage(sessionId, { role: "staff", author: staffId, text: deps.redact(text) });
      notify(sessionId, message);
      return ok(message);
    },
    handBack(sessionId, staffId) {
      const session = store.getSession(sessionId);
      if (!session) return err("not_found");
      if (session.state.ticketId) {
        store.updateTicket(session.state.ticketId, { status: "closed", staffId });
        events.publish(sessionId, { type: "handoff", data: { ticketId: session.state.ticketId, status: "closed" } });
      }
      const { ticketId: _closed, ...rest } = session.state;
      store.updateSession(sessionId, { mode: "bot", state: rest });
      notify(sessionId, store.appendMessage(sessionId, { role: "system", text: NOTICES.left[session.locale] }));
      return ok({ mode: "bot" });
    },
  };
}
