// Data rights over HTTP and the CLI, on the real app: sealed checkpoints after a real tool turn, staff-only erasure
// with zero counts for a repeat, the audit trail, and the erase command's errors and final JSON line.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteBankStore } from "../src/bank/sqlite-bank-store.js";
import { startTestApp, TEST_IDENTITY_ENV, type TestApp } from "./support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 240_000);
afterAll(async () => {
  await t?.close();
});

const auth = (token: string): [string, string] => ["authorization", `Bearer ${token}`];
const rawBytes = (file: string): string =>
  [file, `${file}-wal`]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString("latin1"))
    .join("");

function runErase(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/erase-customer.ts", ...args],
      { env: { ...process.env, DATA_DIR: t.dataDir, LOG_LEVEL: "silent", ...TEST_IDENTITY_ENV }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe("sealed checkpoints in the running app", () => {
  it("keep no customer name or transaction text from a tool result in checkpoints.sqlite", async () => {
    const r = await request(t.built.app)
      .post("/v1/chat")
      .set(...auth(t.tokens.demo1))
      .send({ message: "show my recent transactions" });
    expect(r.status).toBe(200);
    expect(r.body.toolCalls).toContainEqual({ name: "get_recent_transactions", status: "ok" });
    const bank = createSqliteBankStore(path.join(t.dataDir, "bank.sqlite"));
    const merchants = [...new Set(bank.listTransactions("demo1", { limit: 10 }).map((x) => x.merchantName))].filter(
      (m) => m.length >= 5,
    );
    const name = bank.getCustomer("demo1")?.name ?? "";
    bank.close();
    expect(merchants.some((m) => r.body.reply.text.includes(m))).toBe(true);
    const bytes = rawBytes(path.join(t.dataDir, "checkpoints.sqlite"));
    expect(bytes.length).toBeGreaterThan(0);
    for (const text of [name, ...merchants]) expect(bytes).not.toContain(text);
  });
});

describe("DELETE /v1/staff/customers/:id/data", () => {
  it("is for staff only", async () => {
    const customer = await request(t.built.app)
      .delete("/v1/staff/customers/demo1/data")
      .set(...auth(t.tokens.demo1));
    expect(customer.status).toBe(403);
    expect(customer.body.error.code).toBe("forbidden");
    expect((await request(t.built.app).delete("/v1/staff/customers/demo1/data")).status).toBe(401);
    expect(
      (
        await request(t.built.app)
          .get("/v1/staff/customers/demo1/erasures")
          .set(...auth(t.tokens.demo2))
      ).status,
    ).toBe(403);
  });

  it("rejects a malformed customer id or body with a JSON 400", async () => {
    const bad = await request(t.built.app)
      .delete("/v1/staff/customers/bad%20id/data")
      .set(...auth(t.tokens.staff));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("validation_failed");
    const extra = await request(t.built.app)
      .delete("/v1/staff/customers/demo1/data")
      .set(...auth(t.tokens.staff))
      .send({ reason: "x", everything: true });
    expect(extra.status).toBe(400);
  });

  it("erases the customer's conversations, keeps another customer's, answers zeros the second time and audits both", async () => {
    const mine = await request(t.built.app)
      .post("/v1/chat")
      .set(...auth(t.tokens.demo1))
      .send({ message: "please freeze my card" });
    const theirs = await request(t.built.app)
      .post("/v1/chat")
      .set(...auth(t.tokens.demo2))
      .send({ message: "show my recent transactions" });
    expect(mine.status).toBe(200);

    const first = await request(t.built.app)
      .delete("/v1/staff/customers/demo1/data")
      .set(...auth(t.tokens.staff))
      .send({ reason: "erasure request REF-7" });
    expect(first.status).toBe(200);
    expect(first.body.customerId).toBe("demo1");
    expect(first.body.counts.sessions).toBeGreaterThanOrEqual(2);
    expect(first.body.counts.checkpointThreads).toBeGreaterThanOrEqual(2);
    expect(first.body.counts.messages).toBeGreaterThanOrEqual(4);

    expect(
      (
        await request(t.built.app)
          .get(`/v1/sessions/${mine.body.sessionId}`)
          .set(...auth(t.tokens.demo1))
      ).status,
    ).toBe(404);
    expect(
      (
        await request(t.built.app)
          .get(`/v1/staff/conversations/${mine.body.sessionId}`)
          .set(...auth(t.tokens.staff))
      ).status,
    ).toBe(404);
    expect(
      (
        await request(t.built.app)
          .get(`/v1/sessions/${theirs.body.sessionId}`)
          .set(...auth(t.tokens.demo2))
      ).status,
    ).toBe(200);

    const second = await request(t.built.app)
      .delete("/v1/staff/customers/demo1/data")
      .set(...auth(t.tokens.staff));
    expect(second.status).toBe(200);
    expect(Object.values(second.body.counts).every((n) => n === 0)).toBe(true);

    const unknown = await request(t.built.app)
      .delete("/v1/staff/customers/c424242/data")
      .set(...auth(t.tokens.staff));
    expect(unknown.status).toBe(200);
    expect(Object.values(unknown.body.counts).every((n) => n === 0)).toBe(true);

    const audit = await request(t.built.app)
      .get("/v1/staff/customers/demo1/erasures")
      .set(...auth(t.tokens.staff));
    expect(audit.body.erasures.map((e: { actor: string; reason: string }) => [e.actor, e.reason])).toEqual([
      ["staff:alice", "erasure request REF-7"],
      ["staff:alice", "not given"],
    ]);
    expect(audit.body.erasures[0].counts).toEqual(first.body.counts);
  });
});

describe("npm run erase", () => {
  it("exits non-zero with a clear message on bad input", async () => {
    const missing = await runErase([]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/--customer <id> is required/);
    const bad = await runErase(["--customer", "../etc"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--customer: must be letters/);
  });

  it("erases a customer and prints one JSON line last", async () => {
    const r = await runErase(["--customer", "demo2", "--reason", "request by post REF-9"]);
    expect(r.code).toBe(0);
    const last = r.stdout.trim().split("\n").at(-1) ?? "";
    const report = JSON.parse(last) as { customerId: string; counts: Record<string, number>; auditId: number };
    expect(report.customerId).toBe("demo2");
    expect(report.counts["sessions"]).toBeGreaterThanOrEqual(1);
    const audit = await request(t.built.app)
      .get("/v1/staff/customers/demo2/erasures")
      .set(...auth(t.tokens.staff));
    expect(audit.body.erasures[0].actor).toMatch(/^cli:/);
    expect(audit.body.erasures[0].reason).toBe("request by post REF-9");
  });
});
