// The conversation store port's behaviours, run against every adapter: SQLite always, PostgreSQL when
// TEST_DATABASE_URL is set. "Instances" are two stores on one SQLite file, or two connections to one database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSyncPg, type SyncPg } from "../shared/pg/pg-sync.js";
import { createTestDatabase, TEST_DATABASE_URL, warnSkipped } from "../shared/pg/test-database.test-helpers.js";
import { createPiiVault } from "../shared/pii-vault.js";
import { createVaultCipher } from "../shared/vault-cipher.js";
import { createConversationStore, type ConversationStore } from "./conversation-store.js";
import { createPgConversationStore } from "./pg/pg-conversation-store.js";
import type { TurnTrace } from "./turn-trace.js";

/** A place several store instances can share, like the processes of one deployment. */
interface Backend {
  instance(): ConversationStore;
  done(): Promise<void>;
}

const sqliteBackend = async (): Promise<Backend> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conv-contract-"));
  const file = path.join(dir, "chat.sqlite");
  const stores: ConversationStore[] = [];
  return {
    instance() {
      const s = createConversationStore(file);
      stores.push(s);
      return s;
    },
    async done() {
      for (const s of stores) s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

const postgresBackend = async (): Promise<Backend> => {
  const t = await createTestDatabase();
  const connections: SyncPg[] = [];
  return {
    instance() {
      const db = openSyncPg(t.url, { name: "conversation-contract" });
      connections.push(db);
      return createPgConversationStore(db);
    },
    async done() {
      for (const db of connections) await db.close();
      await t.drop();
    },
  };
};

const adapters: [string, () => Promise<Backend>][] = [
  ["sqlite", sqliteBackend],
  ...(TEST_DATABASE_URL ? [["postgres", postgresBackend] as [string, () => Promise<Backend>]] : []),
];
if (!TEST_DATABASE_URL) warnSkipped("PostgreSQL");

const cipher = createVaultCipher("a-test-vault-key-0123456789abcdefghij");
const customer = (id: string) => ({ kind: "customer" as const, customerId: id });
const future = "9999-01-01T00:00:00.000Z";

function traceOf(traceId: string, sessionId: string, turn: number, reply = "ok"): TurnTrace {
  return {
    traceId,
    sessionId,
    turn,
    startedAt: "2026-01-01T00:00:00.000Z",
    identity: "customer",
    locale: "en",
    kind: "message",
    message: "hello",
    intent: { name: "greet", route: "chat", confidence: 0.9, top: [], outOfScope: false, lowConfidence: false },
    slots: {},
    retrieved: [],
    toolCalls: [],
    guardrails: [],
    provider: "fake",
    model: "fake",
    modelCalls: [],
    reply,
    citations: [],
    latencyMs: { route: 1, agent: 2, total: 3 },
  };
}

/** One backend and store per describe: a fresh database per block, not per test. */
function useStore(open: () => Promise<Backend>): { backend: () => Backend; store: () => ConversationStore } {
  let backend: Backend | undefined;
  let store: ConversationStore | undefined;
  beforeAll(async () => {
    backend = await open();
    store = backend.instance();
  });
  afterAll(async () => backend?.done());
  return {
    backend: () => {
      if (!backend) throw new Error("not open");
      return backend;
    },
    store: () => {
      if (!store) throw new Error("not open");
      return store;
    },
  };
}

describe.each(adapters)("conversation store (%s)", (_name, open) => {
  describe("sessions and messages", () => {
    const ctx = useStore(open);

    it("creates a conversation with a fresh id in bot mode and reads it back; an unknown id reads as undefined", () => {
      const s = ctx.store().createSession({ owner: "customer:demo1", identity: customer("demo1"), locale: "en" });
      expect(s.id).toMatch(/^[0-9a-f]{32}$/);
      expect(s).toMatchObject({ mode: "bot", state: { turns: 0 }, locale: "en" });
      expect(ctx.store().getSession(s.id)).toEqual(s);
      expect(ctx.store().getSession("no-such-session")).toBeUndefined();
    });

    it("updates only the patched fields and moves updatedAt", async () => {
      const s = ctx
        .store()
        .createSession({ id: "sess-upd-1", owner: "anon-1", identity: { kind: "anonymous" }, locale: "en" });
      await new Promise((r) => setTimeout(r, 5));
      ctx.store().updateSession(s.id, { mode: "human" });
      ctx.store().updateSession(s.id, { state: { turns: 3, lastIntent: "card_lost" } });
      const got = ctx.store().getSession(s.id);
      expect(got).toMatchObject({ mode: "human", locale: "en", state: { turns: 3, lastIntent: "card_lost" } });
      expect(got && got.updatedAt > s.updatedAt).toBe(true);
      expect(got?.createdAt).toBe(s.createdAt);
    });

    it("appends messages with growing ids, lists those after an id, and omits absent author and trace", () => {
      const s = ctx
        .store()
        .createSession({ id: "sess-msg-1", owner: "anon-2", identity: { kind: "anonymous" }, locale: "en" });
      const a = ctx.store().appendMessage(s.id, { role: "user", text: "hello [CARD_1]" });
      const b = ctx.store().appendMessage(s.id, { role: "assistant", text: "hi", traceId: "tr-1" });
      const c = ctx.store().appendMessage(s.id, { role: "staff", text: "alice here", author: "alice" });
      expect(a.id).toBeLessThan(b.id);
      expect(b.id).toBeLessThan(c.id);
      expect(a).not.toHaveProperty("author");
      expect(a).not.toHaveProperty("traceId");
      expect(ctx.store().listMessages(s.id)).toEqual([a, b, c]);
      expect(ctx.store().listMessages(s.id, a.id)).toEqual([b, c]);
      expect(ctx.store().listMessages(s.id, c.id)).toEqual([]);
    });

    it("refuses a message for a conversation that does not exist", () => {
      expect(() => ctx.store().appendMessage("sess-missing", { role: "user", text: "x" })).toThrow();
    });

    it("lists conversations newest first with their last message and count, by exact owner or owner prefix", async () => {
      const store = ctx.store();
      const one = store.createSession({
        id: "sess-list-1",
        owner: "customer:demo1",
        identity: customer("demo1"),
        locale: "en",
      });
      await new Promise((r) => setTimeout(r, 3));
      const ten = store.createSession({
        id: "sess-list-10",
        owner: "customer:demo10",
        identity: customer("demo10"),
        locale: "zh-CN",
      });
      await new Promise((r) => setTimeout(r, 3));
      const staff = store.createSession({
        id: "sess-list-s",
        owner: "staff:alice",
        identity: { kind: "anonymous" },
        locale: "en",
      });
      store.appendMessage(one.id, { role: "user", text: "first" });
      store.appendMessage(one.id, { role: "assistant", text: "second" });

      const exact = store.listSessions({ limit: 50, owner: "customer:demo1" });
      expect(exact.map((s) => s.id).sort()).toEqual(
        store
          .listSessions({ limit: 50 })
          .filter((s) => s.owner === "customer:demo1")
          .map((s) => s.id)
          .sort(),
      );
      const mine = exact.find((s) => s.id === one.id);
      expect(mine).toMatchObject({ lastMessage: "second", messageCount: 2 });
      expect(exact.some((s) => s.id === ten.id)).toBe(false);

      const prefixed = store.listSessions({ limit: 50, ownerPrefix: "customer:demo1" }).map((s) => s.id);
      expect(prefixed).toEqual(expect.arrayContaining([one.id, ten.id]));
      expect(prefixed).not.toContain(staff.id);
      const quiet = store.listSessions({ limit: 50, owner: "customer:demo10" })[0];
      expect(quiet).toMatchObject({ id: ten.id, messageCount: 0, locale: "zh-CN" });
      expect(quiet).not.toHaveProperty("lastMessage");

      const all = store.listSessions({ limit: 50 });
      const times = all.map((s) => s.updatedAt);
      expect(times).toEqual([...times].sort().reverse());
      expect(store.listSessions({ limit: 2 })).toHaveLength(2);
    });
  });

  describe("two instances", () => {
    const ctx = useStore(open);

    it("numbers messages of one conversation strictly increasing whichever instance appends, and both see all", () => {
      const a = ctx.store();
      const b = ctx.backend().instance();
      const s = a.createSession({
        id: "sess-two-1",
        owner: "customer:demo1",
        identity: customer("demo1"),
        locale: "en",
      });
      const ids: number[] = [];
      for (let i = 0; i < 20; i++)
        ids.push((i % 2 === 0 ? a : b).appendMessage(s.id, { role: "user", text: `m${i}` }).id);
      for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1] ?? Infinity);
      expect(a.listMessages(s.id).map((m) => m.id)).toEqual(ids);
      expect(b.listMessages(s.id).map((m) => m.text)).toEqual(ids.map((_, i) => `m${i}`));
      expect(b.listMessages(s.id, ids[9]).map((m) => m.id)).toEqual(ids.slice(10));
    });

    it("shares one sealed PII vault: the same value keeps its placeholder, and either instance resolves it", () => {
      const a = ctx.store();
      const b = ctx.backend().instance();
      a.createSession({ id: "sess-vault-1", owner: "customer:demo1", identity: customer("demo1"), locale: "en" });
      const va = createPiiVault({ backing: a.vaultBacking("sess-vault-1", cipher) });
      const vb = createPiiVault({ backing: b.vaultBacking("sess-vault-1", cipher) });
      expect(va.redact("card 4111 1111 1111 1111").text).toBe("card [CARD_1]");
      expect(vb.redact("again 4111111111111111, and 5500 0000 0000 0004").text).toBe("again [CARD_1], and [CARD_2]");
      expect(va.resolve("[CARD_2]")).toEqual({ kind: "card", value: "5500000000000004" });
      expect(vb.resolve("[CARD_9]")).toBeUndefined();
      expect(va.size()).toBe(2);
      // Another conversation's vault starts its own numbering.
      expect(createPiiVault({ backing: b.vaultBacking("sess-vault-2", cipher) }).redact("4111111111111111").text).toBe(
        "[CARD_1]",
      );
    });

    it("takes the next number when another instance claimed a placeholder between count and insert", () => {
      const a = ctx.store().vaultBacking("sess-vault-3", cipher);
      const b = ctx.backend().instance().vaultBacking("sess-vault-3", cipher);
      expect(a.add("card", "4111111111111111", "CARD")).toBe("[CARD_1]");
      // b adds a different value of the same kind: the count says 1, so it gets 2.
      expect(b.add("card", "5500000000000004", "CARD")).toBe("[CARD_2]");
      // Adding an existing value again returns the existing placeholder instead of a duplicate.
      expect(a.add("card", "5500000000000004", "CARD")).toBe("[CARD_2]");
      expect(b.size()).toBe(2);
    });
  });

  describe("tickets and the handoff queue", () => {
    const ctx = useStore(open);
    const openFor = (id: string, owner: string) => {
      ctx.store().createSession({
        id,
        owner,
        identity: owner.startsWith("anon") ? { kind: "anonymous" } : customer(owner),
        locale: "en",
      });
      return ctx.store().openTicket(id, `help ${id}`);
    };

    it("opens a waiting ticket, assigns it and keeps the staff member when only the status changes", () => {
      const t = openFor("sess-tk-0", "demo9");
      expect(t.id).toMatch(/^T-[0-9A-F]{8}$/);
      expect(ctx.store().getTicket(t.id)).toEqual(t);
      ctx.store().updateTicket(t.id, { status: "with_agent", staffId: "bob" });
      ctx.store().updateTicket(t.id, { status: "closed" });
      expect(ctx.store().getTicket(t.id)).toMatchObject({ status: "closed", staffId: "bob", sessionId: "sess-tk-0" });
      expect(ctx.store().getTicket("T-NOPE")).toBeUndefined();
    });

    it("lists every open ticket however many closed ones there are, waiting first and oldest first, page by page", () => {
      const store = ctx.store();
      const real = openFor("sess-real-1", "demo1");
      const taken = openFor("sess-taken-1", "demo2");
      store.updateTicket(taken.id, { status: "with_agent", staffId: "alice" });
      for (let i = 0; i < 250; i++)
        store.updateTicket(openFor(`sess-anon-${String(i).padStart(4, "0")}`, "anonymous").id, { status: "closed" });
      const later = openFor("sess-real-2", "demo3");

      const first = store.listTicketQueue({ limit: 2 });
      expect(first.tickets.map((t) => t.id)).toEqual([real.id, later.id]);
      expect(first.tickets.every((t) => t.identified)).toBe(true);
      expect(first.counts).toEqual({ waiting: 2, with_agent: 1, waitingIdentified: 2 });
      expect(first.next).toBeDefined();
      const second = store.listTicketQueue({ limit: 2, ...(first.next ? { after: first.next } : {}) });
      expect(second.tickets.map((t) => t.id)).toEqual([taken.id]);
      expect(second.tickets[0]).toMatchObject({ status: "with_agent", staffId: "alice", identified: true });
      expect(second.next).toBeUndefined();
      for (const t of [real, taken, later]) store.updateTicket(t.id, { status: "closed" });
      expect(store.listTicketQueue({ limit: 5 })).toEqual({
        tickets: [],
        counts: { waiting: 0, with_agent: 0, waitingIdentified: 0 },
      });
    });

    it("puts a signed-in customer's waiting ticket on the first page ahead of 250 older anonymous ones, and pages reach them all", () => {
      const store = ctx.store();
      const anonymous = Array.from({ length: 250 }, (_, i) => {
        const s = store.createSession({ owner: `anon-${i}`, identity: { kind: "anonymous" }, locale: "en" });
        return store.openTicket(s.id, "flood").id;
      });
      const c = store.createSession({ owner: "customer:demo2", identity: customer("demo2"), locale: "en" });
      const mine = store.openTicket(c.id, "card question");

      const first = store.listTicketQueue({ limit: 200 });
      expect(first.tickets[0]).toMatchObject({ id: mine.id, identified: true });
      expect(first.tickets[1]).toMatchObject({ id: anonymous[0], identified: false });
      expect(first.counts).toEqual({ waiting: 251, with_agent: 0, waitingIdentified: 1 });
      const seen = first.tickets.map((t) => t.id);
      let next = first.next;
      while (next) {
        const page = store.listTicketQueue({ limit: 200, after: next });
        seen.push(...page.tickets.map((t) => t.id));
        next = page.next;
      }
      expect(seen).toEqual([mine.id, ...anonymous]);
    });
  });

  describe("traces", () => {
    const ctx = useStore(open);

    it("saves traces, lists a conversation's by turn, replaces one saved again, and reads one by id", () => {
      const store = ctx.store();
      store.saveTrace(traceOf("tr-b", "sess-tr-1", 2));
      store.saveTrace(traceOf("tr-a", "sess-tr-1", 1));
      store.saveTrace(traceOf("tr-x", "sess-tr-2", 1));
      store.saveTrace(traceOf("tr-b", "sess-tr-1", 2, "edited"));
      expect(store.listTraces("sess-tr-1").map((t) => [t.traceId, t.reply])).toEqual([
        ["tr-a", "ok"],
        ["tr-b", "edited"],
      ]);
      expect(store.getTrace("tr-x")).toEqual(traceOf("tr-x", "sess-tr-2", 1));
      expect(store.getTrace("tr-none")).toBeUndefined();
    });

    it("lists traces stored in a time range oldest first, bounded by the limit", async () => {
      const store = ctx.store();
      const from = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 3));
      for (let i = 0; i < 5; i++) store.saveTrace(traceOf(`tr-range-${i}`, "sess-tr-3", i));
      await new Promise((r) => setTimeout(r, 3));
      const to = new Date().toISOString();
      expect(store.listTracesBetween(from, to, 10).map((t) => t.traceId)).toEqual(
        [0, 1, 2, 3, 4].map((i) => `tr-range-${i}`),
      );
      expect(store.listTracesBetween(from, to, 2).map((t) => t.traceId)).toEqual(["tr-range-0", "tr-range-1"]);
      expect(store.listTracesBetween(to, future, 10)).toEqual([]);
    });
  });

  describe("lifecycle", () => {
    const ctx = useStore(open);
    /** A conversation with two messages, a trace and a vault entry. */
    const seed = (id: string, owner: string) => {
      const store = ctx.store();
      store.createSession({
        id,
        owner,
        identity: owner.startsWith("customer:") ? customer(owner.slice(9)) : { kind: "anonymous" },
        locale: "en",
      });
      store.appendMessage(id, { role: "user", text: "hi" });
      store.appendMessage(id, { role: "assistant", text: "hello", traceId: `tr-${id}` });
      store.saveTrace(traceOf(`tr-${id}`, id, 1));
      store.vaultBacking(id, cipher).add("card", "4111111111111111", "CARD");
    };

    it("finds a customer's conversations and erases them with everything hanging off them, recording the erasure", () => {
      const { store } = { store: ctx.store() };
      seed("sess-er-2", "customer:er1");
      seed("sess-er-1", "customer:er1");
      seed("sess-er-other", "customer:er10");
      store.openTicket("sess-er-1", "please help");
      const lc = store.lifecycle;
      expect(lc.sessionsOfCustomer("er1")).toEqual(["sess-er-1", "sess-er-2"]);

      const audit = { at: "2026-12-01T10:00:00.000Z", actor: "staff:dpo", customerId: "er1", reason: "GDPR art. 17" };
      const { counts, entry } = lc.eraseConversations(["sess-er-1", "sess-er-2", "sess-er-1"], {
        ...audit,
        counts: { checkpoints: 4 },
      });
      expect(counts).toEqual({ sessions: 2, messages: 4, tickets: 1, traces: 2, vaultEntries: 2 });
      expect(entry).toMatchObject({ ...audit, counts: { ...counts, checkpoints: 4 } });
      expect(lc.listErasures("er1")).toEqual([entry]);
      expect(lc.sessionsOfCustomer("er1")).toEqual([]);
      expect(store.getSession("sess-er-1")).toBeUndefined();
      expect(store.listMessages("sess-er-1")).toEqual([]);
      expect(store.listTraces("sess-er-2")).toEqual([]);
      expect(store.vaultBacking("sess-er-2", cipher).size()).toBe(0);
      expect(store.listMessages("sess-er-other")).toHaveLength(2);

      const again = lc.eraseConversations([], { ...audit, counts: {} });
      expect(again.counts).toEqual({ sessions: 0, messages: 0, tickets: 0, traces: 0, vaultEntries: 0 });
      expect(again.entry.id).toBeGreaterThan(entry.id);
      expect(lc.listErasures("er1").map((e) => e.id)).toEqual([entry.id, again.entry.id]);
      expect(lc.listErasures("nobody")).toEqual([]);
    });

    it("tells protected, idle and existing conversations apart, and deletes idle ones only if still idle", () => {
      const store = ctx.store();
      const lc = store.lifecycle;
      seed("sess-idle-1", "anon-i1");
      seed("sess-human-1", "anon-i2");
      seed("sess-ticket-1", "anon-i3");
      seed("sess-closed-1", "anon-i4");
      store.updateSession("sess-human-1", { mode: "human" });
      store.openTicket("sess-ticket-1", "open");
      store.updateTicket(store.openTicket("sess-closed-1", "done").id, { status: "closed" });
      const all = ["sess-idle-1", "sess-human-1", "sess-ticket-1", "sess-closed-1", "sess-none"];

      expect([...lc.protectedSessions(all)]).toEqual(["sess-human-1", "sess-ticket-1"]);
      expect([...lc.existingSessions(all)]).toEqual(all.slice(0, 4));
      expect([...lc.idleAmong(all, future)]).toEqual(["sess-idle-1", "sess-closed-1"]);
      expect(lc.idleAmong(all, "2000-01-01T00:00:00.000Z").size).toBe(0);
      expect(lc.protectedSessions([]).size).toBe(0);
      const idle = lc.idleSessions(future, 100);
      expect(idle).toEqual(expect.arrayContaining(["sess-closed-1", "sess-idle-1"]));
      expect(idle).not.toContain("sess-human-1");
      expect(idle).not.toContain("sess-ticket-1");
      expect(lc.idleSessions(future, 1)).toHaveLength(1);

      const past = "2000-01-01T00:00:00.000Z";
      expect(lc.deleteIdleConversations(["sess-idle-1"], past)).toEqual({
        deleted: [],
        counts: { sessions: 0, messages: 0, tickets: 0, traces: 0, vaultEntries: 0 },
      });
      const gone = lc.deleteIdleConversations(["sess-idle-1", "sess-human-1", "sess-closed-1"], future);
      expect(gone.deleted).toEqual(["sess-idle-1", "sess-closed-1"]);
      expect(gone.counts).toEqual({ sessions: 2, messages: 4, tickets: 1, traces: 2, vaultEntries: 2 });
      expect(store.getSession("sess-human-1")).toBeDefined();
      expect([...lc.existingSessions(all)]).toEqual(["sess-human-1", "sess-ticket-1"]);
    });

    it("deletes old traces outside protected conversations and unlinks them from their replies", () => {
      const store = ctx.store();
      const lc = store.lifecycle;
      seed("sess-old-1", "anon-o1");
      seed("sess-old-2", "anon-o2");
      store.updateSession("sess-old-2", { mode: "human" });
      expect(lc.deleteOldTraces("2000-01-01T00:00:00.000Z", 10)).toBe(0);
      expect(lc.deleteOldTraces(future, 100)).toBeGreaterThanOrEqual(1);
      expect(store.getTrace("tr-sess-old-1")).toBeUndefined();
      expect(store.getTrace("tr-sess-old-2")).toBeDefined();
      expect(store.listMessages("sess-old-1").map((m) => m.traceId)).toEqual([undefined, undefined]);
      expect(store.listMessages("sess-old-2")[1]?.traceId).toBe("tr-sess-old-2");
    });

    it("finds idle working memory and drops the vault and waiting action but keeps the rest of the state", () => {
      const store = ctx.store();
      const lc = store.lifecycle;
      seed("sess-mem-1", "anon-m1");
      store.createSession({ id: "sess-mem-2", owner: "anon-m2", identity: { kind: "anonymous" }, locale: "en" });
      store.updateSession("sess-mem-2", {
        state: {
          turns: 4,
          ticketId: "T-1",
          awaiting: { intent: "card_lost", route: "bank", slot: "card" },
          pending: {
            id: "p1",
            action: "freeze",
            summary: "freeze card",
            route: "bank",
            intent: "card_lost",
            confidence: 0.9,
          },
        },
      });
      store.createSession({ id: "sess-mem-3", owner: "anon-m3", identity: { kind: "anonymous" }, locale: "en" });
      const found = lc.sessionsWithIdleWorkingMemory(future, 100);
      expect(found).toEqual(expect.arrayContaining(["sess-mem-1", "sess-mem-2"]));
      expect(found).not.toContain("sess-mem-3");
      expect(lc.sessionsWithIdleWorkingMemory("2000-01-01T00:00:00.000Z", 100)).toEqual([]);

      expect(lc.dropWorkingMemory(["sess-mem-1", "sess-mem-2", "sess-mem-1"])).toBe(1);
      expect(lc.dropWorkingMemory([])).toBe(0);
      expect(store.vaultBacking("sess-mem-1", cipher).size()).toBe(0);
      expect(store.getSession("sess-mem-2")?.state).toEqual({ turns: 4, ticketId: "T-1" });
      const after = lc.sessionsWithIdleWorkingMemory(future, 100);
      expect(after).not.toContain("sess-mem-1");
      expect(after).not.toContain("sess-mem-2");
    });

    it("deletes traces and vault rows left behind by conversations that no longer exist", () => {
      const store = ctx.store();
      store.saveTrace(traceOf("tr-orphan", "sess-gone", 1));
      store.vaultBacking("sess-gone", cipher).add("email", "A@B.EXAMPLE", "EMAIL");
      seed("sess-kept", "anon-k");
      expect(store.lifecycle.deleteOrphans()).toEqual({ traces: 1, vaultEntries: 1 });
      expect(store.getTrace("tr-orphan")).toBeUndefined();
      expect(store.getTrace("tr-sess-kept")).toBeDefined();
      expect(store.lifecycle.deleteOrphans()).toEqual({ traces: 0, vaultEntries: 0 });
    });
  });
});

