// The conversation store in PostgreSQL, so several instances share conversations, transcripts, the handoff queue,
// traces and the PII vault. Same port and behaviour as the SQLite adapter (conversation-store.ts): the record
// mapping and queue rules come from conversation-records.ts; only the SQL is PostgreSQL's. Each call is one
// statement wherever the port allows, because every statement is a round trip over the synchronous bridge.
import type { SyncPg } from "../../shared/pg/pg-sync.js";
import type { PiiKind } from "../../shared/pii-kinds.js";
import type { ConversationStore } from "../conversation-store.js";
import {
  allocateVaultPlaceholder,
  appendedMessage,
  initialSessionState,
  newSessionId,
  newTicketId,
  parseTrace,
  queueRankSql,
  toMessage,
  toSession,
  toSessionSummary,
  toTicket,
  toTicketQueuePage,
  type MessageRow,
  type QueueRow,
  type SessionRow,
  type SessionSummaryRow,
  type TicketQueuePage,
  type TicketRow,
} from "../conversation-records.js";
import { createPgConversationLifecycle } from "./pg-conversation-lifecycle.js";

const SESSION_COLUMNS = "s.id, s.owner, s.identity_json, s.locale, s.mode, s.state_json, s.created_at, s.updated_at";
const TICKET_COLUMNS = "t.id, t.session_id, t.summary, t.status, t.staff_id, t.created_at, t.updated_at";
const MESSAGE_COLUMNS = "id, role, author, text, trace_id, created_at";

// Messages of one conversation are numbered and committed one at a time (a per-conversation advisory lock held
// until the insert commits), so a stream resuming "after id N" can never later find a smaller id appear that
// another instance had drawn but not yet committed. The lock is taken in a materialised CTE, before the identity
// value is drawn, so it costs no extra statement.
const APPEND_MESSAGE = `
  WITH turn_lock AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtextextended('messages:' || $1::text, 0)))
  INSERT INTO messages (session_id, role, author, text, trace_id, created_at)
  SELECT $1, $2, $3, $4, $5, $6 FROM turn_lock
  RETURNING id`;

// In SQL, so a placeholder's number is read and claimed in one statement: "[LABEL_n]" with n = this kind's count + 1
// + attempt, the same form as vaultPlaceholder(). Either unique key refusing the row makes it return nothing.
const VAULT_INSERT = `
  INSERT INTO vault (session_id, placeholder, kind, fingerprint, sealed, created_at)
  SELECT $1::text, format('[%s_%s]', $2::text, COUNT(*) + 1 + $3::int), $4::text, $5::text, $6::text, $7::text
  FROM vault WHERE session_id = $1::text AND kind = $4::text
  ON CONFLICT DO NOTHING
  RETURNING placeholder`;

