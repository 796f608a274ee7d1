import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, ERROR_STATUS } from "../shared/errors.js";
import type { Logger } from "../shared/logger.js";
import { createSilentLogger } from "../shared/logger.js";
import { TEST_REDIS_URL, testRedisPrefix, warnSkipped } from "../shared/pg/test-database.test-helpers.js";
import { createRedisSessionLock } from "./redis-session-lock.js";
import { createLocalSessionLock, type SessionLock } from "./session-lock.js";

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs `n` turns of one session alternately on the given locks and reports the most that ever ran at once. */
async function mostAtOnce(locks: SessionLock[], sessionOf: (i: number) => string, n: number): Promise<number> {
  let active = 0;
  let most = 0;
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      locks[i % locks.length]?.run(sessionOf(i), async () => {
        active++;
        most = Math.max(most, active);
        await sleep(30);
        order.push(i);
        active--;
      }),
    ),
  );
  expect(order).toHaveLength(n);
  return most;
}

describe("local session lock", () => {
  it("runs one conversation's turns one at a time, first come first served", async () => {
    const lock = createLocalSessionLock();
    const order: string[] = [];
    let active = 0;
    const turn = (name: string, ms: number) =>
      lock.run("s1", async () => {
        expect(++active).toBe(1);
        await sleep(ms);
        order.push(name);
        active--;
        return name;
      });
    expect(await Promise.all([turn("a", 40), turn("b", 5), turn("c", 1)])).toEqual(["a", "b", "c"]);
    expect(order).toEqual(["a", "b", "c"]);
  });

  it("runs different conversations in parallel", async () => {
    expect(await mostAtOnce([createLocalSessionLock()], (i) => `s${i}`, 3)).toBe(3);
  });

  it("refuses a caller beyond the waiting limit with a 409 conflict, and frees the lock on throw", async () => {
    const lock = createLocalSessionLock({ maxWaiters: 1 });
    const first = lock.run("s1", async () => {
      await sleep(30);
      throw new Error("turn failed");
    });
    const second = lock.run("s1", async () => "second");
    const third = lock.run("s1", async () => "third");
    await expect(third).rejects.toSatisfy((e) => e instanceof AppError && ERROR_STATUS[e.code] === 409);
    await expect(first).rejects.toThrow("turn failed");
    expect(await second).toBe("second");
    expect(await lock.run("s1", async () => "after")).toBe("after");
  });

  it("holds no more conversations than its cap", async () => {
    const lock = createLocalSessionLock({ maxSessions: 2 });
    const running = [lock.run("a", () => sleep(20)), lock.run("b", () => sleep(20))];
    await expect(lock.run("c", async () => 1)).rejects.toMatchObject({ code: "conflict" });
    await Promise.all(running);
    expect(await lock.run("c", async () => 1)).toBe(1);
  });
});

describe("Redis session lock while Redis is down", () => {
  it("serialises turns in this process instead of failing them, and says so", async () => {
    // Nothing listens on port 1: the client never becomes ready.
    const down = new Redis("redis://127.0.0.1:1", { lazyConnect: true, retryStrategy: () => 60_000 });
    down.on("error", () => {});
    void down.connect().catch(() => {});
    const warnings: string[] = [];
    const logger: Logger = { ...createSilentLogger(), warn: (msg) => void warnings.push(msg) };
    const lock = createRedisSessionLock({ redis: down, prefix: "x:", ttlMs: 1000, waitMs: 100, logger });
    expect(await mostAtOnce([lock], () => "s1", 4)).toBe(1);
    expect(warnings).toEqual(["session lock store unavailable; serialising turns in this process until it recovers"]);
    down.disconnect();
  });
});

if (!TEST_REDIS_URL) warnSkipped("Redis");

describe.runIf(TEST_REDIS_URL)("Redis session lock", () => {
  const clients: Redis[] = [];
  const client = async (): Promise<Redis> => {
    const redis = new Redis(TEST_REDIS_URL ?? "");
    clients.push(redis);
    await redis.ping();
    return redis;
  };
  let a: Redis;
  let b: Redis;
  beforeAll(async () => {
    a = await client();
    b = await client();
  });
  afterAll(async () => {
    for (const c of clients) if (c.status === "ready") await c.quit();
  });
  const pair = (options: { ttlMs?: number; waitMs?: number } = {}) => {
    const prefix = testRedisPrefix();
    const make = (redis: Redis) =>
      createRedisSessionLock({ redis, prefix, ttlMs: options.ttlMs ?? 1000, waitMs: options.waitMs ?? 5000 });
    return [make(a), make(b)] as const;
  };

  it("never runs one conversation's turns at once across two instances", async () => {
    const [lockA, lockB] = pair();
    expect(await mostAtOnce([lockA, lockB], () => "s1", 8)).toBe(1);
  });

  it("runs different conversations in parallel across instances", async () => {
    const [lockA, lockB] = pair();
    expect(await mostAtOnce([lockA, lockB], (i) => `s${i}`, 4)).toBe(4);
  });

  it("releases the lock when the turn throws", async () => {
    const [lockA, lockB] = pair();
    await expect(lockA.run("s1", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const started = Date.now();
    expect(await lockB.run("s1", async () => "next")).toBe("next");
    expect(Date.now() - started).toBeLessThan(100);
  });

  it("keeps the lock through a turn longer than its TTL, and refuses a caller that waits too long", async () => {
    const prefix = testRedisPrefix();
    const lockA = createRedisSessionLock({ redis: a, prefix, ttlMs: 150, waitMs: 5000 });
    const lockB = createRedisSessionLock({ redis: b, prefix, ttlMs: 150, waitMs: 400 });
    const long = lockA.run("s1", () => sleep(700).then(() => "long"));
    await sleep(20);
    const started = Date.now();
    await expect(lockB.run("s1", async () => "too soon")).rejects.toMatchObject({ code: "conflict" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(await long).toBe("long");
    expect(await lockB.run("s1", async () => "after")).toBe("after");
  });

  it("frees the lock of a holder that died, once its TTL passes", async () => {
    const prefix = testRedisPrefix();
    const dying = await client();
    const warnings: string[] = [];
    const logger: Logger = { ...createSilentLogger(), warn: (msg) => void warnings.push(msg) };
    const lockA = createRedisSessionLock({ redis: dying, prefix, ttlMs: 300, waitMs: 100, logger });
    const lockB = createRedisSessionLock({ redis: b, prefix, ttlMs: 300, waitMs: 2000 });
    let finishA = (): void => {};
    const heldByA = lockA.run("s1", () => new Promise<void>((r) => (finishA = r)));
    await sleep(50);
    // The holder's process vanishes: no renewal and no release from now on.
    dying.disconnect(false);
    const started = Date.now();
    expect(await lockB.run("s1", async () => "taken over")).toBe("taken over");
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThan(150);
    expect(waited).toBeLessThan(1000);
    finishA();
    await heldByA;
  });
});