describe.runIf(TEST_DATABASE_URL)("conversation store (postgres only)", () => {
  let db: SyncPg | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const t = await createTestDatabase();
    drop = t.drop;
    db = openSyncPg(t.url, { name: "conversation-contract-pg" });
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });
  const conn = (): SyncPg => {
    if (!db) throw new Error("not open");
    return db;
  };

  it("keeps vault values sealed, erases a conversation's feedback with it, and keeps the audit log append-only", () => {
    const store = createPgConversationStore(conn());
    store.createSession({ id: "sess-pg-1", owner: "customer:pg1", identity: customer("pg1"), locale: "en" });
    createPiiVault({ backing: store.vaultBacking("sess-pg-1", cipher) }).redact("card 4111 1111 1111 1111");
    const stored = conn().query<{ sealed: string; fingerprint: string }>("SELECT sealed, fingerprint FROM vault");
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain("4111111111111111");
    conn().run(
      "INSERT INTO feedback (id, session_id, kind, locale, created_at) VALUES ('fb-1', 'sess-pg-1', 'csat', 'en', $1)",
      [new Date().toISOString()],
    );
    const audit = {
      at: new Date().toISOString(),
      actor: "staff:dpo",
      customerId: "pg1",
      reason: "request",
      counts: {},
    };
    expect(store.lifecycle.eraseConversations(["sess-pg-1"], audit).counts.sessions).toBe(1);
    expect(conn().query("SELECT id FROM feedback WHERE session_id = 'sess-pg-1'")).toEqual([]);
    expect(() => conn().run("UPDATE erasure_audit SET reason = 'changed'")).toThrow(/append-only/);
    expect(() => conn().run("DELETE FROM erasure_audit")).toThrow(/append-only/);
    expect(store.lifecycle.listErasures("pg1")).toHaveLength(1);
  });

  it("appends a message in one statement", () => {
    const store = createPgConversationStore(conn());
    store.createSession({ id: "sess-pg-2", owner: "anon-pg", identity: { kind: "anonymous" }, locale: "en" });
    const before = conn().statements;
    store.appendMessage("sess-pg-2", { role: "user", text: "hello" });
    expect(conn().statements - before).toBe(1);
  });
});
