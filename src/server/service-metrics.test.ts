import type { AddressInfo } from "node:net";
import http from "node:http";
import express from "express";
import { describe, expect, it } from "vitest";
import type { TurnTrace } from "../conversations/turn-trace.js";
import { createErrorHandler } from "./error-handler.js";
import { createMetricsRoute } from "./routes/metrics-route.js";
import { createServiceMetrics, observeSavedTraces, type LiveVersions } from "./service-metrics.js";
import { createSilentLogger } from "../shared/logger.js";

function traceOf(overrides: Partial<TurnTrace> = {}): TurnTrace {
  return {
    traceId: "t1",
    sessionId: "s1",
    turn: 1,
    startedAt: "2026-12-01T00:00:00.000Z",
    identity: "customer",
    locale: "en",
    kind: "message",
    message: "hi",
    intent: { name: "card_lost", route: "cards", confidence: 0.9, top: [], outOfScope: false, lowConfidence: false },
    slots: {},
    retrieved: [],
    toolCalls: [],
    guardrails: [],
    provider: "local",
    model: "local",
    modelCalls: [],
    reply: "ok",
    citations: [],
    latencyMs: { route: 5, agent: 100, total: 1500 },
    ...overrides,
  };
}

const modelCall = (fallback: boolean, error?: string): TurnTrace["modelCalls"][number] => ({
  provider: fallback ? "local" : "openai",
  model: "m",
  ms: 1,
  fallback,
  ...(error ? { error } : {}),
  output: { content: "", toolCalls: [] },
});

/** The value of one series (its labels in any order), or undefined when the series is absent. */
function valueOf(text: string, series: string): number | undefined {
  const parse = (s: string): [string, string] => {
    const brace = s.indexOf("{");
    if (brace < 0) return [s, ""];
    // No label value in these tests holds a comma, so splitting on commas is exact.
    const labels = s.slice(brace + 1, s.lastIndexOf("}")).split(",");
    return [s.slice(0, brace), labels.sort().join(",")];
  };
  const wanted = parse(series).join("|");
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const space = line.lastIndexOf(" ");
    if (parse(line.slice(0, space)).join("|") === wanted) return Number(line.slice(space + 1));
  }
  return undefined;
}

