// Conversations, their redacted transcripts, handoff tickets and per-turn traces, in SQLite so they survive restarts.
import type { Identity } from "../auth/identity.js";
import type { Locale } from "../shared/locale.js";
import { openSqliteDatabase, type Migration, type SqliteDatabase } from "../shared/sqlite-database.js";
import type { TurnTrace } from "./turn-trace.js";
import type { VaultBacking } from "../shared/pii-vault.js";
import type { PiiKind } from "../shared/pii-kinds.js";
import type { VaultCipher } from "../shared/vault-cipher.js";
import { createConversationLifecycle, type ConversationLifecycle } from "./conversation-lifecycle.js";
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
  type Session,
  type SessionRow,
  type SessionState,
  type SessionSummaryRow,
  type Ticket,
  type TicketCursor,
  type TicketQueuePage,
  type TicketRow,
  type TranscriptMessage,
  vaultPlaceholder,
} from "./conversation-records.js";

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "conversations",
    sql: `
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY, owner TEXT NOT NULL, identity_json TEXT NOT NULL, locale TEXT NOT NULL,
        mode TEXT NOT NULL DEFAULT 'bot', state_json TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX sessions_updated ON sessions(updated_at);
      CREATE TABLE messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL REFERENCES sessions(id),
        role TEXT NOT NULL, author TEXT, text TEXT NOT NULL, trace_id TEXT, created_at TEXT NOT NULL);
      CREATE INDEX messages_session ON messages(session_id, id);
      CREATE TABLE tickets (
        id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id), summary TEXT NOT NULL,
        status TEXT NOT NULL, staff_id TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX tickets_status ON tickets(status, created_at);
      CREATE TABLE traces (
        id TEXT PRIMARY KEY, session_id TEXT NOT NULL, turn INTEGER NOT NULL, json TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE INDEX traces_session ON traces(session_id, turn);
    `,
  },
  {
    version: 2,
    name: "pii vault",
    sql: `
      CREATE TABLE vault (
        session_id TEXT NOT NULL, placeholder TEXT NOT NULL, kind TEXT NOT NULL, fingerprint TEXT NOT NULL,
        sealed TEXT NOT NULL, created_at TEXT NOT NULL,
        PRIMARY KEY (session_id, placeholder), UNIQUE (session_id, fingerprint));
    `,
  },
];

// The record shapes live with the rules both adapters share; callers keep importing them from here.
export {
  SessionModeSchema,
  SessionStateSchema,
  TicketCursorSchema,
  type Session,
  type SessionState,
  type Ticket,
  type TicketCursor,
  type TicketQueuePage,
  type TranscriptMessage,
} from "./conversation-records.js";

/** The conversation store port. */
export interface ConversationStore {
  createSession(input: { id?: string; owner: string; identity: Identity; locale: Locale }): Session;
  getSession(id: string): Session | undefined;
  updateSession(id: string, patch: { locale?: Locale; mode?: Session["mode"]; state?: SessionState }): void;
  listSessions(options: {
    limit: number;
    ownerPrefix?: string;
    /** Only conversations of exactly this owner (e.g. `customer:demo1`, which a prefix would confuse with demo10). */
    owner?: string;
  }): (Session & { lastMessage?: string; messageCount: number })[];
  appendMessage(
    sessionId: string,
    msg: { role: TranscriptMessage["role"]; text: string; author?: string; traceId?: string },
  ): TranscriptMessage;
  listMessages(sessionId: string, afterId?: number): TranscriptMessage[];
  openTicket(sessionId: string, summary: string): Ticket;
  getTicket(id: string): Ticket | undefined;
  updateTicket(id: string, patch: { status: Ticket["status"]; staffId?: string }): void;
  /** Open tickets only (closed ones never take a place): waiting before with-agent, signed-in customers before anonymous visitors, then oldest first. */
  listTicketQueue(options: { limit: number; after?: TicketCursor }): TicketQueuePage;
  saveTrace(trace: TurnTrace): void;
  listTraces(sessionId: string): TurnTrace[];
  getTrace(id: string): TurnTrace | undefined;
  /** Traces stored in [fromIso, toIso), oldest first, at most `limit` (bounded; uses the traces_created index). */
  listTracesBetween(fromIso: string, toIso: string, limit: number): TurnTrace[];
  /** The sealed PII vault of a session, shared by every worker process. */
  vaultBacking(sessionId: string, cipher: VaultCipher): VaultBacking;
  /** Retention and erasure deletes, and the erasure audit log, on the same connection. */
  lifecycle: ConversationLifecycle;
  close(): void;
}

