import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openSyncPg, type SyncPg } from "../shared/pg/pg-sync.js";
import { createTestDatabase, TEST_DATABASE_URL, warnSkipped } from "../shared/pg/test-database.test-helpers.js";
import { ensureBank } from "./ensure-bank.js";
import { BANK_SEED_LOCK_KEY, createPgBankStore } from "./pg-bank-store.js";

if (!TEST_DATABASE_URL) warnSkipped("PostgreSQL");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bank-pg-"));
const modelPath = path.join(dir, "models", "fraud-model.json");
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh migrated database and `n` connections to it, all released after the file. */
async function freshDatabase(n: number): Promise<{ url: string; dbs: SyncPg[] }> {
  const t = await createTestDatabase();
  const dbs = Array.from({ length: n }, (_, i) => openSyncPg(t.url, { name: `ensure-bank-${i}` }));
  cleanups.push(async () => {
    for (const db of dbs) await db.close();
    await t.drop();
  });
  return { url: t.url, dbs };
}

const bankOptions = { modelPath, seed: 1, customers: 30, today: "2024-06-01", days: 60 };

describe.runIf(TEST_DATABASE_URL)("ensureBank over PostgreSQL", () => {
  it("seeds an empty database once; a second instance finds it seeded and keeps the model", async () => {
    const { dbs } = await freshDatabase(2);
    const [a, b] = dbs.map((db) => createPgBankStore(db));
    if (!a || !b) throw new Error("two stores expected");
    const first = ensureBank({ ...bankOptions, store: a, withSeedLock: a.withSeedLock });
    expect(first.seeded).toBe(true);
    expect(first.trained).toBe(true);
    expect(first.store).toBe(a);
    expect(fs.existsSync(modelPath)).toBe(true);
    const counts = a.counts();
    expect(counts.customers).toBe(30);
    expect(counts.transactions).toBeGreaterThan(1000);
    expect(counts.flagged).toBeGreaterThan(0);

    const second = ensureBank({ ...bankOptions, store: b, withSeedLock: b.withSeedLock });
    expect(second.seeded).toBe(false);
    expect(second.trained).toBe(false);
    expect(second.model.modelVersion).toBe(first.model.modelVersion);
    expect(b.counts()).toEqual(counts);

    // The same seed gives the same bank in SQLite: the adapters store identical rows.
    const sqlite = ensureBank({ ...bankOptions, dbPath: ":memory:" });
    try {
      expect(sqlite.seeded).toBe(true);
      expect(sqlite.store.counts()).toEqual(counts);
      expect(b.listTransactions("demo1", { limit: 50 })).toEqual(sqlite.store.listTransactions("demo1", { limit: 50 }));
      expect(b.listFlaggedTransactions({ limit: 20 })).toEqual(sqlite.store.listFlaggedTransactions({ limit: 20 }));
      const recent = b.listTransactions("demo1", { limit: 3 }).map((t) => t.id);
      for (const id of recent) expect(b.getFeatureContext(id, 7)).toEqual(sqlite.store.getFeatureContext(id, 7));
    } finally {
      sqlite.store.close();
    }
  });

  it("waits while another instance seeds under the lock, then re-checks and does not seed again", async () => {
    const { url, dbs } = await freshDatabase(1);
    const db = dbs[0] as SyncPg;
    const store = createPgBankStore(db, { seedLockPollMs: 20 });
    // The model the first test saved: an empty bank without one could not be trained on.
    expect(fs.existsSync(modelPath)).toBe(true);
    const racer = new pg.Client({ connectionString: url, application_name: "bank-seed-racer" });
    await racer.connect();
    cleanups.push(() => racer.end());
    // Another instance holds the lock and has written its first customer, not yet committed.
    const racing = racer.query(
      `BEGIN;
       SELECT pg_advisory_xact_lock(${BANK_SEED_LOCK_KEY});
       INSERT INTO customers (id, name, locale, region, monthly_income, employment)
         VALUES ('other', 'Seeded Elsewhere', 'en', 'London', 1, 'employed');
       SELECT pg_sleep(0.5);
       COMMIT;`,
    );
    const deadline = Date.now() + 10_000;
    while (
      !db.query<{ n: number }>(
        "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE application_name = 'bank-seed-racer' AND wait_event = 'PgSleep'",
      )[0]?.n
    ) {
      if (Date.now() > deadline) throw new Error("the racing instance never took the lock");
      db.query("SELECT pg_sleep(0.02)");
    }
    const bank = ensureBank({ ...bankOptions, store, withSeedLock: store.withSeedLock });
    await racing;
    expect(bank.seeded).toBe(false);
    expect(store.counts()).toMatchObject({ customers: 1, transactions: 0 });
    expect(store.getCustomer("other")?.name).toBe("Seeded Elsewhere");
  });
});
