// Customer feedback on the bot: a thumbs rating per reply (kept with the reply's trace) and one CSAT score per
// conversation, in the conversations database so every worker process and the analytics read the same rows.
// Comments arrive already PII-redacted; a second rating of the same reply, or a second CSAT, replaces the first.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { LocaleSchema } from "../shared/locale.js";
import { applyMigrations, openSqliteDatabase, type Migration, type SqliteDatabase } from "../shared/sqlite-database.js";

const NAMESPACE = "feedback";
const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "feedback",
    sql: `
      CREATE TABLE feedback (
        id TEXT PRIMARY KEY, session_id TEXT NOT NULL, trace_id TEXT, kind TEXT NOT NULL, rating TEXT, csat INTEGER,
        comment TEXT, locale TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE INDEX feedback_session ON feedback(session_id, created_at);
      CREATE INDEX feedback_created ON feedback(created_at);
    `,
  },
];

/** The most entries one read returns. */
export const MAX_FEEDBACK_READ = 5000;

/** The longest comment kept, in characters. */
export const MAX_FEEDBACK_COMMENT = 1000;

/** What a customer said about one reply or about the whole conversation (comment already PII-redacted). */
export const FeedbackInputSchema = z
  .object({
    sessionId: z.string().min(1).max(128).describe("The conversation the feedback is about."),
    traceId: z.string().min(1).max(128).optional().describe("The reply's trace, for a thumbs rating."),
    kind: z.enum(["rating", "csat"]).describe("A thumbs rating of one reply, or CSAT for the conversation."),
    rating: z.enum(["up", "down"]).optional().describe("Thumbs up or down, for kind 'rating'."),
    csat: z.number().int().min(1).max(5).optional().describe("Satisfaction 1 (poor) to 5 (great), for kind 'csat'."),
    comment: z.string().max(MAX_FEEDBACK_COMMENT).optional().describe("The customer's words, PII-redacted."),
    locale: LocaleSchema.describe("The language the customer used."),
  })
  .superRefine((v, ctx) => {
    const ok =
      v.kind === "rating"
        ? v.traceId !== undefined && v.rating !== undefined && v.csat === undefined
        : v.csat !== undefined && v.rating === undefined && v.traceId === undefined;
    if (!ok)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "a rating needs traceId and rating; a csat needs csat and no trace",
      });
  });
/** Feedback to record. */
export type FeedbackInput = z.infer<typeof FeedbackInputSchema>;

/** One stored piece of feedback. */
export const FeedbackEntrySchema = z.object({
  id: z.string().describe("The entry's id."),
  sessionId: z.string().describe("The conversation the feedback is about."),
  traceId: z.string().optional().describe("The rated reply's trace (ratings only)."),
  kind: z.enum(["rating", "csat"]).describe("A thumbs rating of one reply, or CSAT for the conversation."),
  rating: z.enum(["up", "down"]).optional().describe("Thumbs up or down (ratings only)."),
  csat: z.number().int().min(1).max(5).optional().describe("Satisfaction 1 to 5 (csat only)."),
  comment: z.string().optional().describe("The customer's comment, PII-redacted."),
  locale: LocaleSchema.describe("The language the customer used."),
  createdAt: z.string().describe("When it was recorded (ISO 8601)."),
});
/** One stored piece of feedback. */
export type FeedbackEntry = z.infer<typeof FeedbackEntrySchema>;

/** A bounded read of feedback across conversations, oldest first, by creation time [from, to). */
export interface FeedbackQuery {
  from?: string;
  to?: string;
  limit: number;
}

/** The feedback table. */
export interface FeedbackStore {
  /** Records feedback, replacing an earlier rating of the same reply or an earlier CSAT of the same conversation. */
  record(entry: FeedbackInput): FeedbackEntry;
  /** One conversation's feedback, oldest first. */
  listForSession(sessionId: string): FeedbackEntry[];
  /** Feedback created in [from, to), oldest first; at most MAX_FEEDBACK_READ. */
  list(options: FeedbackQuery): FeedbackEntry[];
  close(): void;
}

