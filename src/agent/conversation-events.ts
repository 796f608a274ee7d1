// In-process publish/subscribe of live conversation events (staff replies to the customer's widget, customer
// messages to the console), so a person and a customer can talk in real time.
import { EventEmitter } from "node:events";

/** A live event of one conversation. */
export type ConversationEvent =
  | { type: "message"; data: { id: number; role: "user" | "assistant" | "staff" | "system"; author?: string; text: string; createdAt: string } }
  | { type: "handoff"; data: { ticketId: string; status: "waiting" | "with_agent" | "closed" } };

/** The event bus port. */
export interface ConversationEvents {
  publish(sessionId: string, event: ConversationEvent): void;
  subscribe(sessionId: string, listener: (event: ConversationEvent) => void): () => void;
}

/** Creates an in-memory event bus (one process). */
export function createConversationEvents(): ConversationEvents {
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  return {
    publish: (sessionId, event) => void bus.emit(sessionId, event),
    subscribe: (sessionId, listener) => {
      bus.on(sessionId, listener);
      return () => void bus.off(sessionId, listener);
    },
  };
}
