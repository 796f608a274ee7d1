// The feedback port and everything about it that is not SQL: the schemas, the entry a recording becomes, the row
// mapping and the read bound. The SQLite and PostgreSQL adapters both import it, so they cannot drift apart.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { LocaleSchema } from "../shared/locale.js";

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

/** A feedback row as both databases return it. */
export interface FeedbackRow {
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

/** Validates what a customer sent and turns it into the entry to store, stamped now (throws on invalid input). */
export function toNewFeedbackEntry(input: FeedbackInput, now: Date): FeedbackEntry {
  const v = FeedbackInputSchema.parse(input);
  return {
    id: randomUUID(),
    sessionId: v.sessionId,
    ...(v.kind === "rating" && v.traceId !== undefined ? { traceId: v.traceId } : {}),
    kind: v.kind,
    ...(v.rating !== undefined ? { rating: v.rating } : {}),
    ...(v.csat !== undefined ? { csat: v.csat } : {}),
    ...(v.comment !== undefined && v.comment !== "" ? { comment: v.comment } : {}),
    locale: v.locale,
    createdAt: now.toISOString(),
  };
}

/** The column values of an entry, in the table's column order (id … created_at). */
export function toFeedbackColumns(e: FeedbackEntry): (string | number | null)[] {
  return [
    e.id,
    e.sessionId,
    e.traceId ?? null,
    e.kind,
    e.rating ?? null,
    e.csat ?? null,
    e.comment ?? null,
    e.locale,
    e.createdAt,
  ];
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

/** Rows as entries; a row that no longer fits the schema is skipped rather than failing the whole read. */
export const toFeedbackEntries = (rows: FeedbackRow[]): FeedbackEntry[] =>
  rows.flatMap((r) => {
    const e = toEntry(r);
    return e ? [e] : [];
  });

/** A caller's limit clamped to 1 … MAX_FEEDBACK_READ. */
export const boundFeedbackLimit = (limit: number): number =>
  Math.max(1, Math.min(MAX_FEEDBACK_READ, Math.floor(limit)));
