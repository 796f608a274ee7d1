// Single-use stream tickets in PostgreSQL, so an instance can redeem a ticket another instance issued. Same port and
// rules as the SQLite store (stream-tickets.ts, stream-ticket-rules.ts): tickets are kept only as digests, good once,
// for one session, until they expire; each holder may have a bounded number unused at a time.
import type { SyncPg } from "../../shared/pg/pg-sync.js";
import { err, ok } from "../../shared/result.js";
import {
  judgeRedemption,
  mintTicket,
  resolveTicketLimits,
  ticketDigest,
  type StreamTicketLimits,
  type StreamTickets,
  type TakenTicketRow,
} from "../stream-ticket-rules.js";

// Prunes expired tickets and inserts the new one only while the holder is under the bound. The count and the
// insert are one statement, run after a per-holder lock (below), so two instances cannot both take the last place.
const ISSUE = `
  WITH pruned AS (DELETE FROM stream_tickets WHERE expires_at <= $4),
  added AS (
    INSERT INTO stream_tickets (digest, session_id, holder, expires_at)
    SELECT $1, $2, $3, $5::bigint
    WHERE (SELECT COUNT(*) FROM stream_tickets WHERE holder = $3 AND expires_at > $4) < $6
    RETURNING 1)
  SELECT COUNT(*) AS n FROM added`;

/** Opens the ticket store on the shared connection; `close()` leaves that connection open for its owner. */
export function createPgStreamTickets(db: SyncPg, options: StreamTicketLimits = {}): StreamTickets {
  const { ttlSeconds: ttl, maxOutstanding, now } = resolveTicketLimits(options);
  return {
    issue(grant) {
      const t = now();
      const { ticket, digest } = mintTicket();
      const added = db.transaction(() => {
        // Held to the commit, and a later statement sees what the previous holder of the lock committed.
        db.query("SELECT pg_advisory_xact_lock(hashtextextended('stream_tickets:' || $1::text, 0))", [grant.holder]);
        return (
          db.query<{ n: number }>(ISSUE, [digest, grant.sessionId, grant.holder, t, t + ttl * 1000, maxOutstanding])[0]
            ?.n ?? 0
        );
      });
      return added === 1 ? ok({ ticket, expiresInSeconds: ttl }) : err("too_many_tickets");
    },
    redeem(ticket, sessionId) {
      // Deleting and reading in one statement makes redemption atomic across instances: only one caller gets the row.
      const row = db.query<TakenTicketRow>(
        "DELETE FROM stream_tickets WHERE digest = $1 RETURNING session_id, holder, expires_at",
        [ticketDigest(ticket)],
      )[0];
      return judgeRedemption(row, sessionId, now());
    },
    // The connection is shared by every PostgreSQL adapter of the process; its owner closes it.
    close: () => undefined,
  };
}
