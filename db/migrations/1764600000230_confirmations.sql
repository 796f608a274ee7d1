-- Up Migration
-- The ledger of approval decisions: the primary key is the claim, so the first INSERT of a (session, confirmation)
-- wins across every instance. Times are epoch milliseconds, as in the SQLite ledger.
CREATE TABLE confirmations (
  session_id TEXT NOT NULL,
  id TEXT NOT NULL,
  decision TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  response_sealed TEXT,
  claimed_by TEXT NOT NULL,
  claimed_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (session_id, id)
);
CREATE INDEX confirmations_updated ON confirmations (updated_at);
