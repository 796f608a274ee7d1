import { beforeAll, describe, expect, it } from "vitest";
import { createSqliteBankStore } from "./sqlite-bank-store.js";
import { seedBank } from "./seed-bank.js";
import { createFraudAssessor } from "./fraud-assessor.js";
import { trainFraudModelFromStore } from "./train-fraud-from-store.js";
import { SEED_CANDIDATES, type SeedBankResult } from "./seed-bank.js";
import type { BankStore } from "./bank-store.js";

let store: BankStore;
let seeded: SeedBankResult;
let seedSeconds = 0;
beforeAll(() => {
  store = createSqliteBankStore(":memory:");
  const t0 = performance.now();
  seeded = seedBank({
    store,
    seed: 42,
    customers: 30,
    today: "2024-06-01",
    makeCreditProfile: (c) => ({ income: c.monthlyIncome }),
  });
  seedSeconds = (performance.now() - t0) / 1000;
});

describe("seedBank", () => {
  it("builds a tiny bank quickly", () => {
    expect(seedSeconds).toBeLessThan(30);
    expect(seeded.transactions).toBeGreaterThan(5000);
    expect(store.counts().customers).toBe(30);
  });

  it("contains demo1 (English) and demo2 (Chinese) with cards and recent transactions", () => {
    const d1 = store.getCustomer("demo1");
    const d2 = store.getCustomer("demo2");
    expect(d1).toMatchObject({ name: "Alex Morgan", locale: "en" });
    expect(d2).toMatchObject({ name: "李伟", locale: "zh-CN" });
    expect(store.listCards("demo1")[0]?.last4).toBe("4821");
    expect(store.listCards("demo2")[0]?.last4).toBe("7316");
    for (const id of ["demo1", "demo2"]) {
      const recent = store.listTransactions(id, { limit: 5, sinceIso: "2024-05-25T00:00:00Z" });
      expect(recent.length).toBeGreaterThan(0);
    }
    expect(store.getCreditProfile("demo1")).toEqual({ income: 3200 });
  });

  it("gives demo1 a recent payment the model itself flags, with reasons", () => {
    const tx = store.getTransaction(seeded.demo1FlaggedTransactionId);
    expect(tx?.customerId).toBe("demo1");
    expect(tx && tx.timestamp >= "2024-05-25").toBe(true);
    const stored = store.getStoredAssessment(seeded.demo1FlaggedTransactionId);
    expect(stored?.level).not.toBe("none");
    // the model's probability alone clears the review threshold (not a rule or a label)
    expect(stored?.probability).toBeGreaterThanOrEqual(seeded.model.thresholds.review);
    expect(stored?.reasons.length).toBeGreaterThan(0);
    expect(
      store.listFlaggedTransactions({ limit: 1000 }).some((f) => f.transaction.id === seeded.demo1FlaggedTransactionId),
    ).toBe(true);
  });

  it("assesses stored transactions online with the same result as the batch scores", () => {
    const assessor = createFraudAssessor({ store, model: seeded.model });
    const ids = [
      ...store.listTransactions("demo1", { limit: 40 }),
      ...store.listTransactions("c000010", { limit: 40 }),
    ].map((t) => t.id);
    for (const id of ids) {
      const online = assessor.assessTransaction(id);
      expect(online.ok).toBe(true);
      if (online.ok) expect(online.value.probability).toBeCloseTo(store.getStoredAssessment(id)?.probability ?? -1, 6);
    }
    const demo = assessor.assessTransaction(seeded.demo1FlaggedTransactionId);
    expect(demo.ok && demo.value.reasons.map((r) => r.text["zh-CN"]).join("")).toMatch(/[\u4e00-\u9fff]/);
    expect(assessor.assessTransaction("missing")).toEqual({ ok: false, error: "not_found" });
  });

  it("is deterministic for a seed", () => {
    const other = createSqliteBankStore(":memory:");
    const again = seedBank({ store: other, seed: 42, customers: 30, today: "2024-06-01", model: seeded.model });
    expect(again.transactions).toBe(seeded.transactions);
    expect(again.demo1FlaggedTransactionId).toBe(seeded.demo1FlaggedTransactionId);
    expect(other.listTransactions("demo2", { limit: 20 })).toEqual(store.listTransactions("demo2", { limit: 20 }));
    expect(other.searchCustomers("c0000", 30)).toEqual(store.searchCustomers("c0000", 30));
    other.close();
  });

  it("retrains on the store and records the analyst labels it used", () => {
    const recent = store.listTransactions("c000005", { limit: 200 });
    const old = recent.slice(-3);
    for (const t of old) store.recordFraudLabel({ transactionId: t.id, label: "fraud", analyst: "ann" });
    const result = trainFraudModelFromStore(store, { candidates: SEED_CANDIDATES });
    expect(result.artefact.training.labelFeedbackCount).toBe(3);
    expect(result.artefact.training.rows).toBeGreaterThan(1000);
    expect(result.artefact.training.dataHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
