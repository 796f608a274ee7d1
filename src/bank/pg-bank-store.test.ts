import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSyncPg, PgError, type SyncPg } from "../shared/pg/pg-sync.js";
import { createTestDatabase, TEST_DATABASE_URL, warnSkipped } from "../shared/pg/test-database.test-helpers.js";
import { BANK_FIXTURE } from "./bank-fixture.test-helpers.js";
import type { BankImport, BankStore } from "./bank-store.js";
import { createPgBankStore } from "./pg-bank-store.js";

if (!TEST_DATABASE_URL) warnSkipped("PostgreSQL");

const RACER = "bank-racer";

/** Blocks until the racing connection sits in its pg_sleep, i.e. its earlier statements have run. */
function waitForRacer(db: SyncPg): void {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const r = db.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event = 'PgSleep'",
      [RACER],
    )[0];
    if (r && r.n > 0) return;
    db.query("SELECT pg_sleep(0.02)");
  }
  throw new Error("the racing connection never reached its sleep");
}

describe.runIf(TEST_DATABASE_URL)("PostgreSQL bank store", () => {
  let drop: () => Promise<void>;
  let db: SyncPg;
  let racer: pg.Client;
  let store: BankStore;
  beforeAll(async () => {
    const t = await createTestDatabase();
    drop = t.drop;
    db = openSyncPg(t.url, { name: "bank-pg-test" });
    racer = new pg.Client({ connectionString: t.url, application_name: RACER });
    await racer.connect();
  });
  afterAll(async () => {
    await racer?.end();
    await db?.close();
    await drop?.();
  });
  beforeEach(() => {
    db.run(
      `DELETE FROM fraud_labels; DELETE FROM disputes; DELETE FROM card_status_events; DELETE FROM transactions;
       DELETE FROM cards; DELETE FROM accounts; DELETE FROM merchants; DELETE FROM customers;
       ALTER SEQUENCE dispute_numbers RESTART`,
    );
    store = createPgBankStore(db);
    store.importRows(BANK_FIXTURE);
  });

  it("imports thousands of rows per statement and streams them back in keyset pages", () => {
    const small = createPgBankStore(db, { batchRows: 500, pageRows: 400 });
    const transactions: NonNullable<BankImport["transactions"]> = Array.from({ length: 2_000 }, (_, i) => ({
      id: `bulk-${i}`,
      cardId: "card-2",
      customerId: "demo2",
      terminalId: "m1",
      merchantName: "",
      merchantCategory: "",
      amount: i,
      currency: "GBP",
      timestamp: new Date(Date.parse("2024-02-01T00:00:00Z") + Math.floor(i / 7) * 1000).toISOString(),
      channel: "contactless",
      region: "London",
      reportedFraud: false,
    }));
    let before = db.statements;
    small.importRows({ transactions });
    // BEGIN, four INSERTs of 500 rows, COMMIT, then ANALYZE (a bulk import refreshes the planner's statistics)
    expect(db.statements - before).toBe(7);
    before = db.statements;
    const ids: string[] = [];
    small.forEachFeatureRow((r) => ids.push(r.id));
    // the labels, then six pages of at most 400 of the 2,007 rows
    expect(db.statements - before).toBe(7);
    const expected = db.query<{ id: string }>("SELECT id FROM transactions ORDER BY epoch, seq").map((r) => r.id);
    expect(ids).toEqual(expected);
    expect(ids.slice(0, 8)).toEqual(["bulk-0", "bulk-1", "bulk-2", "bulk-3", "bulk-4", "bulk-5", "bulk-6", "bulk-7"]);
    before = db.statements;
    small.saveAssessments(
      transactions.map((t) => ({
        transactionId: t.id,
        probability: 0.5,
        level: "review",
        reasons: [],
        modelVersion: "v3",
      })),
    );
    // BEGIN, four UPDATEs of 500, COMMIT, then ANALYZE of the re-scored transactions
    expect(db.statements - before).toBe(7);
    expect(small.counts().flagged).toBe(2_003);
  });

  it("answers each per-turn read and write with one statement", () => {
    const cost = (call: () => unknown): number => {
      const before = db.statements;
      call();
      return db.statements - before;
    };
    const costs = {
      getCustomer: cost(() => store.getCustomer("demo1")),
      searchCustomers: cost(() => store.searchCustomers("morgan", 5)),
      listAccounts: cost(() => store.listAccounts("demo1")),
      listCards: cost(() => store.listCards("demo1")),
      getCard: cost(() => store.getCard("card-1")),
      setCardStatus: cost(() => store.setCardStatus("card-1", "frozen", "customer:demo1")),
      listTransactions: cost(() => store.listTransactions("demo1", { limit: 5, cardId: "card-1" })),
      getTransaction: cost(() => store.getTransaction("tx-1")),
      createDispute: cost(() => store.createDispute({ customerId: "demo1", transactionId: "tx-1", reason: "x" })),
      createDisputeAgain: cost(() => store.createDispute({ customerId: "demo1", transactionId: "tx-1", reason: "x" })),
      listDisputes: cost(() => store.listDisputes("demo1")),
      recordFraudLabel: cost(() => store.recordFraudLabel({ transactionId: "tx-1", label: "fraud", analyst: "a" })),
      listFraudLabels: cost(() => store.listFraudLabels()),
      listFlaggedTransactions: cost(() => store.listFlaggedTransactions({ limit: 5 })),
      countFraudReviews: cost(() => store.countFraudReviews("2024-01-01T00:00:00Z")),
      countFraudWindow: cost(() => store.countFraudWindow("2024-01-01T00:00:00Z", "2024-04-01T00:00:00Z")),
      countTransactions: cost(() => store.countTransactions("demo1", "2024-01-01T00:00:00Z")),
      getStoredAssessment: cost(() => store.getStoredAssessment("tx-3")),
      getFeatureContext: cost(() => store.getFeatureContext("tx-5", 7)),
      getCreditProfile: cost(() => store.getCreditProfile("demo1")),
      getMerchant: cost(() => store.getMerchant("m1")),
      counts: cost(() => store.counts()),
    };
    expect(costs).toEqual(Object.fromEntries(Object.keys(costs).map((k) => [k, 1])));
  });

  it("waits for a concurrent block of the card and then refuses to reactivate it", async () => {
    const racing = racer.query(
      `BEGIN;
       UPDATE cards SET status = 'blocked' WHERE id = 'card-1';
       INSERT INTO card_status_events (card_id, status, actor, at) VALUES ('card-1', 'blocked', 'staff:racer', '2024-05-01');
       SELECT pg_sleep(0.4);
       COMMIT;`,
    );
    waitForRacer(db);
    // Read before the block commits, this card is still active: only a re-check under the row lock refuses.
    expect(store.getCard("card-1")?.status).toBe("active");
    expect(store.setCardStatus("card-1", "active", "customer:demo1")).toEqual({ ok: false, error: "card_blocked" });
    await racing;
    expect(store.getCard("card-1")?.status).toBe("blocked");
    expect(db.query("SELECT status, actor FROM card_status_events WHERE card_id = 'card-1' ORDER BY id")).toEqual([
      { status: "blocked", actor: "staff:racer" },
    ]);
  });

  it("returns the dispute another instance opens at the same moment instead of opening a second", async () => {
    const racing = racer.query(
      `BEGIN;
       INSERT INTO disputes (id, customer_id, transaction_id, reason, status, created_at)
         VALUES ('dsp-' || lpad(nextval('dispute_numbers')::text, 6, '0'), 'demo1', 'tx-2', 'raced', 'open',
                 '2024-05-01T00:00:00.000Z');
       SELECT pg_sleep(0.4);
       COMMIT;`,
    );
    waitForRacer(db);
    const mine = store.createDispute({ customerId: "demo1", transactionId: "tx-2", reason: "mine" });
    await racing;
    expect(mine).toEqual({
      ok: true,
      value: {
        alreadyOpen: true,
        dispute: {
          id: "dsp-000001",
          customerId: "demo1",
          transactionId: "tx-2",
          reason: "raced",
          status: "open",
          createdAt: "2024-05-01T00:00:00.000Z",
        },
      },
    });
    expect(store.listDisputes("demo1")).toHaveLength(1);
    const next = store.createDispute({ customerId: "demo1", transactionId: "tx-3", reason: "x" });
    expect(next.ok && next.value.alreadyOpen).toBe(false);
    expect(next.ok && next.value.dispute.id).not.toBe("dsp-000001");
  });

  it("opens the dispute itself when the other instance's attempt rolls back", async () => {
    const racing = racer.query(
      `BEGIN;
       INSERT INTO disputes (id, customer_id, transaction_id, reason, status, created_at)
         VALUES ('dsp-900000', 'demo1', 'tx-2', 'raced', 'open', '2024-05-01T00:00:00.000Z');
       SELECT pg_sleep(0.3);
       ROLLBACK;`,
    );
    waitForRacer(db);
    const mine = store.createDispute({ customerId: "demo1", transactionId: "tx-2", reason: "mine" });
    await racing;
    expect(mine.ok && mine.value).toMatchObject({ alreadyOpen: false, dispute: { id: "dsp-000001", reason: "mine" } });
    expect(store.listDisputes().map((d) => d.id)).toEqual(["dsp-000001"]);
  });

  it("refuses a second open dispute at the schema level and never reuses a dispute number", () => {
    const first = store.createDispute({ customerId: "demo1", transactionId: "tx-1", reason: "x" });
    expect(first.ok).toBe(true);
    let refused: unknown;
    try {
      db.run(
        `INSERT INTO disputes (id, customer_id, transaction_id, reason, status, created_at)
         VALUES ('dsp-999999', 'demo1', 'tx-1', 'x', 'open', '2025')`,
      );
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(PgError);
    expect((refused as PgError).code).toBe("23505");
    db.run("DELETE FROM disputes");
    const again = store.createDispute({ customerId: "demo1", transactionId: "tx-1", reason: "x" });
    expect(again.ok && again.value.dispute.id).toBe("dsp-000002");
  });

  it("pads dispute numbers to six digits and lets them grow past a million", () => {
    db.run("ALTER SEQUENCE dispute_numbers RESTART WITH 1234567");
    const d = store.createDispute({ customerId: "demo2", transactionId: "tx-6", reason: "x" });
    expect(d.ok && d.value.dispute.id).toBe("dsp-1234567");
  });
});
