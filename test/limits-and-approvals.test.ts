// The limits and exactly-once findings, over HTTP against the real app: every budget answers a JSON 429 with
// Retry-After, the admin reload is limited and single-flight, the handoff queue shows every waiting ticket, and two
// approvals of one action run it once.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/test-app.js";

const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    RATE_LIMIT_SEARCH_PER_MINUTE: "4",
    RATE_LIMIT_ADMIN_PER_MINUTE: "3",
    RATE_LIMIT_EVENTS_PER_MINUTE: "2",
    ADMIN_TOKEN,
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("request budgets", () => {
  it("answers the search after the budget with a JSON 429 carrying Retry-After", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await request(t.built.app).get("/v1/knowledge/search").query({ q: "card fees" })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const limited = await request(t.built.app).get("/v1/knowledge/search").query({ q: "card fees" });
    expect(limited.status).toBe(429);
    expect(limited.type).toBe("application/json");
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    // A signed-in customer is counted on their own identity, not on the shared address.
    expect(
      (await request(t.built.app).get("/v1/knowledge/search").set(bearer(t.tokens.demo1)).query({ q: "card fees" }))
        .status,
    ).toBe(200);
  });

  it("limits opening live event streams", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await request(t.built.app).get("/v1/sessions/no-such-session-1/events").set(bearer(t.tokens.demo2))).status,
      );
    expect(statuses.slice(0, 2)).not.toContain(429);
    expect(statuses[2]).toBe(429);
  });
});

describe("admin knowledge reload", () => {
  it("rejects a wrong token, runs one reload for two concurrent calls, and is rate limited even for wrong tokens", async () => {
    const wrong = await request(t.built.app).post("/v1/admin/knowledge/reload").set("x-admin-token", `${ADMIN_TOKEN}x`);
    expect(wrong.status).toBe(401);
    const [a, b] = await Promise.all([
      request(t.built.app).post("/v1/admin/knowledge/reload").set("x-admin-token", ADMIN_TOKEN),
      request(t.built.app).post("/v1/admin/knowledge/reload").set("x-admin-token", ADMIN_TOKEN),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    const guess = await request(t.built.app)
      .post("/v1/admin/knowledge/reload")
      .set("x-admin-token", "guess-guess-guess-guess");
    expect(guess.status).toBe(429);
    expect(guess.headers["retry-after"]).toBeDefined();
  });
});

describe("the handoff queue", () => {
  it("shows a real waiting ticket behind more than 200 closed anonymous handoffs", async () => {
    const asked = await request(t.built.app)
      .post("/v1/chat")
      .set(bearer(t.tokens.demo1))
      .send({ message: "I want to speak to a person" });
    const realTicket = asked.body.handoff?.ticketId as string;
    expect(realTicket).toBeTruthy();
    const store = t.built.conversations;
    for (let i = 0; i < 220; i++) {
      const s = store.createSession({ owner: `anonymous-flood-${i}`, identity: { kind: "anonymous" }, locale: "en" });
      store.updateTicket(store.openTicket(s.id, "flood").id, { status: "closed" });
    }
    const queue = await request(t.built.app).get("/v1/staff/handoffs").set(bearer(t.tokens.staff));
    expect(queue.status).toBe(200);
    expect(queue.body.tickets.map((x: { id: string }) => x.id)).toContain(realTicket);
    expect(queue.body.tickets.every((x: { status: string }) => x.status !== "closed")).toBe(true);
    expect(queue.body.counts.waiting).toBeGreaterThanOrEqual(1);
    const bad = await request(t.built.app)
      .get("/v1/staff/handoffs")
      .query({ cursor: "not-a-cursor" })
      .set(bearer(t.tokens.staff));
    expect(bad.status).toBe(400);
  });

  it("puts a signed-in customer's ticket on the first page ahead of 250 older anonymous waiting handoffs", async () => {
    const store = t.built.conversations;
    for (let i = 0; i < 250; i++)
      store.openTicket(
        store.createSession({ owner: `anonymous-wait-${i}`, identity: { kind: "anonymous" }, locale: "en" }).id,
        "flood",
      );
    const customer = store.createSession({
      owner: "customer:demo2",
      identity: { kind: "customer", customerId: "demo2" },
      locale: "en",
    });
    const mine = store.openTicket(customer.id, "card question");
    const queue = await request(t.built.app).get("/v1/staff/handoffs").set(bearer(t.tokens.staff));
    expect(queue.status).toBe(200);
    const tickets = queue.body.tickets as { id: string; identified: boolean }[];
    const firstAnonymous = tickets.findIndex((x) => !x.identified);
    expect(tickets.findIndex((x) => x.id === mine.id)).toBeGreaterThanOrEqual(0);
    expect(tickets.findIndex((x) => x.id === mine.id)).toBeLessThan(firstAnonymous);
    expect(queue.body.counts.waiting).toBeGreaterThanOrEqual(251);
    expect(queue.body.counts.waitingIdentified).toBeGreaterThanOrEqual(1);
    expect(queue.body.nextCursor).toBeTruthy();
  });
});

describe("approvals", () => {
  it("freezes the card once for two concurrent approvals over HTTP, and a retry gets the first result", async () => {
    const store = t.built.conversations;
    const asked = await request(t.built.app)
      .post("/v1/chat")
      .set(bearer(t.tokens.demo2))
      .send({ message: "please freeze my card" });
    const pending = asked.body.pendingConfirmation as { id: string };
    expect(pending?.id).toBeTruthy();
    const approve = () =>
      request(t.built.app)
        .post("/v1/chat/confirm")
        .set(bearer(t.tokens.demo2))
        .send({ sessionId: asked.body.sessionId, confirmationId: pending.id, decision: "approve" });
    const [a, b] = await Promise.all([approve(), approve()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.traceId).toBe(b.body.traceId);
    expect(a.body.reply.text).toBe(b.body.reply.text);
    const executions = store
      .listTraces(asked.body.sessionId)
      .flatMap((tr) => tr.toolCalls)
      .filter((c) => c.name === "freeze_card" && c.status === "ok");
    expect(executions).toHaveLength(1);
    const retry = await approve();
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ traceId: a.body.traceId, replayed: true });
  });
});
