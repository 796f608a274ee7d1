import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import express from "express";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { createErrorHandler } from "./error-handler.js";
import { networkKeyOf } from "./client-network.js";
import {
  createRateLimits,
  pruneRateLimitFile,
  withPreparedStatements,
  type RateBudget,
  type RateLimits,
} from "./rate-limit.js";
import { createSilentLogger } from "../shared/logger.js";
import { openSqliteDatabase } from "../shared/sqlite-database.js";

const perMinute = (n: number): Record<RateBudget, number> => ({ chat: n, search: n, events: n, staff: n, admin: n });
const opened: RateLimits[] = [];
const dirs: string[] = [];
const limits = (options: Parameters<typeof createRateLimits>[0]): RateLimits => {
  const l = createRateLimits(options);
  opened.push(l);
  return l;
};
const tempFile = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-rl-"));
  dirs.push(dir);
  return path.join(dir, "rate-limits.sqlite");
};

afterEach(() => {
  for (const l of opened.splice(0)) l.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function appWith(rl: RateLimits, budget: RateBudget) {
  const app = express();
  app.use(rl.middleware(budget, (req) => String(req.headers["x-who"])));
  app.get("/", (_req, res) => void res.json({ ok: true }));
  app.use(createErrorHandler(createSilentLogger()));
  return (who: string) => request(app).get("/").set("x-who", who);
}

describe("rate limits", () => {
  it.each(["memory", "sqlite"] as const)(
    "answers the N+1th request of an identity with a JSON 429 and Retry-After (%s store)",
    async (kind) => {
      const rl = limits({
        store: kind === "memory" ? { kind } : { kind, file: tempFile() },
        perMinute: perMinute(3),
        maxKeys: 1000,
      });
      const hit = appWith(rl, "chat");
      for (let i = 0; i < 3; i++) expect((await hit("a")).status).toBe(200);
      const limited = await hit("a");
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe("rate_limited");
      expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(60);
      expect((await hit("b")).status).toBe(200);
    },
  );

  it("keeps each endpoint group on its own budget", async () => {
    const rl = limits({ store: { kind: "memory" }, perMinute: { ...perMinute(100), admin: 1 }, maxKeys: 1000 });
    expect((await rl.limiter("admin").consume("x")).allowed).toBe(true);
    expect((await rl.limiter("admin").consume("x")).allowed).toBe(false);
    expect((await rl.limiter("chat").consume("x")).allowed).toBe(true);
  });

  it("shares one budget between two limiter instances over the same file, as worker processes do", async () => {
    const file = tempFile();
    const workerA = limits({ store: { kind: "sqlite", file }, perMinute: perMinute(4), maxKeys: 1000 }).limiter("chat");
    const workerB = limits({ store: { kind: "sqlite", file }, perMinute: perMinute(4), maxKeys: 1000 }).limiter("chat");
    const outcomes = [];
    for (let i = 0; i < 8; i++) outcomes.push((await (i % 2 ? workerA : workerB).consume("customer:c1")).allowed);
    expect(outcomes.filter(Boolean)).toHaveLength(4);
    expect(outcomes.slice(4)).toEqual([false, false, false, false]);
  });

  it("never wipes live counters when many new keys arrive: past the cap only the oldest windows go (memory)", async () => {
    const chat = limits({ store: { kind: "memory" }, perMinute: perMinute(2), maxKeys: 50 }).limiter("chat");
    await chat.consume("attacker");
    await chat.consume("attacker");
    expect((await chat.consume("attacker")).allowed).toBe(false);
    for (let i = 0; i < 10; i++) await chat.consume(`visitor-${i}`);
    expect((await chat.consume("attacker")).allowed).toBe(false);
    for (let i = 0; i < 500; i++) await chat.consume(`flood-${i}`);
    // The newest keys are still counted; the store holds no more than the cap.
    await chat.consume("flood-499");
    expect((await chat.consume("flood-499")).allowed).toBe(false);
  });

  it("caps the counter file, dropping finished windows first and then the soonest-ending ones", () => {
    const file = tempFile();
    limits({ store: { kind: "sqlite", file }, perMinute: perMinute(2), maxKeys: 10 }).close();
    const db = openSqliteDatabase(file, { namespace: "rate-limits", migrations: [] });
    const insert = db.prepare("INSERT INTO rate_limits (key, points, expire) VALUES (?, 1, ?)");
    for (let i = 0; i < 5; i++) insert.run(`old-${i}`, 1_000);
    for (let i = 0; i < 20; i++) insert.run(`live-${i}`, 10_000 + i);
    pruneRateLimitFile(file, 10, 5_000);
    const keys = (db.prepare("SELECT key FROM rate_limits ORDER BY expire").all() as { key: string }[]).map(
      (r) => r.key,
    );
    db.close();
    expect(keys).toEqual(Array.from({ length: 10 }, (_, i) => `live-${i + 10}`));
  });

  it("compiles each statement of the shared counter once, however many requests it counts", () => {
    const db = openSqliteDatabase(tempFile(), { namespace: "rate-limits", migrations: [] });
    let compiled = 0;
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => (compiled++, prepare(sql))) as typeof db.prepare;
    const cached = withPreparedStatements(db);
    for (let i = 0; i < 3; i++) expect(cached.prepare("SELECT ? AS n").get(i)).toEqual({ n: i });
    expect(compiled).toBe(1);
    expect(cached.transaction(() => cached.prepare("SELECT 7 AS n").get())()).toEqual({ n: 7 });
    expect(compiled).toBe(2);
    db.close();
  });

  it("keys anonymous callers by IPv4 address or IPv6 /64", () => {
    expect(networkKeyOf("203.0.113.9")).toBe("ip4:203.0.113.9");
    expect(networkKeyOf("::ffff:203.0.113.9")).toBe("ip4:203.0.113.9");
    expect(networkKeyOf("2001:db8:1:2:aaaa::1")).toBe("ip6:2001:0db8:0001:0002::/64");
    expect(networkKeyOf("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe(networkKeyOf("2001:db8:1:2::9"));
    expect(networkKeyOf("::1")).toBe("ip6:0000:0000:0000:0000::/64");
    expect(networkKeyOf(undefined)).toBe("ip:unknown");
  });
});
