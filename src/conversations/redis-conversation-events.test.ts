import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationEvent } from "./conversation-events.js";
import { createRedisConversationEvents, type RedisConversationEvents } from "./redis-conversation-events.js";
import { TEST_REDIS_URL, testRedisPrefix, warnSkipped } from "../shared/pg/test-database.test-helpers.js";

if (!TEST_REDIS_URL) warnSkipped("Redis");

const staffReply = (id: number): ConversationEvent => ({
  type: "message",
  data: { id, role: "staff", author: "Sam", text: `reply ${id}`, createdAt: "2026-12-01T10:00:00.000Z" },
});

describe.runIf(TEST_REDIS_URL)("conversation events over Redis", () => {
  const prefix = testRedisPrefix();
  const clients: Redis[] = [];
  const buses: RedisConversationEvents[] = [];
  let admin: Redis;
  const instance = (maxSubscribers?: number): RedisConversationEvents => {
    const redis = new Redis(TEST_REDIS_URL ?? "");
    clients.push(redis);
    const bus = createRedisConversationEvents({ redis, prefix, ...(maxSubscribers ? { maxSubscribers } : {}) });
    buses.push(bus);
    return bus;
  };
  const subscribers = async (sessionId: string): Promise<number> => {
    const reply = (await admin.call("PUBSUB", "NUMSUB", `${prefix}events:${sessionId}`)) as [string, number];
    return Number(reply[1]);
  };
  const until = async (check: () => Promise<boolean> | boolean): Promise<void> => {
    for (let i = 0; i < 200; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error("timed out");
  };

  beforeAll(() => {
    admin = new Redis(TEST_REDIS_URL ?? "");
  });
  afterAll(async () => {
    for (const bus of buses) await bus.close();
    for (const c of [...clients, admin]) await c.quit();
  });

  it("delivers an event published on one instance to the subscribers of that session on another", async () => {
    const a = instance();
    const b = instance();
    expect(a.crossInstance).toBe(true);
    const onB: ConversationEvent[] = [];
    const onOther: ConversationEvent[] = [];
    b.subscribe("s-1", (e) => onB.push(e));
    b.subscribe("s-2", (e) => onOther.push(e));
    await until(async () => (await subscribers("s-1")) === 1 && (await subscribers("s-2")) === 1);
    a.publish("s-1", staffReply(7));
    a.publish("s-1", { type: "handoff", data: { ticketId: "T-1", status: "with_agent" } });
    await until(() => onB.length === 2);
    expect(onB).toEqual([staffReply(7), { type: "handoff", data: { ticketId: "T-1", status: "with_agent" } }]);
    expect(onOther).toEqual([]);
  });

  it("holds one Redis subscription per session however many local streams, and drops it after the last", async () => {
    const bus = instance();
    const got: number[] = [];
    const stops = [1, 2, 3].map((n) => bus.subscribe("s-3", () => got.push(n)));
    await until(async () => (await subscribers("s-3")) === 1);
    expect(await subscribers("s-3")).toBe(1);
    bus.publish("s-3", staffReply(1));
    await until(() => got.length === 3);
    stops[0]?.();
    stops[1]?.();
    expect(bus.size).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(await subscribers("s-3")).toBe(1);
    stops[2]?.();
    await until(async () => (await subscribers("s-3")) === 0);
    expect(bus.size).toBe(0);
  });

  it("keeps its subscriber cap, dropping the oldest subscription first", async () => {
    const bus = instance(2);
    const got: string[] = [];
    bus.subscribe("s-4", () => got.push("old"));
    bus.subscribe("s-5", () => got.push("b"));
    bus.subscribe("s-4", () => got.push("c"));
    expect(bus.size).toBe(2);
    await until(async () => (await subscribers("s-4")) === 1);
    bus.publish("s-4", staffReply(2));
    bus.publish("s-5", staffReply(3));
    await until(() => got.length === 2);
    expect(got.sort()).toEqual(["b", "c"]);
  });

  it("ignores payloads on its channels that are not conversation events", async () => {
    const bus = instance();
    const got: ConversationEvent[] = [];
    bus.subscribe("s-6", (e) => got.push(e));
    await until(async () => (await subscribers("s-6")) === 1);
    await admin.publish(`${prefix}events:s-6`, "not json");
    await admin.publish(`${prefix}events:s-6`, JSON.stringify({ type: "message", data: { id: "x" } }));
    bus.publish("s-6", staffReply(4));
    await until(() => got.length === 1);
    expect(got).toEqual([staffReply(4)]);
  });
});
