// What the bot handles badly, kept for staff: the latest clustering run's topics, the review queue of utterances staff
// accepted into an intent's training data (versioned, read by retraining) and the knowledge-gap draft tasks.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { BilingualTextSchema, LocaleSchema } from "../shared/locale.js";
import { applyMigrations, openSqliteDatabase, type Migration, type SqliteDatabase } from "../shared/sqlite-database.js";

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

/** The most rows one read returns. */
export const MAX_INSIGHT_READ = 5000;

/** What staff should do about a topic. */
export const SuggestionKindSchema = z.enum(["new_intent", "missing_knowledge", "wrong_route", "broken_flow"]);
/** What staff should do about a topic. */
export type SuggestionKind = z.infer<typeof SuggestionKindSchema>;

/** Why a turn counts as handled badly. */
export const BadTurnSignalSchema = z.enum([
  "out_of_scope",
  "low_confidence",
  "fallback",
  "handoff",
  "negative_feedback",
  "clarifying_loop",
]);
/** Why a turn counts as handled badly. */
export type BadTurnSignal = z.infer<typeof BadTurnSignalSchema>;

/** One clustered topic of badly handled messages; every text in it is already PII-redacted. */
export const InsightTopicSchema = z.object({
  id: z.string().describe("Stable id of the topic within a run"),
  label: z.string().describe("Top c-TF-IDF terms of the topic, joined"),
  terms: z.array(z.string()).describe("Top c-TF-IDF terms, best first"),
  size: z.number().int().min(0).describe("Messages in the topic"),
  trend: z
    .object({
      last7Days: z.number().int().min(0),
      previous7Days: z.number().int().min(0),
      direction: z.enum(["up", "down", "flat"]),
    })
    .describe("Messages in the last 7 days against the 7 days before"),
  examples: z.array(z.string()).max(5).describe("Up to five redacted messages"),
  suggestion: z
    .object({ kind: SuggestionKindSchema, text: BilingualTextSchema })
    .describe("What to do, decided from the trace fields the topic's turns share"),
  signals: z.record(BadTurnSignalSchema, z.number().int().min(0)).describe("How many turns carried each signal"),
  utterances: z
    .array(z.object({ text: z.string(), locale: LocaleSchema }))
    .describe("Every distinct redacted message of the topic, for acceptance into an intent"),
});
/** One clustered topic. */
export type InsightTopic = z.infer<typeof InsightTopicSchema>;

/** An utterance staff reviewed for an intent's training data. */
export const ReviewedUtteranceSchema = z.object({
  id: z.string(),
  topicId: z.string().optional(),
  intent: z.string(),
  locale: LocaleSchema,
  text: z.string(),
  status: z.enum(["accepted", "rejected"]),
  version: z.number().int().min(1),
  reviewer: z.string(),
  createdAt: z.string(),
});
/** An utterance staff reviewed. */
export type ReviewedUtterance = z.infer<typeof ReviewedUtteranceSchema>;

/** A draft-document task for a knowledge gap. */
export const KnowledgeTaskSchema = z.object({
  id: z.string(),
  title: z.string(),
  topicId: z.string().optional(),
  examples: z.array(z.string()),
  status: z.enum(["open", "done"]),
  createdBy: z.string(),
  createdAt: z.string(),
});
/** A draft-document task for a knowledge gap. */
export type KnowledgeTask = z.infer<typeof KnowledgeTaskSchema>;

/** The insight store port. */
export interface InsightStore {
  /** Replaces the topics with those of a new clustering run. */
  replaceTopics(run: { generatedAt: string; topics: InsightTopic[] }): void;
  /** The latest run's topics in their order, and when it ran (undefined before the first run). */
  listTopics(): { generatedAt?: string; topics: InsightTopic[] };
  getTopic(id: string): InsightTopic | undefined;
  /** Accepts utterances for an intent as one new version of the review queue; returns the rows written. */
  acceptUtterances(input: {
    topicId?: string;
    intent: string;
    reviewer: string;
    utterances: { text: string; locale: z.infer<typeof LocaleSchema> }[];
  }): { version: number; utterances: ReviewedUtterance[] };
  /** Every accepted utterance, oldest version first (the router's retraining reads these). */
  listAcceptedUtterances(): { intent: string; locale: z.infer<typeof LocaleSchema>; text: string; version: number }[];
  /** The newest review-queue version (0 when empty). */
  latestVersion(): number;
  createKnowledgeTask(input: { title: string; topicId?: string; examples: string[]; createdBy: string }): KnowledgeTask;
  /** Knowledge-gap tasks, newest first, optionally of one status. */
  listKnowledgeTasks(status?: KnowledgeTask["status"]): KnowledgeTask[];
  /** Marks a task open or done; false when there is no such task. */
  setKnowledgeTaskStatus(id: string, status: KnowledgeTask["status"]): boolean;
  close(): void;
}

