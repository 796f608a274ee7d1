-- Up Migration
-- Insights for staff: the latest clustering run's topics, the versioned review queue of accepted utterances and the
-- knowledge-gap tasks. Same tables and columns as the SQLite store; `seq` stands in for SQLite's rowid as the
-- tie-break of insertion order.
CREATE TABLE insight_topics (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  json TEXT NOT NULL,
  generated_at TEXT COLLATE "C" NOT NULL
);
CREATE TABLE reviewed_utterances (
  id TEXT PRIMARY KEY,
  topic_id TEXT,
  intent TEXT NOT NULL,
  locale TEXT NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL,
  reviewer TEXT NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  seq BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL
);
CREATE INDEX reviewed_utterances_version ON reviewed_utterances (version, seq);
CREATE TABLE knowledge_tasks (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  topic_id TEXT,
  examples_json TEXT NOT NULL,
  status TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  seq BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL
);
CREATE INDEX knowledge_tasks_status ON knowledge_tasks (status, created_at, seq);
