// The insight store on PostgreSQL, for instances sharing one database (DATABASE_URL). Same port and behaviour as the
// SQLite store. Where SQLite relies on its single writer (a new clustering run replacing the last, the next
// review-queue version), this adapter locks the table for the transaction, so two instances cannot interleave.
import type { SyncPg } from "../../shared/pg/pg-sync.js";
import {
  MAX_INSIGHT_READ,
  parseTopicJson,
  toAcceptedListing,
  toAcceptedUtterances,
  toKnowledgeTask,
  toNewKnowledgeTask,
  type InsightStore,
  type TaskRow,
  type UtteranceRow,
} from "../insight-records.js";

const UTTERANCE_COLUMNS = "id, topic_id, intent, locale, text, status, version, reviewer, created_at";
const TASK_COLUMNS = "id, title, topic_id, examples_json, status, created_by, created_at";

/** The insight store over the shared PostgreSQL connection; `close()` leaves the connection open. */
export function createPgInsightStore(db: SyncPg, options: { now?: () => Date } = {}): InsightStore {
  const now = (): string => (options.now ?? (() => new Date()))().toISOString();
  const maxVersion = (): number =>
    db.query<{ v: number }>("SELECT COALESCE(MAX(version), 0) AS v FROM reviewed_utterances")[0]?.v ?? 0;
  return {
    replaceTopics(run) {
      db.transaction(() => {
        // Writers queue behind each other (readers do not), so the second run's DELETE sees the first run's rows.
        db.run("LOCK TABLE insight_topics IN EXCLUSIVE MODE");
        db.run("DELETE FROM insight_topics");
        if (run.topics.length === 0) return;
        db.run(
          `INSERT INTO insight_topics (id, position, json, generated_at)
           SELECT t.id, t.position - 1, t.json, $3::text FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(id, json, position)`,
          [run.topics.map((t) => t.id), run.topics.map((t) => JSON.stringify(t)), run.generatedAt],
        );
      });
    },
    listTopics() {
      const rows = db.query<{ json: string; generated_at: string }>(
        "SELECT json, generated_at FROM insight_topics ORDER BY position LIMIT $1",
        [MAX_INSIGHT_READ],
      );
      const topics = rows.flatMap((r) => parseTopicJson(r.json) ?? []);
      return { ...(rows[0] ? { generatedAt: rows[0].generated_at } : {}), topics };
    },
    getTopic(id) {
      const row = db.query<{ json: string }>("SELECT json FROM insight_topics WHERE id = $1", [id])[0];
      return row ? parseTopicJson(row.json) : undefined;
    },
    acceptUtterances(input) {
      return db.transaction(() => {
        // Other writers wait until this version is committed, so no two acceptances share a version number.
        db.run("LOCK TABLE reviewed_utterances IN SHARE ROW EXCLUSIVE MODE");
        const version = maxVersion() + 1;
        const utterances = toAcceptedUtterances(input, version, now());
        if (utterances.length > 0)
          db.run(
            `INSERT INTO reviewed_utterances (${UTTERANCE_COLUMNS})
             SELECT u.id, $4::text, $5::text, u.locale, u.text, 'accepted', $6::int, $7::text, $8::text
             FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u(id, locale, text, n) ORDER BY u.n`,
            [
              utterances.map((u) => u.id),
              utterances.map((u) => u.locale),
              utterances.map((u) => u.text),
              input.topicId ?? null,
              input.intent,
              version,
              input.reviewer,
              utterances[0]?.createdAt,
            ],
          );
        return { version, utterances };
      });
    },
    listAcceptedUtterances: () =>
      toAcceptedListing(
        db.query<UtteranceRow>(
          `SELECT ${UTTERANCE_COLUMNS} FROM reviewed_utterances WHERE status = 'accepted' ORDER BY version, seq LIMIT $1`,
          [MAX_INSIGHT_READ],
        ),
      ),
    latestVersion: maxVersion,
    createKnowledgeTask(input) {
      const task = toNewKnowledgeTask(input, now());
      db.run(`INSERT INTO knowledge_tasks (${TASK_COLUMNS}) VALUES ($1, $2, $3, $4, 'open', $5, $6)`, [
        task.id,
        task.title,
        task.topicId ?? null,
        JSON.stringify(task.examples),
        task.createdBy,
        task.createdAt,
      ]);
      return task;
    },
    listKnowledgeTasks(status) {
      const rows = status
        ? db.query<TaskRow>(
            `SELECT ${TASK_COLUMNS} FROM knowledge_tasks WHERE status = $1 ORDER BY created_at DESC, seq DESC LIMIT $2`,
            [status, MAX_INSIGHT_READ],
          )
        : db.query<TaskRow>(`SELECT ${TASK_COLUMNS} FROM knowledge_tasks ORDER BY created_at DESC, seq DESC LIMIT $1`, [
            MAX_INSIGHT_READ,
          ]);
      return rows.map(toKnowledgeTask);
    },
    setKnowledgeTaskStatus: (id, status) =>
      db.run("UPDATE knowledge_tasks SET status = $1 WHERE id = $2", [status, id]).rowCount === 1,
    // The connection is shared by every PostgreSQL store; the composition root closes it.
    close: () => {},
  };
}