interface FeedbackRow {
  id: string;
  session_id: string;
  trace_id: string | null;
  kind: string;
  rating: string | null;
  csat: number | null;
  comment: string | null;
  locale: string;
  created_at: string;
}

function toEntry(r: FeedbackRow): FeedbackEntry | undefined {
  const parsed = FeedbackEntrySchema.safeParse({
    id: r.id,
    sessionId: r.session_id,
    ...(r.trace_id !== null ? { traceId: r.trace_id } : {}),
    kind: r.kind,
    ...(r.rating !== null ? { rating: r.rating } : {}),
    ...(r.csat !== null ? { csat: r.csat } : {}),
    ...(r.comment !== null ? { comment: r.comment } : {}),
    locale: r.locale,
    createdAt: r.created_at,
  });
  return parsed.success ? parsed.data : undefined;
}

const toEntries = (rows: FeedbackRow[]): FeedbackEntry[] =>
  rows.flatMap((r) => {
    const e = toEntry(r);
    return e ? [e] : [];
  });

/** Opens the feedback table in a SQLite file (the conversations database), ":memory:" or an open connection. */
export function createFeedbackStore(
  dbOrPath: string | SqliteDatabase,
  options: { now?: () => Date } = {},
): FeedbackStore {
  const owned = typeof dbOrPath === "string";
  const db = owned ? openSqliteDatabase(dbOrPath, { namespace: NAMESPACE, migrations: MIGRATIONS }) : dbOrPath;
  if (!owned) applyMigrations(db, NAMESPACE, MIGRATIONS);
  const now = options.now ?? (() => new Date());
  const insert = db.prepare(
    "INSERT INTO feedback (id, session_id, trace_id, kind, rating, csat, comment, locale, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const removeRating = db.prepare("DELETE FROM feedback WHERE session_id = ? AND kind = 'rating' AND trace_id = ?");
  const removeCsat = db.prepare("DELETE FROM feedback WHERE session_id = ? AND kind = 'csat'");
  const bySession = db.prepare("SELECT * FROM feedback WHERE session_id = ? ORDER BY created_at, rowid LIMIT ?");
  const replace = db.transaction((e: FeedbackEntry) => {
    if (e.kind === "rating") removeRating.run(e.sessionId, e.traceId ?? null);
    else removeCsat.run(e.sessionId);
    insert.run(
      e.id,
      e.sessionId,
      e.traceId ?? null,
      e.kind,
      e.rating ?? null,
      e.csat ?? null,
      e.comment ?? null,
      e.locale,
      e.createdAt,
    );
  });
  return {
    record(input) {
      const v = FeedbackInputSchema.parse(input);
      const entry: FeedbackEntry = {
        id: randomUUID(),
        sessionId: v.sessionId,
        ...(v.kind === "rating" && v.traceId !== undefined ? { traceId: v.traceId } : {}),
        kind: v.kind,
        ...(v.rating !== undefined ? { rating: v.rating } : {}),
        ...(v.csat !== undefined ? { csat: v.csat } : {}),
        ...(v.comment !== undefined && v.comment !== "" ? { comment: v.comment } : {}),
        locale: v.locale,
        createdAt: now().toISOString(),
      };
      replace(entry);
      return entry;
    },
    listForSession(sessionId) {
      return toEntries(bySession.all(sessionId, MAX_FEEDBACK_READ) as FeedbackRow[]);
    },
    list({ from, to, limit }) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (from !== undefined) {
        where.push("created_at >= ?");
        params.push(from);
      }
      if (to !== undefined) {
        where.push("created_at < ?");
        params.push(to);
      }
      const bounded = Math.max(1, Math.min(MAX_FEEDBACK_READ, Math.floor(limit)));
      const sql = `SELECT * FROM feedback ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY created_at, rowid LIMIT ?`;
      return toEntries(db.prepare(sql).all(...params, bounded) as FeedbackRow[]);
    },
    close: () => {
      if (owned) db.close();
    },
  };
}
