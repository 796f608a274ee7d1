// Composition root, Redis: with REDIS_URL one client carries the shared rate limits, the per-conversation turn lock
// and live conversation events between instances; without it the same ports run in this process (events and locks)
// or in a SQLite file every worker of the machine opens (rate limits).
import { Redis } from "ioredis";
import type { Config } from "./config/load-config.js";
import { createConversationEvents, type ConversationEvents } from "./conversations/conversation-events.js";
import { createRedisConversationEvents } from "./conversations/redis-conversation-events.js";
import { createRedisSessionLock } from "./conversations/redis-session-lock.js";
import { createLocalSessionLock, type SessionLock } from "./conversations/session-lock.js";
import type { Logger } from "./shared/logger.js";

// A crashed instance holds its conversations' locks this long at most; a live turn renews its lock every third of it.
const TURN_LOCK_TTL_MS = 10_000;
// A Redis that accepts connections but stops answering must not hold turns: commands give up after this long.
const COMMAND_TIMEOUT_MS = 2_000;

/** What the service shares between instances through Redis (or keeps local without it). */
export interface SharedServices {
  redis?: Redis;
  events: ConversationEvents;
  sessionLock: SessionLock;
  /** Throws when Redis (if configured) does not answer (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the Redis client (when configured) and the services built on it. */
export function openSharedServices(config: Config, logger: Logger): SharedServices {
  const url = config.scaleOut.redisUrl;
  if (!url) {
    return {
      events: createConversationEvents(),
      sessionLock: createLocalSessionLock(),
      ping: async () => undefined,
      close: async () => undefined,
    };
  }
  const prefix = config.scaleOut.redisPrefix;
  const redis = new Redis(url, {
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    connectionName: `harbor-${config.scaleOut.instanceId}`,
  });
  let lastError = 0;
  // ioredis reconnects by itself; the error is logged at most once a minute so an outage does not flood the log.
  redis.on("error", (error) => {
    if (Date.now() - lastError < 60_000) return;
    lastError = Date.now();
    logger.warn("redis connection problem", { error });
  });
  const events = createRedisConversationEvents({ redis, prefix, logger });
  return {
    redis,
    events,
    sessionLock: createRedisSessionLock({ redis, prefix, ttlMs: TURN_LOCK_TTL_MS, logger }),
    ping: async () => {
      const pong = await redis.ping();
      if (pong !== "PONG") throw new Error(`redis answered ${pong}`);
    },
    async close() {
      await events.close();
      redis.disconnect();
    },
  };
}
