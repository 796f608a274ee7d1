// Retention and erasure deletes of the conversation store in PostgreSQL: the same port and rules as the SQLite
// lifecycle (conversation-lifecycle.ts), with each operation folded into one statement (data-modifying CTEs over an
// id array) instead of per-conversation loops, because every statement is a round trip over the bridge.
//
// What the SQLite lifecycle does that has no counterpart here, and why:
// - Its own migrations (erasure_audit, indexes, the 1970 trace-time repair): the tables come from
//   db/migrations/1764600000100_conversations.sql, and PostgreSQL never held the mis-dated traces.
// - `secure_delete` and `wal_checkpoint(TRUNCATE)` after an erasure: PostgreSQL cannot zero deleted rows. They stay
//   in the heap until vacuum reuses the space, and in WAL until its segments are recycled; neither can be forced from
//   a statement (VACUUM only marks space free and cannot run inside a transaction). Vault values are sealed before they
//   are stored, and the database volume and its backups must be encrypted at rest; that is the erasure guarantee here.
// - The `sqlite_master` check for the feedback table: `to_regclass` answers the same question.
import type { SyncPg } from "../../shared/pg/pg-sync.js";
import {
  auditCounts,
  customerOwner,
  erasureEntry,
  keepFound,
  LAST_MESSAGE_SQL,
  PROTECTED_SQL,
  toErasureEntry,
  type ConversationCounts,
  type ConversationLifecycle,
  type ErasureAuditRow,
} from "../conversation-lifecycle-model.js";

/** SQL true when conversation `s` is idle since `$cutoff` and nobody is handling it. */
const idleSql = (cutoff: string): string =>
  `s.updated_at < ${cutoff} AND ${LAST_MESSAGE_SQL} < ${cutoff} AND NOT ${PROTECTED_SQL}`;

interface CountsRow {
  sessions: number;
  messages: number;
  tickets: number;
  traces: number;
  vault_entries: number;
}

const toCounts = (r: CountsRow | undefined): ConversationCounts => ({
  sessions: r?.sessions ?? 0,
  messages: r?.messages ?? 0,
  tickets: r?.tickets ?? 0,
  traces: r?.traces ?? 0,
  vaultEntries: r?.vault_entries ?? 0,
});

/**
 * One statement deleting the conversations a CTE named `ids` selects, with everything hanging off them, and counting
 * what went. All sub-statements see one snapshot and the foreign keys are checked at its end, so the order of the
 * deletes does not matter.
 */
const deleteConversationsSql = (idsCte: string, withFeedback: boolean): string => `
  WITH ids AS (${idsCte}),
  ${withFeedback ? "f AS (DELETE FROM feedback WHERE session_id IN (SELECT id FROM ids))," : ""}
  m AS (DELETE FROM messages WHERE session_id IN (SELECT id FROM ids) RETURNING 1),
  t AS (DELETE FROM tickets WHERE session_id IN (SELECT id FROM ids) RETURNING 1),
  r AS (DELETE FROM traces WHERE session_id IN (SELECT id FROM ids) RETURNING 1),
  v AS (DELETE FROM vault WHERE session_id IN (SELECT id FROM ids) RETURNING 1),
  s AS (DELETE FROM sessions WHERE id IN (SELECT id FROM ids) RETURNING id)
  SELECT (SELECT COUNT(*) FROM s) AS sessions, (SELECT COUNT(*) FROM m) AS messages,
         (SELECT COUNT(*) FROM t) AS tickets, (SELECT COUNT(*) FROM r) AS traces,
         (SELECT COUNT(*) FROM v) AS vault_entries, ARRAY(SELECT id FROM s) AS deleted`;

