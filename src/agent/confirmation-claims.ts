// The exactly-once rules of approvals, apart from the database that records the claims: who may decide, that only
// the claimant runs the action, how a duplicate waits for and replays the first reply, and what happens when the
// first decision failed or its holder vanished. The SQLite and PostgreSQL ledgers supply only the claim rows.
import { randomUUID } from "node:crypto";
import { AppError } from "../shared/errors.js";
import type { VaultCipher } from "../shared/vault-cipher.js";
import { ChatResponseSchema, type ChatResponse } from "./chat-schemas.js";

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

/** How long duplicates wait and when a claim counts as abandoned. */
export interface ConfirmationTiming {
  /** How long a duplicate waits for the first decision to finish before answering "still in progress". */
  waitMs?: number;
  /** A claim older than this whose holder never finished (a killed worker) counts as failed. */
  staleMs?: number;
  pollMs?: number;
}

/** A claim as stored: its state, the sealed reply once done, and when it was claimed (epoch ms). */
export interface ClaimRow {
  status: "running" | "done" | "failed";
  response_sealed: string | null;
  claimed_at: number;
}

/** The claim rows of one database; every method is one atomic statement. */
export interface ConfirmationClaims {
  read(sessionId: string, id: string): ClaimRow | undefined;
  /** Inserts a running claim unless one exists; true when this call inserted it. */
  claim(sessionId: string, id: string, decision: string, claimant: string, nowMs: number): boolean;
  /** Settles the claimant's own claim as done (with the sealed reply) or failed. */
  finish(
    sessionId: string,
    id: string,
    claimant: string,
    status: "done" | "failed",
    sealed: string | null,
    nowMs: number,
  ): void;
  /** Marks a running claim made before `claimedBefore` failed; true when this call did so. */
  expire(sessionId: string, id: string, nowMs: number, claimedBefore: number): boolean;
  /** Removes the claimant's own claim, so the decision may be taken again. */
  release(sessionId: string, id: string, claimant: string): void;
  deleteSession(sessionId: string): number;
  /** Deletes settled claims last updated before `beforeMs`. */
  pruneBefore(beforeMs: number): number;
  close(): void;
}

/** The ledger over one database's claim rows. */
export function createLedgerOverClaims(
  claims: ConfirmationClaims,
  options: ConfirmationTiming & { cipher: VaultCipher },
): ConfirmationLedger {
  const waitMs = options.waitMs ?? 60_000;
  const staleMs = options.staleMs ?? 5 * 60_000;
  const pollMs = options.pollMs ?? 50;
  const read = (input: ConfirmationDecision): ClaimRow | undefined =>
    claims.read(input.sessionId, input.confirmationId);

  const replay = (row: ClaimRow): ChatResponse => {
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
        claims.expire(input.sessionId, input.confirmationId, Date.now(), Date.now() - staleMs)
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
      if (!claims.claim(input.sessionId, input.confirmationId, input.decision, claimant, Date.now()))
        return settle(input, abandon);
      let response: ChatResponse;
      try {
        response = await decide();
      } catch (error) {
        // A rejection ran nothing, so it may simply be tried again; an approval may have acted before failing, so
        // it is never run a second time: the session stops waiting and the customer is told to check.
        if (input.decision === "reject") claims.release(input.sessionId, input.confirmationId, claimant);
        else {
          claims.finish(input.sessionId, input.confirmationId, claimant, "failed", null, Date.now());
          abandon();
        }
        throw error;
      }
      claims.finish(
        input.sessionId,
        input.confirmationId,
        claimant,
        "done",
        options.cipher.seal(JSON.stringify(response)),
        Date.now(),
      );
      return response;
    },
    deleteSession: (sessionId) => claims.deleteSession(sessionId),
    pruneBefore: (beforeMs) => claims.pruneBefore(beforeMs),
    close: () => claims.close(),
  };
}