/** Opens the SQLite conversation store (":memory:" for tests). */
export function createConversationStore(file: string): ConversationStore {
  const db: SqliteDatabase = openSqliteDatabase(file, { namespace: "conversations", migrations: MIGRATIONS });
  const now = (): string => new Date().toISOString();
  const q = {
    insertSession: db.prepare(
      "INSERT INTO sessions (id, owner, identity_json, locale, mode, state_json, created_at, updated_at) VALUES (?, ?, ?, ?, 'bot', ?, ?, ?)",
    ),
    getSession: db.prepare("SELECT * FROM sessions WHERE id = ?"),
    updateSession: db.prepare(
      "UPDATE sessions SET updated_at = ?, locale = COALESCE(?, locale), mode = COALESCE(?, mode), state_json = COALESCE(?, state_json) WHERE id = ?",
    ),
    insertMessage: db.prepare(
      "INSERT INTO messages (session_id, role, author, text, trace_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    listMessages: db.prepare("SELECT * FROM messages WHERE session_id = ? AND id > ? ORDER BY id"),
    insertTicket: db.prepare(
      "INSERT INTO tickets (id, session_id, summary, status, created_at, updated_at) VALUES (?, ?, ?, 'waiting', ?, ?)",
    ),
    getTicket: db.prepare("SELECT * FROM tickets WHERE id = ?"),
    insertTrace: db.prepare(
      "INSERT OR REPLACE INTO traces (id, session_id, turn, json, created_at) VALUES (?, ?, ?, ?, ?)",
    ),
    listTraces: db.prepare("SELECT json FROM traces WHERE session_id = ? ORDER BY turn"),
    getTrace: db.prepare("SELECT json FROM traces WHERE id = ?"),
    listTracesBetween: db.prepare(
      "SELECT json FROM traces WHERE created_at >= ? AND created_at < ? ORDER BY created_at, rowid LIMIT ?",
    ),
    vaultFind: db.prepare("SELECT placeholder FROM vault WHERE session_id = ? AND fingerprint = ?"),
    vaultCount: db.prepare("SELECT COUNT(*) AS n FROM vault WHERE session_id = ? AND kind = ?"),
    vaultInsert: db.prepare(
      "INSERT OR IGNORE INTO vault (session_id, placeholder, kind, fingerprint, sealed, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    ),
    vaultGet: db.prepare("SELECT kind, sealed FROM vault WHERE session_id = ? AND placeholder = ?"),
    vaultSize: db.prepare("SELECT COUNT(*) AS n FROM vault WHERE session_id = ?"),
  };
  return {
    createSession({ id, owner, identity, locale }) {
      const sid = id ?? newSessionId();
      const t = now();
      const state = initialSessionState();
      q.insertSession.run(sid, owner, JSON.stringify(identity), locale, JSON.stringify(state), t, t);
      return { id: sid, owner, identity, locale, mode: "bot", state, createdAt: t, updatedAt: t };
    },
    getSession(id) {
      const r = q.getSession.get(id) as SessionRow | undefined;
      return r ? toSession(r) : undefined;
    },
    updateSession(id, patch) {
      q.updateSession.run(
        now(),
        patch.locale ?? null,
        patch.mode ?? null,
        patch.state ? JSON.stringify(patch.state) : null,
        id,
      );
    },
    listSessions({ limit, ownerPrefix, owner }) {
      const where = owner !== undefined ? "WHERE s.owner = ?" : ownerPrefix ? "WHERE s.owner LIKE ?" : "";
      const filter = owner !== undefined ? [owner] : ownerPrefix ? [`${ownerPrefix}%`] : [];
      const rows = db
        .prepare(
          `SELECT s.*, (SELECT text FROM messages m WHERE m.session_id = s.id ORDER BY id DESC LIMIT 1) AS last_message,
                  (SELECT COUNT(*) FROM messages m WHERE m.session_id = s.id) AS message_count
           FROM sessions s ${where} ORDER BY s.updated_at DESC LIMIT ?`,
        )
        .all(...filter, limit) as SessionSummaryRow[];
      return rows.map(toSessionSummary);
    },
    appendMessage(sessionId, msg) {
      const t = now();
      const info = q.insertMessage.run(sessionId, msg.role, msg.author ?? null, msg.text, msg.traceId ?? null, t);
      return appendedMessage(Number(info.lastInsertRowid), msg, t);
    },
    listMessages(sessionId, afterId = 0) {
      return (q.listMessages.all(sessionId, afterId) as MessageRow[]).map(toMessage);
    },
    openTicket(sessionId, summary) {
      const id = newTicketId();
      const t = now();
      q.insertTicket.run(id, sessionId, summary, t, t);
      return { id, sessionId, summary, status: "waiting", createdAt: t, updatedAt: t };
    },
    getTicket(id) {
      const r = q.getTicket.get(id) as TicketRow | undefined;
      return r ? toTicket(r) : undefined;
    },
    updateTicket(id, patch) {
      db.prepare("UPDATE tickets SET status = ?, staff_id = COALESCE(?, staff_id), updated_at = ? WHERE id = ?").run(
        patch.status,
        patch.staffId ?? null,
        now(),
        id,
      );
    },
    listTicketQueue({ limit, after }) {
      // Closed tickets are filtered before the limit, so no number of them can push an open ticket off the page.
      const identified = "json_extract(s.identity_json, '$.kind') = 'customer'";
      const rank = queueRankSql(identified);
      const rows = db
        .prepare(
          `SELECT t.*, ${rank} AS queue_rank, t.rowid AS seq FROM tickets t LEFT JOIN sessions s ON s.id = t.session_id
           WHERE t.status IN ('waiting', 'with_agent')
           ${after ? `AND (${rank}, t.created_at, t.rowid) > (?, ?, ?)` : ""} ORDER BY queue_rank, t.created_at, t.rowid LIMIT ?`,
        )
        .all(...(after ? [after.rank, after.createdAt, after.seq, limit + 1] : [limit + 1])) as QueueRow[];
      const counts = { waiting: 0, with_agent: 0, waitingIdentified: 0 };
      const countRows = db
        .prepare(
          `SELECT t.status, COUNT(*) AS n, SUM(CASE WHEN ${identified} THEN 1 ELSE 0 END) AS identified
           FROM tickets t LEFT JOIN sessions s ON s.id = t.session_id WHERE t.status IN ('waiting', 'with_agent') GROUP BY t.status`,
        )
        .all() as { status: "waiting" | "with_agent"; n: number; identified: number | null }[];
      for (const c of countRows) {
        counts[c.status] = c.n;
        if (c.status === "waiting") counts.waitingIdentified = c.identified ?? 0;
      }
      return toTicketQueuePage(rows, counts, limit);
    },
    saveTrace(trace) {
      // Stamped with the store's clock: retention relies on it, and a trace's own startedAt comes from its caller.
      q.insertTrace.run(trace.traceId, trace.sessionId, trace.turn, JSON.stringify(trace), now());
    },
    listTraces(sessionId) {
      return (q.listTraces.all(sessionId) as { json: string }[]).map((r) => parseTrace(r.json));
    },
    getTrace(id) {
      const r = q.getTrace.get(id) as { json: string } | undefined;
      return r ? parseTrace(r.json) : undefined;
    },
    listTracesBetween(fromIso, toIso, limit) {
      const rows = q.listTracesBetween.all(fromIso, toIso, limit) as { json: string }[];
      return rows.map((r) => parseTrace(r.json));
    },
    vaultBacking(sessionId, cipher) {
      const fp = (kind: PiiKind, value: string): string => cipher.fingerprint(`${kind}:${value}`);
      const find = (kind: PiiKind, value: string): string | undefined =>
        (q.vaultFind.get(sessionId, fp(kind, value)) as { placeholder: string } | undefined)?.placeholder;
      return {
        find,
        add(kind, value, label) {
          // Two workers may add values at once: the unique keys decide, and the loser reads the winner's row.
          return allocateVaultPlaceholder(
            (attempt) => {
              const n = (q.vaultCount.get(sessionId, kind) as { n: number }).n + 1 + attempt;
              const placeholder = vaultPlaceholder(label, n);
              const info = q.vaultInsert.run(sessionId, placeholder, kind, fp(kind, value), cipher.seal(value), now());
              return info.changes === 1 ? placeholder : undefined;
            },
            () => find(kind, value),
          );
        },
        resolve(placeholder) {
          const row = q.vaultGet.get(sessionId, placeholder) as { kind: PiiKind; sealed: string } | undefined;
          return row ? { kind: row.kind, value: cipher.open(row.sealed) } : undefined;
        },
        size: () => (q.vaultSize.get(sessionId) as { n: number }).n,
      };
    },
    lifecycle: createConversationLifecycle(db),
    close: () => db.close(),
  };
}
