// PostgreSQL implementation of the bank store, for several instances sharing one database (DATABASE_URL). Same
// behaviour as the SQLite adapter; what differs is how it stays correct and fast over the network: each per-turn call
// is one statement, imports and assessment updates go as column arrays (thousands of rows per statement), training
// pages through transactions with a keyset cursor, and card status and disputes decide inside one statement under
// the row or unique-index lock, so two instances acting at once cannot undo a block or open two disputes.
import type { SyncPg } from "../shared/pg/pg-sync.js";
import { err, ok } from "../shared/result.js";
import { DAY_SECONDS } from "../scoring/fraud/fraud-features.js";
import {
  containsPattern,
  epochOf,
  toAccount,
  toAssessment,
  toCard,
  toCustomer,
  toDispute,
  toFeatureRow,
  toFraudLabel,
  toMerchant,
  toTransaction,
  type AccountRow,
  type AssessmentRow,
  type CardRow,
  type CustomerRow,
  type DisputeRow,
  type FeatureSourceRow,
  type FraudLabelRow,
  type MerchantRow,
  type TransactionRow,
} from "./bank-rows.js";
import { importBankRows, saveAssessmentBatches, streamFeatureRows } from "./pg-bank-batches.js";
import type { Dispute, FraudAssessment } from "./bank-schemas.js";
import type { BankStore, FeatureContext } from "./bank-store.js";

/** Key of the transaction-scoped advisory lock every instance takes before seeding an empty bank. */
export const BANK_SEED_LOCK_KEY = 7_263_541_001;

/** Attempts at opening a dispute when a concurrent one is opened and closed between our statements. */
const DISPUTE_ATTEMPTS = 3;

const CUSTOMER_COLUMNS = "id, name, locale, region, monthly_income, employment";
const TX_SELECT = `SELECT t.id, t.card_id, t.customer_id, t.merchant_id, m.name AS merchant_name, m.category AS merchant_category,
  t.amount, t.currency, t.epoch, t.channel, t.region FROM transactions t JOIN merchants m ON m.id = t.merchant_id`;
/** The latest analyst verdict of transaction `t` as a label, or NULL when there is none. */
const LATEST_VERDICT = `(SELECT l.label FROM fraud_labels l WHERE l.transaction_id = t.id ORDER BY l.id DESC LIMIT 1)`;
const FLAGGED = `t.fraud_level IN ('review', 'block')`;

// Bulk writes at least this large refresh the planner's statistics at once (seeding, re-scoring after retraining).
const ANALYZE_AFTER_ROWS = 1000;

/** The PostgreSQL bank store: the port, plus the seeding lock `ensureBank` takes when several instances start. */
export interface PgBankStore extends BankStore {
  /**
   * Runs `fn` in one transaction holding the bank's seeding advisory lock, so instances starting together against an
   * empty database seed it once: the others wait, then find it seeded when they re-check inside `fn`.
   */
  withSeedLock<T>(fn: () => T): T;
}

/** Options of the PostgreSQL bank store. */
export interface PgBankStoreOptions {
  /** Rows per import or assessment-update statement (default 10,000: amortises the round trip, fits one message). */
  batchRows?: number;
  /** Transactions per page when streaming the history for training (default 10,000). */
  pageRows?: number;
  /** How long `withSeedLock` waits for another instance's seeding before giving up (default 15 minutes). */
  seedLockWaitMs?: number;
  /** How often `withSeedLock` asks for the lock while another instance holds it (default 250 ms). */
  seedLockPollMs?: number;
}

