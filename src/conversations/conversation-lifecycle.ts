// Deletes in the conversation database for retention and erasure: whole conversations with everything that hangs
// off them (transcript, tickets, traces, vault), old traces, the agent's working memory, and the erasure audit log.
import {
  auditCounts,
  customerOwner,
  erasureEntry,
  LAST_MESSAGE_SQL,
  noConversationCounts,
  PROTECTED_SQL,
  toErasureEntry,
  type ConversationCounts,
  type ConversationLifecycle,
  type ErasureAuditInput,
  type ErasureAuditRow,
} from "./conversation-lifecycle-model.js";
import { applyMigrations, type Migration, type SqliteDatabase } from "../shared/sqlite-database.js";

// A namespace of its own, so these tables never compete for version numbers with the conversation schema.
const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "erasure audit",
    sql: `
      CREATE TABLE erasure_audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, customer_id TEXT NOT NULL,
        reason TEXT NOT NULL, counts_json TEXT NOT NULL);
      CREATE INDEX erasure_audit_customer ON erasure_audit(customer_id, id);
      CREATE TRIGGER erasure_audit_no_update BEFORE UPDATE ON erasure_audit BEGIN SELECT RAISE(ABORT, 'erasure audit is append-only'); END;
      CREATE TRIGGER erasure_audit_no_delete BEFORE DELETE ON erasure_audit BEGIN SELECT RAISE(ABORT, 'erasure audit is append-only'); END;
      CREATE INDEX traces_created ON traces(created_at);
      CREATE INDEX messages_trace ON messages(trace_id);
      CREATE INDEX sessions_owner ON sessions(owner);
    `,
  },
  {
    version: 2,
    name: "trace times",
    // Traces used to be stamped with a monotonic clock read as a date (1970); date them by their reply or session.
    sql: `
      UPDATE traces SET created_at = COALESCE(
        (SELECT MAX(m.created_at) FROM messages m WHERE m.trace_id = traces.id),
        (SELECT s.updated_at FROM sessions s WHERE s.id = traces.session_id),
        created_at)
      WHERE created_at < '2000-01-01';
    `,
  },
];

// The port and its shared rules live in their own module, which the PostgreSQL adapter imports too.
export {
  ConversationCountsSchema,
  ErasureAuditEntrySchema,
  type ConversationCounts,
  type ConversationLifecycle,
  type ErasureAuditEntry,
} from "./conversation-lifecycle-model.js";

