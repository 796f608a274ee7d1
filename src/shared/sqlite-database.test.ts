import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkIntegrity, openSqliteConnection, openSqliteDatabase, storageFaultOf } from "./sqlite-database.js";

describe("openSqliteDatabase", () => {
  it("applies each migration once and records its version", () => {
    const migrations = [
      { version: 1, name: "create", sql: "CREATE TABLE t (id INTEGER PRIMARY KEY)" },
      { version: 2, name: "add column", sql: "ALTER TABLE t ADD COLUMN name TEXT" },
    ];
    const db = openSqliteDatabase(":memory:", { namespace: "demo", migrations });
    db.prepare("INSERT INTO t (name) VALUES ('a')").run();
    expect(() => (db.prepare("SELECT version FROM schema_migrations").all() as unknown[]).length).not.toThrow();
    const versions = (
      db.prepare("SELECT version FROM schema_migrations WHERE namespace='demo' ORDER BY version").all() as {
        version: number;
      }[]
    ).map((r) => r.version);
    expect(versions).toEqual([1, 2]);
    db.close();
  });
});

describe("storageFaultOf", () => {
  it("tells a locked and a read-only database apart from other errors", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sqlite-fault-"));
    const file = path.join(dir, "t.sqlite");
    const db = openSqliteDatabase(file, {
      namespace: "t",
      migrations: [{ version: 1, name: "t", sql: "CREATE TABLE t (x)" }],
    });
    const reader = openSqliteConnection(file, { readonly: true });
    const readOnlyError = captureError(() => reader.prepare("INSERT INTO t VALUES (1)").run());
    expect(storageFaultOf(readOnlyError)).toBe("read_only");
    const other = openSqliteConnection(file);
    other.pragma("busy_timeout = 0");
    db.exec("BEGIN EXCLUSIVE");
    expect(
      storageFaultOf(
        new Error("wrapped", { cause: captureError(() => other.prepare("INSERT INTO t VALUES (2)").run()) }),
      ),
    ).toBe("busy");
    db.exec("COMMIT");
    expect(storageFaultOf(new Error("a bug"))).toBeUndefined();
    expect(checkIntegrity(db)).toBe("ok");
    for (const c of [reader, other, db]) c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}