/** Opens the conversation store on the shared connection; `close()` leaves that connection open for its owner. */
export function createPgConversationStore(db: SyncPg): ConversationStore {
  const now = (): string => new Date().toISOString();
  const one = <T>(sql: string, params: unknown[]): T | undefined => db.query<T>(sql, params)[0];
  return {
    createSession({ id, owner, identity, locale }) {
      const sid = id ?? newSessionId();
      const t = now();
      const state = initialSessionState();
      db.run(
        "INSERT INTO sessions (id, owner, identity_json, locale, mode, state_json, created_at, updated_at) VALUES ($1, $2, $3, $4, 'bot', $5, $6, $7)",
        [sid, owner, JSON.stringify(identity), locale, JSON.stringify(state), t, t],
      );
      return { id: sid, owner, identity, locale, mode: "bot", state, createdAt: t, updatedAt: t };
    },
    getSession(id) {
      const r = one<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions s WHERE s.id = $1`, [id]);
      return r ? toSession(r) : undefined;
    },
    updateSession(id, patch) {
      db.run(
        "UPDATE sessions SET updated_at = $1, locale = COALESCE($2, locale), mode = COALESCE($3, mode), state_json = COALESCE($4, state_json) WHERE id = $5",
        [now(), patch.locale ?? null, patch.mode ?? null, patch.state ? JSON.stringify(patch.state) : null, id],
      );
    },
    listSessions({ limit, ownerPrefix, owner }) {
      // SQLite's LIKE ignores ASCII case and has no escape character; ILIKE … ESCAPE '' on "C"-collated text matches it.
      const where = owner !== undefined ? "WHERE s.owner = $2" : ownerPrefix ? "WHERE s.owner ILIKE $2 ESCAPE ''" : "";
      const filter = owner !== undefined ? [owner] : ownerPrefix ? [`${ownerPrefix}%`] : [];
      const rows = db.query<SessionSummaryRow>(
        `SELECT ${SESSION_COLUMNS},
                (SELECT m.text FROM messages m WHERE m.session_id = s.id ORDER BY m.id DESC LIMIT 1) AS last_message,
                (SELECT COUNT(*) FROM messages m WHERE m.session_id = s.id) AS message_count
         FROM sessions s ${where} ORDER BY s.updated_at DESC LIMIT $1`,
        [limit, ...filter],
      );
      return rows.map(toSessionSummary);
    },
    appendMessage(sessionId, msg) {
      const t = now();
      const row = one<{ id: number }>(APPEND_MESSAGE, [
        sessionId,
        msg.role,
        msg.author ?? null,
        msg.text,
        msg.traceId ?? null,
        t,
      ]);
      if (!row) throw new Error("the message was not stored");
      return appendedMessage(row.id, msg, t);
    },
    listMessages(sessionId, afterId = 0) {
      return db
        .query<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE session_id = $1 AND id > $2 ORDER BY id`, [
          sessionId,
          afterId,
        ])
        .map(toMessage);
    },
    openTicket(sessionId, summary) {
      const id = newTicketId();
      const t = now();
      db.run(
        "INSERT INTO tickets (id, session_id, summary, status, created_at, updated_at) VALUES ($1, $2, $3, 'waiting', $4, $5)",
        [id, sessionId, summary, t, t],
      );
      return { id, sessionId, summary, status: "waiting", createdAt: t, updatedAt: t };
    },
    getTicket(id) {
      const r = one<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.id = $1`, [id]);
      return r ? toTicket(r) : undefined;
    },
    updateTicket(id, patch) {
      db.run("UPDATE tickets SET status = $1, staff_id = COALESCE($2, staff_id), updated_at = $3 WHERE id = $4", [
        patch.status,
        patch.staffId ?? null,
        now(),
        id,
      ]);
    },
    listTicketQueue({ limit, after }) {
      // The page and the counts in one statement: the counts row is always there, joined to the (maybe empty) page.
      // Closed tickets are filtered before the limit, so no number of them can push an open ticket off the page.
      const rank = queueRankSql("(s.identity_json::jsonb ->> 'kind') = 'customer'");
      const rows = db.query<
        Partial<QueueRow> & { n_waiting: number; n_with_agent: number; n_waiting_identified: number }
      >(
        `WITH open AS (
           SELECT ${TICKET_COLUMNS}, t.seq, ${rank} AS queue_rank
           FROM tickets t LEFT JOIN sessions s ON s.id = t.session_id WHERE t.status IN ('waiting', 'with_agent')),
         page AS (
           SELECT * FROM open ${after ? "WHERE (queue_rank, created_at, seq) > ($2::int, $3::text, $4::bigint)" : ""}
           ORDER BY queue_rank, created_at, seq LIMIT $1),
         counts AS (
           SELECT COUNT(*) FILTER (WHERE status = 'waiting') AS n_waiting,
                  COUNT(*) FILTER (WHERE status = 'with_agent') AS n_with_agent,
                  COUNT(*) FILTER (WHERE status = 'waiting' AND queue_rank = 0) AS n_waiting_identified
           FROM open)
         SELECT counts.*, page.* FROM counts LEFT JOIN page ON true ORDER BY page.queue_rank, page.created_at, page.seq`,
        after ? [limit + 1, after.rank, after.createdAt, after.seq] : [limit + 1],
      );
      const first = rows[0];
      const counts: TicketQueuePage["counts"] = {
        waiting: first?.n_waiting ?? 0,
        with_agent: first?.n_with_agent ?? 0,
        waitingIdentified: first?.n_waiting_identified ?? 0,
      };
      const page = rows.filter((r): r is QueueRow & typeof r => r.id != null);
      return toTicketQueuePage(page, counts, limit);
    },
    saveTrace(trace) {
      // Stamped with the store's clock: retention relies on it, and a trace's own startedAt comes from its caller.
      // A trace saved again replaces the old one and, as SQLite's INSERT OR REPLACE gives it a new rowid, moves to
      // the end of its millisecond.
      db.run(
        `INSERT INTO traces (id, session_id, turn, json, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET session_id = excluded.session_id, turn = excluded.turn, json = excluded.json,
           created_at = excluded.created_at, seq = DEFAULT`,
        [trace.traceId, trace.sessionId, trace.turn, JSON.stringify(trace), now()],
      );
    },
    listTraces(sessionId) {
      return db
        .query<{ json: string }>("SELECT json FROM traces WHERE session_id = $1 ORDER BY turn", [sessionId])
        .map((r) => parseTrace(r.json));
    },
    getTrace(id) {
      const r = one<{ json: string }>("SELECT json FROM traces WHERE id = $1", [id]);
      return r ? parseTrace(r.json) : undefined;
    },
    listTracesBetween(fromIso, toIso, limit) {
      return db
        .query<{ json: string }>(
          "SELECT json FROM traces WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at, seq LIMIT $3",
          [fromIso, toIso, limit],
        )
        .map((r) => parseTrace(r.json));
    },
    vaultBacking(sessionId, cipher) {
      const fp = (kind: PiiKind, value: string): string => cipher.fingerprint(`${kind}:${value}`);
      const find = (kind: PiiKind, value: string): string | undefined =>
        one<{ placeholder: string }>("SELECT placeholder FROM vault WHERE session_id = $1 AND fingerprint = $2", [
          sessionId,
          fp(kind, value),
        ])?.placeholder;
      return {
        find,
        add(kind, value, label) {
          // Two instances may add values at once: the unique keys decide, and the loser reads the winner's row.
          const sealed = cipher.seal(value);
          const fingerprint = fp(kind, value);
          return allocateVaultPlaceholder(
            (attempt) =>
              one<{ placeholder: string }>(VAULT_INSERT, [sessionId, label, attempt, kind, fingerprint, sealed, now()])
                ?.placeholder,
            () => find(kind, value),
          );
        },
        resolve(placeholder) {
          const row = one<{ kind: PiiKind; sealed: string }>(
            "SELECT kind, sealed FROM vault WHERE session_id = $1 AND placeholder = $2",
            [sessionId, placeholder],
          );
          return row ? { kind: row.kind, value: cipher.open(row.sealed) } : undefined;
        },
        size: () => one<{ n: number }>("SELECT COUNT(*) AS n FROM vault WHERE session_id = $1", [sessionId])?.n ?? 0,
      };
    },
    lifecycle: createPgConversationLifecycle(db),
    // The connection is shared by every PostgreSQL adapter of the process; its owner closes it.
    close: () => undefined,
  };
}
