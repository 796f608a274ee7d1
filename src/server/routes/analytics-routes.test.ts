import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createAnalyticsService } from "../../agent/analytics/analytics-service.js";
import type { Identity } from "../../auth/identity.js";
import type { TokenService } from "../../auth/tokens.js";
import { createConversationStore } from "../../conversations/conversation-store.js";
import type { TurnTrace } from "../../conversations/turn-trace.js";
import { createJsonLogger } from "../../shared/logger.js";
import { err, ok } from "../../shared/result.js";
import { createAuthMiddleware } from "../auth-middleware.js";
import { createErrorHandler } from "../error-handler.js";
import { createAnalyticsRoutes } from "./analytics-routes.js";

// Tokens are the identity itself, so the test can speak as anyone.
const tokens: TokenService = {
  verify: async (raw) =>
    raw === "staff"
      ? ok<Identity>({ kind: "staff", staffId: "s1" })
      : raw === "customer"
        ? ok<Identity>({ kind: "customer", customerId: "demo1" })
        : err("invalid_token"),
  available: { customer: true, staff: true },
};

const today = new Date().toISOString().slice(0, 10);

function trace(id: string, sessionId: string, locale: TurnTrace["locale"], handoff?: string): TurnTrace {
  return {
    traceId: id,
    sessionId,
    turn: 1,
    startedAt: new Date().toISOString(),
    identity: "customer",
    locale,
    kind: "message",
    message: "hi",
    intent: { name: "card_fees", route: "answer", confidence: 0.8, top: [], outOfScope: false, lowConfidence: false },
    slots: {},
    retrieved: [],
    toolCalls: [],
    guardrails: [],
    provider: "local",
    model: "local",
    modelCalls: [],
    reply: "ok",
    citations: [{ docId: "card-fees", title: 'Card fees, "all"', version: "1" }],
    ...(handoff ? { handoffTicketId: handoff } : {}),
    latencyMs: { route: 1, agent: 1, total: 120 },
  };
}

function appWithAnalytics() {
  const store = createConversationStore(":memory:");
  store.saveTrace(trace("t1", "s1", "en"));
  store.saveTrace(trace("t2", "s1", "en", "k1"));
  store.saveTrace(trace("t3", "s2", "zh-CN"));
  const analytics = createAnalyticsService({
    traces: store,
    documents: async () => [
      {
        meta: {
          id: "card-fees",
          title: 'Card fees, "all"',
          locale: "en" as const,
          product: "cards" as const,
          version: "1",
          effective_from: "2026-01-01",
        },
        body: "",
        markdown: "",
        path: "card-fees.md",
        hash: "x",
      },
    ],
    fraud: { countFraudWindow: () => ({ transactions: 10, flagged: 2, fraud: 1, legitimate: 1, unlabelled: 0 }) },
    today: () => today,
  });
  return express()
    .use(createAuthMiddleware(tokens))
    .use(createAnalyticsRoutes({ analytics }))
    .use(createErrorHandler(createJsonLogger({ level: "error", sink: () => undefined })));
}

describe("GET /v1/staff/analytics", () => {
  it("answers staff with the window's series split by language", async () => {
    const res = await request(appWithAnalytics()).get("/v1/staff/analytics").set("Authorization", "Bearer staff");
    expect(res.status).toBe(200);
    expect(res.body.range).toMatchObject({ to: today, days: 30 });
    const totals = res.body.conversations.totals as { locale: string; sessions: number; handoffs: number }[];
    expect(totals.map((p) => [p.locale, p.sessions, p.handoffs])).toEqual([
      ["en", 1, 1],
      ["zh-CN", 1, 0],
    ]);
    expect(res.body.models.fraud.precision).toBe(0.5);
  });

  it("refuses customers with 403 and anonymous callers with 401", async () => {
    const app = appWithAnalytics();
    expect((await request(app).get("/v1/staff/analytics").set("Authorization", "Bearer customer")).status).toBe(403);
    expect((await request(app).get("/v1/staff/analytics")).status).toBe(401);
    expect((await request(app).get("/v1/staff/analytics.csv").set("Authorization", "Bearer customer")).status).toBe(
      403,
    );
    expect((await request(app).get("/v1/staff/analytics.csv")).status).toBe(401);
  });

  it("answers 400 in JSON for a bad or too long range", async () => {
    const app = appWithAnalytics();
    for (const q of [
      "from=2026-13-01",
      "from=yesterday",
      "from=2026-11-02&to=2026-11-01",
      "from=2024-01-01&to=2026-01-01",
    ]) {
      const res = await request(app).get(`/v1/staff/analytics?${q}`).set("Authorization", "Bearer staff");
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    const csv = await request(app).get("/v1/staff/analytics.csv?series=nope").set("Authorization", "Bearer staff");
    expect(csv.status).toBe(400);
  });
});

describe("GET /v1/staff/analytics.csv", () => {
  it("downloads a series as quoted CSV with a file name", async () => {
    const res = await request(appWithAnalytics())
      .get(`/v1/staff/analytics.csv?series=knowledge&to=${today}`)
      .set("Authorization", "Bearer staff");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="analytics-knowledge-.*\.csv"$/);
    expect(res.text).toBe('finding,id,title,detail\r\ncited,card-fees,"Card fees, ""all""",3\r\n');
  });

  it("exports one row per day and language that parses back to the JSON figures", async () => {
    const res = await request(appWithAnalytics())
      .get(`/v1/staff/analytics.csv?series=by-day&from=${today}&to=${today}`)
      .set("Authorization", "Bearer staff");
    const [header = "", ...rows] = res.text.trimEnd().split("\r\n");
    const cols = header.split(",");
    expect(rows).toHaveLength(2);
    const en = Object.fromEntries((rows[0] ?? "").split(",").map((v, i) => [cols[i], v]));
    expect(en).toMatchObject({
      bucket: today,
      locale: "en",
      sessions: "1",
      turns: "2",
      handoffs: "1",
      containment_rate: "0",
    });
  });
});
