// Conversations, their redacted transcripts, handoff tickets and per-turn traces, in SQLite so they survive restarts.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { IdentitySchema, type Identity } from "../auth/identity.js";
import { LocaleSchema, type Locale } from "../shared/locale.js";
import { openSqliteDatabase, type Migration, type SqliteDatabase } from "../shared/sqlite-database.js";
import { TurnTraceSchema, type TurnTrace } from "./turn-trace.js";
import type { VaultBacking } from "../shared/pii-vault.js";
import type { PiiKind } from "../shared/pii-kinds.js";
import type { VaultCipher } from "../shared/vault-cipher.js";
import { createConversationLifecycle, type ConversationLifecycle } from "./conversation-lifecycle.js";

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

/** Conversation mode: the bot answers, or a person has taken over. */
export const SessionModeSchema = z.enum(["bot", "human"]);

/** Per-session working state the chat service carries between turns. */
export const SessionStateSchema = z.object({
  awaiting: z.object({ intent: z.string(), route: z.string(), slot: z.string() }).optional(),
  pending: z
    .object({
      id: z.string(),
      action: z.string(),
      summary: z.string(),
      route: z.string(),
      intent: z.string(),
      confidence: z.number(),
    })
    .optional(),
  ticketId: z.string().optional(),
  turns: z.number().int().default(0),
  lastIntent: z.string().optional(),
  focusTransactionId: z.string().optional(),
});
/** Per-session working state. */
export type SessionState = z.infer<typeof SessionStateSchema>;

/** A stored conversation. */
export interface Session {
  id: string;
  owner: string;
  identity: Identity;
  locale: Locale;
  mode: z.infer<typeof SessionModeSchema>;
  state: SessionState;
  createdAt: string;
  updatedAt: string;
}

/** One transcript line (always already redacted). */
export interface TranscriptMessage {
  id: number;
  role: "user" | "assistant" | "staff" | "system";
  author?: string;
  text: string;
  traceId?: string;
  createdAt: string;
}

/** A handoff ticket in the staff queue. */
export interface Ticket {
  id: string;
  sessionId: string;
  /** Set on queue listings: whether the conversation belongs to a signed-in customer (they are served first). */
  identified?: boolean;
  summary: string;
  status: "waiting" | "with_agent" | "closed";
  staffId?: string;
  createdAt: string;
  updatedAt: string;
}

/** Where a page of the handoff queue ends: the next page starts after this ticket (rank is its queue tier, 0–3). */
export const TicketCursorSchema = z.object({
  rank: z.number().int().min(0).max(3),
  createdAt: z.string().max(40),
  seq: z.number().int().min(0),
});
/** A position in the handoff queue. */
export type TicketCursor = z.infer<typeof TicketCursorSchema>;

/** One page of the open handoff queue, with how many tickets are open in all. */
export interface TicketQueuePage {
  tickets: Ticket[];
  /** Open tickets in all; `waitingIdentified` of the waiting ones belong to signed-in customers. */
  counts: { waiting: number; with_agent: number; waitingIdentified: number };
  next?: TicketCursor;
}

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

interface SessionRow {
  id: string;
  owner: string;
  identity_json: string;
  locale: string;
  mode: string;
  state_json: string;
  created_at: string;
  updated_at: string;
}

