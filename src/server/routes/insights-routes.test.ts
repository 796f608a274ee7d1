import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { plantBadTurns } from "../../agent/insights/bad-turn-traces.test-helpers.js";
import { createInsightService } from "../../agent/insights/insight-service.js";
import { plantedLog } from "../../agent/insights/planted-log.js";
import type { Identity } from "../../auth/identity.js";
import type { TokenService } from "../../auth/tokens.js";
import { createConversationStore } from "../../conversations/conversation-store.js";
import { createInsightStore } from "../../conversations/insight-store.js";
import { createJsonLogger } from "../../shared/logger.js";
import { err, ok } from "../../shared/result.js";
import { createAuthMiddleware } from "../auth-middleware.js";
import { createErrorHandler } from "../error-handler.js";
import { createInsightsRoutes } from "./insights-routes.js";

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

function appWithBadTurns() {
  const conversations = createConversationStore(":memory:");
  const store = createInsightStore(":memory:");
  const log = plantedLog({ seed: 4, perTopic: 16 });
  plantBadTurns(conversations, log);
  const service = createInsightService({
    conversations,
    insights: store,
    intentNames: () => ["balance", "card_pin"],
    scrub: (t) => t,
    now: () => new Date(),
  });
  const app = express()
    .use(express.json())
    .use(createAuthMiddleware(tokens))
    .use(createInsightsRoutes({ service, store, intentNames: () => ["balance", "card_pin"] }))
    .use(createErrorHandler(createJsonLogger({ level: "error", sink: () => undefined })));
  return { app, store };
}

const as = (who: string) => ({ Authorization: `Bearer ${who}` });

describe("insights routes", () => {
  it("are for staff only: a customer gets 403 and nobody signed in gets 401", async () => {
    const { app } = appWithBadTurns();
    expect((await request(app).get("/v1/staff/insights").set(as("customer"))).status).toBe(403);
    expect((await request(app).post("/v1/staff/insights/refresh").set(as("customer"))).status).toBe(403);
    expect((await request(app).get("/v1/staff/knowledge/tasks").set(as("customer"))).status).toBe(403);
    expect((await request(app).get("/v1/staff/insights")).status).toBe(401);
  });

  it("lists the topics of the badly handled messages after a refresh", async () => {
    const { app } = appWithBadTurns();
    expect((await request(app).get("/v1/staff/insights").set(as("staff"))).body.topics).toEqual([]);
    const refreshed = await request(app).post("/v1/staff/insights/refresh").set(as("staff"));
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.turns).toBe(96);
    const res = await request(app).get("/v1/staff/insights").set(as("staff"));
    expect(res.status).toBe(200);
    expect(res.body.topics.length).toBeGreaterThanOrEqual(6);
    const topic = res.body.topics[0];
    expect(topic).toMatchObject({ id: expect.stringMatching(/^topic-/), label: expect.any(String) });
    expect(topic.size).toBeGreaterThan(0);
    expect(topic.trend).toMatchObject({ last7Days: topic.size, previous7Days: 0, direction: "up" });
    expect(topic.examples.length).toBeLessThanOrEqual(5);
    expect(topic.suggestion.kind).toBe("new_intent");
    expect(res.body.intents).toEqual(["balance", "card_pin"]);
  });

  it("accepts a topic's chosen utterances into an intent as a new version of the review queue", async () => {
    const { app, store } = appWithBadTurns();
    await request(app).post("/v1/staff/insights/refresh").set(as("staff"));
    const [first, second] = (await request(app).get("/v1/staff/insights").set(as("staff"))).body.topics;
    const chosen = first.utterances.slice(0, 2).map((u: { text: string }) => u.text);
    const one = await request(app)
      .post(`/v1/staff/insights/${first.id}/accept`)
      .set(as("staff"))
      .send({ intent: "balance", utterances: chosen });
    expect(one.status).toBe(200);
    expect(one.body.version).toBe(1);
    const two = await request(app)
      .post(`/v1/staff/insights/${second.id}/accept`)
      .set(as("staff"))
      .send({ intent: "card_pin" });
    expect(two.body.version).toBe(2);
    const accepted = store.listAcceptedUtterances();
    expect(accepted.filter((u) => u.version === 1).map((u) => u.text)).toEqual(chosen);
    expect(accepted.filter((u) => u.version === 2)).toHaveLength(second.utterances.length);
    expect(accepted.every((u) => ["balance", "card_pin"].includes(u.intent))).toBe(true);
  });

  it("refuses an intent that is not in data/intents, a bad body and an unknown topic", async () => {
    const { app } = appWithBadTurns();
    await request(app).post("/v1/staff/insights/refresh").set(as("staff"));
    const [topic] = (await request(app).get("/v1/staff/insights").set(as("staff"))).body.topics;
    const unknown = await request(app)
      .post(`/v1/staff/insights/${topic.id}/accept`)
      .set(as("staff"))
      .send({ intent: "crypto" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe("body.intent");
    const bad = await request(app)
      .post(`/v1/staff/insights/${topic.id}/accept`)
      .set(as("staff"))
      .send({ utterances: [] });
    expect(bad.status).toBe(400);
    const missing = await request(app)
      .post("/v1/staff/insights/topic-abc/accept")
      .set(as("staff"))
      .send({ intent: "balance" });
    expect(missing.status).toBe(404);
    expect(missing.headers["content-type"]).toMatch(/json/);
  });

  it("marks a knowledge gap as a draft task that the task list shows", async () => {
    const { app } = appWithBadTurns();
    await request(app).post("/v1/staff/insights/refresh").set(as("staff"));
    const [topic] = (await request(app).get("/v1/staff/insights").set(as("staff"))).body.topics;
    const created = await request(app)
      .post(`/v1/staff/insights/${topic.id}/gap`)
      .set(as("staff"))
      .send({ title: "Do we sell gold bars?" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: "Do we sell gold bars?",
      status: "open",
      topicId: topic.id,
      createdBy: "s1",
    });
    const tasks = await request(app).get("/v1/staff/knowledge/tasks?status=open").set(as("staff"));
    expect(tasks.body.tasks).toEqual([created.body]);
    expect((await request(app).post(`/v1/staff/insights/${topic.id}/gap`).set(as("staff")).send({})).status).toBe(400);
  });
});