describe("service metrics", () => {
  it("counts turns by route and outcome, their latency, the rails that fired and the fallback reason", async () => {
    const metrics = createServiceMetrics({ instanceId: "web-1" });
    metrics.observeTurn(traceOf());
    metrics.observeTurn(
      traceOf({
        guardrails: [
          { type: "scope_refusal", detail: "x" },
          { type: "pii_redacted", detail: "y" },
          { type: "llm_fallback", detail: "openai failed: model timed out after 20000 ms" },
        ],
        modelCalls: [
          modelCall(false),
          modelCall(true, "model timed out after 20000 ms"),
          modelCall(true, "primary model unavailable"),
        ],
      }),
    );
    metrics.observeTurn(
      traceOf({
        intent: { name: "freeze", route: "cards", confidence: 1, top: [], outOfScope: false, lowConfidence: false },
        pendingConfirmation: { id: "c1", action: "freeze_card", summary: "Freeze card 1234" },
      }),
    );
    metrics.observeFailedTurn();
    const { body, contentType } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const i = 'instance_id="web-1"';
    expect(valueOf(body, `harbor_turns_total{route="cards",outcome="answered",${i}}`)).toBe(1);
    expect(valueOf(body, `harbor_turns_total{route="cards",outcome="refused",${i}}`)).toBe(1);
    expect(valueOf(body, `harbor_turns_total{route="cards",outcome="awaiting_confirmation",${i}}`)).toBe(1);
    expect(valueOf(body, `harbor_turns_total{route="unknown",outcome="error",${i}}`)).toBe(1);
    expect(valueOf(body, `harbor_turn_duration_seconds_count{route="cards",${i}}`)).toBe(3);
    expect(valueOf(body, `harbor_turn_duration_seconds_bucket{le="1",route="cards",${i}}`)).toBe(0);
    expect(valueOf(body, `harbor_turn_duration_seconds_bucket{le="2",route="cards",${i}}`)).toBe(3);
    expect(valueOf(body, `harbor_rail_firings_total{rail="scope_refusal",${i}}`)).toBe(1);
    expect(valueOf(body, `harbor_rail_firings_total{rail="pii_redacted",${i}}`)).toBe(1);
    // One fallback per turn, named by its first fallback call (the later "unavailable" ones are its consequence).
    expect(valueOf(body, `harbor_llm_fallbacks_total{reason="timeout",${i}}`)).toBe(1);
    expect(body).not.toContain('reason="circuit_open"');
    expect(body).toContain("harbor_process_cpu_user_seconds_total");
  });

  it("keeps its own registry, so two instances in one process neither clash nor share counts", async () => {
    const a = createServiceMetrics({ instanceId: "a" });
    const b = createServiceMetrics({ instanceId: "b" });
    a.observeTurn(traceOf());
    expect(
      valueOf((await a.render()).body, 'harbor_turns_total{route="cards",outcome="answered",instance_id="a"}'),
    ).toBe(1);
    expect((await b.render()).body).not.toContain("harbor_turns_total{");
  });

  it("reads load and versions at each scrape and drops the series of a replaced version", async () => {
    let versions: LiveVersions = { knowledge: "kb-1", models: { router: "r-1", fraud: "f-1" } };
    const metrics = createServiceMetrics({ instanceId: "x", versions: () => versions });
    metrics.watchLoad({ turnsInFlight: 3, openStreams: 7 });
    let body = (await metrics.render()).body;
    expect(valueOf(body, 'harbor_turns_in_flight{instance_id="x"}')).toBe(3);
    expect(valueOf(body, 'harbor_sse_connections_open{instance_id="x"}')).toBe(7);
    expect(valueOf(body, 'harbor_knowledge_index_info{version="kb-1",instance_id="x"}')).toBe(1);
    expect(valueOf(body, 'harbor_model_info{model="router",version="r-1",instance_id="x"}')).toBe(1);

    versions = { knowledge: "kb-2", models: { router: "r-2", fraud: "f-1" } };
    body = (await metrics.render()).body;
    expect(valueOf(body, 'harbor_knowledge_index_info{version="kb-2",instance_id="x"}')).toBe(1);
    expect(body).not.toContain('version="kb-1"');
    expect(valueOf(body, 'harbor_model_info{model="router",version="r-2",instance_id="x"}')).toBe(1);
    expect(body).not.toContain('version="r-1"');
    expect(valueOf(body, 'harbor_model_info{model="fraud",version="f-1",instance_id="x"}')).toBe(1);
  });

  it("observes every trace a wrapped store saves, and the store keeps working as before", async () => {
    const saved: TurnTrace[] = [];
    const store = {
      saveTrace: (t: TurnTrace) => void saved.push(t),
      count() {
        return saved.length;
      },
      get label() {
        return "conversations";
      },
    };
    const metrics = createServiceMetrics({ instanceId: "x" });
    const wrapped = observeSavedTraces(store, (t) => metrics.observeTurn(t));
    wrapped.saveTrace(traceOf({ handoffTicketId: "T-1" }));
    expect(saved).toHaveLength(1);
    expect(wrapped.count()).toBe(1);
    expect(wrapped.label).toBe("conversations");
    const body = (await metrics.render()).body;
    expect(valueOf(body, 'harbor_turns_total{route="cards",outcome="handoff",instance_id="x"}')).toBe(1);
  });
});

describe("GET /metrics", () => {
  async function serve(adminToken?: string): Promise<{ base: string; close: () => Promise<void> }> {
    const metrics = createServiceMetrics({ instanceId: "x" });
    const app = express();
    app.use(createMetricsRoute({ metrics, ...(adminToken ? { adminToken } : {}) }));
    app.use(createErrorHandler(createSilentLogger()));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
      base: `http://127.0.0.1:${port}`,
      close: () => {
        server.closeAllConnections();
        return new Promise((resolve) => server.close(() => resolve()));
      },
    };
  }

  it("serves a local scraper the exposition format", async () => {
    const s = await serve();
    try {
      const res = await fetch(`${s.base}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(await res.text()).toContain("# TYPE harbor_turns_total counter");
    } finally {
      await s.close();
    }
  });

  it("treats a request forwarded by a local proxy as remote: the admin token is required", async () => {
    const s = await serve("secret-token");
    try {
      const forwarded = { "X-Forwarded-For": "203.0.113.9" };
      expect((await fetch(`${s.base}/metrics`, { headers: forwarded })).status).toBe(401);
      const wrong = await fetch(`${s.base}/metrics`, { headers: { ...forwarded, "X-Admin-Token": "nope" } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${s.base}/metrics`, { headers: { ...forwarded, "X-Admin-Token": "secret-token" } });
      expect(right.status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it("refuses remote callers outright when no admin token is configured", async () => {
    const s = await serve();
    try {
      expect((await fetch(`${s.base}/metrics`, { headers: { Forwarded: "for=203.0.113.9" } })).status).toBe(403);
    } finally {
      await s.close();
    }
  });
});
