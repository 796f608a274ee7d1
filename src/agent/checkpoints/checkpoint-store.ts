// The agent's checkpoints (its working memory per LangGraph thread) in SQLite, sealed at rest, with the deletes
// that retention and erasure need. Thread activity is read from the checkpoint ids, which are time-ordered UUIDv6.
import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { openSqliteDatabase, type Migration, type SqliteDatabase } from "../../shared/sqlite-database.js";
import { createSealedSerializer, deriveCheckpointKey, sealBlob, SEALED_TYPE_PREFIX } from "./sealed-serializer.js";

// The same tables @langchain/langgraph-checkpoint-sqlite 1.0.4 creates lazily (IF NOT EXISTS on both sides), made
// here up front so that pruning and erasure can run before the agent's first turn.
const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "langgraph checkpoint tables",
    sql: `
      CREATE TABLE IF NOT EXISTS checkpoints (
        thread_id TEXT NOT NULL, checkpoint_ns TEXT NOT NULL DEFAULT '', checkpoint_id TEXT NOT NULL,
        parent_checkpoint_id TEXT, type TEXT, checkpoint BLOB, metadata BLOB,
        PRIMARY KEY (thread_id, checkpoint_ns, checkpoint_id));
      CREATE TABLE IF NOT EXISTS writes (
        thread_id TEXT NOT NULL, checkpoint_ns TEXT NOT NULL DEFAULT '', checkpoint_id TEXT NOT NULL,
        task_id TEXT NOT NULL, idx INTEGER NOT NULL, channel TEXT NOT NULL, type TEXT, value BLOB,
        PRIMARY KEY (thread_id, checkpoint_ns, checkpoint_id, task_id, idx));
    `,
  },
];

// 100-ns intervals between the Gregorian epoch of UUID time (1582-10-15) and the Unix epoch.
const UUID_EPOCH_OFFSET = 122_192_928_000_000_000n;

