import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRateLimits, type RateBudget, type RateLimits } from "./rate-limit.js";
import type { Logger } from "../shared/logger.js";
import { createSilentLogger } from "../shared/logger.js";
import { TEST_REDIS_URL, testRedisPrefix, warnSkipped } from "../shared/pg/test-database.test-helpers.js";

const perMinute = (n: number): Record<RateBudget, number> => ({ chat: n, search: n, events: n, staff: n, admin: n });
const opened: RateLimits[] = [];
const limits = (options: Parameters<typeof createRateLimits>[0]): RateLimits => {
  const l = createRateLimits(options);
  opened.push(l);
  return l;
};
afterEach(() => {
  for (const l of opened.splice(0)) l.close();
});

if (!TEST_REDIS_URL) warnSkipped("Redis");

describe.runIf(TEST_REDIS_URL)("rate limits in Redis", () => {
  let redisA: Redis;
  let redisB: Redis;
  beforeAll(async () => {
    redisA = new Redis(TEST_REDIS_URL ?? "");
    redisB = new Redis(TEST_REDIS_URL ?? "");
    // Until a client is ready the limiter counts per process (by design), so the shared-count tests wait for it.
    await Promise.all([redisA.ping(), redisB.ping()]);
  });
  afterAll(async () => {
    await redisA.quit();
    await redisB.quit();
  });

  it("shares one budget between two instances on one prefix", async () => {
    const prefix = testRedisPrefix();
    const a = limits({ store: { kind: "redis", redis: redisA, prefix }, perMinute: perMinute(5), maxKeys: 100 });
    const b = limits({ store: { kind: "redis", redis: redisB, prefix }, perMinute: perMinute(5), maxKeys: 100 });
    const allowed: boolean[] = [];
    for (let i = 0; i < 3; i++) allowed.push((await a.limiter("chat").consume("customer:c1")).allowed);
    for (let i = 0; i < 2; i++) allowed.push((await b.limiter("chat").consume("customer:c1")).allowed);
    expect(allowed).toEqual([true, true, true, true, true]);
    const sixthOnA = await a.limiter("chat").consume("customer:c1");
    const sixthOnB = await b.limiter("chat").consume("customer:c1");
    expect(sixthOnA.allowed).toBe(false);
    expect(sixthOnB).toMatchObject({ allowed: false, limit: 5 });
    if (!sixthOnB.allowed) expect(sixthOnB.retryAfterMs).toBeLessThanOrEqual(60_000);
    // Other keys, budgets and prefixes keep their own counts.
    expect((await b.limiter("chat").consume("customer:c2")).allowed).toBe(true);
    expect((await b.limiter("search").consume("customer:c1")).allowed).toBe(true);
    const other = limits({
      store: { kind: "redis", redis: redisA, prefix: testRedisPrefix() },
      perMinute: perMinute(5),
      maxKeys: 100,
    });
    expect((await other.limiter("chat").consume("customer:c1")).allowed).toBe(true);
  });

  it("lets each counter key expire with its window, so Redis holds only live windows", async () => {
    const prefix = testRedisPrefix();
    const rl = limits({
      store: { kind: "redis", redis: redisA, prefix },
      perMinute: perMinute(5),
      maxKeys: 100,
      windowSeconds: 2,
    });
    const first = await rl.limiter("chat").consume("customer:c1");
    expect(first).toMatchObject({ allowed: true, remaining: 4 });
    const keys = await redisA.keys(`${prefix}*`);
    expect(keys).toHaveLength(1);
    const ttl = await redisA.pttl(keys[0] ?? "");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2000);
    await new Promise((r) => setTimeout(r, 2100));
    expect(await redisA.keys(`${prefix}*`)).toEqual([]);
    expect(await rl.limiter("chat").consume("customer:c1")).toMatchObject({ allowed: true, remaining: 4 });
  });
});

describe("rate limits when Redis is down", () => {
  it("counts in this process instead, and says so once rather than per request", async () => {
    // Nothing listens on port 1: the client never becomes ready.
    const down = new Redis("redis://127.0.0.1:1", { lazyConnect: true, retryStrategy: () => 60_000 });
    down.on("error", () => {});
    void down.connect().catch(() => {});
    const warnings: string[] = [];
    const logger: Logger = { ...createSilentLogger(), warn: (msg) => void warnings.push(msg) };
    const rl = limits({
      store: { kind: "redis", redis: down, prefix: testRedisPrefix() },
      perMinute: perMinute(2),
      maxKeys: 100,
      logger,
    });
    const started = Date.now();
    const outcomes: boolean[] = [];
    for (let i = 0; i < 4; i++) outcomes.push((await rl.limiter("chat").consume("customer:c1")).allowed);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(outcomes).toEqual([true, true, false, false]);
    expect(warnings).toHaveLength(1);
    down.disconnect();
  });
});