interface UtteranceRow {
  id: string;
  topic_id: string | null;
  intent: string;
  locale: string;
  text: string;
  status: string;
  version: number;
  reviewer: string;
  created_at: string;
}

interface TaskRow {
  id: string;
  title: string;
  topic_id: string | null;
  examples_json: string;
  status: string;
  created_by: string;
  created_at: string;
}

const ExamplesSchema = z.array(z.string());

function toUtterance(r: UtteranceRow): ReviewedUtterance {
  return ReviewedUtteranceSchema.parse({
    id: r.id,
    ...(r.topic_id ? { topicId: r.topic_id } : {}),
    intent: r.intent,
    locale: r.locale,
    text: r.text,
    status: r.status,
    version: r.version,
    reviewer: r.reviewer,
    createdAt: r.created_at,
  });
}

function toTask(r: TaskRow): KnowledgeTask {
  const examples = ExamplesSchema.safeParse(JSON.parse(r.examples_json));
  return KnowledgeTaskSchema.parse({
    id: r.id,
    title: r.title,
    ...(r.topic_id ? { topicId: r.topic_id } : {}),
    examples: examples.success ? examples.data : [],
    status: r.status,
    createdBy: r.created_by,
    createdAt: r.created_at,
  });
}

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
  const parseTopic = (json: string): InsightTopic | undefined => {
    const parsed = InsightTopicSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  };
  return {
    replaceTopics: db.transaction((run: { generatedAt: string; topics: InsightTopic[] }) => {
      db.prepare("DELETE FROM insight_topics").run();
      run.topics.forEach((topic, i) => q.insertTopic.run(topic.id, i, JSON.stringify(topic), run.generatedAt));
    }),
    listTopics() {
      const rows = q.listTopics.all(MAX_INSIGHT_READ) as { json: string; generated_at: string }[];
      const topics = rows.flatMap((r) => parseTopic(r.json) ?? []);
      return { ...(rows[0] ? { generatedAt: rows[0].generated_at } : {}), topics };
    },
    getTopic(id) {
      const row = q.getTopic.get(id) as { json: string } | undefined;
      return row ? parseTopic(row.json) : undefined;
    },
    acceptUtterances: db.transaction((input: Parameters<InsightStore["acceptUtterances"]>[0]) => {
      const version = (q.maxVersion.get() as { v: number }).v + 1;
      const createdAt = now();
      const utterances = input.utterances.map((u) => {
        const id = randomUUID();
        q.insertUtterance.run(
          id,
          input.topicId ?? null,
          input.intent,
          u.locale,
          u.text,
          version,
          input.reviewer,
          createdAt,
        );
        return ReviewedUtteranceSchema.parse({
          id,
          ...(input.topicId ? { topicId: input.topicId } : {}),
          intent: input.intent,
          locale: u.locale,
          text: u.text,
          status: "accepted",
          version,
          reviewer: input.reviewer,
          createdAt,
        });
      });
      return { version, utterances };
    }),
    listAcceptedUtterances() {
      return (q.listAccepted.all(MAX_INSIGHT_READ) as UtteranceRow[]).map(toUtterance).map((u) => ({
        intent: u.intent,
        locale: u.locale,
        text: u.text,
        version: u.version,
      }));
    },
    latestVersion: () => (q.maxVersion.get() as { v: number }).v,
    createKnowledgeTask(input) {
      const task: KnowledgeTask = {
        id: `KT-${randomUUID().slice(0, 8).toUpperCase()}`,
        title: input.title,
        ...(input.topicId ? { topicId: input.topicId } : {}),
        examples: input.examples,
        status: "open",
        createdBy: input.createdBy,
        createdAt: now(),
      };
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
      return rows.map(toTask);
    },
    setKnowledgeTaskStatus: (id, status) => q.setTaskStatus.run(status, id).changes === 1,
    close: () => {
      if (owned) db.close();
    },
  };
}
