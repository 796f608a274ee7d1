// Single-use tickets that open one session's event stream. EventSource cannot send headers, so the browser puts a
// ticket in the URL instead of its bearer token: it is random, short-lived, bound to one session and one holder, and
// consumed on first use. Kept hashed in SQLite, so any worker process can redeem a ticket another one issued.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { openSqliteDatabase, type Migration } from "../shared/sqlite-database.js";
import { err, ok, type Result } from "../shared/result.js";

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

/** Options of the ticket store. */
export interface StreamTicketOptions {
  /** SQLite file shared by the worker processes (":memory:" for tests). */
  file: string;
  ttlSeconds?: number;
  /** Unused tickets a holder may have at once; bounds the table. */
  maxOutstandingPerHolder?: number;
  now?: () => number;
}

const digestOf = (ticket: string): string => createHash("sha256").update(ticket, "utf8").digest("hex");

/** Opens the ticket store. */
export function createStreamTickets(options: StreamTicketOptions): StreamTickets {
  const db = openSqliteDatabase(options.file, { namespace: "stream_tickets", migrations: MIGRATIONS });
  const ttl = options.ttlSeconds ?? 60;
  const maxOutstanding = options.maxOutstandingPerHolder ?? 20;
  const now = options.now ?? (() => Date.now());
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
      const ticket = randomBytes(32).toString("base64url");
      q.insert.run(digestOf(ticket), grant.sessionId, grant.holder, t + ttl * 1000);
      return ok({ ticket, expiresInSeconds: ttl });
    },
  );
  return {
    issue: (grant) => issue.immediate(grant),
    redeem(ticket, sessionId) {
      const row = q.take.get(digestOf(ticket)) as
        { session_id: string; holder: string; expires_at: number } | undefined;
      if (!row) return err("unknown_ticket");
      if (row.expires_at <= now()) return err("expired_ticket");
      if (row.session_id !== sessionId) return err("wrong_session");
      return ok({ sessionId: row.session_id, holder: row.holder });
    },
    close: () => db.close(),
  };
}
