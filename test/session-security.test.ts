// Anonymous sessions, stream tickets and live-stream caps over HTTP with the real app: session ids are the server's,
// an anonymous conversation is reachable only with its key, live events open only with a single-use ticket, and the
// number of open streams is capped per identity and per process.
import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:http";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
let server: Server;
let base = "";

beforeAll(async () => {
  t = await startTestApp({
    SSE_MAX_PER_IDENTITY: "2",
    SSE_MAX_PER_ANONYMOUS_IP: "50",
    SSE_MAX_TOTAL: "4",
    RATE_LIMIT_EVENTS_PER_MINUTE: "10000",
  });
  server = createServer(t.built.app);
  server.keepAliveTimeout = 200;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => setTimeout(r, 50));
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await t?.close();
});

interface Caller {
  token?: string;
  key?: string;
}

const withAuth = <R extends request.Test>(r: R, who: Caller): R => {
  if (who.token) r.set("authorization", `Bearer ${who.token}`);
  if (who.key) r.set("x-session-key", who.key);
  return r;
};
const chat = (body: Record<string, unknown>, who: Caller = {}) =>
  withAuth(request(t.built.app).post("/v1/chat").set("content-type", "application/json"), who).send(body);
const history = (id: string, who: Caller = {}) => withAuth(request(t.built.app).get(`/v1/sessions/${id}`), who);
const ticketFor = (id: string, who: Caller = {}) =>
  withAuth(request(t.built.app).post(`/v1/sessions/${id}/stream-ticket`), who);

/** Starts an anonymous conversation and returns its id and key. */
async function anonymousSession(message = "how much is a swift transfer fee?"): Promise<{ id: string; key: string }> {
  const r = await chat({ message });
  expect(r.status).toBe(200);
  return { id: r.body.sessionId as string, key: r.body.sessionKey as string };
}

/** Opens a live event stream over a real socket; `read` collects text until `until` appears or time runs out. */
async function openStream(
  id: string,
  query: string,
): Promise<{ status: number; body: string; read(until: string, ms?: number): Promise<string>; close(): void }> {
  const controller = new AbortController();
  // One socket per stream, closed with it, so the server sees every close.
  const res = await fetch(`${base}/v1/sessions/${id}/events?${query}`, {
    signal: controller.signal,
    headers: { connection: "close" },
  });
  if (res.status !== 200) {
    const body = await res.text();
    return { status: res.status, body, read: async () => body, close: () => undefined };
  }
  const reader = res.body!.getReader();
  let seen = "";
  return {
    status: 200,
    body: "",
    async read(until, ms = 5000) {
      const deadline = Date.now() + ms;
      while (!seen.includes(until) && Date.now() < deadline) {
        const next = await Promise.race([
          reader.read(),
          new Promise<undefined>((r) => setTimeout(() => r(undefined), deadline - Date.now())),
        ]);
        if (!next || next.done) break;
        seen += new TextDecoder().decode(next.value);
      }
      return seen;
    },
    close() {
      reader.cancel().catch(() => undefined);
      controller.abort();
    },
  };
}

async function ticket(id: string, who: Caller): Promise<string> {
  const r = await ticketFor(id, who);
  expect(r.status).toBe(200);
  return r.body.ticket as string;
}

