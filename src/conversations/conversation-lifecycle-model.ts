// The retention and erasure port of the conversation database and what its adapters (SQLite, PostgreSQL) share:
// the record shapes, the SQL conditions that are the same in both dialects (what "protected" and "last activity"
// mean), and how an erasure's audit record is assembled. Only the statements that run them differ per adapter.
import { z } from "zod";

/** What deleting some conversations removed, table by table. */
export const ConversationCountsSchema = z.object({
  sessions: z.number().int(),
  messages: z.number().int(),
  tickets: z.number().int(),
  traces: z.number().int(),
  vaultEntries: z.number().int(),
});
/** What deleting some conversations removed. */
export type ConversationCounts = z.infer<typeof ConversationCountsSchema>;

/** One append-only record of an erasure. */
export const ErasureAuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  customerId: z.string(),
  reason: z.string(),
  counts: z.record(z.number().int()),
});
/** One append-only record of an erasure. */
export type ErasureAuditEntry = z.infer<typeof ErasureAuditEntrySchema>;

/** What the caller records about an erasure (the store adds the id and what it deleted). */
export type ErasureAuditInput = Omit<ErasureAuditEntry, "id" | "counts"> & { counts: Record<string, number> };

/** Retention and erasure queries over the conversation database. */
export interface ConversationLifecycle {
  /** Every conversation of a signed-in customer. */
  sessionsOfCustomer(customerId: string): string[];
  /** Deletes conversations and appends the audit record in one transaction; returns the counts and the record. */
  eraseConversations(
    sessionIds: readonly string[],
    audit: ErasureAuditInput,
  ): { counts: ConversationCounts; entry: ErasureAuditEntry };
  /** The erasure records of a customer, oldest first. */
  listErasures(customerId: string): ErasureAuditEntry[];
  /** Up to `limit` conversations idle since before `cutoff` that nobody is handling and whose tickets are closed. */
  idleSessions(cutoff: string, limit: number): string[];
  /** Deletes those of these conversations still idle since `cutoff`, with everything that hangs off them; returns what went. */
  deleteIdleConversations(
    sessionIds: readonly string[],
    cutoff: string,
  ): { deleted: string[]; counts: ConversationCounts };
  /** Deletes up to `limit` traces older than `cutoff` (outside protected conversations); returns how many. */
  deleteOldTraces(cutoff: string, limit: number): number;
  /** Up to `limit` unprotected conversations idle since `cutoff` that still hold a vault or a pending action. */
  sessionsWithIdleWorkingMemory(cutoff: string, limit: number): string[];
  /** Drops the vault and the waiting action of conversations whose checkpoints are gone; returns vault rows deleted. */
  dropWorkingMemory(sessionIds: readonly string[]): number;
  /** Which of these conversations are protected: a person is handling it, or a ticket is still open. */
  protectedSessions(sessionIds: readonly string[]): Set<string>;
  /** Which of these conversations exist, unprotected and idle since `cutoff`. */
  idleAmong(sessionIds: readonly string[], cutoff: string): Set<string>;
  /** Which of these conversations exist. */
  existingSessions(sessionIds: readonly string[]): Set<string>;
  /** Deletes traces and vault rows of conversations that no longer exist (left by a turn that raced an erasure). */
  deleteOrphans(): { traces: number; vaultEntries: number };
}

/** SQL (both dialects) true when conversation `s` is protected: a person is handling it, or a ticket is open. */
export const PROTECTED_SQL =
  "(s.mode = 'human' OR EXISTS (SELECT 1 FROM tickets t WHERE t.session_id = s.id AND t.status != 'closed'))";

/** SQL (both dialects) for when conversation `s` last got a message ('' when it has none). */
export const LAST_MESSAGE_SQL =
  "COALESCE((SELECT m.created_at FROM messages m WHERE m.session_id = s.id ORDER BY m.id DESC LIMIT 1), '')";

/** The owner under which a signed-in customer's conversations are stored (see session-access.ts). */
export const customerOwner = (customerId: string): string => `customer:${customerId}`;

/** Nothing deleted yet. */
export const noConversationCounts = (): ConversationCounts => ({
  sessions: 0,
  messages: 0,
  tickets: 0,
  traces: 0,
  vaultEntries: 0,
});

/** The counts an audit record keeps: what the store deleted, then whatever else the caller erased. */
export const auditCounts = (counts: ConversationCounts, audit: ErasureAuditInput): Record<string, number> => ({
  ...counts,
  ...audit.counts,
});

/** The audit record as returned right after it was appended. */
export const erasureEntry = (
  id: number,
  audit: ErasureAuditInput,
  counts: Record<string, number>,
): ErasureAuditEntry => ({
  id,
  at: audit.at,
  actor: audit.actor,
  customerId: audit.customerId,
  reason: audit.reason,
  counts,
});

/** An `erasure_audit` row as both adapters read it. */
export interface ErasureAuditRow {
  id: number;
  at: string;
  actor: string;
  customer_id: string;
  reason: string;
  counts_json: string;
}

/** Parses a stored audit record. */
export const toErasureEntry = (r: ErasureAuditRow): ErasureAuditEntry =>
  ErasureAuditEntrySchema.parse({
    id: r.id,
    at: r.at,
    actor: r.actor,
    customerId: r.customer_id,
    reason: r.reason,
    counts: JSON.parse(r.counts_json),
  });

/** The given ids (in the caller's order, without repeats) that are in `found`, as the port's sets are built. */
export const keepFound = (sessionIds: readonly string[], found: ReadonlySet<string>): Set<string> =>
  new Set(sessionIds.filter((id) => found.has(id)));
