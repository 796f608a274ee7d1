// The two adapters of a store port as contract suites open them: SQLite on a fresh file per test, PostgreSQL on one
// fresh database per suite emptied before each test. `twin` is another instance over the same data (another file
// handle, another connection), `sibling` another store of this process on the same handle.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openSyncPg, type SyncPg } from "./pg-sync.js";
import { createTestDatabase, TEST_DATABASE_URL } from "./test-database.test-helpers.js";

/** A fresh, empty store and the ways to reach the same data again. */
export interface OpenedStore<S, O> {
  store: S;
  twin: (options?: O) => S;
  sibling: () => S;
}

/** One adapter of a port, for `describe.each`. */
export interface StoreAdapter<S, O> {
  open(options?: O): OpenedStore<S, O>;
  done(): Promise<void>;
}

/** The SQLite adapter always, the PostgreSQL one when TEST_DATABASE_URL is set. */
export function storeAdapters<S extends { close(): void }, O>(spec: {
  name: string;
  sqlite: (file: string, options?: O) => S;
  postgres: (db: SyncPg, options?: O) => S;
  /** Tables the PostgreSQL adapter empties before each test (comma-separated). */
  tables: string;
}): [string, () => Promise<StoreAdapter<S, O>>][] {
  const sqlite = async (): Promise<StoreAdapter<S, O>> => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${spec.name}-contract-`));
    const stores: S[] = [];
    const keep = (s: S): S => (stores.push(s), s);
    let n = 0;
    return {
      open(options) {
        const file = path.join(dir, `chat-${n++}.sqlite`);
        return {
          store: keep(spec.sqlite(file, options)),
          twin: (o) => keep(spec.sqlite(file, o)),
          sibling: () => keep(spec.sqlite(file)),
        };
      },
      done: async () => {
        for (const s of stores) s.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  };
  const postgres = async (): Promise<StoreAdapter<S, O>> => {
    const t = await createTestDatabase();
    const db = openSyncPg(t.url);
    const other = openSyncPg(t.url);
    return {
      open(options) {
        db.run(`TRUNCATE ${spec.tables} RESTART IDENTITY`);
        return {
          store: spec.postgres(db, options),
          twin: (o) => spec.postgres(other, o),
          sibling: () => spec.postgres(db),
        };
      },
      done: async () => {
        await db.close();
        await other.close();
        await t.drop();
      },
    };
  };
  return [["sqlite", sqlite], ...(TEST_DATABASE_URL ? [["postgres", postgres] as [string, typeof postgres]] : [])];
}