describe("session ids are chosen only by the server", () => {
  it("refuses a client-chosen new session id with 404 and creates nothing", async () => {
    for (const who of [{}, { token: t.tokens.demo1 }]) {
      const r = await chat({ sessionId: "attacker-chosen-0001", message: "hello" }, who);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe("not_found");
    }
    expect((await history("attacker-chosen-0001", { token: t.tokens.staff })).status).toBe(404);
  });

  it("gives each new conversation a random id", async () => {
    const a = await anonymousSession();
    const b = await anonymousSession();
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("anonymous conversations belong to whoever holds their key", () => {
  it("hands out the key once, on the first turn, and in the stream's session and done events", async () => {
    const first = await anonymousSession();
    expect(first.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const next = await chat({ sessionId: first.id, message: "and a CHAPS payment?" }, { key: first.key });
    expect(next.status).toBe(200);
    expect(next.body.sessionKey).toBeUndefined();
    const streamed = await chat({ message: "what are your opening hours?" }).set("accept", "text/event-stream");
    const events = [...streamed.text.matchAll(/^event: (\w+)\ndata: (.*)$/gm)].map((m) => ({
      type: m[1],
      data: JSON.parse(m[2] as string),
    }));
    expect(events[0]?.type).toBe("session");
    const key = events[0]?.data.sessionKey as string;
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(events.at(-1)).toMatchObject({
      type: "done",
      data: { sessionId: events[0]?.data.sessionId, sessionKey: key },
    });
  });

  it("keeps anonymous B from reading, posting into or streaming A's conversation", async () => {
    const a = await anonymousSession();
    const b = await anonymousSession();
    for (const who of [{}, { key: b.key }]) {
      expect((await chat({ sessionId: a.id, message: "what did we talk about?" }, who)).status).toBe(404);
      expect((await history(a.id, who)).status).toBe(404);
      expect((await ticketFor(a.id, who)).status).toBe(404);
      const confirm = await withAuth(request(t.built.app).post("/v1/chat/confirm"), who).send({
        sessionId: a.id,
        confirmationId: "x",
        decision: "approve",
      });
      expect(confirm.status).toBe(404);
    }
    // A's transcript holds only A's messages; B posted nothing into it.
    const mine = await history(a.id, { key: a.key });
    expect(mine.status).toBe(200);
    expect(mine.body.messages.filter((m: { role: string }) => m.role === "user")).toHaveLength(1);
  });

  it("answers a wrong key exactly like a missing session", async () => {
    const a = await anonymousSession();
    const wrong = await history(a.id, { key: "A".repeat(43) });
    const missing = await history("0123456789abcdef0123456789abcdef", { key: "A".repeat(43) });
    expect(wrong.status).toBe(404);
    expect(wrong.body).toEqual(missing.body);
    expect((await history(a.id, { key: "short" })).status).toBe(400);
  });

  it("never lets a signed-in customer read or take over an anonymous conversation, even with its key", async () => {
    const a = await anonymousSession();
    const who = { token: t.tokens.demo1, key: a.key };
    expect((await history(a.id, who)).status).toBe(404);
    expect((await chat({ sessionId: a.id, message: "what's my balance" }, who)).status).toBe(404);
    expect((await ticketFor(a.id, who)).status).toBe(404);
    expect((await history(a.id, { token: t.tokens.staff })).status).toBe(200);
  });
});

describe("live events open with a single-use stream ticket", () => {
  it("refuses a bearer token in the URL, and a stream without a ticket", async () => {
    const r = await chat({ message: "hello" }, { token: t.tokens.demo1 });
    const id = r.body.sessionId as string;
    const inUrl = await request(t.built.app).get(`/v1/sessions/${id}/events`).query({ access_token: t.tokens.demo1 });
    expect(inUrl.status).toBe(400);
    expect(inUrl.body.error.message).toMatch(/Authorization header/);
    expect(
      (await request(t.built.app).get(`/v1/sessions/${id}/events`).set("authorization", `Bearer ${t.tokens.demo1}`))
        .status,
    ).toBe(401);
    expect(
      (await request(t.built.app).get("/v1/knowledge/search").query({ q: "fees", access_token: t.tokens.staff }))
        .status,
    ).toBe(400);
  });

  it("issues a 60-second ticket that opens only the session it was issued for, once", async () => {
    const a = await anonymousSession();
    const b = await anonymousSession();
    const issued = await ticketFor(a.id, { key: a.key });
    expect(issued.body).toEqual({ ticket: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), expiresInSeconds: 60 });
    expect(issued.headers["cache-control"]).toBe("no-store");
    const onB = await openStream(b.id, `ticket=${issued.body.ticket}`);
    expect(onB.status).toBe(401);
    // The misuse burnt the ticket: it no longer opens A either.
    expect((await openStream(a.id, `ticket=${issued.body.ticket}`)).status).toBe(401);
    const good = await ticket(a.id, { key: a.key });
    const stream = await openStream(a.id, `ticket=${good}`);
    expect(stream.status).toBe(200);
    stream.close();
    expect((await openStream(a.id, `ticket=${good}`)).status).toBe(401);
  });

  it("refuses an expired ticket", async () => {
    const a = await anonymousSession();
    const old = await ticket(a.id, { key: a.key });
    const realNow = Date.now.bind(Date);
    const later = vi.spyOn(Date, "now").mockImplementation(() => realNow() + 61_000);
    try {
      const r = await request(t.built.app).get(`/v1/sessions/${a.id}/events`).query({ ticket: old });
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe("unauthenticated");
    } finally {
      later.mockRestore();
    }
  });

  it("delivers a staff reply only to the holder of the anonymous conversation's key", async () => {
    const a = await anonymousSession("I want to talk to a person");
    const b = await anonymousSession();
    const mine = await openStream(a.id, `ticket=${await ticket(a.id, { key: a.key })}`);
    const theirs = await openStream(b.id, `ticket=${await ticket(b.id, { key: b.key })}`);
    expect(mine.status).toBe(200);
    const staff = { token: t.tokens.staff };
    expect(
      (await withAuth(request(t.built.app).post(`/v1/staff/conversations/${a.id}/takeover`), staff).send({})).status,
    ).toBe(200);
    expect(
      (
        await withAuth(request(t.built.app).post(`/v1/staff/conversations/${a.id}/reply`), staff).send({
          text: "Hello, this is Sam from Harbor Bank.",
        })
      ).status,
    ).toBe(200);
    expect(await mine.read("Sam from Harbor Bank")).toContain("Sam from Harbor Bank");
    expect(await theirs.read("Sam from Harbor Bank", 1500)).not.toContain("Sam from Harbor Bank");
    expect((await ticketFor(a.id, { key: b.key })).status).toBe(404);
    // A reconnecting widget names the last message it has and receives what it missed.
    mine.close();
    const again = await openStream(a.id, `ticket=${await ticket(a.id, { key: a.key })}&after=0`);
    expect(await again.read("Sam from Harbor Bank")).toContain("Sam from Harbor Bank");
    again.close();
    theirs.close();
  });
});

describe("concurrent live streams are capped", () => {
  it("answers 429 JSON over the per-identity and the per-process cap, and frees slots on close", async () => {
    // Streams of earlier tests are closed by now on the client side; wait until the server has seen it too.
    await expect
      .poll(() => new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n))), { timeout: 15_000 })
      .toBe(0);
    const d1 = await chat({ message: "hello" }, { token: t.tokens.demo1 });
    const d2 = await chat({ message: "hello" }, { token: t.tokens.demo2 });
    const id1 = d1.body.sessionId as string;
    const id2 = d2.body.sessionId as string;
    const open = async (id: string, token: string) => openStream(id, `ticket=${await ticket(id, { token })}`);
    const first = await open(id1, t.tokens.demo1);
    const second = await open(id1, t.tokens.demo1);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await open(id1, t.tokens.demo1);
    expect(third.status).toBe(429);
    expect(JSON.parse(third.body).error.code).toBe("rate_limited");
    const others = [await open(id2, t.tokens.demo2), await open(id2, t.tokens.demo2)];
    expect(others.map((s) => s.status)).toEqual([200, 200]);
    // Four streams are open: the process is full, whoever asks.
    const staff = await open(id2, t.tokens.staff);
    expect(staff.status).toBe(429);
    expect(JSON.parse(staff.body).error.message).toMatch(/busy/);
    first.close();
    await expect
      .poll(async () => {
        const s = await open(id1, t.tokens.demo1);
        s.close();
        return s.status;
      })
      .toBe(200);
    for (const s of [second, ...others]) s.close();
  });
});
