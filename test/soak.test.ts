// The fast soak: the real app in-process under the soak's steady mixed traffic for a few seconds. Memory growth means
// nothing this short, so it checks that every scenario completes without an error and the verdict logic holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFuzzTarget, type FuzzTarget } from "../src/cli/fuzz/fuzz-target.js";
import { highLimitEnv } from "../src/cli/load/limit-env.js";
import { runSoakTraffic } from "../src/cli/soak/soak-traffic.js";
import { judgeSoak, DEFAULT_CRITERIA } from "../src/cli/soak/soak-verdict.js";

let target: FuzzTarget;

beforeAll(async () => {
  target = await startFuzzTarget(highLimitEnv());
}, 300_000);

afterAll(async () => {
  await target?.close();
});

describe("soak traffic", () => {
  it("runs every scenario of the mix for twelve seconds without an error", async () => {
    const start = performance.now();
    const samples = await runSoakTraffic({
      base: target.base,
      tokens: target.tokens,
      ratePerSecond: 8,
      durationMs: 12_000,
      seed: 5,
    });
    const verdict = judgeSoak({
      samples,
      rss: [],
      start,
      windowMs: 4_000,
      windows: 3,
      warmupWindows: 1,
      criteria: { ...DEFAULT_CRITERIA, checkRss: false, p99SlackMs: 5_000 },
    });
    expect(verdict.errorKinds).toEqual({});
    expect(verdict.requests).toBeGreaterThan(60);
    const kinds = new Set(samples.map((s) => s.kind));
    for (const k of [
      "chat-anon-en",
      "chat-anon-zh",
      "chat-account",
      "chat-transactions",
      "chat-freeze",
      "staff-handoffs",
      "knowledge-search",
    ])
      expect(kinds, k).toContain(k);
    expect(verdict.pass).toBe(true);
  }, 60_000);
});

describe("soak verdict", () => {
  const sample = (at: number, ms: number, error?: string) => ({
    at,
    kind: "x",
    ms,
    timed: true,
    ...(error ? { error } : {}),
  });
  const steady = Array.from({ length: 300 }, (_, i) => sample(i * 10, 5 + (i % 7)));

  it("passes steady latency and flat memory", () => {
    const rss = Array.from({ length: 30 }, (_, i) => ({ at: i * 100, rssMb: 200 + (i % 3) }));
    const v = judgeSoak({ samples: steady, rss, start: 0, windowMs: 1000, windows: 3, warmupWindows: 1 });
    expect(v.reasons).toEqual([]);
    expect(v.rssGrowth).toBeLessThan(0.1);
  });

  it("fails when memory keeps growing after the warm-up", () => {
    const rss = Array.from({ length: 30 }, (_, i) => ({ at: i * 100, rssMb: 200 + i * 5 }));
    const v = judgeSoak({ samples: steady, rss, start: 0, windowMs: 1000, windows: 3, warmupWindows: 1 });
    expect(v.pass).toBe(false);
    expect(v.reasons.join()).toMatch(/RSS grew/);
  });

  it("fails when the last window's p99 is well above the first's, or on any error", () => {
    const slowing = steady.map((s) => (s.at >= 2000 ? { ...s, ms: s.ms + 200 } : s));
    expect(
      judgeSoak({
        samples: slowing,
        rss: [],
        start: 0,
        windowMs: 1000,
        windows: 3,
        warmupWindows: 1,
        criteria: { ...DEFAULT_CRITERIA, checkRss: false },
      }).reasons.join(),
    ).toMatch(/p99 rose/);
    const failing = [...steady, sample(2500, 5, "http_500:internal")];
    expect(
      judgeSoak({
        samples: failing,
        rss: [],
        start: 0,
        windowMs: 1000,
        windows: 3,
        warmupWindows: 1,
        criteria: { ...DEFAULT_CRITERIA, checkRss: false },
      }).pass,
    ).toBe(false);
  });
});
