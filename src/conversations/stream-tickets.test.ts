import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createStreamTickets, StreamTicketTextSchema } from "./stream-tickets.js";

const grant = { sessionId: "sessionA1", holder: "customer:demo1" };

describe("stream tickets", () => {
  it("opens the session it was issued for exactly once", () => {
    const tickets = createStreamTickets({ file: ":memory:" });
    const issued = tickets.issue(grant);
    if (!issued.ok) throw new Error("not issued");
    expect(StreamTicketTextSchema.safeParse(issued.value.ticket).success).toBe(true);
    expect(issued.value.expiresInSeconds).toBe(60);
    expect(tickets.redeem(issued.value.ticket, "sessionA1")).toEqual({ ok: true, value: grant });
    expect(tickets.redeem(issued.value.ticket, "sessionA1")).toEqual({ ok: false, error: "unknown_ticket" });
    tickets.close();
  });

  it("refuses a ticket for another session and burns it", () => {
    const tickets = createStreamTickets({ file: ":memory:" });
    const issued = tickets.issue(grant);
    if (!issued.ok) throw new Error("not issued");
    expect(tickets.redeem(issued.value.ticket, "sessionB2")).toEqual({ ok: false, error: "wrong_session" });
    expect(tickets.redeem(issued.value.ticket, "sessionA1").ok).toBe(false);
    tickets.close();
  });

  it("refuses an expired ticket", () => {
    let clock = 1_000_000;
    const tickets = createStreamTickets({ file: ":memory:", ttlSeconds: 60, now: () => clock });
    const issued = tickets.issue(grant);
    if (!issued.ok) throw new Error("not issued");
    clock += 60_001;
    expect(tickets.redeem(issued.value.ticket, "sessionA1")).toEqual({ ok: false, error: "expired_ticket" });
    tickets.close();
  });

  it("bounds the unused tickets one holder may have", () => {
    let clock = 0;
    const tickets = createStreamTickets({ file: ":memory:", maxOutstandingPerHolder: 3, now: () => clock });
    for (let i = 0; i < 3; i++) expect(tickets.issue(grant).ok).toBe(true);
    expect(tickets.issue(grant)).toEqual({ ok: false, error: "too_many_tickets" });
    expect(tickets.issue({ sessionId: "sessionA1", holder: "customer:demo2" }).ok).toBe(true);
    clock += 61_000;
    expect(tickets.issue(grant).ok).toBe(true);
    tickets.close();
  });

  it("lets another process redeem a ticket once, through the shared file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tickets-"));
    const file = path.join(dir, "t.sqlite");
    const workerA = createStreamTickets({ file });
    const workerB = createStreamTickets({ file });
    const issued = workerA.issue(grant);
    if (!issued.ok) throw new Error("not issued");
    expect(workerB.redeem(issued.value.ticket, "sessionA1").ok).toBe(true);
    expect(workerA.redeem(issued.value.ticket, "sessionA1").ok).toBe(false);
    workerA.close();
    workerB.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
