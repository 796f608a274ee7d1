// The agent's checkpoints in PostgreSQL, for several instances: the LangGraph Postgres saver, sealed at rest like the
// SQLite one, with the deletes retention and erasure need run over the synchronous store connection.
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import type pg from "pg";
import type { SyncPg } from "../../shared/pg/pg-sync.js";
import { uuid6Floor, type CheckpointStore } from "./checkpoint-store.js";
import { createSealedSerializer, deriveCheckpointKey, type CheckpointSerializer } from "./sealed-serializer.js";

const TABLES = ["checkpoints", "checkpoint_blobs", "checkpoint_writes"] as const;

/**
 * The Postgres saver keeps channel values and pending writes as serialised blobs (sealed here), but round-trips
 * metadata through the serializer and JSON.parse into a JSONB column, which a sealed blob cannot survive. Metadata
 * holds only the step, source and parent ids (no conversation content), so it is stored as plain JSON.
 */
class SealedPostgresSaver extends PostgresSaver {
  override async _dumpMetadata(metadata: unknown): Promise<unknown> {
    return JSON.parse(JSON.stringify(metadata ?? {})) as unknown;
  }

  override async _loadMetadata(metadata: unknown): Promise<never> {
    return (metadata ?? {}) as never;
  }
}

/** Opens the checkpoint store on a pool (the saver is async) and the store connection (retention is synchronous). */
export function createPgCheckpointStore(options: { pool: pg.Pool; db: SyncPg; secret: string }): CheckpointStore {
  const { db } = options;
  const saver = new SealedPostgresSaver(options.pool);
  saver.serde = createSealedSerializer(saver.serde as CheckpointSerializer, deriveCheckpointKey(options.secret));
  const deleteThreads = (ids: readonly string[]): number => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return 0;
    return db.transaction(() => {
      const present = db.query<{ thread_id: string }>(
        `SELECT DISTINCT thread_id FROM checkpoints WHERE thread_id = ANY($1)
         UNION SELECT DISTINCT thread_id FROM checkpoint_writes WHERE thread_id = ANY($1)`,
        [unique],
      );
      for (const table of TABLES) db.run(`DELETE FROM ${table} WHERE thread_id = ANY($1)`, [unique]);
      return present.length;
    });
  };
  return {
    saver,
    // Nothing was ever written to PostgreSQL unsealed: this adapter came after sealing.
    sealLegacyRows: () => 0,
    deleteThreads,
    // Deleted rows become dead tuples until autovacuum reclaims them; they are unreachable through any query.
    eraseThreads: deleteThreads,
    // Thread and checkpoint ids are compared byte-wise (C collation), as SQLite does, so UUIDv6 order is time order.
    listThreadIds: (after, limit) =>
      db
        .query<{ thread_id: string }>(
          `SELECT DISTINCT thread_id COLLATE "C" AS thread_id FROM checkpoints
           WHERE thread_id COLLATE "C" > $1 ORDER BY 1 LIMIT $2`,
          [after, limit],
        )
        .map((r) => r.thread_id),
    idleThreadIds: (before, after, limit) =>
      db
        .query<{ thread_id: string }>(
          `SELECT thread_id COLLATE "C" AS thread_id FROM checkpoints WHERE thread_id COLLATE "C" > $1
           GROUP BY 1 HAVING MAX(checkpoint_id COLLATE "C") < $2 ORDER BY 1 LIMIT $3`,
          [after, uuid6Floor(before), limit],
        )
        .map((r) => r.thread_id),
    // The pool and the store connection are shared and closed by the composition root.
    close: () => undefined,
  };
}
