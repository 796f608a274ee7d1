import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { ChatService } from "../../agent/chat-service.js";
import { createConversationEvents, type ConversationEvents } from "../../conversations/conversation-events.js";
import { createConversationStore, type ConversationStore } from "../../conversations/conversation-store.js";
import { createRedisConversationEvents } from "../../conversations/redis-conversation-events.js";
import { createStreamTickets, type StreamTickets } from "../../conversations/stream-tickets.js";
import { createSilentLogger } from "../../shared/logger.js";
import { TEST_REDIS_URL, testRedisPrefix, warnSkipped } from "../../shared/pg/test-database.test-helpers.js";
import { createErrorHandler } from "../error-handler.js";
import { createSseRegistry } from "../sse.js";
import { createChatRoutes } from "./chat-routes.js";

const unused = (): never => {
  throw new Error("not used by the events route");
};
const chat: ChatService = { handleMessage: unused, handleConfirmation: unused, readableSession: unused };
const servers: Server[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
  for (const c of cleanups.splice(0)) await c();
});

/** One instance of the service: its own event bus, the shared store and tickets. */
async function startInstance(store: ConversationStore, tickets: StreamTickets, events: ConversationEvents) {
  const app = express()
    .use(
      createChatRoutes({
        chat,
        store,
        events,
        streamTickets: tickets,
        sseRegistry: createSseRegistry({ maxPerIdentity: 10, maxPerAnonymousIp: 10, maxTotal: 10 }),
        logger: createSilentLogger(),
        maxMessageChars: 1000,
      }),
    )
    .use(createErrorHandler(createSilentLogger()));
  const server = app.listen(0);
  servers.push(server);
  await new Promise((r) => server.once("listening", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function sharedState() {
  const store = createConversationStore(":memory:");
  const tickets = createStreamTickets({ file: ":memory:" });
  cleanups.push(() => {
    store.close();
    tickets.close();
  });
  const session = store.createSession({
    owner: "customer:demo1",
    identity: { kind: "customer", customerId: "demo1" },
    locale: "en",
  });
  const ticket = (): string => {
    const issued = tickets.issue({ sessionId: session.id, holder: "customer:demo1" });
    if (!issued.ok) throw new Error(issued.error);
    return issued.value.ticket;
  };
  return { store, tickets, session, ticket };
}

/** Counts how often the store is read for a session's messages (the live poll). */
function countingReads(store: ConversationStore): { store: ConversationStore; reads: () => number } {
  let reads = 0;
  const wrapped = new Proxy(store, {
    get(target, property) {
      if (property === "listMessages")
        return (...args: Parameters<ConversationStore["listMessages"]>) => (reads++, target.listMessages(...args));
      return Reflect.get(target, property, target) as unknown;
    },
  });
  return { store: wrapped, reads: () => reads };
}

interface SseEvent {
  id?: string;
  event: string;
  data: { id?: number; text?: string };
}

/** Opens a live stream and collects its events until `enough` says so (or the time is up). */
async function readStream(
  url: string,
  headers: Record<string, string>,
  enough: (events: SseEvent[]) => boolean,
  options: { timeoutMs?: number; onOpen?: () => void } = {},
): Promise<SseEvent[]> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs ?? 3000);
  const events: SseEvent[] = [];
  try {
    const res = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: abort.signal });
    expect(res.status).toBe(200);
    options.onOpen?.();
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    while (reader && !enough(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = new Map(block.split("\n").map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 2)]));
        if (!fields.has("event")) continue;
        const id = fields.get("id");
        events.push({
          ...(id !== undefined ? { id } : {}),
          event: fields.get("event") ?? "",
          data: JSON.parse(fields.get("data") ?? "null") as SseEvent["data"],
        });
      }
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return events;
}