function toSession(r: SessionRow): Session {
  return {
    id: r.id,
    owner: r.owner,
    identity: IdentitySchema.parse(JSON.parse(r.identity_json)),
    locale: LocaleSchema.parse(r.locale),
    mode: SessionModeSchema.parse(r.mode),
    state: SessionStateSchema.parse(JSON.parse(r.state_json)),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

interface TicketRow {
  id: string;
  session_id: string;
  summary: string;
  status: Ticket["status"];
  staff_id: string | null;
  created_at: string;
  updated_at: string;
}

function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    sessionId: r.session_id,
    summary: r.summary,
    status: r.status,
    ...(r.staff_id ? { staffId: r.staff_id } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
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
      const sid = id ?? randomUUID().replace(/-/g, "");
      const t = now();
      const state: SessionState = { turns: 0 };
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
        .all(...filter, limit) as (SessionRow & {
        last_message: string | null;
        message_count: number;
      })[];
      return rows.map((r) => ({
        ...toSession(r),
        ...(r.last_message ? { lastMessage: r.last_message } : {}),
        messageCount: r.message_count,
      }));
    },
    appendMessage(sessionId, msg) {
      const t = now();
      const info = q.insertMessage.run(sessionId, msg.role, msg.author ?? null, msg.text, msg.traceId ?? null, t);
      return {
        id: Number(info.lastInsertRowid),
        role: msg.role,
        text: msg.text,
        createdAt: t,
        ...(msg.author ? { author: msg.author } : {}),
        ...(msg.traceId ? { traceId: msg.traceId } : {}),
      };
    },
    listMessages(sessionId, afterId = 0) {
      const rows = q.listMessages.all(sessionId, afterId) as {
        id: number;
        role: TranscriptMessage["role"];
        author: string | null;
        text: string;
        trace_id: string | null;
        created_at: string;
      }[];
      return rows.map((r) => ({
        id: r.id,
        role: r.role,
        text: r.text,
        createdAt: r.created_at,
        ...(r.author ? { author: r.author } : {}),
        ...(r.trace_id ? { traceId: r.trace_id } : {}),
      }));
    },
    openTicket(sessionId, summary) {
      const id = `T-${randomUUID().slice(0, 8).toUpperCase()}`;
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
      // Tiers: waiting signed-in customers (0), waiting anonymous visitors (1), then with-agent in the same order
      // (2, 3); so no flood of anonymous handoffs can push a customer's ticket off the first page.
      const identified = "json_extract(s.identity_json, '$.kind') = 'customer'";
      const rank = `(CASE t.status WHEN 'waiting' THEN 0 ELSE 2 END + CASE WHEN ${identified} THEN 0 ELSE 1 END)`;
      const rows = db
        .prepare(
          `SELECT t.*, ${rank} AS queue_rank, t.rowid AS seq FROM tickets t LEFT JOIN sessions s ON s.id = t.session_id
           WHERE t.status IN ('waiting', 'with_agent')
           ${after ? `AND (${rank}, t.created_at, t.rowid) > (?, ?, ?)` : ""} ORDER BY queue_rank, t.created_at, t.rowid LIMIT ?`,
        )
        .all(...(after ? [after.rank, after.createdAt, after.seq, limit + 1] : [limit + 1])) as (TicketRow & {
        queue_rank: number;
        seq: number;
      })[];
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
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const tickets = page.map((r) => ({ ...toTicket(r), identified: r.queue_rank % 2 === 0 }));
      return {
        tickets,
        counts,
        ...(rows.length > limit && last
          ? { next: { rank: last.queue_rank, createdAt: last.created_at, seq: last.seq } }
          : {}),
      };
    },
    saveTrace(trace) {
      // Stamped with the store's clock: retention relies on it, and a trace's own startedAt comes from its caller.
      q.insertTrace.run(trace.traceId, trace.sessionId, trace.turn, JSON.stringify(trace), now());
    },
    listTraces(sessionId) {
      return (q.listTraces.all(sessionId) as { json: string }[]).map((r) => TurnTraceSchema.parse(JSON.parse(r.json)));
    },
    getTrace(id) {
      const r = q.getTrace.get(id) as { json: string } | undefined;
      return r ? TurnTraceSchema.parse(JSON.parse(r.json)) : undefined;
    },
    listTracesBetween(fromIso, toIso, limit) {
      const rows = q.listTracesBetween.all(fromIso, toIso, limit) as { json: string }[];
      return rows.map((r) => TurnTraceSchema.parse(JSON.parse(r.json)));
    },
    vaultBacking(sessionId, cipher) {
      const fp = (kind: PiiKind, value: string): string => cipher.fingerprint(`${kind}:${value}`);
      const find = (kind: PiiKind, value: string): string | undefined =>
        (q.vaultFind.get(sessionId, fp(kind, value)) as { placeholder: string } | undefined)?.placeholder;
      return {
        find,
        add(kind, value, label) {
          // Two workers may add values at once: the unique keys decide, and the loser reads the winner's row.
          for (let attempt = 0; attempt < 5; attempt++) {
            const n = (q.vaultCount.get(sessionId, kind) as { n: number }).n + 1 + attempt;
            const placeholder = `[${label}_${n}]`;
            const info = q.vaultInsert.run(sessionId, placeholder, kind, fp(kind, value), cipher.seal(value), now());
            if (info.changes === 1) return placeholder;
            const existing = find(kind, value);
            if (existing) return existing;
          }
          throw new Error("could not allocate a vault placeholder");
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
