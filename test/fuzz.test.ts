// The fast fuzz suite: a fixed-seed slice of `npm run fuzz` against the real app over real HTTP, with limits lifted and
// with the defaults, plus regression cases for what the fuzzer found (each failed on the code before its fix).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient } from "../src/cli/load/http-client.js";
import { startFuzzTarget, type FuzzTarget } from "../src/cli/fuzz/fuzz-target.js";
import { highLimitEnv } from "../src/cli/load/limit-env.js";
import { runFuzz, type FuzzRunReport } from "../src/cli/fuzz/run-fuzz.js";

let lifted: FuzzTarget;

beforeAll(async () => {
  lifted = await startFuzzTarget(highLimitEnv());
}, 300_000);

afterAll(async () => {
  await lifted?.close();
});

function summary(report: FuzzRunReport): Record<string, unknown> {
  return {
    problems: Object.fromEntries([...report.problems].map(([k, v]) => [k, v.example])),
    counterexample: report.counterexample,
    crashes: report.crashes,
  };
}

describe("fuzzing every endpoint", () => {
  it("covers every route the app registers and the OpenAPI document lists", () => {
    const keys = lifted.ctx.endpoints.map((e) => `${e.method} ${e.template}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        "POST /v1/chat",
        "GET /v1/staff/handoffs",
        "POST /v1/admin/knowledge/reload",
        "GET /v1/knowledge/search",
        "GET /healthz",
      ]),
    );
    expect(keys.length).toBeGreaterThanOrEqual(25);
  });

  it("answers 700 hostile requests without a 5xx, an HTML or non-JSON error, a stack trace or a crash", async () => {
    const report = await runFuzz({
      base: lifted.base,
      ctx: lifted.ctx,
      requests: 700,
      seed: 20261201,
      healthEvery: 250,
      fatalErrors: lifted.fatalErrors,
    });
    expect(summary(report)).toEqual({ problems: {}, counterexample: undefined, crashes: [] });
    expect(report.requests).toBeGreaterThanOrEqual(700);
    expect([...report.byEndpoint.values()].reduce((s, c) => s + c["5xx"] + c.none, 0)).toBe(0);
  }, 120_000);

  it("still answers with the default rate limits, where 429 is an allowed answer", async () => {
    const defaults = await startFuzzTarget();
    try {
      const report = await runFuzz({
        base: defaults.base,
        ctx: defaults.ctx,
        requests: 150,
        seed: 7,
        fatalErrors: defaults.fatalErrors,
      });
      expect(summary(report)).toEqual({ problems: {}, counterexample: undefined, crashes: [] });
    } finally {
      await defaults.close();
    }
  }, 180_000);
});

describe("what the fuzzer found", () => {
  const send = async (method: string, path: string, headers: Array<[string, string]>, body?: Buffer) => {
    const client = createHttpClient(lifted.base, 1);
    try {
      const r = await client.send({ method, path, headers, ...(body ? { body } : {}) });
      return { status: r.status, type: String(r.headers["content-type"] ?? ""), body: r.body.toString("utf8") };
    } finally {
      client.close();
    }
  };

  it("answers a gzip-labelled body that does not inflate with a JSON 400, not a 500", async () => {
    const r = await send(
      "POST",
      "/v1/chat",
      [
        ["content-type", "application/json"],
        ["content-encoding", "gzip"],
      ],
      Buffer.from('{"message":"hi"}'),
    );
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: "bad_request" } });
  });

  it("answers a path parameter that is not valid percent-encoding with a JSON 400, not a 500", async () => {
    for (const path of ["/v1/knowledge/docs/%", "/kb/%E0%A4%A", "/v1/sessions/%ff%fe"]) {
      const r = await send("GET", path, [["accept", "application/json"]]);
      expect(r.status, path).toBeLessThan(500);
      expect(r.type, path).toMatch(/^application\/json/);
    }
  });

  it("answers an unsatisfiable range on a static file with a JSON error, not with the file's content type", async () => {
    const r = await send("GET", "/widget.js", [["range", "bytes=9999999-"]]);
    if (r.status >= 400) {
      expect(r.type).toMatch(/^application\/json/);
      expect(JSON.parse(r.body)).toHaveProperty("error.code");
    }
  });

  it("answers headers too large for Node's parser with a JSON 431 instead of an empty reply", async () => {
    const r = await send("GET", "/healthz", [["x-big", "h".repeat(20_000)]]);
    expect(r.status).toBe(431);
    expect(r.type).toMatch(/^application\/json/);
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: "bad_request" } });
  });
});
