// Two instances on different ports, each with its own data and knowledge folders, sharing PostgreSQL and Redis:
// a conversation moves between them turn by turn, approvals and staff replies cross them, one dies without losing a
// committed turn, budgets and turn order hold across both, and a knowledge version published on one reaches both.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  testRedisPrefix,
  warnSkipped,
} from "../src/shared/pg/test-database.test-helpers.js";
import { removeInstanceDirs, sharedInstanceEnv, startInstance, type Instance } from "./support/instances.js";

const enabled = Boolean(TEST_DATABASE_URL && TEST_REDIS_URL);
if (!enabled) warnSkipped("PostgreSQL and Redis");
const ADMIN = "scale-out-admin-token-0123456789";

type Json = Record<string, unknown>;

async function call(
  base: string,
  pathname: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Json }> {
  const res = await fetch(base + pathname, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: {
      "content-type": "application/json",
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json };
}

describe.runIf(enabled)("two instances on PostgreSQL and Redis", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: Instance;
  let b: Instance;
  let tokens: { demo1: string; demo2: string; staff: string };
  let env: Record<string, string>;

  beforeAll(async () => {
    // An empty database: the instances migrate it themselves, together, under the advisory lock.
    database = await createTestDatabase({ migrate: false });
    env = {
      ...sharedInstanceEnv({ databaseUrl: database.url, redisUrl: TEST_REDIS_URL, redisPrefix: testRedisPrefix() }),
      RATE_LIMIT_SEARCH_PER_MINUTE: "6",
    };
    [a, b] = await Promise.all([startInstance("a", env), startInstance("b", env)]);
    tokens = (await call(a.base, "/v1/demo/tokens")).body as typeof tokens;
  }, 300_000);

  afterAll(async () => {
    for (const i of [a, b]) {
      if (!i) continue;
      await i.stop("SIGTERM");
      removeInstanceDirs(i);
    }
    await database?.drop();
  });

  it("migrate one schema together and report their own versions", async () => {
    const [ha, hb] = await Promise.all([call(a.base, "/healthz"), call(b.base, "/healthz")]);
    expect(ha.body["instance"]).toBe("a");
    expect(hb.body["instance"]).toBe("b");
    expect(ha.body["knowledgeVersion"]).toBe(hb.body["knowledgeVersion"]);
    const [ra, rb] = await Promise.all([call(a.base, "/readyz"), call(b.base, "/readyz")]);
    expect(ra.status).toBe(200);
    expect(rb.status).toBe(200);
  });

  it("carry one conversation that alternates between them turn by turn", async () => {
    const first = await call(a.base, "/v1/chat", {
      token: tokens.demo1,
      body: { message: "hello, my card 4111 1111 1111 1111" },
    });
    expect(first.status).toBe(200);
    const sessionId = first.body["sessionId"] as string;
    const messages = ["what is my balance?", "show my recent transactions", "what are your card fees?"];
    for (const [i, message] of messages.entries()) {
      const target = i % 2 === 0 ? b : a;
      const r = await call(target.base, "/v1/chat", { token: tokens.demo1, body: { sessionId, message } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body["sessionId"]).toBe(sessionId);
    }
    for (const i of [a, b]) {
      const history = await call(i.base, `/v1/sessions/${sessionId}`, { token: tokens.demo1 });
      const list = history.body["messages"] as { role: string; text: string }[];
      expect(list.filter((m) => m.role === "user").map((m) => m.text)).toEqual([
        "hello, my card [CARD_1]",
        ...messages,
      ]);
      expect(JSON.stringify(list)).not.toContain("4111");
    }
  });

  it("approve on B a card freeze asked for on A", async () => {
    const asked = await call(a.base, "/v1/chat", { token: tokens.demo1, body: { message: "please freeze my card" } });
    const pending = asked.body["pendingConfirmation"] as { id: string; action: string };
    expect(pending.action).toBe("freeze_card");
    const done = await call(b.base, "/v1/chat/confirm", {
      token: tokens.demo1,
      body: { sessionId: asked.body["sessionId"], confirmationId: pending.id, decision: "approve" },
    });
    expect(done.status).toBe(200);
    expect(done.body["toolCalls"]).toContainEqual({ name: "freeze_card", status: "ok" });
    // A retried decision on A replays B's answer and freezes nothing twice.
    const again = await call(a.base, "/v1/chat/confirm", {
      token: tokens.demo1,
      body: { sessionId: asked.body["sessionId"], confirmationId: pending.id, decision: "approve" },
    });
    expect(again.status).toBe(200);
    expect(again.body["reply"]).toEqual(done.body["reply"]);
  });

  it("deliver a staff reply typed on A to a widget stream connected to B, and resume it on A by Last-Event-ID", async () => {
    const start = await call(a.base, "/v1/chat", {
      token: tokens.demo2,
      body: { message: "I want to talk to a person" },
    });
    const sessionId = start.body["sessionId"] as string;
    const ticket = (
      await call(b.base, `/v1/sessions/${sessionId}/stream-ticket`, { method: "POST", token: tokens.demo2, body: {} })
    ).body["ticket"] as string;
    const controller = new AbortController();
    const events = await fetch(`${b.base}/v1/sessions/${sessionId}/events?ticket=${ticket}`, {
      signal: controller.signal,
    });
    expect(events.status).toBe(200);
    const reader = events.body?.getReader();
    await call(a.base, `/v1/staff/conversations/${sessionId}/takeover`, {
      method: "POST",
      token: tokens.staff,
      body: {},
    });
    const sentAt = Date.now();
    await call(a.base, `/v1/staff/conversations/${sessionId}/reply`, {
      token: tokens.staff,
      body: { text: "Hello, this is Sam from the cards team." },
    });
    let seen = "";
    const deadline = Date.now() + 10_000;
    while (!seen.includes("Sam from the cards team") && Date.now() < deadline && reader) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += new TextDecoder().decode(value);
    }
    const latencyMs = Date.now() - sentAt;
    controller.abort();
    expect(seen).toContain("Sam from the cards team");
    // Pushed through Redis, not found by a once-a-second poll.
    expect(latencyMs).toBeLessThan(900);
    const ids = [...seen.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids.length).toBeGreaterThan(0);

    // Two more replies while the widget is away; it reconnects to A with the last id it had and misses neither.
    for (const text of ["Your card is safe.", "Anything else?"])
      await call(b.base, `/v1/staff/conversations/${sessionId}/reply`, { token: tokens.staff, body: { text } });
    const ticket2 = (
      await call(a.base, `/v1/sessions/${sessionId}/stream-ticket`, { method: "POST", token: tokens.demo2, body: {} })
    ).body["ticket"] as string;
    const c2 = new AbortController();
    const resumed = await fetch(`${a.base}/v1/sessions/${sessionId}/events?ticket=${ticket2}`, {
      signal: c2.signal,
      headers: { "last-event-id": String(Math.max(...ids)) },
    });
    const r2 = resumed.body?.getReader();
    let seen2 = "";
    const deadline2 = Date.now() + 10_000;
    while (!seen2.includes("Anything else?") && Date.now() < deadline2 && r2) {
      const { value, done } = await r2.read();
      if (done) break;
      seen2 += new TextDecoder().decode(value);
    }
    c2.abort();
    expect(seen2).toContain("Your card is safe.");
    expect(seen2).toContain("Anything else?");
    expect(seen2).not.toContain("Sam from the cards team");
  });

  it("hold one rate-limit budget across both instances", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const target = i % 2 === 0 ? a : b;
      const res = await fetch(`${target.base}/v1/knowledge/search?q=card+fees`, {
        headers: { authorization: `Bearer ${tokens.demo1}` },
      });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(6);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });

  it("serialise concurrent turns of one session sent to both instances", async () => {
    const first = await call(a.base, "/v1/chat", { token: tokens.demo1, body: { message: "hi" } });
    const sessionId = first.body["sessionId"] as string;
    const sends = ["what is my balance?", "show my recent transactions", "what are your card fees?", "thanks"];
    const results = await Promise.all(
      sends.map((message, i) =>
        call(i % 2 === 0 ? a.base : b.base, "/v1/chat", { token: tokens.demo1, body: { sessionId, message } }),
      ),
    );
    for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200);
    const history = await call(b.base, `/v1/sessions/${sessionId}`, { token: tokens.demo1 });
    const roles = (history.body["messages"] as { role: string }[]).map((m) => m.role);
    // Each user message is followed by its own answer: no two turns interleaved.
    expect(roles).toEqual(Array.from({ length: 5 }, () => ["user", "assistant"]).flat());
  });

  it("serve a knowledge version published through one instance on both", async () => {
    const doc = fs
      .readdirSync(a.knowledgeDir, { recursive: true })
      .map(String)
      .find((f) => f.endsWith(".md"));
    expect(doc).toBeTruthy();
    const sample = fs.readFileSync(path.join(a.knowledgeDir, doc as string), "utf8");
    const front = sample.match(/^---\n[\s\S]*?\n---\n/)?.[0] ?? "";
    const newDoc = front
      .replace(/^id:.*$/m, "id: harbour-lounge-access")
      .replace(/^title:.*$/m, "title: Harbour lounge access")
      .replace(/^version:.*$/m, 'version: "2026.9"');
    fs.writeFileSync(
      path.join(path.dirname(path.join(a.knowledgeDir, doc as string)), "harbour-lounge-access.md"),
      `${newDoc}\n# Harbour lounge access\n\nPremier customers get free access to the Quayside airport lounge with the zephyrine pass.\n`,
    );
    const before = (await call(b.base, "/healthz")).body["knowledgeVersion"];
    const reload = await call(a.base, "/v1/admin/knowledge/reload", {
      method: "POST",
      headers: { "x-admin-token": ADMIN },
      body: {},
    });
    expect(reload.status, JSON.stringify(reload.body)).toBe(200);
    const deadline = Date.now() + 20_000;
    let versions: unknown[] = [];
    while (Date.now() < deadline) {
      versions = await Promise.all([a, b].map(async (i) => (await call(i.base, "/healthz")).body["knowledgeVersion"]));
      if (versions[0] === versions[1] && versions[1] !== before) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(versions[1]).not.toBe(before);
    expect(versions[0]).toBe(versions[1]);
    for (const i of [a, b]) {
      const hit = await call(i.base, "/v1/knowledge/search?q=zephyrine+lounge+pass", {
        token: tokens.demo2,
      });
      expect(JSON.stringify(hit.body)).toContain("harbour-lounge-access");
    }
  });

  it("lose no committed turn when A is killed with SIGKILL mid-conversation; the customer carries on through B", async () => {
    const first = await call(a.base, "/v1/chat", {
      token: tokens.demo2,
      body: { message: "what are your card fees?" },
    });
    const sessionId = first.body["sessionId"] as string;
    await call(a.base, "/v1/chat", { token: tokens.demo2, body: { sessionId, message: "and for overdrafts?" } });
    // A third turn is in flight when A dies: it may or may not have committed, but nothing before it is lost.
    const inFlight = call(a.base, "/v1/chat", {
      token: tokens.demo2,
      body: { sessionId, message: "how do I report a lost card?" },
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 30));
    await a.stop("SIGKILL");
    await inFlight;
    // A's turn lock dies with it after its time to live; until then B says the conversation is busy, and the
    // customer's retry goes through.
    const killedAt = Date.now();
    let next = await call(b.base, "/v1/chat", { token: tokens.demo2, body: { sessionId, message: "thanks" } });
    while (next.status === 409 && Date.now() - killedAt < 40_000)
      next = await call(b.base, "/v1/chat", { token: tokens.demo2, body: { sessionId, message: "thanks" } });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    const history = await call(b.base, `/v1/sessions/${sessionId}`, { token: tokens.demo2 });
    const list = history.body["messages"] as { role: string; text: string }[];
    const users = list.filter((m) => m.role === "user").map((m) => m.text);
    expect(users.slice(0, 2)).toEqual(["what are your card fees?", "and for overdrafts?"]);
    expect(users.at(-1)).toBe("thanks");
    // Both committed turns kept their answers; the customer's next turn on B was answered too.
    expect(list.slice(0, 4).map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(list.at(-1)?.role).toBe("assistant");
  });
});
