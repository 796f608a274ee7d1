// POST /v1/feedback on the real app: only the conversation's owner may rate a reply or give CSAT, bad bodies are a
// JSON 400, comments are stored PII-redacted, and staff see the feedback with the conversation's traces.
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFeedbackStore } from "../src/conversations/feedback-store.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 240_000);
afterAll(async () => {
  await t?.close();
});

const auth = (token: string): [string, string] => ["authorization", `Bearer ${token}`];

async function customerTurn(token: string): Promise<{ sessionId: string; traceId: string }> {
  const r = await request(t.built.app)
    .post("/v1/chat")
    .set(...auth(token))
    .send({ message: "What is the fee for an international transfer?" });
  expect(r.status).toBe(200);
  return { sessionId: r.body.sessionId, traceId: r.body.traceId };
}

async function anonymousTurn(): Promise<{ sessionId: string; traceId: string; sessionKey: string }> {
  const r = await request(t.built.app).post("/v1/chat").send({ message: "How do I reset my online banking password?" });
  expect(r.status).toBe(200);
  return { sessionId: r.body.sessionId, traceId: r.body.traceId, sessionKey: r.body.sessionKey };
}

describe("POST /v1/feedback", () => {
  it("lets the owner rate a reply and give CSAT, a second rating replacing the first", async () => {
    const { sessionId, traceId } = await customerTurn(t.tokens.demo1);
    const up = await request(t.built.app)
      .post("/v1/feedback")
      .set(...auth(t.tokens.demo1))
      .send({ sessionId, traceId, rating: "up" });
    expect(up.status).toBe(201);
    expect(up.body.feedback).toMatchObject({ kind: "rating", rating: "up", traceId });
    const down = await request(t.built.app)
      .post("/v1/feedback")
      .set(...auth(t.tokens.demo1))
      .send({ sessionId, traceId, rating: "down", comment: "Too vague" });
    expect(down.status).toBe(201);
    const csat = await request(t.built.app)
      .post("/v1/feedback")
      .set(...auth(t.tokens.demo1))
      .send({ sessionId, csat: 4 });
    expect(csat.status).toBe(201);
    expect(csat.body.feedback).toMatchObject({ kind: "csat", csat: 4 });

    const staff = await request(t.built.app)
      .get(`/v1/staff/conversations/${sessionId}`)
      .set(...auth(t.tokens.staff));
    expect(staff.status).toBe(200);
    expect(staff.body.feedback).toEqual([
      expect.objectContaining({ kind: "rating", traceId, rating: "down", comment: "Too vague" }),
      expect.objectContaining({ kind: "csat", csat: 4 }),
    ]);
    expect(staff.body.traces.map((x: { traceId: string }) => x.traceId)).toContain(traceId);
  });

  it("answers 404 to another customer, a staff token and an unknown reply, as for a missing session", async () => {
    const { sessionId, traceId } = await customerTurn(t.tokens.demo1);
    const other = await customerTurn(t.tokens.demo1);
    const attempts = [
      { token: t.tokens.demo2, body: { sessionId, traceId, rating: "down" } },
      { token: t.tokens.demo2, body: { sessionId, csat: 1 } },
      { token: t.tokens.staff, body: { sessionId, csat: 5 } },
      { token: t.tokens.demo1, body: { sessionId: "no-such-session-1", csat: 5 } },
      { token: t.tokens.demo1, body: { sessionId, traceId: other.traceId, rating: "up" } },
      { token: t.tokens.demo1, body: { sessionId, traceId: "not-a-trace", rating: "up" } },
    ];
    for (const a of attempts) {
      const r = await request(t.built.app)
        .post("/v1/feedback")
        .set(...auth(a.token))
        .send(a.body);
      expect(r.status, JSON.stringify(a.body)).toBe(404);
      expect(r.body.error.code).toBe("not_found");
    }
  });

  it("needs an anonymous session's key: without it or with a wrong one the session is not found", async () => {
    const anon = await anonymousTurn();
    const body = { sessionId: anon.sessionId, traceId: anon.traceId, rating: "up" };
    expect((await request(t.built.app).post("/v1/feedback").send(body)).status).toBe(404);
    const wrongKey = (await anonymousTurn()).sessionKey;
    expect((await request(t.built.app).post("/v1/feedback").set("x-session-key", wrongKey).send(body)).status).toBe(
      404,
    );
    const signedIn = await request(t.built.app)
      .post("/v1/feedback")
      .set(...auth(t.tokens.demo1))
      .set("x-session-key", anon.sessionKey)
      .send(body);
    expect(signedIn.status).toBe(404);
    const owner = await request(t.built.app).post("/v1/feedback").set("x-session-key", anon.sessionKey).send(body);
    expect(owner.status).toBe(201);
  });

  it("rejects malformed bodies with a JSON 400 naming the problem", async () => {
    const { sessionId, traceId } = await customerTurn(t.tokens.demo2);
    const bad: unknown[] = [
      {},
      { sessionId, traceId, rating: "meh" },
      { sessionId, csat: 0 },
      { sessionId, csat: 6 },
      { sessionId, csat: 3.5 },
      { sessionId, csat: 3, rating: "up" },
      { sessionId, traceId, rating: "up", extra: true },
      { sessionId, csat: 3, comment: "x".repeat(1001) },
      { sessionId: "bad id!", csat: 3 },
      [1, 2],
    ];
    for (const body of bad) {
      const r = await request(t.built.app)
        .post("/v1/feedback")
        .set(...auth(t.tokens.demo2))
        .send(body as object);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.headers["content-type"]).toMatch(/json/);
      expect(r.body.error.code).toBe("validation_failed");
    }
    const text = await request(t.built.app)
      .post("/v1/feedback")
      .set(...auth(t.tokens.demo2))
      .set("content-type", "text/plain")
      .send("csat=5");
    expect(text.status).toBe(415);
  });

  it("is described in the OpenAPI document with both body shapes", async () => {
    const r = await request(t.built.app).get("/openapi.json");
    expect(r.body.paths["/v1/feedback"].post.responses["404"]).toBeTruthy();
    const shapes = r.body.components.schemas.FeedbackRequest.anyOf as { properties: Record<string, unknown> }[];
    expect(shapes.map((x) => Object.keys(x.properties).sort())).toEqual([
      ["comment", "rating", "sessionId", "traceId"],
      ["comment", "csat", "sessionId"],
    ]);
  });

  it("stores a comment with a card number and an email redacted", async () => {
    const { sessionId, traceId } = await customerTurn(t.tokens.demo2);
    const r = await request(t.built.app)
      .post("/v1/feedback")
      .set(...auth(t.tokens.demo2))
      .send({ sessionId, traceId, rating: "down", comment: "My card 4111 1111 1111 1111 and jane.doe@example.com" });
    expect(r.status).toBe(201);
    expect(r.body.feedback.comment).not.toContain("4111 1111");
    expect(r.body.feedback.comment).not.toContain("jane.doe@example.com");
    const store = createFeedbackStore(path.join(t.dataDir, "chat.sqlite"));
    const [saved] = store.listForSession(sessionId);
    store.close();
    expect(saved?.comment).toBeDefined();
    expect(saved?.comment).not.toMatch(/4111|jane\.doe|example\.com/);
    expect(saved?.comment).toContain("My card");
  });
});
