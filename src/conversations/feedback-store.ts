// Customer feedback on the bot: a thumbs rating per reply (kept with the reply's trace) and one CSAT score per
// conversation, in the conversations database so every worker process and the analytics read the same rows.
// Comments arrive already PII-redacted; a second rating of the same reply, or a second CSAT, replaces the first.
import { applyMigrations, openSqliteDatabase, type Migration, type SqliteDatabase } from "../shared/sqlite-database.js";
import {
  boundFeedbackLimit,
  MAX_FEEDBACK_READ,
  toFeedbackColumns,
  toFeedbackEntries,
  toNewFeedbackEntry,
  type FeedbackEntry,
  type FeedbackRow,
  type FeedbackStore,
} from "./feedback-entries.js";

export {
  FeedbackEntrySchema,
  FeedbackInputSchema,
  MAX_FEEDBACK_COMMENT,
  MAX_FEEDBACK_READ,
  type FeedbackEntry,
  type FeedbackInput,
  type FeedbackQuery,
  type FeedbackStore,
} from "./feedback-entries.js";

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
    insert.run(...toFeedbackColumns(e));
  });
  return {
    record(input) {
      const entry = toNewFeedbackEntry(input, now());
      replace(entry);
      return entry;
    },
    listForSession(sessionId) {
      return toFeedbackEntries(bySession.all(sessionId, MAX_FEEDBACK_READ) as FeedbackRow[]);
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
      const sql = `SELECT * FROM feedback ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY created_at, rowid LIMIT ?`;
      return toFeedbackEntries(db.prepare(sql).all(...params, boundFeedbackLimit(limit)) as FeedbackRow[]);
    },
    close: () => {
      if (owned) db.close();
    },
  };
}
