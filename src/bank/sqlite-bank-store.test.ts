import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations, openSqliteDatabase } from "../shared/sqlite-database.js";
import { BANK_MIGRATIONS } from "./bank-migrations.js";
import { createSqliteBankStore } from "./sqlite-bank-store.js";
import type { BankStore } from "./bank-store.js";

// Port-level behaviours (lookups, search, card status, disputes, labels, counts, feature rows) are covered for both
// adapters in bank-store.contract.test.ts; these tests are about the SQLite file and its migrations.
describe("dispute ids", () => {
  it("never collide between two processes on one file, nor after a dispute is deleted", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-disputes-"));
    const file = path.join(dir, "bank.sqlite");
    const seeded = createSqliteBankStore(file);
    seeded.importRows({
      customers: [
        {
          id: "demo1",
          name: "Alex Morgan",
          locale: "en",
          region: "London",
          monthlyIncome: 3200,
          employment: "employed",
        },
      ],
      accounts: [
        {
          id: "acc-1",
          customerId: "demo1",
          type: "current",
          currency: "GBP",
          balance: 1,
          sortCode: "20-11-22",
          accountNumber: "12345678",
        },
      ],
      cards: [
        {
          id: "card-1",
          customerId: "demo1",
          accountId: "acc-1",
          last4: "4821",
          brand: "visa",
          status: "active",
          expiry: "09/28",
        },
      ],
      merchants: [{ id: "m1", name: "Shop", category: "groceries", region: "London", online: false, x: 1, y: 2 }],
      transactions: [1, 2, 3, 4, 5].map((n) => ({
        id: `tx-${n}`,
        cardId: "card-1",
        customerId: "demo1",
        terminalId: "m1",
        merchantName: "Shop",
        merchantCategory: "groceries",
        amount: 5,
        currency: "GBP",
        timestamp: `2024-03-0${n}T10:00:00.000Z`,
        channel: "contactless",
        region: "London",
        reportedFraud: false,
        assessment: { probability: 0.01, level: "none" as const, reasons: [], modelVersion: "v1" },
      })),
    });
    const workerA = seeded;
    const workerB = createSqliteBankStore(file);
    const ids: string[] = [];
    // One transaction per dispute: a second dispute on the same transaction returns the first (tested above).
    const open = (store: BankStore): void => {
      const r = store.createDispute({ customerId: "demo1", transactionId: `tx-${ids.length + 1}`, reason: "not me" });
      if (!r.ok) throw new Error(r.error);
      ids.push(r.value.dispute.id);
    };
    open(workerA);
    open(workerB);
    open(workerA);
    const raw = openSqliteDatabase(file, { namespace: "bank-test", migrations: [] });
    raw.prepare("DELETE FROM disputes WHERE id = ?").run(ids[0]);
    raw.close();
    open(workerB);
    open(workerA);
    expect(new Set(ids).size).toBe(5);
    expect(ids).toEqual(["dsp-000001", "dsp-000002", "dsp-000003", "dsp-000004", "dsp-000005"]);
    workerA.close();
    workerB.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("continues after the numbers already issued when an existing database is migrated", () => {
    const db = openSqliteDatabase(":memory:", {
      namespace: "bank",
      migrations: BANK_MIGRATIONS.filter((m) => m.version === 1),
    });
    db.exec(`INSERT INTO customers VALUES ('c', 'C', 'en', 'London', 1, 'employed', NULL);
      INSERT INTO accounts VALUES ('a', 'c', 'current', 'GBP', 1, '20-11-22', '12345678');
      INSERT INTO cards VALUES ('k', 'c', 'a', '4821', 'visa', 'active', '09/28');
      INSERT INTO merchants VALUES ('m', 'M', 'groceries', 'London', 0, 1, 2);
      INSERT INTO transactions (id, card_id, customer_id, merchant_id, amount, currency, epoch, channel, region) VALUES ('t', 'k', 'c', 'm', 1, 'GBP', 1, 'online', 'London');
      INSERT INTO disputes VALUES ('dsp-000007', 'c', 't', 'x', 'open', '2024');`);
    applyMigrations(db, "bank", BANK_MIGRATIONS);
    const n = Number(db.prepare("INSERT INTO dispute_numbers DEFAULT VALUES").run().lastInsertRowid);
    db.close();
    expect(n).toBe(8);
  });

  it("keeps one open dispute per transaction across two processes, and the schema refuses a second", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-disputes-"));
    const file = path.join(dir, "bank.sqlite");
    const workerA = createSqliteBankStore(file);
    workerA.importRows({
      customers: [
        {
          id: "demo1",
          name: "Alex Morgan",
          locale: "en",
          region: "London",
          monthlyIncome: 3200,
          employment: "employed",
        },
      ],
      accounts: [
        {
          id: "acc-1",
          customerId: "demo1",
          type: "current",
          currency: "GBP",
          balance: 1,
          sortCode: "20-11-22",
          accountNumber: "12345678",
        },
      ],
      cards: [
        {
          id: "card-1",
          customerId: "demo1",
          accountId: "acc-1",
          last4: "4821",
          brand: "visa",
          status: "active",
          expiry: "09/28",
        },
      ],
      merchants: [{ id: "m1", name: "Shop", category: "groceries", region: "London", online: false, x: 1, y: 2 }],
      transactions: [
        {
          id: "tx-1",
          cardId: "card-1",
          customerId: "demo1",
          terminalId: "m1",
          merchantName: "Shop",
          merchantCategory: "groceries",
          amount: 5,
          currency: "GBP",
          timestamp: "2024-03-01T10:00:00.000Z",
          channel: "contactless",
          region: "London",
          reportedFraud: false,
        },
      ],
    });
    const workerB = createSqliteBankStore(file);
    const a = workerA.createDispute({ customerId: "demo1", transactionId: "tx-1", reason: "not me" });
    const b = workerB.createDispute({ customerId: "demo1", transactionId: "tx-1", reason: "not me, again" });
    expect(a.ok && b.ok && b.value.dispute.id === a.value.dispute.id && b.value.alreadyOpen).toBe(true);
    const raw = openSqliteDatabase(file, { namespace: "bank-test", migrations: [] });
    expect(() =>
      raw
        .prepare(
          "INSERT INTO disputes (id, customer_id, transaction_id, reason, status, created_at) VALUES ('dsp-999999', 'demo1', 'tx-1', 'x', 'open', '2025')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    raw.close();
    expect(workerA.listDisputes("demo1")).toHaveLength(1);
    workerA.close();
    workerB.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("migrates a database that already holds two open disputes on one transaction, keeping the oldest open", () => {
    const db = openSqliteDatabase(":memory:", {
      namespace: "bank",
      migrations: BANK_MIGRATIONS.filter((m) => m.version <= 2),
    });
    db.exec(`INSERT INTO customers VALUES ('c', 'C', 'en', 'London', 1, 'employed', NULL);
      INSERT INTO accounts VALUES ('a', 'c', 'current', 'GBP', 1, '20-11-22', '12345678');
      INSERT INTO cards VALUES ('k', 'c', 'a', '4821', 'visa', 'active', '09/28');
      INSERT INTO merchants VALUES ('m', 'M', 'groceries', 'London', 0, 1, 2);
      INSERT INTO transactions (id, card_id, customer_id, merchant_id, amount, currency, epoch, channel, region) VALUES ('t', 'k', 'c', 'm', 1, 'GBP', 1, 'online', 'London');
      INSERT INTO disputes VALUES ('dsp-000001', 'c', 't', 'x', 'open', '2024-01-01');
      INSERT INTO disputes VALUES ('dsp-000008', 'c', 't', 'x', 'open', '2024-02-01');`);
    applyMigrations(db, "bank", BANK_MIGRATIONS);
    const rows = db.prepare("SELECT id, status FROM disputes ORDER BY id").all();
    db.close();
    expect(rows).toEqual([
      { id: "dsp-000001", status: "open" },
      { id: "dsp-000008", status: "duplicate" },
    ]);
  });
});
