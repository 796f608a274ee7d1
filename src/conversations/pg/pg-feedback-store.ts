// The feedback store on PostgreSQL, for instances sharing one database (DATABASE_URL). Same port and behaviour as
// the SQLite store; a replacing rating or CSAT is one upsert on a partial unique index, so two instances recording
// at once still leave one row per reply and one CSAT per conversation.
import type { SyncPg } from "../../shared/pg/pg-sync.js";
import {
  boundFeedbackLimit,
  MAX_FEEDBACK_READ,
  toFeedbackColumns,
  toFeedbackEntries,
  toNewFeedbackEntry,
  type FeedbackRow,
  type FeedbackStore,
} from "../feedback-entries.js";

const COLUMNS = "id, session_id, trace_id, kind, rating, csat, comment, locale, created_at";
const INSERT = `INSERT INTO feedback (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
// The replacement takes a fresh `seq`, so it sorts where a deleted-and-reinserted SQLite row would: last.
const REPLACE = `DO UPDATE SET id = EXCLUDED.id, trace_id = EXCLUDED.trace_id, rating = EXCLUDED.rating,
  csat = EXCLUDED.csat, comment = EXCLUDED.comment, locale = EXCLUDED.locale, created_at = EXCLUDED.created_at,
  seq = EXCLUDED.seq`;
const UPSERT_RATING = `${INSERT} ON CONFLICT (session_id, trace_id) WHERE kind = 'rating' ${REPLACE}`;
const UPSERT_CSAT = `${INSERT} ON CONFLICT (session_id) WHERE kind = 'csat' ${REPLACE}`;

/** The feedback store over the shared PostgreSQL connection; `close()` leaves the connection open. */
export function createPgFeedbackStore(db: SyncPg, options: { now?: () => Date } = {}): FeedbackStore {
  const now = options.now ?? (() => new Date());
  return {
    record(input) {
      const entry = toNewFeedbackEntry(input, now());
      db.run(entry.kind === "rating" ? UPSERT_RATING : UPSERT_CSAT, toFeedbackColumns(entry));
      return entry;
    },
    listForSession(sessionId) {
      return toFeedbackEntries(
        db.query<FeedbackRow>(
          `SELECT ${COLUMNS} FROM feedback WHERE session_id = $1 ORDER BY created_at, seq LIMIT $2`,
          [sessionId, MAX_FEEDBACK_READ],
        ),
      );
    },
    list({ from, to, limit }) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (from !== undefined) {
        params.push(from);
        where.push(`created_at >= $${params.length}`);
      }
      if (to !== undefined) {
        params.push(to);
        where.push(`created_at < $${params.length}`);
      }
      params.push(boundFeedbackLimit(limit));
      const sql = `SELECT ${COLUMNS} FROM feedback ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY created_at, seq LIMIT $${params.length}`;
      return toFeedbackEntries(db.query<FeedbackRow>(sql, params));
    },
    // The connection is shared by every PostgreSQL store; the composition root closes it.
    close: () => {},
  };
}
