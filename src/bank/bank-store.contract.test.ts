import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSyncPg } from "../shared/pg/pg-sync.js";
import { createTestDatabase, TEST_DATABASE_URL, warnSkipped } from "../shared/pg/test-database.test-helpers.js";
import { openSqliteDatabase } from "../shared/sqlite-database.js";
import { BANK_FIXTURE } from "./bank-fixture.test-helpers.js";
import type { BankImport, BankStore } from "./bank-store.js";
import { createPgBankStore } from "./pg-bank-store.js";
import { createSqliteBankStore } from "./sqlite-bank-store.js";

/** A freshly imported fixture bank: its store, a second instance on the same database, and the card audit trail. */
interface FreshBank {
  store: BankStore;
  other: BankStore;
  cardEvents(cardId: string): { status: string; actor: string }[];
}

interface Harness {
  fresh(): FreshBank;
  done(): Promise<void>;
}

const EVENTS_SQL = "SELECT status, actor FROM card_status_events WHERE card_id = ? ORDER BY id";

async function sqliteHarness(): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bank-contract-"));
  let open: BankStore[] = [];
  let n = 0;
  return {
    fresh() {
      for (const s of open) s.close();
      const file = path.join(dir, `bank-${++n}.sqlite`);
      const store = createSqliteBankStore(file);
      store.importRows(BANK_FIXTURE);
      const other = createSqliteBankStore(file);
      open = [store, other];
      return {
        store,
        other,
        cardEvents: (cardId) => {
          const raw = openSqliteDatabase(file, { namespace: "bank-test", migrations: [] });
          try {
            return raw.prepare(EVENTS_SQL).all(cardId) as { status: string; actor: string }[];
          } finally {
            raw.close();
          }
        },
      };
    },
    async done() {
      for (const s of open) s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function pgHarness(): Promise<Harness> {
  const t = await createTestDatabase();
  const a = openSyncPg(t.url, { name: "bank-contract-a" });
  const b = openSyncPg(t.url, { name: "bank-contract-b" });
  return {
    fresh() {
      // DELETE, not TRUNCATE: a few rows go faster than TRUNCATE's new files; tests rely on no ids but dispute numbers.
      a.run(
        `DELETE FROM fraud_labels; DELETE FROM disputes; DELETE FROM card_status_events; DELETE FROM transactions;
         DELETE FROM cards; DELETE FROM accounts; DELETE FROM merchants; DELETE FROM customers;
         ALTER SEQUENCE dispute_numbers RESTART`,
      );
      const store = createPgBankStore(a);
      store.importRows(BANK_FIXTURE);
      return {
        store,
        other: createPgBankStore(b),
        cardEvents: (cardId) => a.query(EVENTS_SQL.replace("?", "$1"), [cardId]),
      };
    },
    async done() {
      await a.close();
      await b.close();
      await t.drop();
    },
  };
}

const adapters: [string, () => Promise<Harness>][] = [
  ["sqlite", sqliteHarness],
  ...(TEST_DATABASE_URL ? [["postgres", pgHarness] as [string, () => Promise<Harness>]] : []),
];
if (!TEST_DATABASE_URL) warnSkipped("PostgreSQL");

describe.each(adapters)("bank store contract (%s)", (_name, open) => {
  let harness: Harness;
  let bank: FreshBank;
  let store: BankStore;
  beforeAll(async () => {
    harness = await open();
  });
  afterAll(async () => {
    await harness.done();
  });
  beforeEach(() => {
    bank = harness.fresh();
    store = bank.store;
  });

  it("round-trips customers, accounts, cards and merchants as imported", () => {
    const [demo1, demo2] = BANK_FIXTURE.customers ?? [];
    expect(store.getCustomer("demo2")).toEqual(demo2);
    expect(store.getCustomer("demo1")).toEqual(demo1);
    expect(store.getCustomer("c000003")).toEqual({
      id: "c000003",
      name: "Jo_Ann demo2-fan",
      locale: "en",
      region: "Wales",
      monthlyIncome: 1800.5,
      employment: "student",
    });
    expect(store.getCustomer("nobody")).toBeUndefined();
    expect(store.listAccounts("demo1")).toEqual(
      (BANK_FIXTURE.accounts ?? []).filter((a) => a.customerId === "demo1").sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
    expect(store.listAccounts("nobody")).toEqual([]);
    expect(store.listCards("demo1").map((c) => [c.id, c.last4, c.status])).toEqual([
      ["card-1", "4821", "active"],
      ["card-3", "5555", "frozen"],
    ]);
    expect(store.getCard("card-2")).toEqual(BANK_FIXTURE.cards?.[1]);
    expect(store.getCard("missing")).toBeUndefined();
    expect(store.getMerchant("m2")).toEqual(BANK_FIXTURE.merchants?.[1]);
    expect(store.getMerchant("m1")?.online).toBe(false);
    expect(store.getMerchant("missing")).toBeUndefined();
    expect(store.merchantLocations()).toEqual(
      new Map([
        ["m1", { x: 1, y: 2 }],
        ["m2", { x: 50.5, y: 60.25 }],
      ]),
    );
    expect(store.counts()).toEqual({ customers: 3, transactions: 7, flagged: 3, labels: 0 });
  });

  it("lists a customer's transactions newest first, ties in insertion order, filtered by card and time", () => {
    const ids = (options: Parameters<BankStore["listTransactions"]>[1], customer = "demo1"): string[] =>
      store.listTransactions(customer, options).map((t) => t.id);
    expect(ids({ limit: 10 })).toEqual(["tx-5", "tx-4", "tx-3", "tx-2", "tx-1"]);
    expect(ids({ limit: 2 })).toEqual(["tx-5", "tx-4"]);
    expect(ids({ limit: 10, cardId: "card-3" })).toEqual(["tx-5"]);
    expect(ids({ limit: 10, cardId: "card-2" })).toEqual([]);
    expect(ids({ limit: 10, sinceIso: "2024-03-03T00:00:00Z" })).toEqual(["tx-5", "tx-4", "tx-3"]);
    expect(ids({ limit: 10, sinceIso: "2024-03-03T00:00:00Z", cardId: "card-1" })).toEqual(["tx-4", "tx-3"]);
    expect(ids({ limit: 10 }, "demo2")).toEqual(["tx-7", "tx-6"]);
    expect(store.getTransaction("tx-5")).toEqual({
      id: "tx-5",
      cardId: "card-3",
      customerId: "demo1",
      terminalId: "m2",
      merchantName: "Harbor Online 100% _Deals_",
      merchantCategory: "marketplace",
      amount: 250,
      currency: "GBP",
      timestamp: "2024-03-04T10:00:00.000Z",
      channel: "online",
      region: "London",
    });
    expect(store.listTransactions("demo1", { limit: 1 })[0]).toEqual(store.getTransaction("tx-5"));
    expect(store.getTransaction("nope")).toBeUndefined();
  });

  it("finds customers by id, name fragment (any case, wildcards literal) or card last four, exact id first", () => {
    const find = (q: string, limit = 5): string[] => store.searchCustomers(q, limit).map((c) => c.id);
    expect(find("morgan")).toEqual(["demo1"]);
    expect(find("MORGAN")).toEqual(["demo1"]);
    expect(find("李")).toEqual(["demo2"]);
    expect(find("7316")).toEqual(["demo2"]);
    expect(find(" 0042 ")).toEqual(["c000003"]);
    expect(find("demo2")).toEqual(["demo2", "c000003"]);
    expect(find("a")).toEqual(["demo1", "c000003"]);
    expect(find("a", 1)).toEqual(["demo1"]);
    expect(find("_")).toEqual(["c000003"]);
    expect(find("%")).toEqual([]);
    expect(find("   ")).toEqual([]);
    expect(store.searchCustomers("demo1", 5)).toEqual([store.getCustomer("demo1")]);
  });

  it("freezes, unfreezes and blocks a card, records who did it, and never reactivates a blocked card", () => {
    const frozen = store.setCardStatus("card-1", "frozen", "customer:demo1");
    expect(frozen).toEqual({ ok: true, value: { ...BANK_FIXTURE.cards?.[0], status: "frozen" } });
    expect(store.getCard("card-1")?.status).toBe("frozen");
    expect(store.setCardStatus("card-1", "active", "customer:demo1").ok).toBe(true);
    expect(store.setCardStatus("card-1", "blocked", "staff:ann")).toMatchObject({
      ok: true,
      value: { status: "blocked" },
    });
    expect(store.setCardStatus("card-1", "active", "customer:demo1")).toEqual({ ok: false, error: "card_blocked" });
    expect(store.setCardStatus("card-1", "frozen", "staff:bob")).toEqual({ ok: false, error: "card_blocked" });
    expect(store.setCardStatus("card-1", "blocked", "staff:bob").ok).toBe(true);
    expect(store.getCard("card-1")?.status).toBe("blocked");
    expect(store.setCardStatus("missing", "frozen", "x")).toEqual({ ok: false, error: "not_found" });
    expect(bank.cardEvents("card-1")).toEqual([
      { status: "frozen", actor: "customer:demo1" },
      { status: "active", actor: "customer:demo1" },
      { status: "blocked", actor: "staff:ann" },
      { status: "blocked", actor: "staff:bob" },
    ]);
    expect(store.getCard("card-3")?.status).toBe("frozen");
    expect(bank.cardEvents("card-3")).toEqual([]);
  });

  it("sees a card blocked by another instance and refuses to reactivate it", () => {
    expect(bank.other.setCardStatus("card-2", "blocked", "staff:ann").ok).toBe(true);
    expect(store.getCard("card-2")?.status).toBe("blocked");
    expect(store.setCardStatus("card-2", "active", "customer:demo2")).toEqual({ ok: false, error: "card_blocked" });
    expect(bank.cardEvents("card-2")).toEqual([{ status: "blocked", actor: "staff:ann" }]);
  });

  it("opens disputes on the customer's own transactions only, numbered without gaps, one open per transaction", () => {
    const first = store.createDispute({ customerId: "demo1", transactionId: "tx-2", reason: "not_recognised" });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.alreadyOpen).toBe(false);
    expect(first.value.dispute).toEqual({
      id: "dsp-000001",
      customerId: "demo1",
      transactionId: "tx-2",
      reason: "not_recognised",
      status: "open",
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(first.value.dispute).not.toHaveProperty("openedBy");
    expect(store.createDispute({ customerId: "demo2", transactionId: "tx-2", reason: "x" })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(store.createDispute({ customerId: "demo1", transactionId: "missing", reason: "x" })).toEqual({
      ok: false,
      error: "not_found",
    });
    const again = store.createDispute({ customerId: "demo1", transactionId: "tx-2", reason: "wrong_amount" });
    expect(again).toEqual({ ok: true, value: { alreadyOpen: true, dispute: first.value.dispute } });
    const byStaff = store.createDispute({
      customerId: "demo1",
      transactionId: "tx-1",
      reason: "duplicate_charge",
      openedBy: "staff:s1",
    });
    expect(byStaff.ok && byStaff.value.dispute).toMatchObject({ id: "dsp-000002", openedBy: "staff:s1" });
    const theirs = store.createDispute({ customerId: "demo2", transactionId: "tx-6", reason: "x" });
    expect(theirs.ok && theirs.value.dispute.id).toBe("dsp-000003");
    expect(store.listDisputes("demo1").map((d) => [d.id, d.transactionId, d.openedBy])).toEqual([
      ["dsp-000002", "tx-1", "staff:s1"],
      ["dsp-000001", "tx-2", undefined],
    ]);
    expect(store.listDisputes("demo1")[1]).toEqual(first.value.dispute);
    expect(store.listDisputes().map((d) => d.id)).toEqual(["dsp-000003", "dsp-000002", "dsp-000001"]);
    expect(store.listDisputes("nobody")).toEqual([]);
  });

  it("shares dispute numbers and the one-open-dispute rule between two instances", () => {
    const a = store.createDispute({ customerId: "demo1", transactionId: "tx-3", reason: "not me" });
    const b = bank.other.createDispute({ customerId: "demo1", transactionId: "tx-3", reason: "not me, again" });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.value).toEqual({ alreadyOpen: true, dispute: a.value.dispute });
    const c = bank.other.createDispute({ customerId: "demo1", transactionId: "tx-4", reason: "x" });
    const d = store.createDispute({ customerId: "demo2", transactionId: "tx-7", reason: "y" });
    expect([a, c, d].map((r) => r.ok && r.value.dispute.id)).toEqual(["dsp-000001", "dsp-000002", "dsp-000003"]);
    expect(store.listDisputes().map((x) => x.id)).toEqual(bank.other.listDisputes().map((x) => x.id));
    expect(store.listDisputes()).toHaveLength(3);
  });

  it("stores analyst verdicts newest first and lets the latest one override the reported label", () => {
    const l = store.recordFraudLabel({
      transactionId: "tx-3",
      label: "legitimate",
      analyst: "ann",
      note: "customer confirmed",
    });
    expect(l).toEqual({
      ok: true,
      value: {
        id: expect.any(Number),
        transactionId: "tx-3",
        label: "legitimate",
        analyst: "ann",
        note: "customer confirmed",
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    });
    expect(store.recordFraudLabel({ transactionId: "nope", label: "fraud", analyst: "ann" })).toEqual({
      ok: false,
      error: "not_found",
    });
    store.recordFraudLabel({ transactionId: "tx-7", label: "legitimate", analyst: "bob" });
    store.recordFraudLabel({ transactionId: "tx-7", label: "fraud", analyst: "ann" });
    const last = store.recordFraudLabel({ transactionId: "tx-5", label: "legitimate", analyst: "ann" });
    expect(last.ok && last.value).not.toHaveProperty("note");
    const all = store.listFraudLabels();
    expect(all.map((x) => [x.transactionId, x.label])).toEqual([
      ["tx-5", "legitimate"],
      ["tx-7", "fraud"],
      ["tx-7", "legitimate"],
      ["tx-3", "legitimate"],
    ]);
    expect(all.map((x) => x.id)).toEqual([...all.map((x) => x.id)].sort((x, y) => y - x));
    expect(all[3]).toEqual(l.ok ? l.value : undefined);
    expect(store.listFraudLabels({ transactionId: "tx-7" }).map((x) => x.label)).toEqual(["fraud", "legitimate"]);
    expect(store.listFraudLabels({ limit: 1 }).map((x) => x.transactionId)).toEqual(["tx-5"]);
    expect(store.listFraudLabels({ transactionId: "tx-1" })).toEqual([]);
    const fraud = new Map<string, number>();
    store.forEachFeatureRow((r) => fraud.set(r.id, r.fraud));
    expect(Object.fromEntries(fraud)).toEqual({
      "tx-1": 0,
      "tx-2": 0,
      "tx-3": 0,
      "tx-4": 0,
      "tx-5": 0,
      "tx-6": 0,
      "tx-7": 1,
    });
    expect(store.getFeatureContext("tx-4", 1)?.history.find((r) => r.id === "tx-7")?.fraud).toBe(1);
    expect(store.counts().labels).toBe(4);
  });

  it("lists flagged transactions from stored assessments and replaces them on re-scoring", () => {
    const flagged = store.listFlaggedTransactions({ limit: 10 });
    expect(flagged.map((f) => f.transaction.id)).toEqual(["tx-4", "tx-3", "tx-7"]);
    expect(flagged[0]?.transaction).toEqual(store.getTransaction("tx-4"));
    expect(store.listFlaggedTransactions({ limit: 10, level: "review" }).map((f) => f.transaction.id)).toEqual([
      "tx-4",
      "tx-7",
    ]);
    expect(store.listFlaggedTransactions({ limit: 1 }).map((f) => f.transaction.id)).toEqual(["tx-4"]);
    const block = store.listFlaggedTransactions({ limit: 10, level: "block" });
    expect(block).toHaveLength(1);
    expect(block[0]?.assessment).toEqual({
      transactionId: "tx-3",
      probability: 0.9,
      level: "block",
      reasons: BANK_FIXTURE.transactions?.[2]?.assessment?.reasons,
      modelVersion: "v1",
    });
    expect(store.getStoredAssessment("tx-3")).toEqual(block[0]?.assessment);
    expect(store.getStoredAssessment("tx-5")).toBeUndefined();
    expect(store.getStoredAssessment("missing")).toBeUndefined();
    store.saveAssessments([
      { transactionId: "tx-4", probability: 0.1, level: "none", reasons: [], modelVersion: "v2" },
      {
        transactionId: "tx-6",
        probability: 0.95,
        level: "block",
        reasons: block[0]?.assessment.reasons ?? [],
        modelVersion: "v2",
      },
      { transactionId: "tx-1", probability: 0.5, level: "review", reasons: [], modelVersion: "v2" },
      { transactionId: "tx-1", probability: 0.2, level: "none", reasons: [], modelVersion: "v2" },
      { transactionId: "missing", probability: 0.2, level: "none", reasons: [], modelVersion: "v2" },
    ]);
    expect(store.listFlaggedTransactions({ limit: 10 }).map((f) => f.transaction.id)).toEqual(["tx-3", "tx-7", "tx-6"]);
    expect(store.getStoredAssessment("tx-4")).toEqual({
      transactionId: "tx-4",
      probability: 0.1,
      level: "none",
      reasons: [],
      modelVersion: "v2",
    });
    expect(store.getStoredAssessment("tx-1")).toMatchObject({ probability: 0.2, level: "none" });
    expect(store.getStoredAssessment("tx-6")?.reasons).toHaveLength(1);
    store.saveAssessments([]);
    expect(store.counts().flagged).toBe(3);
  });

  it("counts transactions, flagged ones and their latest verdicts over time windows", () => {
    store.recordFraudLabel({ transactionId: "tx-3", label: "legitimate", analyst: "ann" });
    store.recordFraudLabel({ transactionId: "tx-7", label: "legitimate", analyst: "bob" });
    store.recordFraudLabel({ transactionId: "tx-7", label: "fraud", analyst: "ann" });
    store.recordFraudLabel({ transactionId: "tx-1", label: "fraud", analyst: "ann" });
    expect(store.countFraudReviews("2024-03-01T00:00:00Z")).toEqual({
      flagged: 3,
      fraud: 1,
      legitimate: 1,
      unlabelled: 1,
    });
    expect(store.countFraudReviews("2024-03-03T00:00:00Z")).toEqual({
      flagged: 2,
      fraud: 0,
      legitimate: 1,
      unlabelled: 1,
    });
    expect(store.countFraudReviews("2025-01-01T00:00:00Z")).toEqual({
      flagged: 0,
      fraud: 0,
      legitimate: 0,
      unlabelled: 0,
    });
    expect(store.countFraudWindow("2024-03-02T00:00:00Z", "2024-03-04T00:00:00Z")).toEqual({
      transactions: 4,
      flagged: 2,
      fraud: 1,
      legitimate: 1,
      unlabelled: 0,
    });
    expect(store.countFraudWindow("2024-03-04T10:00:00Z", "2024-03-04T10:00:01Z")).toEqual({
      transactions: 2,
      flagged: 1,
      fraud: 0,
      legitimate: 0,
      unlabelled: 1,
    });
    expect(store.countFraudWindow("2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z")).toEqual({
      transactions: 0,
      flagged: 0,
      fraud: 0,
      legitimate: 0,
      unlabelled: 0,
    });
    expect(store.countTransactions("demo1", "2024-03-03T00:00:00Z")).toEqual({ count: 3, flagged: 2 });
    expect(store.countTransactions("demo2", "2024-01-01T00:00:00Z")).toEqual({ count: 2, flagged: 1 });
    expect(store.countTransactions("nobody", "2024-01-01T00:00:00Z")).toEqual({ count: 0, flagged: 0 });
    expect(store.counts()).toEqual({ customers: 3, transactions: 7, flagged: 3, labels: 4 });
  });

  it("streams feature rows in time then insertion order and reads one transaction's feature context", () => {
    const rows: [string, number][] = [];
    store.forEachFeatureRow((r) => rows.push([r.id, r.fraud]));
    expect(rows).toEqual([
      ["tx-1", 0],
      ["tx-6", 0],
      ["tx-2", 0],
      ["tx-7", 0],
      ["tx-3", 0],
      ["tx-4", 0],
      ["tx-5", 1],
    ]);
    const epoch = (iso: string): number => Date.parse(iso) / 1000;
    const ctx = store.getFeatureContext("tx-5", 1);
    expect(ctx?.target).toEqual({
      id: "tx-5",
      customerId: "demo1",
      terminalId: "m2",
      epoch: epoch("2024-03-04T10:00:00Z"),
      amount: 250,
      fraud: 1,
    });
    // the customer's window (tx-4 shares tx-5's second but came first) and m2's window ending a day earlier (tx-6)
    expect(ctx?.history.map((r) => r.id)).toEqual(["tx-1", "tx-6", "tx-2", "tx-3", "tx-4"]);
    expect(ctx?.history[1]).toEqual({
      id: "tx-6",
      customerId: "demo2",
      terminalId: "m2",
      epoch: epoch("2024-03-02T09:00:00Z"),
      amount: 15,
      fraud: 0,
    });
    expect([...(ctx?.locations ?? new Map<string, unknown>()).entries()]).toEqual([
      ["m2", { x: 50.5, y: 60.25 }],
      ["m1", { x: 1, y: 2 }],
    ]);
    // tx-5 shares tx-4's second but came later; m1's delayed window includes tx-3 at its closing second
    const four = store.getFeatureContext("tx-4", 1);
    expect(four?.history.map((r) => r.id)).toEqual(["tx-1", "tx-2", "tx-7", "tx-3"]);
    expect([...(four?.locations.keys() ?? [])]).toEqual(["m1"]);
    expect(store.getFeatureContext("tx-4", 2)?.history.map((r) => r.id)).toEqual(["tx-1", "tx-2", "tx-3"]);
    expect(store.getFeatureContext("tx-1", 1)).toMatchObject({
      history: [],
      locations: new Map([["m1", { x: 1, y: 2 }]]),
    });
    expect(store.getFeatureContext("missing", 1)).toBeUndefined();
  });

  it("keeps the credit module's profiles as opaque JSON and lists them in id order", () => {
    expect(store.getCreditProfile("c000003")).toEqual({ score: 540, band: "D" });
    expect(store.getCreditProfile("demo1")).toBeUndefined();
    expect(store.getCreditProfile("nobody")).toBeUndefined();
    store.putCreditProfile("demo1", { score: 612, band: "B", history: [1, 2.5, null], note: "李" });
    expect(store.getCreditProfile("demo1")).toEqual({ score: 612, band: "B", history: [1, 2.5, null], note: "李" });
    store.putCreditProfile("demo1", { score: 620, band: "B" });
    expect(store.listCreditProfiles(10)).toEqual([
      { score: 540, band: "D" },
      { score: 620, band: "B" },
    ]);
    expect(store.listCreditProfiles(1)).toEqual([{ score: 540, band: "D" }]);
  });

  it("imports a large batch in one go and streams it back in order, ties kept in insertion order", () => {
    const n = 3_456;
    const base = Date.parse("2024-01-01T00:00:00Z");
    const bulk: NonNullable<BankImport["transactions"]> = [];
    // three payments per second, imported in reverse, so insertion order and time order differ and ties of one
    // second straddle any page boundary
    for (let i = 0; i < n; i++) {
      const second = Math.floor(i / 3);
      bulk.push({
        id: `bulk-${String(i).padStart(6, "0")}`,
        cardId: "card-1",
        customerId: "demo1",
        terminalId: i % 2 ? "m1" : "m2",
        merchantName: "",
        merchantCategory: "",
        amount: (i % 97) + 0.25,
        currency: "GBP",
        timestamp: new Date(base + second * 1000).toISOString(),
        channel: "contactless",
        region: "London",
        reportedFraud: i % 50 === 0,
        ...(i % 1000 === 7
          ? { assessment: { probability: 0.75, level: "review" as const, reasons: [], modelVersion: "v1" } }
          : {}),
      });
    }
    const shuffled = [...bulk].reverse();
    store.importRows({ transactions: shuffled });
    expect(store.counts()).toMatchObject({ transactions: 7 + n, flagged: 3 + Math.ceil((n - 7) / 1000) });
    const seen: string[] = [];
    let fraud = 0;
    store.forEachFeatureRow((r) => {
      seen.push(r.id);
      fraud += r.fraud;
    });
    expect(seen).toHaveLength(7 + n);
    // within one second the later-inserted (lower-numbered, as the import was reversed) payment comes last
    const expected = [...shuffled]
      .map((t, k) => ({ id: t.id, epoch: Date.parse(t.timestamp), k }))
      .sort((x, y) => x.epoch - y.epoch || x.k - y.k)
      .map((x) => x.id);
    expect(seen.slice(0, n)).toEqual(expected);
    expect(seen.slice(n)).toEqual(["tx-1", "tx-6", "tx-2", "tx-7", "tx-3", "tx-4", "tx-5"]);
    expect(fraud).toBe(Math.ceil(n / 50) + 1);
    expect(store.getTransaction("bulk-000001")).toMatchObject({
      terminalId: "m1",
      amount: 1.25,
      merchantName: "Fresh Basket London",
    });
  });
});