describe("live events resume", () => {
  it("replays every staff message after Last-Event-ID from the store, with ids, before live ones, once each", async () => {
    const { store, tickets, session, ticket } = sharedState();
    const events = createConversationEvents();
    const base = await startInstance(store, tickets, events);
    const first = store.appendMessage(session.id, { role: "staff", author: "Sam", text: "one" });
    store.appendMessage(session.id, { role: "user", text: "mine" });
    const second = store.appendMessage(session.id, { role: "staff", author: "Sam", text: "two" });
    const third = store.appendMessage(session.id, { role: "system", text: "three" });
    const got = await readStream(
      `${base}/v1/sessions/${session.id}/events?ticket=${ticket()}`,
      { "last-event-id": String(first.id) },
      (e) => e.length >= 3,
      {
        onOpen: () => {
          // Live: one already replayed (must not repeat) and a new one written now.
          events.publish(session.id, { type: "message", data: { ...second, role: "staff" } });
          const fourth = store.appendMessage(session.id, { role: "staff", author: "Sam", text: "four" });
          events.publish(session.id, { type: "message", data: { ...fourth, role: "staff" } });
        },
      },
    );
    expect(got.map((e) => [e.id, e.event, e.data.text])).toEqual([
      [String(second.id), "message", "two"],
      [String(third.id), "message", "three"],
      [String(third.id + 1), "message", "four"],
    ]);
  });

  it("takes the later of Last-Event-ID and `after`", async () => {
    const { store, tickets, session, ticket } = sharedState();
    const base = await startInstance(store, tickets, createConversationEvents());
    const a = store.appendMessage(session.id, { role: "staff", text: "a" });
    const b = store.appendMessage(session.id, { role: "staff", text: "b" });
    store.appendMessage(session.id, { role: "staff", text: "c" });
    const got = await readStream(
      `${base}/v1/sessions/${session.id}/events?ticket=${ticket()}&after=${b.id}`,
      { "last-event-id": String(a.id) },
      (e) => e.length >= 1,
    );
    expect(got.map((e) => e.data.text)).toEqual(["c"]);
  });

  it.each(["abc", "12a", "-1", "1".repeat(17), "99999999999999999", "1e3", "5 6"])(
    "refuses a malformed Last-Event-ID (%j) with a JSON 400, keeping the ticket usable",
    async (header) => {
      const { store, tickets, session, ticket } = sharedState();
      const base = await startInstance(store, tickets, createConversationEvents());
      const t = ticket();
      const res = await fetch(`${base}/v1/sessions/${session.id}/events?ticket=${t}`, {
        headers: { "last-event-id": header },
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.details[0]?.path).toBe("headers.last-event-id");
      expect(tickets.redeem(t, session.id).ok).toBe(true);
    },
  );

  it("polls the store every second when events stay in one process", async () => {
    const shared = sharedState();
    const counted = countingReads(shared.store);
    const base = await startInstance(counted.store, shared.tickets, createConversationEvents());
    await readStream(`${base}/v1/sessions/${shared.session.id}/events?ticket=${shared.ticket()}`, {}, () => false, {
      timeoutMs: 2500,
    });
    // One read to find the newest message, one catch-up on connect, then one per second.
    expect(counted.reads()).toBeGreaterThanOrEqual(4);
  });
});

if (!TEST_REDIS_URL) warnSkipped("Redis");

describe.runIf(TEST_REDIS_URL)("live events across instances over Redis", () => {
  const clients: Redis[] = [];
  afterAll(async () => {
    for (const c of clients) await c.quit();
  });
  const redisEvents = (prefix: string) => {
    const redis = new Redis(TEST_REDIS_URL ?? "");
    clients.push(redis);
    const events = createRedisConversationEvents({ redis, prefix });
    cleanups.push(() => events.close());
    return events;
  };

  it("delivers a staff reply taken by one instance to a stream on another at once, without polling the store", async () => {
    const shared = sharedState();
    const prefix = testRedisPrefix();
    const onA = redisEvents(prefix);
    const onB = redisEvents(prefix);
    const counted = countingReads(shared.store);
    const baseB = await startInstance(counted.store, shared.tickets, onB);
    const started = Date.now();
    let sentAt = 0;
    const got = await readStream(
      `${baseB}/v1/sessions/${shared.session.id}/events?ticket=${shared.ticket()}`,
      {},
      (e) => e.length >= 1,
      {
        timeoutMs: 4000,
        onOpen: () =>
          void setTimeout(() => {
            // Instance A stores the reply and publishes it; B's stream must hear it through Redis.
            const reply = shared.store.appendMessage(shared.session.id, { role: "staff", author: "Sam", text: "hi" });
            onA.publish(shared.session.id, { type: "message", data: { ...reply, role: "staff" } });
            sentAt = Date.now();
          }, 1500),
      },
    );
    expect(got.map((e) => e.data.text)).toEqual(["hi"]);
    expect(Date.now() - sentAt).toBeLessThan(500);
    expect(Date.now() - started).toBeLessThan(3000);
    // Only the reads made when the stream opened: no per-second poll with a shared bus.
    expect(counted.reads()).toBe(2);
  });

  it("lets a client resume on another instance with Last-Event-ID, getting each message exactly once", async () => {
    const shared = sharedState();
    const prefix = testRedisPrefix();
    const onA = redisEvents(prefix);
    const onB = redisEvents(prefix);
    const baseA = await startInstance(shared.store, shared.tickets, onA);
    const baseB = await startInstance(shared.store, shared.tickets, onB);
    const say = (text: string) => {
      const m = shared.store.appendMessage(shared.session.id, { role: "staff", author: "Sam", text });
      onA.publish(shared.session.id, { type: "message", data: { ...m, role: "staff" } });
    };
    const firstLeg = await readStream(
      `${baseA}/v1/sessions/${shared.session.id}/events?ticket=${shared.ticket()}`,
      {},
      (e) => e.length >= 1,
      { onOpen: () => void setTimeout(() => say("one"), 100) },
    );
    // Disconnected: these arrive while the client has no stream.
    say("two");
    say("three");
    const secondLeg = await readStream(
      `${baseB}/v1/sessions/${shared.session.id}/events?ticket=${shared.ticket()}`,
      { "last-event-id": firstLeg.at(-1)?.id ?? "" },
      (e) => e.length >= 3,
      { onOpen: () => void setTimeout(() => say("four"), 100) },
    );
    expect([...firstLeg, ...secondLeg].map((e) => e.data.text)).toEqual(["one", "two", "three", "four"]);
  });
});
