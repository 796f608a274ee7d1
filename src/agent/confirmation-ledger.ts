// Exactly-once approvals: the first decision on a pending action claims it with one atomic INSERT in SQLite (so across
// worker processes too); only that caller runs it. Its reply is kept sealed, and a retried or concurrent decision on
// the same confirmation waits for it and gets the same reply back instead of running anything again.
import { randomUUID } from "node:crypto";
import { AppError } from "../shared/errors.js";
import { openSqliteDatabase, type Migration } from "../shared/sqlite-database.js";
import { ChatResponseSchema, type ChatResponse } from "./chat-schemas.js";
import type { VaultCipher } from "../shared/vault-cipher.js";

/** One decision on one pending action. */
export interface ConfirmationDecision {
  sessionId: string;
  confirmationId: string;
  decision: "approve" | "reject";
  /** The id of the action the session says is waiting now (a first decision must name it). */
  pendingId: string | undefined;
}

/** The record of decisions taken, shared by every worker process. */
export interface ConfirmationLedger {
  /**
   * Runs `decide` only if this call is the first decision on the confirmation; any other call returns the first
   * call's reply (marked `replayed`). `abandon` runs when the first decision failed, so the session stops waiting.
   */
  decideOnce(
    input: ConfirmationDecision,
    decide: () => Promise<ChatResponse>,
    abandon: () => void,
  ): Promise<ChatResponse>;
  /** Forgets a session's decisions (erasure). */
  deleteSession(sessionId: string): number;
  /** Forgets decisions taken before `beforeMs` (retention). */
  pruneBefore(beforeMs: number): number;
  close(): void;
}

/** Options of the ledger. */
export interface ConfirmationLedgerOptions {
  file: string;
  cipher: VaultCipher;
  /** How long a duplicate waits for the first decision to finish before answering "still in progress". */
  waitMs?: number;
  /** A claim older than this whose holder never finished (a killed worker) counts as failed. */
  staleMs?: number;
  pollMs?: number;
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

interface Row {
  status: "running" | "done" | "failed";
  response_sealed: string | null;
  claimed_at: number;
}

/** Opens the ledger in the conversation database file (":memory:" for tests). */
export function createConfirmationLedger(options: ConfirmationLedgerOptions): ConfirmationLedger {
  const db = openSqliteDatabase(options.file, { namespace: "confirmations", migrations: MIGRATIONS });
  const waitMs = options.waitMs ?? 60_000;
  const staleMs = options.staleMs ?? 5 * 60_000;
  const pollMs = options.pollMs ?? 50;
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
  const read = (input: ConfirmationDecision): Row | undefined =>
    q.get.get(input.sessionId, input.confirmationId) as Row | undefined;

  const replay = (row: Row): ChatResponse => {
    const stored = ChatResponseSchema.parse(JSON.parse(options.cipher.open(row.response_sealed ?? "")));
    return { ...stored, replayed: true };
  };

  // A duplicate waits for the first decision to settle; a holder that vanished is declared failed after staleMs.
  const settle = async (input: ConfirmationDecision, abandon: () => void): Promise<ChatResponse> => {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const row = read(input);
      if (!row) throw new AppError("conflict", "There is no action waiting for confirmation with that id.");
      if (row.status === "done") return replay(row);
      if (row.status === "failed")
        throw new AppError(
          "conflict",
          "This action was already decided, but its outcome could not be confirmed. Please check and ask again if needed.",
        );
      if (
        row.claimed_at < Date.now() - staleMs &&
        q.expire.run(Date.now(), input.sessionId, input.confirmationId, Date.now() - staleMs).changes === 1
      ) {
        abandon();
        continue;
      }
      if (Date.now() >= deadline)
        throw new AppError("conflict", "This action is still being processed. Please check again in a moment.");
      await new Promise((r) => setTimeout(r, pollMs));
    }
  };

  return {
    async decideOnce(input, decide, abandon) {
      if (!read(input) && input.pendingId !== input.confirmationId) {
        throw new AppError("conflict", "There is no action waiting for confirmation with that id.");
      }
      const claimant = randomUUID();
      const now = Date.now();
      if (q.claim.run(input.sessionId, input.confirmationId, input.decision, claimant, now, now).changes !== 1)
        return settle(input, abandon);
      let response: ChatResponse;
      try {
        response = await decide();
      } catch (error) {
        // A rejection ran nothing, so it may simply be tried again; an approval may have acted before failing, so
        // it is never run a second time: the session stops waiting and the customer is told to check.
        if (input.decision === "reject") q.release.run(input.sessionId, input.confirmationId, claimant);
        else {
          q.finish.run("failed", null, Date.now(), input.sessionId, input.confirmationId, claimant);
          abandon();
        }
        throw error;
      }
      q.finish.run(
        "done",
        options.cipher.seal(JSON.stringify(response)),
        Date.now(),
        input.sessionId,
        input.confirmationId,
        claimant,
      );
      return response;
    },
    deleteSession: (sessionId) => q.deleteSession.run(sessionId).changes,
    pruneBefore: (beforeMs) => q.prune.run(beforeMs).changes,
    close: () => db.close(),
  };
}
