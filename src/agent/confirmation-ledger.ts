// Exactly-once approvals: the first decision on a pending action claims it with one atomic INSERT in SQLite (so across
// worker processes too); only that caller runs it. Its reply is kept sealed, and a retried or concurrent decision on
// the same confirmation waits for it and gets the same reply back instead of running anything again.
import { openSqliteDatabase, type Migration } from "../shared/sqlite-database.js";
import type { VaultCipher } from "../shared/vault-cipher.js";
import {
  createLedgerOverClaims,
  type ClaimRow,
  type ConfirmationLedger,
  type ConfirmationTiming,
} from "./confirmation-claims.js";

export type { ConfirmationDecision, ConfirmationLedger } from "./confirmation-claims.js";

/** Options of the ledger. */
export interface ConfirmationLedgerOptions extends ConfirmationTiming {
  file: string;
  cipher: VaultCipher;
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "confirmation decisions",
    sql: `
      CREATE TABLE confirmations (
        session_id TEXT NOT NULL, id TEXT NOT NULL, decision TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
        response_sealed TEXT, claimed_by TEXT NOT NULL, claimed_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
        PRIMARY KEY (session_id, id));
      CREATE INDEX confirmations_updated ON confirmations(updated_at);
    `,
  },
];

/** Opens the ledger in the conversation database file (":memory:" for tests). */
export function createConfirmationLedger(options: ConfirmationLedgerOptions): ConfirmationLedger {
  const db = openSqliteDatabase(options.file, { namespace: "confirmations", migrations: MIGRATIONS });
  const q = {
    claim: db.prepare(
      "INSERT OR IGNORE INTO confirmations (session_id, id, decision, status, claimed_by, claimed_at, updated_at) VALUES (?, ?, ?, 'running', ?, ?, ?)",
    ),
    get: db.prepare("SELECT status, response_sealed, claimed_at FROM confirmations WHERE session_id = ? AND id = ?"),
    finish: db.prepare(
      "UPDATE confirmations SET status = ?, response_sealed = ?, updated_at = ? WHERE session_id = ? AND id = ? AND claimed_by = ?",
    ),
    expire: db.prepare(
      "UPDATE confirmations SET status = 'failed', updated_at = ? WHERE session_id = ? AND id = ? AND status = 'running' AND claimed_at < ?",
    ),
    release: db.prepare("DELETE FROM confirmations WHERE session_id = ? AND id = ? AND claimed_by = ?"),
    deleteSession: db.prepare("DELETE FROM confirmations WHERE session_id = ?"),
    prune: db.prepare("DELETE FROM confirmations WHERE updated_at < ? AND status != 'running'"),
  };
  return createLedgerOverClaims(
    {
      read: (sessionId, id) => q.get.get(sessionId, id) as ClaimRow | undefined,
      claim: (sessionId, id, decision, claimant, nowMs) =>
        q.claim.run(sessionId, id, decision, claimant, nowMs, nowMs).changes === 1,
      finish: (sessionId, id, claimant, status, sealed, nowMs) => {
        q.finish.run(status, sealed, nowMs, sessionId, id, claimant);
      },
      expire: (sessionId, id, nowMs, claimedBefore) => q.expire.run(nowMs, sessionId, id, claimedBefore).changes === 1,
      release: (sessionId, id, claimant) => {
        q.release.run(sessionId, id, claimant);
      },
      deleteSession: (sessionId) => q.deleteSession.run(sessionId).changes,
      pruneBefore: (beforeMs) => q.prune.run(beforeMs).changes,
      close: () => db.close(),
    },
    options,
  );
}
