// The insight store port and everything about it that is not SQL: the schemas of topics, reviewed utterances and
// knowledge-gap tasks, how an acceptance or a new task is built, and the row mapping. The SQLite and PostgreSQL
// adapters both import it, so they cannot drift apart.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { BilingualTextSchema, LocaleSchema } from "../shared/locale.js";

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

/** Utterances staff accept for one intent, in one review-queue version. */
export interface AcceptUtterancesInput {
  topicId?: string;
  intent: string;
  reviewer: string;
  utterances: { text: string; locale: z.infer<typeof LocaleSchema> }[];
}

/** A knowledge-gap task to open. */
export interface NewKnowledgeTaskInput {
  title: string;
  topicId?: string;
  examples: string[];
  createdBy: string;
}

/** An accepted utterance as retraining reads it. */
export interface AcceptedUtterance {
  intent: string;
  locale: z.infer<typeof LocaleSchema>;
  text: string;
  version: number;
}

/** The insight store port. */
export interface InsightStore {
  /** Replaces the topics with those of a new clustering run. */
  replaceTopics(run: { generatedAt: string; topics: InsightTopic[] }): void;
  /** The latest run's topics in their order, and when it ran (undefined before the first run). */
  listTopics(): { generatedAt?: string; topics: InsightTopic[] };
  getTopic(id: string): InsightTopic | undefined;
  /** Accepts utterances for an intent as one new version of the review queue; returns the rows written. */
  acceptUtterances(input: AcceptUtterancesInput): { version: number; utterances: ReviewedUtterance[] };
  /** Every accepted utterance, oldest version first (the router's retraining reads these). */
  listAcceptedUtterances(): AcceptedUtterance[];
  /** The newest review-queue version (0 when empty). */
  latestVersion(): number;
  createKnowledgeTask(input: NewKnowledgeTaskInput): KnowledgeTask;
  /** Knowledge-gap tasks, newest first, optionally of one status. */
  listKnowledgeTasks(status?: KnowledgeTask["status"]): KnowledgeTask[];
  /** Marks a task open or done; false when there is no such task. */
  setKnowledgeTaskStatus(id: string, status: KnowledgeTask["status"]): boolean;
  close(): void;
}

/** A reviewed_utterances row as both databases return it. */
export interface UtteranceRow {
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

/** A knowledge_tasks row as both databases return it. */
export interface TaskRow {
  id: string;
  title: string;
  topic_id: string | null;
  examples_json: string;
  status: string;
  created_by: string;
  created_at: string;
}

const ExamplesSchema = z.array(z.string());

/** A stored topic's JSON as a topic; undefined when it no longer fits the schema. */
export function parseTopicJson(json: string): InsightTopic | undefined {
  const parsed = InsightTopicSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : undefined;
}

/** The rows of an acceptance as the store returns them (ids drawn here), all of one version and time. */
export function toAcceptedUtterances(
  input: AcceptUtterancesInput,
  version: number,
  createdAt: string,
): ReviewedUtterance[] {
  return input.utterances.map((u) =>
    ReviewedUtteranceSchema.parse({
      id: randomUUID(),
      ...(input.topicId ? { topicId: input.topicId } : {}),
      intent: input.intent,
      locale: u.locale,
      text: u.text,
      status: "accepted",
      version,
      reviewer: input.reviewer,
      createdAt,
    }),
  );
}

/** Accepted-utterance rows as retraining reads them (a row that fails the schema fails the read, as before). */
export function toAcceptedListing(rows: UtteranceRow[]): AcceptedUtterance[] {
  return rows.map((r) => {
    const u = ReviewedUtteranceSchema.parse({
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
    return { intent: u.intent, locale: u.locale, text: u.text, version: u.version };
  });
}

/** A new open task with a short id staff can read out, created now. */
export function toNewKnowledgeTask(input: NewKnowledgeTaskInput, createdAt: string): KnowledgeTask {
  return {
    id: `KT-${randomUUID().slice(0, 8).toUpperCase()}`,
    title: input.title,
    ...(input.topicId ? { topicId: input.topicId } : {}),
    examples: input.examples,
    status: "open",
    createdBy: input.createdBy,
    createdAt,
  };
}

/** A task row as a task; examples that no longer parse read as none. */
export function toKnowledgeTask(r: TaskRow): KnowledgeTask {
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
