import { describe, expect, it } from "vitest";
import { openSqliteDatabase } from "./sqlite-database.js";

describe("openSqliteDatabase", () => {
  it("applies each migration once and records its version", () => {
    const migrations = [
      { version: 1, name: "create", sql: "CREATE TABLE t (id INTEGER PRIMARY KEY)" },
      { version: 2, name: "add column", sql: "ALTER TABLE t ADD COLUMN name TEXT" },
    ];
    const db = openSqliteDatabase(":memory:", { namespace: "demo", migrations });
    db.prepare("INSERT INTO t (name) VALUES ('a')").run();
    expect(() => (db.prepare("SELECT version FROM schema_migrations").all() as unknown[]).length).not.toThrow();
    const versions = (db.prepare("SELECT version FROM schema_migrations WHERE namespace='demo' ORDER BY version").all() as { version: number }[]).map((r) => r.version);
    expect(versions).toEqual([1, 2]);
    db.close();
  });
});
