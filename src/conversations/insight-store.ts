// What the bot handles badly, kept for staff: the latest clustering run's topics, the review queue of utterances staff
// accepted into an intent's training data (versioned, read by retraining) and the knowledge-gap draft tasks.
import { applyMigrations, openSqliteDatabase, type Migration, type SqliteDatabase } from "../shared/sqlite-database.js";
import {
  MAX_INSIGHT_READ,
  parseTopicJson,
  toAcceptedListing,
  toAcceptedUtterances,
  toKnowledgeTask,
  toNewKnowledgeTask,
  type AcceptUtterancesInput,
  type InsightStore,
  type InsightTopic,
  type TaskRow,
  type UtteranceRow,
} from "./insight-records.js";

export {
  BadTurnSignalSchema,
  InsightTopicSchema,
  KnowledgeTaskSchema,
  MAX_INSIGHT_READ,
  ReviewedUtteranceSchema,
  SuggestionKindSchema,
  type BadTurnSignal,
  type InsightStore,
  type InsightTopic,
  type KnowledgeTask,
  type ReviewedUtterance,
  type SuggestionKind,
} from "./insight-records.js";

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "insights",
    sql: `
      CREATE TABLE insight_topics (
        id TEXT PRIMARY KEY, position INTEGER NOT NULL, json TEXT NOT NULL, generated_at TEXT NOT NULL);
      CREATE TABLE reviewed_utterances (
        id TEXT PRIMARY KEY, topic_id TEXT, intent TEXT NOT NULL, locale TEXT NOT NULL, text TEXT NOT NULL,
        status TEXT NOT NULL, version INTEGER NOT NULL, reviewer TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE INDEX reviewed_utterances_version ON reviewed_utterances(version);
      CREATE TABLE knowledge_tasks (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, topic_id TEXT, examples_json TEXT NOT NULL, status TEXT NOT NULL,
        created_by TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE INDEX knowledge_tasks_status ON knowledge_tasks(status, created_at);
    `,
  },
];

/** Opens the insight store on a SQLite file (the conversations database), ":memory:", or an open connection. */
export function createInsightStore(
  dbOrPath: string | SqliteDatabase,
  options: { now?: () => Date } = {},
): InsightStore {
  const owned = typeof dbOrPath === "string";
  const db = owned ? openSqliteDatabase(dbOrPath, { namespace: "insights", migrations: MIGRATIONS }) : dbOrPath;
  if (!owned) applyMigrations(db, "insights", MIGRATIONS);
  const now = (): string => (options.now ?? (() => new Date()))().toISOString();
  const q = {
    insertTopic: db.prepare("INSERT INTO insight_topics (id, position, json, generated_at) VALUES (?, ?, ?, ?)"),
    listTopics: db.prepare("SELECT json, generated_at FROM insight_topics ORDER BY position LIMIT ?"),
    getTopic: db.prepare("SELECT json FROM insight_topics WHERE id = ?"),
    maxVersion: db.prepare("SELECT COALESCE(MAX(version), 0) AS v FROM reviewed_utterances"),
    insertUtterance: db.prepare(
      "INSERT INTO reviewed_utterances (id, topic_id, intent, locale, text, status, version, reviewer, created_at) VALUES (?, ?, ?, ?, ?, 'accepted', ?, ?, ?)",
    ),
    listAccepted: db.prepare(
      "SELECT * FROM reviewed_utterances WHERE status = 'accepted' ORDER BY version, rowid LIMIT ?",
    ),
    insertTask: db.prepare(
      "INSERT INTO knowledge_tasks (id, title, topic_id, examples_json, status, created_by, created_at) VALUES (?, ?, ?, ?, 'open', ?, ?)",
    ),
    setTaskStatus: db.prepare("UPDATE knowledge_tasks SET status = ? WHERE id = ?"),
  };
  return {
    replaceTopics: db.transaction((run: { generatedAt: string; topics: InsightTopic[] }) => {
      db.prepare("DELETE FROM insight_topics").run();
      run.topics.forEach((topic, i) => q.insertTopic.run(topic.id, i, JSON.stringify(topic), run.generatedAt));
    }),
    listTopics() {
      const rows = q.listTopics.all(MAX_INSIGHT_READ) as { json: string; generated_at: string }[];
      const topics = rows.flatMap((r) => parseTopicJson(r.json) ?? []);
      return { ...(rows[0] ? { generatedAt: rows[0].generated_at } : {}), topics };
    },
    getTopic(id) {
      const row = q.getTopic.get(id) as { json: string } | undefined;
      return row ? parseTopicJson(row.json) : undefined;
    },
    acceptUtterances: db.transaction((input: AcceptUtterancesInput) => {
      const version = (q.maxVersion.get() as { v: number }).v + 1;
      const utterances = toAcceptedUtterances(input, version, now());
      for (const u of utterances)
        q.insertUtterance.run(u.id, u.topicId ?? null, u.intent, u.locale, u.text, version, u.reviewer, u.createdAt);
      return { version, utterances };
    }),
    listAcceptedUtterances: () => toAcceptedListing(q.listAccepted.all(MAX_INSIGHT_READ) as UtteranceRow[]),
    latestVersion: () => (q.maxVersion.get() as { v: number }).v,
    createKnowledgeTask(input) {
      const task = toNewKnowledgeTask(input, now());
      q.insertTask.run(
        task.id,
        task.title,
        task.topicId ?? null,
        JSON.stringify(task.examples),
        task.createdBy,
        task.createdAt,
      );
      return task;
    },
    listKnowledgeTasks(status) {
      const rows = db
        .prepare(
          `SELECT * FROM knowledge_tasks ${status ? "WHERE status = ?" : ""} ORDER BY created_at DESC, rowid DESC LIMIT ?`,
        )
        .all(...(status ? [status] : []), MAX_INSIGHT_READ) as TaskRow[];
      return rows.map(toKnowledgeTask);
    },
    setKnowledgeTaskStatus: (id, status) => q.setTaskStatus.run(status, id).changes === 1,
    close: () => {
      if (owned) db.close();
    },
  };
}
