// In-process publish/subscribe of live conversation events (staff replies to the customer's widget, customer
// messages to the console), so a person and a customer can talk in real time. The subscriber count is capped: past
// the cap the oldest subscription is dropped (its stream still catches up from the store's poll, only later).
import { EventEmitter } from "node:events";

/** A live event of one conversation. */
export type ConversationEvent =
  | {
      type: "message";
      data: {
        id: number;
        role: "user" | "assistant" | "staff" | "system";
        author?: string;
        text: string;
        createdAt: string;
      };
    }
  | { type: "handoff"; data: { ticketId: string; status: "waiting" | "with_agent" | "closed" } };

/** The event bus port. */
export interface ConversationEvents {
  publish(sessionId: string, event: ConversationEvent): void;
  subscribe(sessionId: string, listener: (event: ConversationEvent) => void): () => void;
  /**
   * True when subscribers receive events published by every instance (Redis pub/sub); false or absent when only
   * this process's events arrive, so live streams must also poll the store for the others.
   */
  readonly crossInstance?: boolean;
}

/** Most live subscriptions one process holds by default (well above the SSE connection caps). */
export const DEFAULT_MAX_SUBSCRIBERS = 20_000;

/** Creates an in-memory event bus (one process) holding at most `maxSubscribers` subscriptions. */
export function createConversationEvents(
  options: { maxSubscribers?: number } = {},
): ConversationEvents & { readonly size: number; readonly crossInstance: false } {
  const max = options.maxSubscribers ?? DEFAULT_MAX_SUBSCRIBERS;
  const bus = new EventEmitter();
  // The cap below bounds listeners; the emitter's own per-event warning would only misfire on busy sessions.
  bus.setMaxListeners(0);
  const live = new Map<symbol, { sessionId: string; listener: (event: ConversationEvent) => void }>();
  const drop = (key: symbol): void => {
    const sub = live.get(key);
    if (!sub) return;
    live.delete(key);
    bus.off(sub.sessionId, sub.listener);
  };
  return {
    publish: (sessionId, event) => void bus.emit(sessionId, event),
    subscribe: (sessionId, listener) => {
      const key = Symbol(sessionId);
      live.set(key, { sessionId, listener });
      bus.on(sessionId, listener);
      for (const oldest of live.keys()) {
        if (live.size <= max) break;
        drop(oldest);
      }
      return () => drop(key);
    },
    get size() {
      return live.size;
    },
    crossInstance: false,
  };
}
