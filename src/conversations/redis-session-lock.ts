// The per-conversation turn lock shared by every instance, in Redis: SET NX PX takes it with a random token, a
// timer renews it while the turn runs (a long turn keeps it; a dead holder's lock expires after `ttlMs`), and a
// compare-and-delete script releases only our own token. Waiters retry with short backoff until `waitMs`.
// While Redis is unreachable turns are serialised per process instead (as the rate limiter counts per process).
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "../shared/logger.js";
import { createLocalSessionLock, sessionBusyError, type SessionLock } from "./session-lock.js";

/** Options of {@link createRedisSessionLock}. */
export interface RedisSessionLockOptions {
  redis: Redis;
  /** Namespace of this deployment's keys (e.g. `harbor:`). */
  prefix: string;
  /** How long a lock outlives its last renewal, i.e. how long a crashed holder blocks its conversation. */
  ttlMs: number;
  /** How long a caller waits for a busy conversation before it is refused (default 10 s). */
  waitMs?: number;
  /** Callers of this process waiting for any lock at once; beyond it they are refused at once (default 1 000). */
  maxWaiting?: number;
  logger?: Logger;
}

// Only the holder's token may extend or delete the key: after an expiry another instance may hold it.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) end return 0`;
const FIRST_RETRY_MS = 20;
const LAST_RETRY_MS = 250;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Creates the cross-instance turn lock. */
export function createRedisSessionLock(options: RedisSessionLockOptions): SessionLock {
  const { redis, ttlMs } = options;
  const waitMs = options.waitMs ?? 10_000;
  const maxWaiting = options.maxWaiting ?? 1000;
  const fallback = createLocalSessionLock();
  let waiting = 0;
  let lastFallbackLog = 0;
  const noteFallback = (error?: unknown): void => {
    if (Date.now() - lastFallbackLog < 60_000) return;
    lastFallbackLog = Date.now();
    options.logger?.warn("session lock store unavailable; serialising turns in this process until it recovers", {
      ...(error ? { error: messageOf(error) } : {}),
    });
  };

  /** Takes the lock: `true`, `false` when the wait ran out, `undefined` when Redis cannot be asked. */
  const acquire = async (key: string, token: string): Promise<boolean | undefined> => {
    const deadline = Date.now() + waitMs;
    for (let attempt = 0; ; attempt++) {
      // ioredis would queue commands until it reconnects; a request should not hang on that.
      if (redis.status !== "ready") return undefined;
      try {
        if ((await redis.set(key, token, "PX", ttlMs, "NX")) === "OK") return true;
      } catch (error) {
        noteFallback(error);
        return undefined;
      }
      const left = deadline - Date.now();
      if (left <= 0) return false;
      const backoff = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
      await sleep(Math.min(left, backoff / 2 + Math.random() * (backoff / 2)));
    }
  };

  const holdWhile = async <T>(key: string, token: string, fn: () => Promise<T>): Promise<T> => {
    let lost = false;
    const renew = setInterval(
      () => {
        redis
          .eval(RENEW, 1, key, token, String(ttlMs))
          .then((renewed) => {
            if (renewed === 1 || lost) return;
            lost = true;
            options.logger?.warn("session lock expired while its turn ran", { key });
          })
          .catch((error: unknown) => options.logger?.warn("session lock renewal failed", { error: messageOf(error) }));
      },
      Math.max(10, Math.floor(ttlMs / 3)),
    );
    try {
      return await fn();
    } finally {
      clearInterval(renew);
      // If this fails the key still expires after ttlMs.
      await redis
        .eval(RELEASE, 1, key, token)
        .catch((error: unknown) => options.logger?.warn("session lock release failed", { error: messageOf(error) }));
    }
  };

  return {
    async run(sessionId, fn) {
      if (waiting >= maxWaiting) throw sessionBusyError();
      const key = `${options.prefix}lock:${sessionId}`;
      const token = randomUUID();
      waiting++;
      let acquired: boolean | undefined;
      try {
        acquired = await acquire(key, token);
      } finally {
        waiting--;
      }
      if (acquired === false) throw sessionBusyError();
      if (acquired === undefined) {
        noteFallback();
        return fallback.run(sessionId, fn);
      }
      return holdWhile(key, token, fn);
    },
  };
}
