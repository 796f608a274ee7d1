// The Redis counter behind the rate limits when instances run on several machines: one fixed window per key, counted
// by rate-limiter-flexible's atomic Lua increment, so every instance spends from the same budget. Each key expires
// with its window, so Redis holds only live windows. While Redis is unreachable the per-process fallback counts.
import type { Redis } from "ioredis";
import { RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";

/** Options of {@link createRedisRateEngine}. */
export interface RedisRateEngineOptions {
  redis: Redis;
  /** Namespace of this deployment's keys (e.g. `harbor:`); the budget and the caller's key follow it. */
  prefix: string;
  points: number;
  /** Window length in seconds; each counter key expires with it. */
  duration: number;
  budget: string;
  /** Counts instead while Redis is not connected, so requests are neither refused nor left waiting. */
  insurance: RateLimiterAbstract;
}

/** Creates one budget's limiter counting in Redis, falling back to `insurance` when Redis is down. */
export function createRedisRateEngine(options: RedisRateEngineOptions): RateLimiterAbstract {
  return new RateLimiterRedis({
    storeClient: options.redis,
    keyPrefix: `${options.prefix}rl:${options.budget}`,
    points: options.points,
    duration: options.duration,
    // ioredis queues commands while reconnecting; failing at once sends the request to the fallback instead of
    // holding it until Redis returns.
    rejectIfRedisNotReady: true,
    insuranceLimiter: options.insurance,
  });
}
