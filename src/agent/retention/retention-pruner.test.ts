// Retention: the prune deletes what is past its period and keeps what is fresh or being handled, leaves no orphan
// rows, and a second run finds nothing to do.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Identity } from "../../auth/identity.js";
import { createRetentionPruner } from "./retention-pruner.js";
import { createTestWorld, type TestWorld } from "./retention-test-world.test-helpers.js";

const demo1: Identity = { kind: "customer", customerId: "demo1" };
const demo2: Identity = { kind: "customer", customerId: "demo2" };
const OLD = new Date("2025-12-01T09:00:00Z");
const MID = new Date("2026-06-01T09:00:00Z");
const NOW = new Date("2026-11-29T12:00:00Z");
const POLICY = { transcriptDays: 300, traceDays: 100, checkpointDays: 30 };

let world: TestWorld | undefined;
afterEach(() => {
  vi.useRealTimers();
  world?.close();
  world = undefined;
});

describe("retention prune", () => {
  it("deletes idle conversations whole, old traces and idle working memory, and keeps fresh and handled ones", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const w = (world = createTestWorld());
    const { chat, store } = w;

    vi.setSystemTime(OLD);
    const old = await chat.handleMessage({ identity: demo1, message: "show my recent transactions" });
    await chat.handleMessage({
      identity: demo1,
      sessionId: old.sessionId,
      message: "my email is li@example.com, what are the fees for swift?",
    });
    const closed = await chat.handleMessage({ identity: demo1, message: "I want to talk to a person" });
    const closedTicket = closed.handoff?.ticketId ?? "";
    store.updateTicket(closedTicket, { status: "closed", staffId: "alice" });
    store.updateSession(closed.sessionId, { mode: "bot" });
    const handled = await chat.handleMessage({ identity: demo2, message: "I want to talk to a person" });
    expect(store.getSession(handled.sessionId)?.mode).toBe("human");

    vi.setSystemTime(MID);
    const mid = await chat.handleMessage({ identity: demo1, message: "please freeze my card" });
    expect(mid.pendingConfirmation).toBeDefined();
    await chat.handleMessage({
      identity: demo1,
      sessionId: mid.sessionId,
      message: "my email is li@example.com, what are the fees for swift?",
    });
    expect(await w.hasThread(`${mid.sessionId}:aside`)).toBe(true);

    vi.setSystemTime(NOW);
    const fresh = await chat.handleMessage({
      identity: demo2,
      message: "my email is wei@example.com, show my recent transactions",
    });
    const tuple = await w.checkpoints.saver.getTuple({ configurable: { thread_id: fresh.sessionId } });
    if (!tuple) throw new Error("the fresh turn wrote no checkpoint");
    await w.checkpoints.saver.put(
      { configurable: { thread_id: "ghost", checkpoint_ns: "" } },
      tuple.checkpoint,
      tuple.metadata ?? { source: "input", step: -1, parents: {} },
      {},
    );
    const freshTrace = store.listTraces(fresh.sessionId)[0];
    if (!freshTrace) throw new Error("the fresh turn wrote no trace");
    store.saveTrace({ ...freshTrace, traceId: "ghost-trace", sessionId: "ghost" });

    const pruner = createRetentionPruner({
      conversations: store.lifecycle,
      checkpoints: w.checkpoints,
      policy: POLICY,
      now: () => NOW,
      batchSize: 2,
    });
    const report = await pruner.prune();

    for (const id of [old.sessionId, closed.sessionId]) {
      expect(store.getSession(id)).toBeUndefined();
      expect(store.listMessages(id)).toEqual([]);
      expect(store.listTraces(id)).toEqual([]);
      expect(w.vaultSize(id)).toBe(0);
      expect(await w.hasThread(id)).toBe(false);
    }
    expect(store.getTicket(closedTicket)).toBeUndefined();

    expect(store.getSession(handled.sessionId)?.mode).toBe("human");
    expect(store.listMessages(handled.sessionId).length).toBeGreaterThan(0);
    expect(store.listTraces(handled.sessionId).length).toBeGreaterThan(0);
    expect(store.getTicket(handled.handoff?.ticketId ?? "")?.status).toBe("waiting");

    const midSession = store.getSession(mid.sessionId);
    expect(midSession?.state.pending).toBeUndefined();
    expect(store.listMessages(mid.sessionId).length).toBeGreaterThan(0);
    expect(store.listMessages(mid.sessionId).every((m) => m.traceId === undefined)).toBe(true);
    expect(store.listTraces(mid.sessionId)).toEqual([]);
    expect(w.vaultSize(mid.sessionId)).toBe(0);
    expect(await w.hasThread(mid.sessionId)).toBe(false);
    expect(await w.hasThread(`${mid.sessionId}:aside`)).toBe(false);

    expect(store.listMessages(fresh.sessionId).length).toBeGreaterThan(0);
    expect(store.listTraces(fresh.sessionId).length).toBe(1);
    expect(w.vaultSize(fresh.sessionId)).toBe(1);
    expect(await w.hasThread(fresh.sessionId)).toBe(true);

    expect(await w.hasThread("ghost")).toBe(false);
    expect(store.getTrace("ghost-trace")).toBeUndefined();

    expect(report.conversations.sessions).toBe(2);
    expect(report.conversations.tickets).toBe(1);
    expect(report.workingMemory.sessions).toBe(1);
    expect(report.orphans).toEqual({ checkpointThreads: 1, traces: 1, vaultEntries: 0 });

    const again = await pruner.prune();
    expect({ ...again, ms: 0 }).toEqual({
      conversations: { sessions: 0, messages: 0, tickets: 0, traces: 0, vaultEntries: 0 },
      traces: 0,
      checkpointThreads: 0,
      workingMemory: { sessions: 0, vaultEntries: 0 },
      orphans: { checkpointThreads: 0, traces: 0, vaultEntries: 0 },
      other: {},
      ms: 0,
    });
  });

  it("keeps a conversation whose customer came back since it was listed as idle", async () => {
    const w = (world = createTestWorld());
    const r = await w.chat.handleMessage({ identity: demo1, message: "show my recent transactions" });
    const future = new Date(Date.now() + 400 * 86_400_000).toISOString();
    expect(w.store.lifecycle.idleSessions(future, 10)).toEqual([r.sessionId]);
    expect(
      w.store.lifecycle.deleteIdleConversations([r.sessionId], new Date(Date.now() - 1000).toISOString()).deleted,
    ).toEqual([]);
    expect(w.store.getSession(r.sessionId)).toBeDefined();
  });

  it("stops between batches when asked to (shutdown)", async () => {
    const w = (world = createTestWorld());
    for (let i = 0; i < 3; i++) await w.chat.handleMessage({ identity: demo1, message: "show my recent transactions" });
    const pruner = createRetentionPruner({
      conversations: w.store.lifecycle,
      checkpoints: w.checkpoints,
      policy: POLICY,
      now: () => new Date(Date.now() + 400 * 86_400_000),
      batchSize: 1,
    });
    let asked = 0;
    const report = await pruner.prune({ shouldStop: () => ++asked > 1 });
    expect(report.conversations.sessions).toBe(1);
  });
});