/** Builds the lifecycle queries on the shared PostgreSQL connection (the tables come from the migrations). */
export function createPgConversationLifecycle(db: SyncPg): ConversationLifecycle {
  // Feedback lives in the same database but belongs to its own store and migration; it goes with its conversation
  // when its table exists. Asked until it does, then remembered.
  let feedbackPresent = false;
  const withFeedback = (): boolean => {
    if (!feedbackPresent)
      feedbackPresent =
        db.query<{ present: boolean }>("SELECT to_regclass('feedback') IS NOT NULL AS present")[0]?.present ?? false;
    return feedbackPresent;
  };
  const ids = (rows: { id: string }[]): string[] => rows.map((r) => r.id);
  const found = (sessionIds: readonly string[], where: string, extra: unknown[] = []): Set<string> => {
    if (sessionIds.length === 0) return new Set();
    const rows = db.query<{ id: string }>(`SELECT s.id FROM sessions s WHERE s.id = ANY($1::text[]) ${where}`, [
      [...sessionIds],
      ...extra,
    ]);
    return keepFound(sessionIds, new Set(ids(rows)));
  };
  const deleteListed = (sessionIds: readonly string[]): ConversationCounts => {
    if (sessionIds.length === 0) return toCounts(undefined);
    const sql = deleteConversationsSql("SELECT DISTINCT unnest($1::text[]) AS id", withFeedback());
    return toCounts(db.query<CountsRow>(sql, [[...sessionIds]])[0]);
  };

  return {
    sessionsOfCustomer: (customerId) =>
      ids(db.query("SELECT id FROM sessions WHERE owner = $1 ORDER BY id", [customerOwner(customerId)])),
    eraseConversations(sessionIds, audit) {
      return db.transaction(() => {
        const counts = deleteListed(sessionIds);
        const all = auditCounts(counts, audit);
        const row = db.query<{ id: number }>(
          "INSERT INTO erasure_audit (at, actor, customer_id, reason, counts_json) VALUES ($1, $2, $3, $4, $5) RETURNING id",
          [audit.at, audit.actor, audit.customerId, audit.reason, JSON.stringify(all)],
        )[0];
        if (!row) throw new Error("the erasure audit record was not stored");
        return { counts, entry: erasureEntry(row.id, audit, all) };
      });
    },
    listErasures: (customerId) =>
      db
        .query<ErasureAuditRow>("SELECT * FROM erasure_audit WHERE customer_id = $1 ORDER BY id", [customerId])
        .map(toErasureEntry),
    idleSessions: (cutoff, limit) =>
      ids(db.query(`SELECT s.id FROM sessions s WHERE ${idleSql("$1")} LIMIT $2`, [cutoff, limit])),
    deleteIdleConversations(sessionIds, cutoff) {
      if (sessionIds.length === 0) return { deleted: [], counts: toCounts(undefined) };
      // Idleness is checked again in the deleting statement, with the rows locked: a conversation resumed since it
      // was listed is kept, and a message arriving meanwhile waits for the delete (then finds no conversation).
      const sql = deleteConversationsSql(
        `SELECT s.id FROM sessions s WHERE s.id = ANY($1::text[]) AND ${idleSql("$2")} FOR UPDATE OF s`,
        withFeedback(),
      );
      const row = db.query<CountsRow & { deleted: string[] }>(sql, [[...sessionIds], cutoff])[0];
      const gone = new Set(row?.deleted ?? []);
      return { deleted: sessionIds.filter((id) => gone.has(id)), counts: toCounts(row) };
    },
    deleteOldTraces(cutoff, limit) {
      const row = db.query<{ n: number }>(
        `WITH old AS (
           SELECT r.id FROM traces r WHERE r.created_at < $1
             AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = r.session_id AND ${PROTECTED_SQL})
           ORDER BY r.created_at, r.seq LIMIT $2),
         unlinked AS (UPDATE messages SET trace_id = NULL WHERE trace_id IN (SELECT id FROM old)),
         gone AS (DELETE FROM traces WHERE id IN (SELECT id FROM old) RETURNING 1)
         SELECT COUNT(*) AS n FROM gone`,
        [cutoff, limit],
      )[0];
      return row?.n ?? 0;
    },
    sessionsWithIdleWorkingMemory: (cutoff, limit) =>
      ids(
        db.query(
          // `->>` gives SQL NULL for a missing key and for a JSON null, as SQLite's json_extract does.
          `SELECT s.id FROM sessions s WHERE ${idleSql("$1")}
           AND (EXISTS (SELECT 1 FROM vault v WHERE v.session_id = s.id) OR (s.state_json::jsonb ->> 'pending') IS NOT NULL
                OR (s.state_json::jsonb ->> 'awaiting') IS NOT NULL) LIMIT $2`,
          [cutoff, limit],
        ),
      ),
    dropWorkingMemory(sessionIds) {
      if (sessionIds.length === 0) return 0;
      // Only states holding a waiting action are rewritten. jsonb prints its text with other spacing and key order
      // than JSON.stringify; every reader parses the state (toSession), so that difference is never seen.
      const row = db.query<{ n: number }>(
        `WITH gone AS (DELETE FROM vault WHERE session_id = ANY($1::text[]) RETURNING 1),
         cleared AS (UPDATE sessions SET state_json = (state_json::jsonb - 'pending' - 'awaiting')::text
                     WHERE id = ANY($1::text[]) AND state_json::jsonb ?| ARRAY['pending', 'awaiting'])
         SELECT COUNT(*) AS n FROM gone`,
        [[...sessionIds]],
      )[0];
      return row?.n ?? 0;
    },
    protectedSessions: (sessionIds) => found(sessionIds, `AND ${PROTECTED_SQL}`),
    idleAmong: (sessionIds, cutoff) => found(sessionIds, `AND ${idleSql("$2")}`, [cutoff]),
    existingSessions: (sessionIds) => found(sessionIds, ""),
    deleteOrphans() {
      const row = db.query<{ traces: number; vault_entries: number }>(
        `WITH r AS (DELETE FROM traces WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = traces.session_id) RETURNING 1),
         v AS (DELETE FROM vault WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = vault.session_id) RETURNING 1)
         SELECT (SELECT COUNT(*) FROM r) AS traces, (SELECT COUNT(*) FROM v) AS vault_entries`,
      )[0];
      return { traces: row?.traces ?? 0, vaultEntries: row?.vault_entries ?? 0 };
    },
  };
}
