// Erasure: everything the assistant holds about one customer goes, nothing of another customer does, the erasure
// is audited in an append-only log, and erasing again finds nothing.
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import type { Identity } from "../../auth/identity.js";
import { openSqliteDatabase } from "../../shared/sqlite-database.js";
import { createConversationStore } from "../../conversations/conversation-store.js";
import {
  createCheckpointEraser,
  createCustomerErasure,
  CustomerIdSchema,
  type CustomerErasure,
} from "./customer-erasure.js";
import { createTestWorld, type TestWorld } from "./retention-test-world.test-helpers.js";

const demo1: Identity = { kind: "customer", customerId: "demo1" };
const demo2: Identity = { kind: "customer", customerId: "demo2" };
const MARKER = "Bartholomew";

let world: TestWorld | undefined;
afterEach(() => {
  world?.close();
  world = undefined;
});

function erasureOf(w: TestWorld): CustomerErasure {
  return createCustomerErasure({
    conversations: w.store.lifecycle,
    erasers: [createCheckpointEraser(w.checkpoints)],
    now: () => new Date("2026-11-29T12:00:00Z"),
  });
}

function chatBytes(w: TestWorld): string {
  return [w.chatFile, `${w.chatFile}-wal`]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString("latin1"))
    .join("");
}

describe("customer erasure", () => {
  it("erases every conversation, thread, trace, ticket and vault entry of the customer and nothing of another", async () => {
    const w = (world = createTestWorld());
    const { chat, store } = w;
    const pending = await chat.handleMessage({
      identity: demo1,
      message: `please freeze my card, my dog is called ${MARKER}`,
    });
    await chat.handleMessage({
      identity: demo1,
      sessionId: pending.sessionId,
      message: "my email is li@example.com, what are the fees for swift?",
    });
    const handoff = await chat.handleMessage({ identity: demo1, message: "I want to talk to a person" });
    const other = await chat.handleMessage({
      identity: demo2,
      message: "my email is wei@example.com, show my recent transactions",
    });
    expect(await w.hasThread(`${pending.sessionId}:aside`)).toBe(true);
    expect(chatBytes(w)).toContain(MARKER);

    const report = erasureOf(w).erase({ customerId: "demo1", actor: "staff:alice", reason: "erasure request REF-1" });

    expect(report.counts).toMatchObject({ sessions: 2, tickets: 1, checkpointThreads: 3, vaultEntries: 1 });
    expect(report.counts["messages"]).toBeGreaterThanOrEqual(4);
    expect(report.counts["traces"]).toBeGreaterThanOrEqual(3);
    for (const id of [pending.sessionId, handoff.sessionId]) {
      expect(store.getSession(id)).toBeUndefined();
      expect(store.listMessages(id)).toEqual([]);
      expect(store.listTraces(id)).toEqual([]);
      expect(w.vaultSize(id)).toBe(0);
      expect(await w.hasThread(id)).toBe(false);
      expect(await w.hasThread(`${id}:aside`)).toBe(false);
    }
    expect(store.getTicket(handoff.handoff?.ticketId ?? "")).toBeUndefined();
    expect(store.lifecycle.sessionsOfCustomer("demo1")).toEqual([]);
    expect(chatBytes(w)).not.toContain(MARKER);

    expect(store.getSession(other.sessionId)).toBeDefined();
    expect(store.listMessages(other.sessionId).length).toBeGreaterThan(0);
    expect(store.listTraces(other.sessionId).length).toBeGreaterThan(0);
    expect(w.vaultSize(other.sessionId)).toBe(1);
    expect(await w.hasThread(other.sessionId)).toBe(true);
  });

  it("records who erased what and why, and a second erasure finds nothing but is recorded too", async () => {
    const w = (world = createTestWorld());
    await w.chat.handleMessage({ identity: demo1, message: "show my recent transactions" });
    const erasure = erasureOf(w);
    const first = erasure.erase({ customerId: "demo1", actor: "staff:alice", reason: "erasure request REF-2" });
    const second = erasure.erase({ customerId: "demo1", actor: "cli:ops", reason: "repeat" });
    expect(Object.values(second.counts).every((n) => n === 0)).toBe(true);
    expect(Object.keys(second.counts).sort()).toEqual(Object.keys(first.counts).sort());
    const history = erasure.history("demo1");
    expect(history.map((e) => [e.id, e.actor, e.reason])).toEqual([
      [first.auditId, "staff:alice", "erasure request REF-2"],
      [second.auditId, "cli:ops", "repeat"],
    ]);
    expect(history[0]?.counts).toEqual(first.counts);
    expect(erasure.history("demo2")).toEqual([]);
  });

  it("answers zero counts for a customer the assistant holds nothing about", () => {
    const w = (world = createTestWorld());
    const r = erasureOf(w).erase({ customerId: "c999999", actor: "staff:alice", reason: "request" });
    expect(r.counts).toEqual({
      sessions: 0,
      messages: 0,
      tickets: 0,
      traces: 0,
      vaultEntries: 0,
      checkpointThreads: 0,
    });
  });

  it("keeps the audit log append-only, even to a direct SQL connection", async () => {
    const w = (world = createTestWorld());
    erasureOf(w).erase({ customerId: "demo1", actor: "staff:alice", reason: "request" });
    const db = openSqliteDatabase(w.chatFile, { namespace: "probe", migrations: [] });
    expect(() => db.prepare("UPDATE erasure_audit SET reason = 'edited'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM erasure_audit").run()).toThrow(/append-only/);
    db.close();
    expect(erasureOf(w).history("demo1")).toHaveLength(1);
  });

  it("refuses a customer id that is not one", () => {
    for (const bad of ["", "../x", "demo1; DROP TABLE sessions", "a".repeat(65), "%"])
      expect(CustomerIdSchema.safeParse(bad).success).toBe(false);
    expect(CustomerIdSchema.safeParse("c000123").success).toBe(true);
  });

  it("dates traces stamped with the old 1970 clock by their reply, so the first prune keeps recent ones", async () => {
    const w = (world = createTestWorld());
    const r = await w.chat.handleMessage({ identity: demo1, message: "show my recent transactions" });
    w.store.close();
    const db = openSqliteDatabase(w.chatFile, { namespace: "probe", migrations: [] });
    db.prepare("UPDATE traces SET created_at = '1970-01-01T00:00:01.000Z'").run();
    db.prepare("DELETE FROM schema_migrations WHERE namespace = 'conversation-lifecycle' AND version = 2").run();
    db.close();
    const reopened = createConversationStore(w.chatFile);
    const reply = reopened.listMessages(r.sessionId).find((m) => m.traceId);
    const probe = openSqliteDatabase(w.chatFile, { namespace: "probe", migrations: [] });
    const row = probe.prepare("SELECT created_at FROM traces WHERE id = ?").get(reply?.traceId) as
      { created_at: string } | undefined;
    probe.close();
    expect(row?.created_at).toBe(reply?.createdAt);
    reopened.close();
  });
});
