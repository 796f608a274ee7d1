// Exactly-once approvals on PostgreSQL, for instances sharing one database (DATABASE_URL): the first decision claims
// the confirmation with INSERT … ON CONFLICT DO NOTHING on its primary key, so exactly one instance runs the action;
// a duplicate on any instance waits for the claim to settle and replays the sealed reply (confirmation-claims.ts).
import type { SyncPg } from "../shared/pg/pg-sync.js";
import type { VaultCipher } from "../shared/vault-cipher.js";
import {
  createLedgerOverClaims,
  type ClaimRow,
  type ConfirmationLedger,
  type ConfirmationTiming,
} from "./confirmation-claims.js";

/** Options of the PostgreSQL ledger: the shared connection instead of a file. */
export interface PgConfirmationLedgerOptions extends ConfirmationTiming {
  db: SyncPg;
  cipher: VaultCipher;
}

/** The ledger over the shared PostgreSQL connection; `close()` leaves the connection open. */
export function createPgConfirmationLedger(options: PgConfirmationLedgerOptions): ConfirmationLedger {
  const { db } = options;
  return createLedgerOverClaims(
    {
      read: (sessionId, id) =>
        db.query<ClaimRow>(
          "SELECT status, response_sealed, claimed_at FROM confirmations WHERE session_id = $1 AND id = $2",
          [sessionId, id],
        )[0],
      claim: (sessionId, id, decision, claimant, nowMs) =>
        db.run(
          `INSERT INTO confirmations (session_id, id, decision, status, claimed_by, claimed_at, updated_at)
           VALUES ($1, $2, $3, 'running', $4, $5, $5) ON CONFLICT (session_id, id) DO NOTHING`,
          [sessionId, id, decision, claimant, nowMs],
        ).rowCount === 1,
      finish: (sessionId, id, claimant, status, sealed, nowMs) => {
        db.run(
          "UPDATE confirmations SET status = $1, response_sealed = $2, updated_at = $3 WHERE session_id = $4 AND id = $5 AND claimed_by = $6",
          [status, sealed, nowMs, sessionId, id, claimant],
        );
      },
      expire: (sessionId, id, nowMs, claimedBefore) =>
        db.run(
          "UPDATE confirmations SET status = 'failed', updated_at = $1 WHERE session_id = $2 AND id = $3 AND status = 'running' AND claimed_at < $4",
          [nowMs, sessionId, id, claimedBefore],
        ).rowCount === 1,
      release: (sessionId, id, claimant) => {
        db.run("DELETE FROM confirmations WHERE session_id = $1 AND id = $2 AND claimed_by = $3", [
          sessionId,
          id,
          claimant,
        ]);
      },
      deleteSession: (sessionId) => db.run("DELETE FROM confirmations WHERE session_id = $1", [sessionId]).rowCount,
      pruneBefore: (beforeMs) =>
        db.run("DELETE FROM confirmations WHERE updated_at < $1 AND status != 'running'", [beforeMs]).rowCount,
      // The connection is shared by every PostgreSQL store; the composition root closes it.
      close: () => {},
    },
    options,
  );
}
