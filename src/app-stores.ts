// Composition root, stores: opens every store the service keeps state in, either as SQLite files under DATA_DIR (the
// embedded default) or, with DATABASE_URL, in one shared PostgreSQL database (migrated first, under an advisory lock),
// so several instances serve the same conversations. Each store is one port with a SQLite and a PostgreSQL adapter.
import path from "node:path";
import pg from "pg";
import { createCheckpointStore, type CheckpointStore } from "./agent/checkpoints/checkpoint-store.js";
import { createPgCheckpointStore } from "./agent/checkpoints/pg-checkpoint-store.js";
import { createConfirmationLedger, type ConfirmationLedger } from "./agent/confirmation-ledger.js";
import { createPgConfirmationLedger } from "./agent/pg-confirmation-ledger.js";
import { createPgBankStore, type PgBankStore } from "./bank/pg-bank-store.js";
import type { Config } from "./config/load-config.js";
import { createConversationStore, type ConversationStore } from "./conversations/conversation-store.js";
import { createFeedbackStore, type FeedbackStore } from "./conversations/feedback-store.js";
import { createInsightStore, type InsightStore } from "./conversations/insight-store.js";
import { createPgConversationStore } from "./conversations/pg/pg-conversation-store.js";
import { createPgFeedbackStore } from "./conversations/pg/pg-feedback-store.js";
import { createPgInsightStore } from "./conversations/pg/pg-insight-store.js";
import { createPgStaffAuditStore } from "./conversations/pg/pg-staff-audit-store.js";
import { createPgStreamTickets } from "./conversations/pg/pg-stream-tickets.js";
import { createStaffAuditStore, type StaffAuditStore } from "./conversations/staff-audit-store.js";
import { createStreamTickets, type StreamTickets } from "./conversations/stream-tickets.js";
import { migratePostgres } from "./shared/pg/migrate-postgres.js";
import { openSyncPg, type SyncPg } from "./shared/pg/pg-sync.js";
import type { Logger } from "./shared/logger.js";
import type { VaultCipher } from "./shared/vault-cipher.js";

/** The PostgreSQL connections of an instance: the synchronous one the stores share, and an async pool. */
export interface PostgresConnections {
  db: SyncPg;
  pool: pg.Pool;
}

/** Every store of the service, opened on one backend. */
export interface AppStores {
  backend: "sqlite" | "postgres";
  conversations: ConversationStore;
  staffAudit: StaffAuditStore;
  feedback: FeedbackStore;
  insights: InsightStore;
  confirmations: ConfirmationLedger;
  streamTickets: StreamTickets;
  checkpoints: CheckpointStore;
  /** The bank store on PostgreSQL (seeded by ensureBank under its lock); undefined on SQLite, where ensureBank opens it. */
  bank?: PgBankStore;
  postgres?: PostgresConnections;
  /** Throws when the database cannot answer (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Thrown when the database cannot be reached or migrated at start-up: the message says which and why. */
export class StoreStartupError extends Error {}

function openSqliteStores(config: Config, cipher: VaultCipher): AppStores {
  const chatFile = path.join(config.paths.dataDir, "chat.sqlite");
  const conversations = createConversationStore(chatFile);
  const staffAudit = createStaffAuditStore(chatFile);
  const feedback = createFeedbackStore(chatFile);
  const insights = createInsightStore(chatFile);
  const confirmations = createConfirmationLedger({ file: chatFile, cipher });
  const streamTickets = createStreamTickets({ file: path.join(config.paths.dataDir, "stream-tickets.sqlite") });
  // Checkpoints hold whole tool results, so they are sealed like the vault.
  const checkpoints = createCheckpointStore(path.join(config.paths.dataDir, "checkpoints.sqlite"), {
    secret: config.auth.vaultKey,
  });
  return {
    backend: "sqlite",
    conversations,
    staffAudit,
    feedback,
    insights,
    confirmations,
    streamTickets,
    checkpoints,
    ping: async () => void conversations.getSession("readiness-probe"),
    async close() {
      conversations.close();
      staffAudit.close();
      feedback.close();
      insights.close();
      checkpoints.close();
      confirmations.close();
      streamTickets.close();
    },
  };
}

async function openPostgresStores(
  config: Config,
  url: string,
  cipher: VaultCipher,
  logger: Logger,
): Promise<AppStores> {
  const migrated = await migratePostgres({
    url,
    dir: config.paths.migrationsDir,
    log: (m) => logger.info(m),
  });
  if (!migrated.ok) throw new StoreStartupError(migrated.error);
  const pool = new pg.Pool({
    connectionString: url,
    max: config.scaleOut.poolMax,
    application_name: `harbor-${config.scaleOut.instanceId}`,
  });
  // An idle pooled connection the server dropped is replaced on next use; the error must not end the process.
  pool.on("error", (error) => logger.warn("postgres pool connection lost", { error }));
  const db = openSyncPg(url, { name: `harbor-${config.scaleOut.instanceId}` });
  try {
    db.query("SELECT 1");
  } catch (e) {
    await pool.end();
    await db.close();
    throw new StoreStartupError(`PostgreSQL is not reachable: ${e instanceof Error ? e.message : String(e)}`);
  }
  const conversations = createPgConversationStore(db);
  return {
    backend: "postgres",
    conversations,
    staffAudit: createPgStaffAuditStore(db),
    feedback: createPgFeedbackStore(db),
    insights: createPgInsightStore(db),
    confirmations: createPgConfirmationLedger({ db, cipher }),
    streamTickets: createPgStreamTickets(db),
    checkpoints: createPgCheckpointStore({ pool, db, secret: config.auth.vaultKey }),
    bank: createPgBankStore(db),
    postgres: { db, pool },
    ping: async () => void (await pool.query("SELECT 1")),
    async close() {
      await pool.end();
      await db.close();
    },
  };
}

/** Opens the stores on the backend the config names (PostgreSQL when DATABASE_URL is set). */
export async function openAppStores(options: {
  config: Config;
  cipher: VaultCipher;
  logger: Logger;
}): Promise<AppStores> {
  const url = options.config.scaleOut.databaseUrl;
  return url
    ? openPostgresStores(options.config, url, options.cipher, options.logger)
    : openSqliteStores(options.config, options.cipher);
}
