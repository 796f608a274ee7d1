// The only file that imports better-sqlite3: opens a database in WAL mode and applies versioned migrations.
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";

/** A SQLite connection (the better-sqlite3 API). */
export type SqliteDatabase = BetterSqlite3.Database;

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
export function openSqliteDatabase(file: string, options: { namespace: string; migrations: readonly Migration[] }): SqliteDatabase {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  applyMigrations(db, options.namespace, options.migrations);
  return db;
}

/** Applies the migrations of a namespace not yet recorded in `schema_migrations`. */
export function applyMigrations(db: SqliteDatabase, namespace: string, migrations: readonly Migration[]): void {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (namespace TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (namespace, version))",
  );
  const applied = new Set(
    (db.prepare("SELECT version FROM schema_migrations WHERE namespace = ?").all(namespace) as { version: number }[]).map((r) => r.version),
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
