// The stream-ticket port's behaviours, run against every adapter: SQLite always, PostgreSQL when TEST_DATABASE_URL
// is set. "Instances" are two stores on one SQLite file, or two connections to one database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSyncPg, type SyncPg } from "../shared/pg/pg-sync.js";
import { createTestDatabase, TEST_DATABASE_URL, warnSkipped } from "../shared/pg/test-database.test-helpers.js";
import { createPgStreamTickets } from "./pg/pg-stream-tickets.js";
import type { StreamTicketLimits } from "./stream-ticket-rules.js";
import { createStreamTickets, StreamTicketTextSchema, type StreamTickets } from "./stream-tickets.js";

/** A place several ticket stores can share, like the processes of one deployment. */
interface Backend {
  instance(limits?: StreamTicketLimits): StreamTickets;
  done(): Promise<void>;
}

const sqliteBackend = async (): Promise<Backend> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tickets-contract-"));
  const file = path.join(dir, "t.sqlite");
  const stores: StreamTickets[] = [];
  return {
    instance(limits = {}) {
      const s = createStreamTickets({ ...limits, file });
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
    instance(limits = {}) {
      const db = openSyncPg(t.url, { name: "stream-tickets-contract" });
      connections.push(db);
      return createPgStreamTickets(db, limits);
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

describe.each(adapters)("stream tickets (%s)", (_name, open) => {
  let backend: Backend | undefined;
  beforeAll(async () => {
    backend = await open();
  });
  afterAll(async () => backend?.done());
  const instance = (limits?: StreamTicketLimits): StreamTickets => {
    if (!backend) throw new Error("not open");
    return backend.instance(limits);
  };
  // Every test has holders of its own, since the table is shared by the whole block.
  let holders = 0;
  const grantFor = (sessionId = "sessionA1") => ({ sessionId, holder: `customer:h${++holders}` });

  it("opens the session it was issued for exactly once", () => {
    const tickets = instance();
    const grant = grantFor();
    const issued = tickets.issue(grant);
    if (!issued.ok) throw new Error("not issued");
    expect(StreamTicketTextSchema.safeParse(issued.value.ticket).success).toBe(true);
    expect(issued.value.expiresInSeconds).toBe(60);
    expect(tickets.redeem(issued.value.ticket, "sessionA1")).toEqual({ ok: true, value: grant });
    expect(tickets.redeem(issued.value.ticket, "sessionA1")).toEqual({ ok: false, error: "unknown_ticket" });
  });

  it("refuses a ticket nobody issued", () => {
    expect(instance().redeem("A".repeat(43), "sessionA1")).toEqual({ ok: false, error: "unknown_ticket" });
  });

  it("refuses a ticket for another session and burns it", () => {
    const tickets = instance();
    const issued = tickets.issue(grantFor());
    if (!issued.ok) throw new Error("not issued");
    expect(tickets.redeem(issued.value.ticket, "sessionB2")).toEqual({ ok: false, error: "wrong_session" });
    expect(tickets.redeem(issued.value.ticket, "sessionA1")).toEqual({ ok: false, error: "unknown_ticket" });
  });

  it("refuses an expired ticket", () => {
    let clock = 1_000_000;
    const tickets = instance({ ttlSeconds: 30, now: () => clock });
    const issued = tickets.issue(grantFor());
    if (!issued.ok) throw new Error("not issued");
    expect(issued.value.expiresInSeconds).toBe(30);
    clock += 30_001;
    expect(tickets.redeem(issued.value.ticket, "sessionA1")).toEqual({ ok: false, error: "expired_ticket" });
  });

  it("bounds the unused tickets one holder may have, freeing places as they expire or are used", () => {
    let clock = 5_000;
    const tickets = instance({ maxOutstandingPerHolder: 3, now: () => clock });
    const grant = grantFor();
    const first = tickets.issue(grant);
    for (let i = 0; i < 2; i++) expect(tickets.issue(grant).ok).toBe(true);
    expect(tickets.issue(grant)).toEqual({ ok: false, error: "too_many_tickets" });
    expect(tickets.issue(grantFor()).ok).toBe(true);
    if (!first.ok) throw new Error("not issued");
    expect(tickets.redeem(first.value.ticket, "sessionA1").ok).toBe(true);
    expect(tickets.issue(grant).ok).toBe(true);
    expect(tickets.issue(grant).ok).toBe(false);
    clock += 61_000;
    expect(tickets.issue(grant).ok).toBe(true);
  });

  it("lets another instance redeem a ticket once", () => {
    const a = instance();
    const b = instance();
    const grant = grantFor();
    const issued = a.issue(grant);
    if (!issued.ok) throw new Error("not issued");
    expect(b.redeem(issued.value.ticket, "sessionA1")).toEqual({ ok: true, value: grant });
    expect(a.redeem(issued.value.ticket, "sessionA1")).toEqual({ ok: false, error: "unknown_ticket" });
  });

  it("counts a holder's tickets across instances against one bound", () => {
    const a = instance({ maxOutstandingPerHolder: 2 });
    const b = instance({ maxOutstandingPerHolder: 2 });
    const grant = grantFor();
    expect(a.issue(grant).ok).toBe(true);
    expect(b.issue(grant).ok).toBe(true);
    expect(a.issue(grant)).toEqual({ ok: false, error: "too_many_tickets" });
    expect(b.issue(grant)).toEqual({ ok: false, error: "too_many_tickets" });
  });
});