/** A bank store over the shared PostgreSQL connection; `close()` leaves the connection open (its owner closes it). */
export function createPgBankStore(db: SyncPg, options: PgBankStoreOptions = {}): PgBankStore {
  const batchRows = Math.max(1, options.batchRows ?? 10_000);
  const pageRows = Math.max(1, options.pageRows ?? 10_000);
  const one = <T>(sql: string, params: readonly unknown[] = []): T | undefined => db.query<T>(sql, params)[0];

  const store: PgBankStore = {
    getCustomer: (id) => {
      const r = one<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = $1`, [id]);
      return r ? toCustomer(r) : undefined;
    },
    searchCustomers: (query, limit) => {
      const q = query.trim();
      if (!q) return [];
      return db
        .query<CustomerRow>(
          `SELECT ${CUSTOMER_COLUMNS} FROM customers
           WHERE id = $1 OR name ILIKE $2 ESCAPE '\\' OR id IN (SELECT customer_id FROM cards WHERE last4 = $1)
           ORDER BY (id = $1) DESC, name LIMIT $3`,
          [q, containsPattern(q), limitParam(limit)],
        )
        .map(toCustomer);
    },
    listAccounts: (customerId) =>
      db.query<AccountRow>("SELECT * FROM accounts WHERE customer_id = $1 ORDER BY id", [customerId]).map(toAccount),
    listCards: (customerId) =>
      db.query<CardRow>("SELECT * FROM cards WHERE customer_id = $1 ORDER BY id", [customerId]).map(toCard),
    getCard: (cardId) => {
      const r = one<CardRow>("SELECT * FROM cards WHERE id = $1", [cardId]);
      return r ? toCard(r) : undefined;
    },
    setCardStatus: (cardId, status, actor) => {
      // The UPDATE waits for a concurrent change to the card and re-checks "not blocked" on the row as committed,
      // so a block made by another instance meanwhile is never undone; the event is written only when it changed.
      const rows = db.query<CardRow & { changed: boolean }>(
        `WITH changed AS (
           UPDATE cards SET status = $2 WHERE id = $1 AND (status <> 'blocked' OR $2 = 'blocked') RETURNING *
         ), event AS (
           INSERT INTO card_status_events (card_id, status, actor, at) SELECT id, $2, $3, $4 FROM changed
         )
         SELECT changed.*, true AS changed FROM changed
         UNION ALL
         SELECT cards.*, false FROM cards WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM changed)`,
        [cardId, status, actor, new Date().toISOString()],
      );
      const r = rows[0];
      if (!r) return err("not_found");
      if (!r.changed) return err("card_blocked");
      return ok(toCard(r));
    },
    listTransactions: (customerId, { limit, cardId, sinceIso }) => {
      const since = sinceIso ? epochOf(sinceIso) : -1;
      return db
        .query<TransactionRow>(
          `${TX_SELECT} WHERE t.customer_id = $1 AND ($2::text IS NULL OR t.card_id = $2) AND t.epoch >= $3
           ORDER BY t.epoch DESC, t.seq DESC LIMIT $4`,
          [customerId, cardId || null, epochParam(since), limitParam(limit)],
        )
        .map(toTransaction);
    },
    getTransaction: (id) => {
      const r = one<TransactionRow>(`${TX_SELECT} WHERE t.id = $1`, [id]);
      return r ? toTransaction(r) : undefined;
    },
    createDispute: ({ customerId, transactionId, reason, openedBy }) => {
      for (let attempt = 0; attempt < DISPUTE_ATTEMPTS; attempt++) {
        // One statement: the open dispute if there is one, else a new one numbered from the shared sequence (only
        // then is a number taken). Two instances racing both miss the other's uncommitted row; the partial unique
        // index makes the second insert wait and then do nothing, and the read below returns the winner's dispute.
        const rows = db.query<DisputeRow & { already_open: boolean }>(
          `WITH owned AS (
             SELECT id FROM transactions WHERE id = $2 AND customer_id = $1
           ), open AS (
             SELECT d.* FROM disputes d JOIN owned o ON d.transaction_id = o.id WHERE d.status = 'open'
           ), numbered AS (
             SELECT o.id AS transaction_id, nextval('dispute_numbers')::text AS n
             FROM owned o WHERE NOT EXISTS (SELECT 1 FROM open)
           ), created AS (
             INSERT INTO disputes (id, customer_id, transaction_id, reason, status, created_at, opened_by)
             SELECT 'dsp-' || lpad(n, greatest(6, length(n)), '0'), $1, transaction_id, $3, 'open', $4, $5 FROM numbered
             ON CONFLICT (transaction_id) WHERE status = 'open' DO NOTHING
             RETURNING *
           )
           SELECT created.*, false AS already_open FROM created
           UNION ALL SELECT open.*, true FROM open`,
          [customerId, transactionId, reason, new Date().toISOString(), openedBy ?? null],
        );
        const r = rows[0];
        if (r) {
          if (r.already_open) return ok({ dispute: toDispute(r), alreadyOpen: true });
          const d: Dispute = {
            id: r.id,
            customerId,
            transactionId,
            reason,
            status: "open",
            createdAt: r.created_at,
            ...(openedBy ? { openedBy } : {}),
          };
          return ok({ dispute: d, alreadyOpen: false });
        }
        // Nothing: not this customer's transaction, or another instance opened a dispute on it since our snapshot.
        const seen = db.query<DisputeRow | { id: null }>(
          `SELECT d.* FROM transactions t
           LEFT JOIN disputes d ON d.transaction_id = t.id AND d.status = 'open'
           WHERE t.id = $2 AND t.customer_id = $1`,
          [customerId, transactionId],
        )[0];
        if (!seen) return err("not_found");
        if (seen.id !== null) return ok({ dispute: toDispute(seen), alreadyOpen: true });
      }
      throw new Error(`createDispute: transaction ${transactionId} kept changing; gave up after ${DISPUTE_ATTEMPTS}`);
    },
    listDisputes: (customerId) => {
      const rows = customerId
        ? db.query<DisputeRow>("SELECT * FROM disputes WHERE customer_id = $1 ORDER BY created_at DESC, id DESC", [
            customerId,
          ])
        : db.query<DisputeRow>("SELECT * FROM disputes ORDER BY created_at DESC, id DESC");
      return rows.map(toDispute);
    },
    recordFraudLabel: ({ transactionId, label, analyst, note }) => {
      const r = one<FraudLabelRow>(
        `INSERT INTO fraud_labels (transaction_id, label, analyst, note, created_at)
         SELECT id, $2, $3, $4, $5 FROM transactions WHERE id = $1 RETURNING *`,
        [transactionId, label, analyst, note ?? null, new Date().toISOString()],
      );
      return r ? ok(toFraudLabel(r)) : err("not_found");
    },
    listFraudLabels: (options = {}) => {
      const limit = limitParam(options.limit ?? 1000);
      const rows = options.transactionId
        ? db.query<FraudLabelRow>("SELECT * FROM fraud_labels WHERE transaction_id = $1 ORDER BY id DESC LIMIT $2", [
            options.transactionId,
            limit,
          ])
        : db.query<FraudLabelRow>("SELECT * FROM fraud_labels ORDER BY id DESC LIMIT $1", [limit]);
      return rows.map(toFraudLabel);
    },
    listFlaggedTransactions: ({ limit, level }) =>
      db
        .query<TransactionRow & AssessmentRow>(
          `${TX_SELECT.replace("SELECT t.id,", "SELECT t.fraud_probability, t.fraud_level, t.fraud_reasons, t.model_version, t.id,")}
           WHERE t.fraud_level = ANY($1::text[]) ORDER BY t.epoch DESC, t.seq DESC LIMIT $2`,
          [level ? [level] : ["review", "block"], limitParam(limit)],
        )
        .map((r) => ({ transaction: toTransaction(r), assessment: toAssessment(r) as FraudAssessment })),
    countFraudReviews: (sinceIso) => {
      const r = one<{ flagged: number; fraud: number | null; legitimate: number | null; unlabelled: number | null }>(
        `SELECT COUNT(*) AS flagged, SUM(CASE v.label WHEN 'fraud' THEN 1 ELSE 0 END) AS fraud,
                SUM(CASE v.label WHEN 'legitimate' THEN 1 ELSE 0 END) AS legitimate,
                SUM(CASE WHEN v.label IS NULL THEN 1 ELSE 0 END) AS unlabelled
         FROM (SELECT ${LATEST_VERDICT} AS label FROM transactions t WHERE ${FLAGGED} AND t.epoch >= $1) v`,
        [epochParam(epochOf(sinceIso))],
      );
      return {
        flagged: r?.flagged ?? 0,
        fraud: r?.fraud ?? 0,
        legitimate: r?.legitimate ?? 0,
        unlabelled: r?.unlabelled ?? 0,
      };
    },
    countFraudWindow: (fromIso, toIso) => {
      const r = one<Record<"transactions" | "flagged" | "fraud" | "legitimate" | "unlabelled", number | null>>(
        `SELECT COUNT(*) AS transactions, SUM(v.flagged) AS flagged,
                SUM(CASE WHEN v.flagged = 1 AND v.label = 'fraud' THEN 1 ELSE 0 END) AS fraud,
                SUM(CASE WHEN v.flagged = 1 AND v.label = 'legitimate' THEN 1 ELSE 0 END) AS legitimate,
                SUM(CASE WHEN v.flagged = 1 AND v.label IS NULL THEN 1 ELSE 0 END) AS unlabelled
         FROM (SELECT CASE WHEN ${FLAGGED} THEN 1 ELSE 0 END AS flagged,
                      CASE WHEN ${FLAGGED} THEN ${LATEST_VERDICT} END AS label
               FROM transactions t WHERE t.epoch >= $1 AND t.epoch < $2) v`,
        [epochParam(epochOf(fromIso)), epochParam(epochOf(toIso))],
      );
      return {
        transactions: r?.transactions ?? 0,
        flagged: r?.flagged ?? 0,
        fraud: r?.fraud ?? 0,
        legitimate: r?.legitimate ?? 0,
        unlabelled: r?.unlabelled ?? 0,
      };
    },
    listCreditProfiles: (limit) =>
      db
        .query<{ credit_profile: string }>(
          "SELECT credit_profile FROM customers WHERE credit_profile IS NOT NULL ORDER BY id LIMIT $1",
          [limitParam(limit)],
        )
        .map((r) => JSON.parse(r.credit_profile) as unknown),
    countTransactions: (customerId, sinceIso) => {
      const r = one<{ count: number; flagged: number | null }>(
        `SELECT COUNT(*) AS count, SUM(CASE WHEN ${FLAGGED} THEN 1 ELSE 0 END) AS flagged
         FROM transactions t WHERE t.customer_id = $1 AND t.epoch >= $2`,
        [customerId, epochParam(epochOf(sinceIso))],
      );
      return { count: r?.count ?? 0, flagged: r?.flagged ?? 0 };
    },
    getStoredAssessment: (id) => {
      const r = one<AssessmentRow>(
        "SELECT id, fraud_probability, fraud_level, fraud_reasons, model_version FROM transactions WHERE id = $1",
        [id],
      );
      return r ? toAssessment(r) : undefined;
    },
    saveAssessments: (list) => {
      saveAssessmentBatches(db, list, batchRows);
      // Bulk writes leave the planner without statistics until autovacuum gets round to it; until then the per-turn
      // look-ups can take sequential scans (measured: a third of the throughput right after seeding).
      if (list.length >= ANALYZE_AFTER_ROWS) db.run("ANALYZE transactions");
    },
    getCreditProfile: (customerId) => {
      const r = one<{ credit_profile: string | null }>("SELECT credit_profile FROM customers WHERE id = $1", [
        customerId,
      ]);
      return r?.credit_profile ? (JSON.parse(r.credit_profile) as unknown) : undefined;
    },
    putCreditProfile: (customerId, profile) => {
      db.run("UPDATE customers SET credit_profile = $1 WHERE id = $2", [JSON.stringify(profile), customerId]);
    },
    getMerchant: (id) => {
      const r = one<MerchantRow>("SELECT * FROM merchants WHERE id = $1", [id]);
      return r ? toMerchant(r) : undefined;
    },
    importRows: (rows) => {
      importBankRows(db, rows, batchRows);
      if ((rows.transactions?.length ?? 0) + (rows.customers?.length ?? 0) >= ANALYZE_AFTER_ROWS)
        db.run("ANALYZE customers, accounts, cards, merchants, transactions");
    },
    forEachFeatureRow: (visit) => streamFeatureRows(db, visit, pageRows),
    merchantLocations: () => {
      const out = new Map<string, { x: number; y: number }>();
      for (const r of db.query<{ id: string; x: number; y: number }>("SELECT id, x, y FROM merchants"))
        out.set(r.id, { x: r.x, y: r.y });
      return out;
    },
    getFeatureContext: (transactionId, delayDays) => readFeatureContext(db, transactionId, delayDays),
    counts: () => {
      const r = one<{ customers: number; transactions: number; flagged: number; labels: number }>(
        `SELECT (SELECT COUNT(*) FROM customers) AS customers, (SELECT COUNT(*) FROM transactions) AS transactions,
                (SELECT COUNT(*) FROM transactions t WHERE ${FLAGGED}) AS flagged,
                (SELECT COUNT(*) FROM fraud_labels) AS labels`,
      );
      return {
        customers: r?.customers ?? 0,
        transactions: r?.transactions ?? 0,
        flagged: r?.flagged ?? 0,
        labels: r?.labels ?? 0,
      };
    },
    close: () => {
      // The connection is shared by every PostgreSQL store of the process; its owner closes it.
    },
    withSeedLock: (fn) =>
      db.transaction(() => {
        // Polls the non-blocking form: a blocking lock wait would outlast the bridge's statement timeout while
        // another instance seeds a large bank. Held to COMMIT, so whoever comes next sees the finished seed.
        const deadline = Date.now() + (options.seedLockWaitMs ?? 15 * 60_000);
        while (
          !one<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS locked", [BANK_SEED_LOCK_KEY])?.locked
        ) {
          if (Date.now() > deadline) throw new Error("bank seeding lock: another instance held it for too long");
          sleepSync(options.seedLockPollMs ?? 250);
        }
        return fn();
      }),
  };
  return store;
}

/**
 * Reads a transaction, the history its online features need and the terminals' positions in one statement. History
 * is the customer's last 30 days + 1 hour and the terminal's delayed 30-day window, only rows before the target in
 * batch order (epoch, then insertion order); window bounds are whole seconds, as the integer epochs compare.
 */
function readFeatureContext(db: SyncPg, transactionId: string, delayDays: number): FeatureContext | undefined {
  const delay = Math.ceil(delayDays * DAY_SECONDS);
  const rows = db.query<FeatureSourceRow & { part: number; x: number | null; y: number | null }>(
    `WITH target AS (
       SELECT seq, id, customer_id, merchant_id, epoch, amount, reported_fraud FROM transactions WHERE id = $1
     ), history AS (
       SELECT h.seq, h.id, h.customer_id, h.merchant_id, h.epoch, h.amount, h.reported_fraud
       FROM target g JOIN transactions h ON h.customer_id = g.customer_id
       WHERE h.epoch > g.epoch - $2 AND h.epoch <= g.epoch AND (h.epoch < g.epoch OR h.seq < g.seq)
       UNION
       SELECT h.seq, h.id, h.customer_id, h.merchant_id, h.epoch, h.amount, h.reported_fraud
       FROM target g JOIN transactions h ON h.merchant_id = g.merchant_id
       WHERE h.epoch > g.epoch - $4 AND h.epoch <= g.epoch - $3 AND (h.epoch < g.epoch OR h.seq < g.seq)
     ), picked AS (
       SELECT 0 AS part, * FROM target UNION ALL SELECT 1 AS part, * FROM history
     )
     SELECT p.part, p.id, p.customer_id, p.merchant_id, p.epoch, p.amount, m.x, m.y,
       COALESCE((SELECT CASE l.label WHEN 'fraud' THEN 1 ELSE 0 END FROM fraud_labels l
                 WHERE l.transaction_id = p.id ORDER BY l.id DESC LIMIT 1), p.reported_fraud) AS fraud
     FROM picked p LEFT JOIN merchants m ON m.id = p.merchant_id
     ORDER BY p.part, p.epoch, p.seq`,
    [transactionId, 30 * DAY_SECONDS + 3600, delay, delay + 30 * DAY_SECONDS],
  );
  const [first, ...rest] = rows;
  if (!first || first.part !== 0) return undefined;
  const locations = new Map<string, { x: number; y: number }>();
  for (const r of rows) if (r.x !== null && r.y !== null) locations.set(r.merchant_id, { x: r.x, y: r.y });
  return { target: toFeatureRow(first), history: rest.map(toFeatureRow), locations };
}

/** A LIMIT parameter: SQLite treats a negative limit as none, PostgreSQL spells that NULL. */
function limitParam(limit: number): number | null {
  return limit < 0 ? null : limit;
}

/** An epoch parameter: an unparseable instant compares as NULL (matches nothing), as SQLite binds NaN. */
function epochParam(epoch: number): number | null {
  return Number.isFinite(epoch) ? epoch : null;
}

/** Blocks the thread for `ms` (start-up only: the store port is synchronous, like the bridge under it). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
