// Single-use tickets that open one session's event stream. EventSource cannot send headers, so the browser puts a
// ticket in the URL instead of its bearer token: it is random, short-lived, bound to one session and one holder, and
// consumed on first use. Kept hashed in SQLite, so any worker process can redeem a ticket another one issued.
import { openSqliteDatabase, type Migration } from "../shared/sqlite-database.js";
import { err, ok, type Result } from "../shared/result.js";
import {
  judgeRedemption,
  mintTicket,
  resolveTicketLimits,
  ticketDigest,
  type StreamTicketLimits,
  type StreamTickets,
  type TakenTicketRow,
  type TicketGrant,
} from "./stream-ticket-rules.js";

// The port and its shared rules live in their own module, which the PostgreSQL adapter imports too.
export {
  StreamTicketTextSchema,
  type StreamTickets,
  type TicketGrant,
  type TicketRefusal,
} from "./stream-ticket-rules.js";

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "stream tickets",
    sql: `
      CREATE TABLE stream_tickets (
        digest TEXT PRIMARY KEY, session_id TEXT NOT NULL, holder TEXT NOT NULL, expires_at INTEGER NOT NULL);
      CREATE INDEX stream_tickets_expiry ON stream_tickets(expires_at);
      CREATE INDEX stream_tickets_holder ON stream_tickets(holder);
    `,
  },
];

/** Options of the ticket store. */
export interface StreamTicketOptions extends StreamTicketLimits {
  /** SQLite file shared by the worker processes (":memory:" for tests). */
  file: string;
}

/** Opens the ticket store. */
export function createStreamTickets(options: StreamTicketOptions): StreamTickets {
  const db = openSqliteDatabase(options.file, { namespace: "stream_tickets", migrations: MIGRATIONS });
  const { ttlSeconds: ttl, maxOutstanding, now } = resolveTicketLimits(options);
  const q = {
    prune: db.prepare("DELETE FROM stream_tickets WHERE expires_at <= ?"),
    outstanding: db.prepare("SELECT COUNT(*) AS n FROM stream_tickets WHERE holder = ? AND expires_at > ?"),
    insert: db.prepare("INSERT INTO stream_tickets (digest, session_id, holder, expires_at) VALUES (?, ?, ?, ?)"),
    // Deleting and reading in one statement makes redemption atomic across processes: only one caller gets the row.
    take: db.prepare("DELETE FROM stream_tickets WHERE digest = ? RETURNING session_id, holder, expires_at"),
  };
  const issue = db.transaction(
    (grant: TicketGrant): Result<{ ticket: string; expiresInSeconds: number }, "too_many_tickets"> => {
      const t = now();
      q.prune.run(t);
      if ((q.outstanding.get(grant.holder, t) as { n: number }).n >= maxOutstanding) return err("too_many_tickets");
      const { ticket, digest } = mintTicket();
      q.insert.run(digest, grant.sessionId, grant.holder, t + ttl * 1000);
      return ok({ ticket, expiresInSeconds: ttl });
    },
  );
  return {
    issue: (grant) => issue.immediate(grant),
    redeem(ticket, sessionId) {
      const row = q.take.get(ticketDigest(ticket)) as TakenTicketRow | undefined;
      return judgeRedemption(row, sessionId, now());
    },
    close: () => db.close(),
  };
}
