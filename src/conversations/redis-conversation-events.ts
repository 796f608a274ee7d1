// Live conversation events shared by every instance through Redis pub/sub, so a staff reply taken by one instance
// reaches the customer's stream held open by another at once, without polling the store. One channel per session:
// Redis then sends each instance only the sessions it has streams for, instead of every event to every instance.
// Each process holds ONE subscriber connection; a session's channel is subscribed while it has local subscribers.
// Pub/sub is at-most-once (nothing is kept for a disconnected subscriber): streams still catch up from the store.
import type { Redis } from "ioredis";
import { z } from "zod";
import type { Logger } from "../shared/logger.js";
import { DEFAULT_MAX_SUBSCRIBERS, type ConversationEvent, type ConversationEvents } from "./conversation-events.js";

/** Options of {@link createRedisConversationEvents}. */
export interface RedisConversationEventsOptions {
  /** The shared command connection; publishing uses it, and the subscriber connection is duplicated from it. */
  redis: Redis;
  /** Namespace of this deployment's channels (e.g. `harbor:`). */
  prefix: string;
  /** Most live subscriptions this process holds; past it the oldest is dropped (its stream catches up from the store). */
  maxSubscribers?: number;
  logger?: Logger;
}

/** The Redis-backed bus, which owns its subscriber connection. */
export type RedisConversationEvents = ConversationEvents & {
  /** Closes the subscriber connection; the shared command connection stays open (its owner closes it). */
  close(): Promise<void>;
  readonly size: number;
  readonly crossInstance: true;
};

// Another instance (or version) wrote the payload: it is parsed, never trusted.
const ConversationEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("message"),
    data: z.object({
      id: z.number().int().nonnegative(),
      role: z.enum(["user", "assistant", "staff", "system"]),
      author: z.string().optional(),
      text: z.string(),
      createdAt: z.string(),
    }),
  }),
  z.object({
    type: z.literal("handoff"),
    data: z.object({ ticketId: z.string(), status: z.enum(["waiting", "with_agent", "closed"]) }),
  }),
]) satisfies z.ZodType<ConversationEvent>;

type Listener = (event: ConversationEvent) => void;

/** Creates a conversation event bus whose subscribers receive the events published by any instance. */
export function createRedisConversationEvents(options: RedisConversationEventsOptions): RedisConversationEvents {
  const max = options.maxSubscribers ?? DEFAULT_MAX_SUBSCRIBERS;
  const channelPrefix = `${options.prefix}events:`;
  const channelOf = (sessionId: string): string => channelPrefix + sessionId;
  const subscriber = options.redis.duplicate();
  const live = new Map<symbol, { sessionId: string; listener: Listener }>();
  const bySession = new Map<string, Set<symbol>>();
  let closed = false;

  const warn = (msg: string, error: unknown): void =>
    options.logger?.warn(msg, { error: error instanceof Error ? error.message : String(error) });
  // ioredis re-subscribes every channel by itself after a reconnect; errors are reported here, not thrown.
  subscriber.on("error", (error: unknown) => warn("live events subscriber connection failed", error));

  subscriber.on("message", (channel: string, payload: string) => {
    if (!channel.startsWith(channelPrefix)) return;
    const keys = bySession.get(channel.slice(channelPrefix.length));
    if (!keys) return;
    let parsed: z.SafeParseReturnType<unknown, ConversationEvent>;
    try {
      parsed = ConversationEventSchema.safeParse(JSON.parse(payload));
    } catch (error) {
      warn("live event is not JSON", error);
      return;
    }
    if (!parsed.success) {
      warn("live event has an unknown shape", parsed.error);
      return;
    }
    for (const key of [...keys]) live.get(key)?.listener(parsed.data);
  });

  const drop = (key: symbol): void => {
    const sub = live.get(key);
    if (!sub) return;
    live.delete(key);
    const keys = bySession.get(sub.sessionId);
    keys?.delete(key);
    if (keys && keys.size === 0) {
      bySession.delete(sub.sessionId);
      if (!closed)
        subscriber.unsubscribe(channelOf(sub.sessionId)).catch((error: unknown) => warn("unsubscribe failed", error));
    }
  };

  return {
    publish(sessionId, event) {
      options.redis
        .publish(channelOf(sessionId), JSON.stringify(event))
        .catch((error: unknown) => warn("live event publish failed", error));
    },
    subscribe(sessionId, listener) {
      const key = Symbol(sessionId);
      live.set(key, { sessionId, listener });
      const keys = bySession.get(sessionId);
      if (keys) keys.add(key);
      else {
        bySession.set(sessionId, new Set([key]));
        if (!closed)
          subscriber.subscribe(channelOf(sessionId)).catch((error: unknown) => warn("subscribe failed", error));
      }
      for (const oldest of live.keys()) {
        if (live.size <= max) break;
        drop(oldest);
      }
      return () => drop(key);
    },
    async close() {
      if (closed) return;
      closed = true;
      live.clear();
      bySession.clear();
      try {
        await subscriber.quit();
      } catch {
        subscriber.disconnect();
      }
    },
    get size() {
      return live.size;
    },
    crossInstance: true,
  };
}
