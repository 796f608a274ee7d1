import { describe, expect, it } from "vitest";
import { createReadiness } from "./readiness.js";

describe("readiness", () => {
  it("is ready when every check passes", async () => {
    const readiness = createReadiness({
      checks: { database: () => {}, redis: async () => {} },
      timeoutMs: 100,
    });
    expect(await readiness()).toEqual({ ok: true, checks: { database: { ok: true }, redis: { ok: true } } });
  });

  it("reports each failing check with its reason, whether it throws or rejects", async () => {
    const readiness = createReadiness({
      checks: {
        database: () => {
          throw new Error("connection refused");
        },
        redis: () => Promise.reject(new Error("NOAUTH")),
        knowledge: () => {},
      },
      timeoutMs: 100,
    });
    const report = await readiness();
    expect(report.ok).toBe(false);
    expect(report.checks).toEqual({
      database: { ok: false, detail: "connection refused" },
      redis: { ok: false, detail: "NOAUTH" },
      knowledge: { ok: true },
    });
  });

  it("fails a check that hangs once its timeout passes, without waiting for it", async () => {
    const readiness = createReadiness({
      checks: { database: () => new Promise<void>(() => {}), redis: () => {} },
      timeoutMs: 50,
    });
    const started = performance.now();
    const report = await readiness();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(report.ok).toBe(false);
    expect(report.checks["database"]).toEqual({ ok: false, detail: "timed out after 50 ms" });
    expect(report.checks["redis"]).toEqual({ ok: true });
  });

  it("is not ready while the instance drains, even when every dependency is fine", async () => {
    let draining = false;
    const readiness = createReadiness({ checks: { database: () => {} }, timeoutMs: 50, draining: () => draining });
    expect((await readiness()).ok).toBe(true);
    draining = true;
    expect(await readiness()).toEqual({
      ok: false,
      checks: { database: { ok: true }, draining: { ok: false, detail: "shutting down" } },
    });
  });
});