/** The smallest UUIDv6 of an instant: every checkpoint id written before `at` sorts below it. */
export function uuid6Floor(at: Date): string {
  const t = BigInt(at.getTime()) * 10_000n + UUID_EPOCH_OFFSET;
  const h = t.toString(16).padStart(15, "0");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-6${h.slice(12, 15)}-0000-000000000000`;
}

/** Checkpoint storage with the operations retention and erasure need. */
export interface CheckpointStore {
  /** The LangGraph checkpointer handed to the agent. */
  saver: BaseCheckpointSaver;
  /** Seals rows written before sealing existed, in place; returns how many rows it sealed. */
  sealLegacyRows(): number;
  /** Deletes every checkpoint and pending write of these threads; returns how many threads had any. */
  deleteThreads(threadIds: readonly string[]): number;
  /** Deletes these threads and empties the write-ahead log, so nothing of them is left in any file (erasure). */
  eraseThreads(threadIds: readonly string[]): number;
  /** Up to `limit` thread ids after `afterThreadId`, in order (for sweeps in pages). */
  listThreadIds(afterThreadId: string, limit: number): string[];
  /** Up to `limit` threads after `afterThreadId`, in order, whose newest checkpoint was written before `before`. */
  idleThreadIds(before: Date, afterThreadId: string, limit: number): string[];
  close(): void;
}

/** Opens the checkpoint database; with `secret`, the saver seals every blob it writes and refuses unsealed ones. */
export function createCheckpointStore(file: string, options: { secret: string }): CheckpointStore {
  const db: SqliteDatabase = openSqliteDatabase(file, { namespace: "checkpoints", migrations: MIGRATIONS });
  // Deleted checkpoints are overwritten on disk, not just unlinked, so an erasure leaves nothing to carve out.
  db.pragma("secure_delete = ON");
  const key = deriveCheckpointKey(options.secret);
  const saver = new SqliteSaver(db);
  saver.serde = createSealedSerializer(saver.serde, key);
  const q = {
    countThread: db.prepare(
      "SELECT (SELECT COUNT(*) FROM checkpoints WHERE thread_id = ?) + (SELECT COUNT(*) FROM writes WHERE thread_id = ?) AS n",
    ),
    deleteCheckpoints: db.prepare("DELETE FROM checkpoints WHERE thread_id = ?"),
    deleteWrites: db.prepare("DELETE FROM writes WHERE thread_id = ?"),
    listThreads: db.prepare(
      "SELECT DISTINCT thread_id FROM checkpoints WHERE thread_id > ? ORDER BY thread_id LIMIT ?",
    ),
    idleThreads: db.prepare(
      "SELECT thread_id FROM checkpoints WHERE thread_id > ? GROUP BY thread_id HAVING MAX(checkpoint_id) < ? ORDER BY thread_id LIMIT ?",
    ),
    legacyCheckpoints: db.prepare(
      `SELECT rowid, type, checkpoint, metadata FROM checkpoints WHERE type IS NULL OR type NOT LIKE '${SEALED_TYPE_PREFIX}%'`,
    ),
    legacyWrites: db.prepare(
      `SELECT rowid, type, value FROM writes WHERE type IS NULL OR type NOT LIKE '${SEALED_TYPE_PREFIX}%'`,
    ),
    sealCheckpoint: db.prepare("UPDATE checkpoints SET type = ?, checkpoint = ?, metadata = ? WHERE rowid = ?"),
    sealWrite: db.prepare("UPDATE writes SET type = ?, value = ? WHERE rowid = ?"),
  };
  const bytesOf = (v: unknown): Uint8Array =>
    v instanceof Uint8Array ? v : Buffer.from(typeof v === "string" ? v : "", "utf8");
  const deleteThreads = db.transaction((ids: readonly string[]): number => {
    let threads = 0;
    for (const id of new Set(ids)) {
      if ((q.countThread.get(id, id) as { n: number }).n === 0) continue;
      q.deleteCheckpoints.run(id);
      q.deleteWrites.run(id);
      threads++;
    }
    return threads;
  });
  return {
    saver,
    sealLegacyRows() {
      const sealed = db.transaction((): number => {
        let n = 0;
        for (const r of q.legacyCheckpoints.all() as {
          rowid: number;
          type: string | null;
          checkpoint: unknown;
          metadata: unknown;
        }[]) {
          const type = r.type ?? "json";
          q.sealCheckpoint.run(
            `${SEALED_TYPE_PREFIX}${type}`,
            sealBlob(key, type, bytesOf(r.checkpoint)),
            sealBlob(key, type, bytesOf(r.metadata)),
            r.rowid,
          );
          n++;
        }
        for (const r of q.legacyWrites.all() as { rowid: number; type: string | null; value: unknown }[]) {
          const type = r.type ?? "json";
          q.sealWrite.run(`${SEALED_TYPE_PREFIX}${type}`, sealBlob(key, type, bytesOf(r.value)), r.rowid);
          n++;
        }
        return n;
      })();
      // Rewrite the file so the plain pages are gone, not just unreferenced.
      if (sealed > 0) {
        db.exec("VACUUM");
        db.pragma("wal_checkpoint(TRUNCATE)");
      }
      return sealed;
    },
    deleteThreads: (ids) => (ids.length ? deleteThreads(ids) : 0),
    eraseThreads(ids) {
      const n = ids.length ? deleteThreads(ids) : 0;
      if (n > 0) db.pragma("wal_checkpoint(TRUNCATE)");
      return n;
    },
    listThreadIds: (after, limit) =>
      (q.listThreads.all(after, limit) as { thread_id: string }[]).map((r) => r.thread_id),
    idleThreadIds: (before, after, limit) =>
      (q.idleThreads.all(after, uuid6Floor(before), limit) as { thread_id: string }[]).map((r) => r.thread_id),
    close: () => db.close(),
  };
}
