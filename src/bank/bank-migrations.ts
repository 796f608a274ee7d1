// Versioned schema of the bank database; append new steps, never edit applied ones.
import type { Migration } from "../shared/sqlite-database.js";

/** Migrations of the "bank" namespace. */
export const BANK_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "core banking tables",
    sql: `
CREATE TABLE customers (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, locale TEXT NOT NULL, region TEXT NOT NULL,
  monthly_income REAL NOT NULL, employment TEXT NOT NULL, credit_profile TEXT
);
CREATE INDEX customers_name ON customers(name);
CREATE TABLE accounts (
  id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id), type TEXT NOT NULL, currency TEXT NOT NULL,
  balance REAL NOT NULL, sort_code TEXT NOT NULL, account_number TEXT NOT NULL
);
CREATE INDEX accounts_customer ON accounts(customer_id);
CREATE TABLE cards (
  id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id), account_id TEXT NOT NULL REFERENCES accounts(id),
  last4 TEXT NOT NULL, brand TEXT NOT NULL, status TEXT NOT NULL, expiry TEXT NOT NULL
);
CREATE INDEX cards_customer ON cards(customer_id);
CREATE INDEX cards_last4 ON cards(last4);
CREATE TABLE card_status_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT, card_id TEXT NOT NULL REFERENCES cards(id), status TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL
);
CREATE TABLE merchants (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, region TEXT NOT NULL, online INTEGER NOT NULL, x REAL NOT NULL, y REAL NOT NULL
);
CREATE TABLE transactions (
  id TEXT PRIMARY KEY, card_id TEXT NOT NULL REFERENCES cards(id), customer_id TEXT NOT NULL REFERENCES customers(id),
  merchant_id TEXT NOT NULL REFERENCES merchants(id), amount REAL NOT NULL, currency TEXT NOT NULL, epoch INTEGER NOT NULL,
  channel TEXT NOT NULL, region TEXT NOT NULL, reported_fraud INTEGER NOT NULL DEFAULT 0,
  fraud_probability REAL, fraud_level TEXT, fraud_reasons TEXT, model_version TEXT
);
CREATE INDEX transactions_customer_time ON transactions(customer_id, epoch);
CREATE INDEX transactions_card_time ON transactions(card_id, epoch);
CREATE INDEX transactions_merchant_time ON transactions(merchant_id, epoch);
CREATE INDEX transactions_time ON transactions(epoch);
CREATE INDEX transactions_flagged ON transactions(fraud_level, epoch) WHERE fraud_level IN ('review', 'block');
CREATE TABLE disputes (
  id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers(id), transaction_id TEXT NOT NULL REFERENCES transactions(id),
  reason TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL
);
CREATE INDEX disputes_customer ON disputes(customer_id, created_at);
CREATE TABLE fraud_labels (
  id INTEGER PRIMARY KEY AUTOINCREMENT, transaction_id TEXT NOT NULL REFERENCES transactions(id), label TEXT NOT NULL,
  analyst TEXT NOT NULL, note TEXT, created_at TEXT NOT NULL
);
CREATE INDEX fraud_labels_tx ON fraud_labels(transaction_id, id);
`,
  },
  {
    version: 2,
    name: "dispute numbers from a sequence",
    // Ids were COUNT(*) + 1, which two workers (or a deletion) could hand out twice. Numbers now come from an
    // AUTOINCREMENT sequence, which never reuses one; it starts after every number already issued.
    sql: `
CREATE TABLE dispute_numbers (n INTEGER PRIMARY KEY AUTOINCREMENT);
INSERT INTO dispute_numbers (n)
  SELECT CAST(substr(id, 5) AS INTEGER) FROM disputes WHERE id GLOB 'dsp-[0-9]*' AND CAST(substr(id, 5) AS INTEGER) > 0;
`,
  },
  {
    version: 3,
    name: "one open dispute per transaction",
    // Disputing a transaction again used to open a second dispute. Extra open disputes written before this step are
    // marked 'duplicate' (the oldest stays open), then a partial unique index makes a second open dispute impossible.
    sql: `
UPDATE disputes SET status = 'duplicate'
  WHERE status = 'open' AND EXISTS (
    SELECT 1 FROM disputes AS older WHERE older.transaction_id = disputes.transaction_id AND older.status = 'open'
      AND (older.created_at < disputes.created_at OR (older.created_at = disputes.created_at AND older.id < disputes.id)));
CREATE UNIQUE INDEX disputes_one_open_per_transaction ON disputes(transaction_id) WHERE status = 'open';
`,
  },
  {
    version: 4,
    name: "who opened a dispute",
    // Staff open disputes on a customer's behalf; the acting staff member is kept with the dispute (NULL: the customer).
    sql: `ALTER TABLE disputes ADD COLUMN opened_by TEXT;`,
  },
];
