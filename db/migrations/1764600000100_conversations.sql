-- Up Migration
-- The conversation store in PostgreSQL (src/conversations/pg/): the same tables and column names as the SQLite
-- adapter, plus the erasure audit of conversation-lifecycle.ts and the stream tickets of stream-tickets.ts.
-- Text that is ordered or compared (ids, owners, ISO-8601 timestamps) uses the "C" collation, so it sorts byte by
-- byte exactly as SQLite does, whatever the server's default locale.

CREATE TABLE sessions (
  id TEXT COLLATE "C" PRIMARY KEY,
  owner TEXT COLLATE "C" NOT NULL,
  identity_json TEXT NOT NULL,
  locale TEXT NOT NULL,
  mode TEXT NOT NULL DEFAULT 'bot',
  state_json TEXT NOT NULL DEFAULT '{}',
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL);
CREATE INDEX sessions_updated ON sessions (updated_at);
CREATE INDEX sessions_owner ON sessions (owner);

-- One sequence for every instance: ids only ever grow, so an SSE client resuming "after id N" misses nothing
-- whichever instance wrote the message.
CREATE TABLE messages (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id TEXT COLLATE "C" NOT NULL REFERENCES sessions (id),
  role TEXT NOT NULL,
  author TEXT,
  text TEXT NOT NULL,
  trace_id TEXT COLLATE "C",
  created_at TEXT COLLATE "C" NOT NULL);
CREATE INDEX messages_session ON messages (session_id, id);
CREATE INDEX messages_trace ON messages (trace_id);

-- `seq` stands in for SQLite's rowid: the queue's last tie-breaker and part of its page cursor.
CREATE TABLE tickets (
  id TEXT COLLATE "C" PRIMARY KEY,
  seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  session_id TEXT COLLATE "C" NOT NULL REFERENCES sessions (id),
  summary TEXT NOT NULL,
  status TEXT NOT NULL,
  staff_id TEXT,
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL);
CREATE INDEX tickets_status ON tickets (status, created_at);
CREATE INDEX tickets_session ON tickets (session_id);

-- `seq` orders traces stored in the same millisecond, as rowid does in SQLite.
CREATE TABLE traces (
  id TEXT COLLATE "C" PRIMARY KEY,
  seq BIGINT GENERATED ALWAYS AS IDENTITY,
  session_id TEXT COLLATE "C" NOT NULL,
  turn INTEGER NOT NULL,
  json TEXT NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL);
CREATE INDEX traces_session ON traces (session_id, turn);
CREATE INDEX traces_created ON traces (created_at, seq);

CREATE TABLE vault (
  session_id TEXT COLLATE "C" NOT NULL,
  placeholder TEXT COLLATE "C" NOT NULL,
  kind TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  sealed TEXT NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (session_id, placeholder),
  UNIQUE (session_id, fingerprint));
CREATE INDEX vault_kind ON vault (session_id, kind);

CREATE TABLE erasure_audit (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at TEXT COLLATE "C" NOT NULL,
  actor TEXT NOT NULL,
  customer_id TEXT COLLATE "C" NOT NULL,
  reason TEXT NOT NULL,
  counts_json TEXT NOT NULL);
CREATE INDEX erasure_audit_customer ON erasure_audit (customer_id, id);

-- Append-only, as the SQLite triggers make it: an erasure record can be neither changed nor removed.
CREATE FUNCTION erasure_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'erasure audit is append-only';
END;
$$;
CREATE TRIGGER erasure_audit_no_update BEFORE UPDATE OR DELETE ON erasure_audit
  FOR EACH ROW EXECUTE FUNCTION erasure_audit_append_only();
CREATE TRIGGER erasure_audit_no_truncate BEFORE TRUNCATE ON erasure_audit
  FOR EACH STATEMENT EXECUTE FUNCTION erasure_audit_append_only();

-- Kept hashed; `expires_at` is epoch milliseconds, as in SQLite.
CREATE TABLE stream_tickets (
  digest TEXT PRIMARY KEY,
  session_id TEXT NOT NULL,
  holder TEXT NOT NULL,
  expires_at BIGINT NOT NULL);
CREATE INDEX stream_tickets_expiry ON stream_tickets (expires_at);
CREATE INDEX stream_tickets_holder ON stream_tickets (holder);
