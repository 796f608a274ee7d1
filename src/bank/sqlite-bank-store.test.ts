import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations, openSqliteDatabase } from "../shared/sqlite-database.js";
import { BANK_MIGRATIONS } from "./bank-migrations.js";
import { createSqliteBankStore } from "./sqlite-bank-store.js";
import type { BankStore } from "./bank-store.js";

function smallBank(): BankStore {
  const store = createSqliteBankStore(":memory:");
  store.importRows({
    customers: [
      { id: "demo1", name: "Alex Morgan", locale: "en", region: "London", monthlyIncome: 3200, employment: "employed" },
      { id: "demo2", name: "李伟", locale: "zh-CN", region: "Scotland", monthlyIncome: 2900, employment: "employed" },
    ],
    accounts: [
      {
        id: "acc-1",
        customerId: "demo1",
        type: "current",
        currency: "GBP",
        balance: 1200.5,
        sortCode: "20-11-22",
        accountNumber: "12345678",
      },
      {
        id: "acc-2",
        customerId: "demo2",
        type: "current",
        currency: "GBP",
        balance: 80,
        sortCode: "20-11-23",
        accountNumber: "87654321",
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
      {
        id: "card-2",
        customerId: "demo2",
        accountId: "acc-2",
        last4: "7316",
        brand: "mastercard",
        status: "active",
        expiry: "01/29",
      },
    ],
    merchants: [
      { id: "m1", name: "Fresh Basket London", category: "groceries", region: "London", online: false, x: 1, y: 2 },
    ],
    transactions: [1, 2, 3].map((k) => ({
      id: `tx-${k}`,
      cardId: "card-1",
      customerId: "demo1",
      terminalId: "m1",
      merchantName: "Fresh Basket London",
      merchantCategory: "groceries",
      amount: 10 * k,
      currency: "GBP" as const,
      timestamp: `2024-03-0${k}T10:00:00.000Z`,
      channel: "contactless" as const,
      region: "London",
      reportedFraud: false,
      assessment: {
        probability: k === 3 ? 0.9 : 0.01,
        level: k === 3 ? ("block" as const) : ("none" as const),
        reasons: [],
        modelVersion: "v1",
      },
    })),
  });
  return store;
}

describe("SQLite bank store", () => {
  it("round-trips customers, accounts, cards and transactions", () => {
    const store = smallBank();
    expect(store.getCustomer("demo2")?.name).toBe("李伟");
    expect(store.listAccounts("demo1")[0]?.balance).toBe(1200.5);
    expect(store.listCards("demo1").map((c) => c.last4)).toEqual(["4821"]);
    const txs = store.listTransactions("demo1", { limit: 2 });
    expect(txs.map((t) => t.id)).toEqual(["tx-3", "tx-2"]);
    expect(txs[0]?.merchantName).toBe("Fresh Basket London");
    expect(store.listTransactions("demo1", { limit: 10, sinceIso: "2024-03-02T00:00:00Z" })).toHaveLength(2);
    expect(store.listTransactions("demo1", { limit: 10, cardId: "card-2" })).toHaveLength(0);
    expect(store.getTransaction("tx-1")?.timestamp).toBe("2024-03-01T10:00:00.000Z");
    expect(store.getTransaction("nope")).toBeUndefined();
    store.close();
  });

  it("finds customers by name fragment, id or card last four", () => {
    const store = smallBank();
    expect(store.searchCustomers("morgan", 5).map((c) => c.id)).toEqual(["demo1"]);
    expect(store.searchCustomers("7316", 5).map((c) => c.id)).toEqual(["demo2"]);
    expect(store.searchCustomers("demo2", 5).map((c) => c.id)).toEqual(["demo2"]);
    expect(store.searchCustomers("%", 5)).toEqual([]);
    store.close();
  });

  it("freezes and unfreezes a card but never reactivates a blocked one", () => {
    const store = smallBank();
    const frozen = store.setCardStatus("card-1", "frozen", "customer:demo1");
    expect(frozen.ok && frozen.value.status).toBe("frozen");
    expect(store.getCard("card-1")?.status).toBe("frozen");
    expect(store.setCardStatus("card-1", "active", "customer:demo1").ok).toBe(true);
    expect(store.setCardStatus("card-1", "blocked", "staff:ann").ok).toBe(true);
    const again = store.setCardStatus("card-1", "active", "customer:demo1");
    expect(again).toEqual({ ok: false, error: "card_blocked" });
    expect(store.setCardStatus("missing", "frozen", "x")).toEqual({ ok: false, error: "not_found" });
    store.close();
  });

  it("opens disputes only on the customer's own transactions", () => {
    const store = smallBank();
    const d = store.createDispute({ customerId: "demo1", transactionId: "tx-2", reason: "I don't recognise this" });
    expect(d.ok).toBe(true);
    expect(store.createDispute({ customerId: "demo2", transactionId: "tx-2", reason: "x" })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(store.listDisputes("demo1").map((x) => x.transactionId)).toEqual(["tx-2"]);
    expect(store.listDisputes("demo2")).toEqual([]);
    store.close();
  });

  it("returns the open dispute instead of opening a second one on the same transaction", () => {
    const store = smallBank();
    const first = store.createDispute({ customerId: "demo1", transactionId: "tx-2", reason: "not_recognised" });
    const again = store.createDispute({ customerId: "demo1", transactionId: "tx-2", reason: "wrong_amount" });
    expect(first.ok && first.value.alreadyOpen).toBe(false);
    expect(again.ok && again.value).toEqual({ alreadyOpen: true, dispute: first.ok ? first.value.dispute : undefined });
    expect(store.listDisputes("demo1")).toHaveLength(1);
    store.close();
  });

  it("records the member of staff who opened a dispute on a customer's behalf, and nobody for the customer's own", () => {
    const store = smallBank();
    const byStaff = store.createDispute({
      customerId: "demo1",
      transactionId: "tx-1",
      reason: "x",
      openedBy: "staff:s1",
    });
    store.createDispute({ customerId: "demo1", transactionId: "tx-2", reason: "y" });
    expect(byStaff.ok && byStaff.value.dispute.openedBy).toBe("staff:s1");
    const stored = store.listDisputes("demo1").map((d) => [d.transactionId, d.openedBy]);
    expect(stored.sort()).toEqual([
      ["tx-1", "staff:s1"],
      ["tx-2", undefined],
    ]);
    store.close();
  });

  it("stores analyst labels and lists flagged transactions from stored assessments", () => {
    const store = smallBank();
    const l = store.recordFraudLabel({
      transactionId: "tx-3",
      label: "fraud",
      analyst: "ann",
      note: "customer confirmed",
    });
    expect(l.ok && l.value.note).toBe("customer confirmed");
    expect(store.recordFraudLabel({ transactionId: "nope", label: "fraud", analyst: "ann" }).ok).toBe(false);
    expect(store.listFraudLabels().map((x) => x.transactionId)).toEqual(["tx-3"]);
    const flagged = store.listFlaggedTransactions({ limit: 10 });
    expect(flagged.map((f) => f.transaction.id)).toEqual(["tx-3"]);
    expect(flagged[0]?.assessment.level).toBe("block");
    expect(store.listFlaggedTransactions({ limit: 10, level: "review" })).toEqual([]);
    const rows: number[] = [];
    store.forEachFeatureRow((r) => rows.push(r.fraud));
    expect(rows).toEqual([0, 0, 1]);
    expect(store.counts()).toEqual({ customers: 2, transactions: 3, flagged: 1, labels: 1 });
    store.close();
  });

  it("keeps the credit module's profile as opaque JSON", () => {
    const store = smallBank();
    expect(store.getCreditProfile("demo1")).toBeUndefined();
    store.putCreditProfile("demo1", { score: 612, band: "B" });
    expect(store.getCreditProfile("demo1")).toEqual({ score: 612, band: "B" });
    store.close();
  });
});

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
