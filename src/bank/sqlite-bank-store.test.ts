import { describe, expect, it } from "vitest";
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
      { id: "acc-1", customerId: "demo1", type: "current", currency: "GBP", balance: 1200.5, sortCode: "20-11-22", accountNumber: "12345678" },
      { id: "acc-2", customerId: "demo2", type: "current", currency: "GBP", balance: 80, sortCode: "20-11-23", accountNumber: "87654321" },
    ],
    cards: [
      { id: "card-1", customerId: "demo1", accountId: "acc-1", last4: "4821", brand: "visa", status: "active", expiry: "09/28" },
      { id: "card-2", customerId: "demo2", accountId: "acc-2", last4: "7316", brand: "mastercard", status: "active", expiry: "01/29" },
    ],
    merchants: [{ id: "m1", name: "Fresh Basket London", category: "groceries", region: "London", online: false, x: 1, y: 2 }],
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
      assessment: { probability: k === 3 ? 0.9 : 0.01, level: k === 3 ? ("block" as const) : ("none" as const), reasons: [], modelVersion: "v1" },
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
    expect(store.createDispute({ customerId: "demo2", transactionId: "tx-2", reason: "x" })).toEqual({ ok: false, error: "not_found" });
    expect(store.listDisputes("demo1").map((x) => x.transactionId)).toEqual(["tx-2"]);
    expect(store.listDisputes("demo2")).toEqual([]);
    store.close();
  });

  it("stores analyst labels and lists flagged transactions from stored assessments", () => {
    const store = smallBank();
    const l = store.recordFraudLabel({ transactionId: "tx-3", label: "fraud", analyst: "ann", note: "customer confirmed" });
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
