// The stream-ticket port and the rules its adapters (SQLite, PostgreSQL) share: how a ticket is minted and kept
// (only its SHA-256 digest is stored), the default lifetime and per-holder bound, and how a taken ticket is judged.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { err, ok, type Result } from "../shared/result.js";

/** A ticket as it appears in `?ticket=`: 256 random bits, base64url. */
export const StreamTicketTextSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "must be a ticket from POST /v1/sessions/{id}/stream-ticket");

/** Who may open which stream, as recorded when the ticket was issued. */
export interface TicketGrant {
  sessionId: string;
  /** The identity the stream is counted against: `customer:…`, `staff:…` or the anonymous session's owner. */
  holder: string;
}

/** Why a ticket does not open a stream; all of them look the same to the client. */
export type TicketRefusal = "unknown_ticket" | "expired_ticket" | "wrong_session";

/** The stream-ticket port. */
export interface StreamTickets {
  /** Issues a ticket, or refuses when the holder already has too many unused ones. */
  issue(grant: TicketGrant): Result<{ ticket: string; expiresInSeconds: number }, "too_many_tickets">;
  /** Consumes a ticket for this session; a ticket is good once, for the session it was issued for, until it expires. */
  redeem(ticket: string, sessionId: string): Result<TicketGrant, TicketRefusal>;
  close(): void;
}

/** Lifetime, bound and clock of a ticket store, whatever it is stored in. */
export interface StreamTicketLimits {
  ttlSeconds?: number;
  /** Unused tickets a holder may have at once; bounds the table. */
  maxOutstandingPerHolder?: number;
  now?: () => number;
}

/** The limits with their defaults filled in: a minute's lifetime, twenty unused tickets per holder. */
export function resolveTicketLimits(limits: StreamTicketLimits): {
  ttlSeconds: number;
  maxOutstanding: number;
  now: () => number;
} {
  return {
    ttlSeconds: limits.ttlSeconds ?? 60,
    maxOutstanding: limits.maxOutstandingPerHolder ?? 20,
    now: limits.now ?? (() => Date.now()),
  };
}

/** The stored key of a ticket: a leaked table does not hand out working tickets. */
export const ticketDigest = (ticket: string): string => createHash("sha256").update(ticket, "utf8").digest("hex");

/** A fresh ticket and its digest. */
export function mintTicket(): { ticket: string; digest: string } {
  const ticket = randomBytes(32).toString("base64url");
  return { ticket, digest: ticketDigest(ticket) };
}

/** A ticket row as it was taken (deleted) from the store. */
export interface TakenTicketRow {
  session_id: string;
  holder: string;
  expires_at: number;
}

/** Decides what a taken ticket opens: nothing when it was unknown, has expired or names another session. */
export function judgeRedemption(
  row: TakenTicketRow | undefined,
  sessionId: string,
  nowMs: number,
): Result<TicketGrant, TicketRefusal> {
  if (!row) return err("unknown_ticket");
  if (row.expires_at <= nowMs) return err("expired_ticket");
  if (row.session_id !== sessionId) return err("wrong_session");
  return ok({ sessionId: row.session_id, holder: row.holder });
}
