// The synchronous PostgreSQL bridge: rows and errors come back to the right caller, transactions commit or roll back
// as one, and a statement that timed out can never hand its late rows to the next one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSyncPg, PgError, type SyncPg } from "./pg-sync.js";
import { createTestDatabase, TEST_DATABASE_URL, warnSkipped } from "./test-database.test-helpers.js";

if (!TEST_DATABASE_URL) warnSkipped("PostgreSQL");

describe.runIf(TEST_DATABASE_URL)("synchronous PostgreSQL bridge", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: SyncPg;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    db = openSyncPg(database.url, { timeoutMs: 2000 });
    db.run("CREATE TABLE t (id BIGSERIAL PRIMARY KEY, v TEXT NOT NULL)");
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it("returns rows, counts and RETURNING values, with int8 as numbers", () => {
    const inserted = db.run<{ id: number }>("INSERT INTO t (v) VALUES ($1), ($2) RETURNING id", ["a", "b"]);
    expect(inserted.rowCount).toBe(2);
    expect(inserted.rows.map((r) => typeof r.id)).toEqual(["number", "number"]);
    expect(db.query<{ n: number }>("SELECT COUNT(*) AS n FROM t")).toEqual([{ n: 2 }]);
  });

  it("throws the server's SQLSTATE and stays usable", () => {
    expect(() => db.query("SELECT * FROM no_such_table")).toThrow(PgError);
    try {
      db.query("SELECT * FROM no_such_table");
    } catch (e) {
      expect((e as PgError).code).toBe("42P01");
    }
    expect(db.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("commits a transaction as one and rolls it back when it throws", () => {
    db.transaction(() => {
      db.run("INSERT INTO t (v) VALUES ('c')");
      db.run("INSERT INTO t (v) VALUES ('d')");
    });
    expect(() =>
      db.transaction(() => {
        db.run("INSERT INTO t (v) VALUES ('e')");
        throw new Error("changed my mind");
      }),
    ).toThrow("changed my mind");
    expect(db.query<{ v: string }>("SELECT v FROM t ORDER BY id").map((r) => r.v)).toEqual(["a", "b", "c", "d"]);
  });

  it("gives up on a slow statement, and the next caller gets its own rows, not the late ones", () => {
    expect(() => db.query("SELECT pg_sleep(3), 'late' AS v")).toThrow(/no answer/);
    // The late reply of the slow statement arrives while this one waits; it must be dropped.
    expect(db.query<{ v: string }>("SELECT pg_sleep(0.5), 'mine' AS v")[0]?.v).toBe("mine");
    expect(db.query<{ v: string }>("SELECT 'next' AS v")).toEqual([{ v: "next" }]);
  });
});
