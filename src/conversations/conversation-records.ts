// The shapes of stored conversations and the rules every conversation-store adapter shares (SQLite and PostgreSQL):
// row-to-record mapping with Zod at the database boundary, the handoff-queue tiers and paging, and how a vault
// placeholder is allocated when several processes add values at once. Only the SQL differs between adapters.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { IdentitySchema, type Identity } from "../auth/identity.js";
import { LocaleSchema, type Locale } from "../shared/locale.js";
import { TurnTraceSchema, type TurnTrace } from "./turn-trace.js";

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

/** A `sessions` row as both adapters read it. */
export interface SessionRow {
  id: string;
  owner: string;
  identity_json: string;
  locale: string;
  mode: string;
  state_json: string;
  created_at: string;
  updated_at: string;
}

/** Parses a stored conversation (the stored JSON is checked, not trusted). */
export function toSession(r: SessionRow): Session {
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

/** A fresh conversation id: 32 hex characters. */
export const newSessionId = (): string => randomUUID().replace(/-/g, "");

/** The working state of a new conversation. */
export const initialSessionState = (): SessionState => ({ turns: 0 });

/** A `listSessions` row: the conversation with its last message and message count. */
export type SessionSummaryRow = SessionRow & { last_message: string | null; message_count: number };

/** Parses one `listSessions` row. */
export function toSessionSummary(r: SessionSummaryRow): Session & { lastMessage?: string; messageCount: number } {
  return {
    ...toSession(r),
    ...(r.last_message ? { lastMessage: r.last_message } : {}),
    messageCount: r.message_count,
  };
}

/** A `messages` row as both adapters read it. */
export interface MessageRow {
  id: number;
  role: TranscriptMessage["role"];
  author: string | null;
  text: string;
  trace_id: string | null;
  created_at: string;
}

/** Maps a stored transcript line. */
export function toMessage(r: MessageRow): TranscriptMessage {
  return {
    id: r.id,
    role: r.role,
    text: r.text,
    createdAt: r.created_at,
    ...(r.author ? { author: r.author } : {}),
    ...(r.trace_id ? { traceId: r.trace_id } : {}),
  };
}

/** The transcript line just appended, from the id the database gave it. */
export function appendedMessage(
  id: number,
  msg: { role: TranscriptMessage["role"]; text: string; author?: string; traceId?: string },
  createdAt: string,
): TranscriptMessage {
  return {
    id,
    role: msg.role,
    text: msg.text,
    createdAt,
    ...(msg.author ? { author: msg.author } : {}),
    ...(msg.traceId ? { traceId: msg.traceId } : {}),
  };
}

/** A fresh handoff ticket id, short enough to read out to a customer. */
export const newTicketId = (): string => `T-${randomUUID().slice(0, 8).toUpperCase()}`;

/** A `tickets` row as both adapters read it. */
export interface TicketRow {
  id: string;
  session_id: string;
  summary: string;
  status: Ticket["status"];
  staff_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Maps a stored ticket. */
export function toTicket(r: TicketRow): Ticket {
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

/**
 * The queue tier of ticket `t` as SQL, given each dialect's test for "the session belongs to a signed-in customer".
 * Tiers: waiting signed-in customers (0), waiting anonymous visitors (1), then with-agent in the same order (2, 3);
 * so no flood of anonymous handoffs can push a customer's ticket off the first page.
 */
export const queueRankSql = (identified: string): string =>
  `(CASE t.status WHEN 'waiting' THEN 0 ELSE 2 END + CASE WHEN ${identified} THEN 0 ELSE 1 END)`;

/** A queue row: the ticket with its tier and its insertion sequence (the last tie-breaker). */
export type QueueRow = TicketRow & { queue_rank: number; seq: number };

/** Builds a queue page from up to `limit + 1` rows (the extra one only says whether a next page exists). */
export function toTicketQueuePage(rows: QueueRow[], counts: TicketQueuePage["counts"], limit: number): TicketQueuePage {
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
}

/** Parses a stored turn trace. */
export const parseTrace = (json: string): TurnTrace => TurnTraceSchema.parse(JSON.parse(json));

/** The placeholder for the `n`th value of one kind in a session, e.g. `[CARD_2]`. */
export const vaultPlaceholder = (label: string, n: number): string => `[${label}_${n}]`;

/**
 * Gives a new vault value its placeholder when several processes may add values to one session at once: the
 * database's unique keys decide, and a loser either reads the winner's placeholder for the same value or tries the
 * next number. `tryInsert(attempt)` inserts with number "count of this kind + 1 + attempt" and returns the
 * placeholder, or undefined when a unique key refused it.
 */
export function allocateVaultPlaceholder(
  tryInsert: (attempt: number) => string | undefined,
  findExisting: () => string | undefined,
): string {
  for (let attempt = 0; attempt < 5; attempt++) {
    const placeholder = tryInsert(attempt);
    if (placeholder !== undefined) return placeholder;
    const existing = findExisting();
    if (existing) return existing;
  }
  throw new Error("could not allocate a vault placeholder");
}
