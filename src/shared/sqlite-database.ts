// The only file that imports better-sqlite3: opens a database in WAL mode and applies versioned migrations, and tells
// storage faults (locked, read-only, full) apart from bugs so the edge can answer them with a clean 503.
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";

/** A SQLite connection (the better-sqlite3 API). */
export type SqliteDatabase = BetterSqlite3.Database;

/** How long a statement waits for another connection's write lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/** A storage fault the service can survive by answering 503: the database is locked, read-only or unwritable. */
export type StorageFault = "busy" | "read_only" | "unavailable";

/** One schema step; `version` values must increase and never be reused. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Opens (creating folders as needed) a SQLite file or ":memory:", enables WAL and foreign keys,
 * and applies the pending migrations of one namespace in a transaction each.
 */
export function openSqliteDatabase(
  file: string,
  options: { namespace: string; migrations: readonly Migration[] },
): SqliteDatabase {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  applyMigrations(db, options.namespace, options.migrations);
  return db;
}

/** Applies the migrations of a namespace not yet recorded in `schema_migrations`. */
export function applyMigrations(db: SqliteDatabase, namespace: string, migrations: readonly Migration[]): void {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (namespace TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (namespace, version))",
  );
  const applied = new Set(
    (
      db.prepare("SELECT version FROM schema_migrations WHERE namespace = ?").all(namespace) as { version: number }[]
    ).map((r) => r.version),
  );
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (const m of sorted) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (namespace, version, name, applied_at) VALUES (?, ?, ?, ?)").run(
        namespace,
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
  }
}

/** Opens an existing database file without migrations, e.g. for checks and tools; `readonly` never writes. */
export function openSqliteConnection(file: string, options: { readonly?: boolean } = {}): SqliteDatabase {
  const db = new BetterSqlite3(file, {
    readonly: options.readonly ?? false,
    fileMustExist: true,
    timeout: BUSY_TIMEOUT_MS,
  });
  return db;
}

/** Runs `PRAGMA integrity_check` and returns "ok" or the problems SQLite reports. */
export function checkIntegrity(db: SqliteDatabase): string {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join("; ");
}

/** The storage fault behind an error (also through `cause`), or undefined for anything else. */
export function storageFaultOf(error: unknown): StorageFault | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (!(e instanceof BetterSqlite3.SqliteError)) continue;
    const code = e.code;
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "busy";
    if (code.startsWith("SQLITE_READONLY")) return "read_only";
    if (code.startsWith("SQLITE_FULL") || code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN"))
      return "unavailable";
  }
  return undefined;
}