/** Builds the lifecycle queries on the conversation store's connection (and applies their own migrations). */
export function createConversationLifecycle(db: SqliteDatabase): ConversationLifecycle {
  applyMigrations(db, "conversation-lifecycle", MIGRATIONS);
  // Deleted rows are overwritten on disk, so erased text cannot be carved out of free pages.
  db.pragma("secure_delete = ON");
  const q = {
    // A signed-in customer owns their conversations as `customer:<id>` (see session-access.ts).
    sessionsOfCustomer: db.prepare("SELECT id FROM sessions WHERE owner = ? ORDER BY id"),
    deleteMessages: db.prepare("DELETE FROM messages WHERE session_id = ?"),
    deleteTickets: db.prepare("DELETE FROM tickets WHERE session_id = ?"),
    deleteTraces: db.prepare("DELETE FROM traces WHERE session_id = ?"),
    deleteVault: db.prepare("DELETE FROM vault WHERE session_id = ?"),
    deleteSession: db.prepare("DELETE FROM sessions WHERE id = ?"),
    insertAudit: db.prepare(
      "INSERT INTO erasure_audit (at, actor, customer_id, reason, counts_json) VALUES (?, ?, ?, ?, ?)",
    ),
    listAudit: db.prepare("SELECT * FROM erasure_audit WHERE customer_id = ? ORDER BY id"),
    idleSessions: db.prepare(
      `SELECT s.id FROM sessions s WHERE s.updated_at < @cutoff AND ${LAST_MESSAGE_SQL} < @cutoff AND NOT ${PROTECTED_SQL} LIMIT @limit`,
    ),
    oldTraces: db.prepare(
      `SELECT r.id FROM traces r WHERE r.created_at < @cutoff AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = r.session_id AND ${PROTECTED_SQL}) LIMIT @limit`,
    ),
    deleteTrace: db.prepare("DELETE FROM traces WHERE id = ?"),
    unlinkTrace: db.prepare("UPDATE messages SET trace_id = NULL WHERE trace_id = ?"),
    idleMemory: db.prepare(
      `SELECT s.id FROM sessions s WHERE s.updated_at < @cutoff AND ${LAST_MESSAGE_SQL} < @cutoff AND NOT ${PROTECTED_SQL}
       AND (EXISTS (SELECT 1 FROM vault v WHERE v.session_id = s.id) OR json_extract(s.state_json, '$.pending') IS NOT NULL
            OR json_extract(s.state_json, '$.awaiting') IS NOT NULL) LIMIT @limit`,
    ),
    clearPending: db.prepare(
      "UPDATE sessions SET state_json = json_remove(state_json, '$.pending', '$.awaiting') WHERE id = ?",
    ),
    isIdle: db.prepare(
      `SELECT 1 FROM sessions s WHERE s.id = @id AND s.updated_at < @cutoff AND ${LAST_MESSAGE_SQL} < @cutoff AND NOT ${PROTECTED_SQL}`,
    ),
    isProtected: db.prepare(`SELECT 1 FROM sessions s WHERE s.id = ? AND ${PROTECTED_SQL}`),
    exists: db.prepare("SELECT 1 FROM sessions WHERE id = ?"),
    orphanTraces: db.prepare(
      "DELETE FROM traces WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = traces.session_id)",
    ),
    orphanVault: db.prepare(
      "DELETE FROM vault WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = vault.session_id)",
    ),
  };
  // Feedback lives in the same database but is created by its own store; it goes with its conversation when present.
  // The feedback store may create its table after this one starts, so the statement is prepared once it exists.
  let deleteFeedback: ReturnType<SqliteDatabase["prepare"]> | undefined;
  const feedbackStatement = (): ReturnType<SqliteDatabase["prepare"]> | undefined => {
    if (!deleteFeedback && db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'feedback'").get())
      deleteFeedback = db.prepare("DELETE FROM feedback WHERE session_id = ?");
    return deleteFeedback;
  };
  const deleteOne = (id: string, counts: ConversationCounts): void => {
    feedbackStatement()?.run(id);
    counts.messages += q.deleteMessages.run(id).changes;
    counts.tickets += q.deleteTickets.run(id).changes;
    counts.traces += q.deleteTraces.run(id).changes;
    counts.vaultEntries += q.deleteVault.run(id).changes;
    counts.sessions += q.deleteSession.run(id).changes;
  };
  const deleteMany = (ids: readonly string[]): ConversationCounts => {
    const counts = noConversationCounts();
    for (const id of new Set(ids)) deleteOne(id, counts);
    return counts;
  };
  const ids = (rows: unknown[]): string[] => (rows as { id: string }[]).map((r) => r.id);
  const matching = (sessionIds: readonly string[], stmt: typeof q.exists): Set<string> =>
    new Set(sessionIds.filter((id) => stmt.get(id) !== undefined));

  const eraseInTransaction = db.transaction((sessionIds: readonly string[], audit: ErasureAuditInput) => {
    const counts = deleteMany(sessionIds);
    const all = auditCounts(counts, audit);
    const info = q.insertAudit.run(audit.at, audit.actor, audit.customerId, audit.reason, JSON.stringify(all));
    return { counts, entry: erasureEntry(Number(info.lastInsertRowid), audit, all) };
  });

  return {
    sessionsOfCustomer: (customerId) => ids(q.sessionsOfCustomer.all(customerOwner(customerId))),
    eraseConversations(sessionIds, audit) {
      const result = eraseInTransaction(sessionIds, audit);
      // Move the (zeroed) pages into the database and empty the log, so erased text is not left in the WAL file.
      if (result.counts.sessions > 0) db.pragma("wal_checkpoint(TRUNCATE)");
      return result;
    },
    listErasures: (customerId) => (q.listAudit.all(customerId) as ErasureAuditRow[]).map(toErasureEntry),
    idleSessions: (cutoff, limit) => ids(q.idleSessions.all({ cutoff, limit })),
    // Idleness is checked again inside the transaction: a conversation resumed since it was listed is kept.
    deleteIdleConversations: db.transaction((sessionIds: readonly string[], cutoff: string) => {
      const deleted = sessionIds.filter((id) => q.isIdle.get({ id, cutoff }) !== undefined);
      return { deleted, counts: deleteMany(deleted) };
    }),
    deleteOldTraces: db.transaction((cutoff: string, limit: number): number => {
      let n = 0;
      for (const id of ids(q.oldTraces.all({ cutoff, limit }))) {
        q.unlinkTrace.run(id);
        n += q.deleteTrace.run(id).changes;
      }
      return n;
    }),
    sessionsWithIdleWorkingMemory: (cutoff, limit) => ids(q.idleMemory.all({ cutoff, limit })),
    dropWorkingMemory: db.transaction((sessionIds: readonly string[]): number => {
      let n = 0;
      for (const id of new Set(sessionIds)) {
        n += q.deleteVault.run(id).changes;
        q.clearPending.run(id);
      }
      return n;
    }),
    protectedSessions: (sessionIds) => matching(sessionIds, q.isProtected),
    idleAmong: (sessionIds, cutoff) => new Set(sessionIds.filter((id) => q.isIdle.get({ id, cutoff }) !== undefined)),
    existingSessions: (sessionIds) => matching(sessionIds, q.exists),
    deleteOrphans: db.transaction(() => ({
      traces: q.orphanTraces.run().changes,
      vaultEntries: q.orphanVault.run().changes,
    })),
  };
}
