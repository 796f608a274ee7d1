// SQLite implementation of the bank store (WAL, versioned migrations, indexes for per-customer lookups).
import { openSqliteDatabase, type SqliteDatabase } from "../shared/sqlite-database.js";
import { err, ok } from "../shared/result.js";
import { DAY_SECONDS } from "../scoring/fraud/fraud-features.js";
import { BANK_MIGRATIONS } from "./bank-migrations.js";
import {
  accountValues,
  assessmentValues,
  cardValues,
  containsPattern,
  customerValues,
  disputeId,
  epochOf,
  merchantValues,
  toAccount,
  toAssessment,
  toCard,
  toCustomer,
  toDispute,
  toFeatureRow,
  toFraudLabel,
  toMerchant,
  toTransaction,
  transactionValues,
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
import type { Dispute, FraudAssessment } from "./bank-schemas.js";
import type { BankStore, DisputeOpening } from "./bank-store.js";

type SeqRow = FeatureSourceRow & { seq: number };

const TX_SELECT = `SELECT t.id, t.card_id, t.customer_id, t.merchant_id, m.name AS merchant_name, m.category AS merchant_category,
  t.amount, t.currency, t.epoch, t.channel, t.region FROM transactions t JOIN merchants m ON m.id = t.merchant_id`;

/** Best known label: the latest analyst verdict wins over the reported (chargeback) label. */
const LABEL_EXPR = `COALESCE((SELECT CASE l.label WHEN 'fraud' THEN 1 ELSE 0 END FROM fraud_labels l WHERE l.transaction_id = t.id ORDER BY l.id DESC LIMIT 1), t.reported_fraud)`;

/** Opens (creating and migrating) a bank database file, or ":memory:". */
export function createSqliteBankStore(file: string): BankStore {
  const db: SqliteDatabase = openSqliteDatabase(file, { namespace: "bank", migrations: BANK_MIGRATIONS });
  const stmt = {
    customer: db.prepare("SELECT * FROM customers WHERE id = ?"),
    search: db.prepare(
      "SELECT * FROM customers WHERE id = @q OR name LIKE @like ESCAPE '\\' OR id IN (SELECT customer_id FROM cards WHERE last4 = @q) ORDER BY (id = @q) DESC, name LIMIT @limit",
    ),
    accounts: db.prepare("SELECT * FROM accounts WHERE customer_id = ? ORDER BY id"),
    cards: db.prepare("SELECT * FROM cards WHERE customer_id = ? ORDER BY id"),
    card: db.prepare("SELECT * FROM cards WHERE id = ?"),
    setCard: db.prepare("UPDATE cards SET status = ? WHERE id = ?"),
    cardEvent: db.prepare("INSERT INTO card_status_events (card_id, status, actor, at) VALUES (?, ?, ?, ?)"),
    tx: db.prepare(`${TX_SELECT} WHERE t.id = ?`),
    txMeta: db.prepare(
      "SELECT id, fraud_probability, fraud_level, fraud_reasons, model_version FROM transactions WHERE id = ?",
    ),
    dispute: db.prepare(
      "INSERT INTO disputes (id, customer_id, transaction_id, reason, status, created_at, opened_by) VALUES (?, ?, ?, ?, 'open', ?, ?)",
    ),
    openDispute: db.prepare("SELECT * FROM disputes WHERE transaction_id = ? AND status = 'open'"),
    disputeNumber: db.prepare("INSERT INTO dispute_numbers DEFAULT VALUES"),
    label: db.prepare(
      "INSERT INTO fraud_labels (transaction_id, label, analyst, note, created_at) VALUES (?, ?, ?, ?, ?)",
    ),
    labelById: db.prepare("SELECT * FROM fraud_labels WHERE id = ?"),
    credit: db.prepare("SELECT credit_profile FROM customers WHERE id = ?"),
    putCredit: db.prepare("UPDATE customers SET credit_profile = ? WHERE id = ?"),
    merchant: db.prepare("SELECT * FROM merchants WHERE id = ?"),
    assess: db.prepare(
      "UPDATE transactions SET fraud_probability = ?, fraud_level = ?, fraud_reasons = ?, model_version = ? WHERE id = ?",
    ),
    featureRow: db.prepare(
      `SELECT t.rowid AS seq, t.id, t.customer_id, t.merchant_id, t.epoch, t.amount, ${LABEL_EXPR} AS fraud FROM transactions t WHERE t.id = ?`,
    ),
    customerWindow: db.prepare(
      `SELECT t.rowid AS seq, t.id, t.customer_id, t.merchant_id, t.epoch, t.amount, ${LABEL_EXPR} AS fraud FROM transactions t
       WHERE t.customer_id = ? AND t.epoch > ? AND t.epoch <= ? ORDER BY t.epoch, t.rowid`,
    ),
    terminalWindow: db.prepare(
      `SELECT t.rowid AS seq, t.id, t.customer_id, t.merchant_id, t.epoch, t.amount, ${LABEL_EXPR} AS fraud FROM transactions t
       WHERE t.merchant_id = ? AND t.epoch > ? AND t.epoch <= ? ORDER BY t.epoch, t.rowid`,
    ),
  };
  const store: BankStore = {
    getCustomer: (id) => {
      const r = stmt.customer.get(id) as CustomerRow | undefined;
      return r ? toCustomer(r) : undefined;
    },
    searchCustomers: (query, limit) => {
      const q = query.trim();
      if (!q) return [];
      return (stmt.search.all({ q, like: containsPattern(q), limit }) as CustomerRow[]).map(toCustomer);
    },
    listAccounts: (customerId) => (stmt.accounts.all(customerId) as AccountRow[]).map(toAccount),
    listCards: (customerId) => (stmt.cards.all(customerId) as CardRow[]).map(toCard),
    getCard: (cardId) => {
      const r = stmt.card.get(cardId) as CardRow | undefined;
      return r ? toCard(r) : undefined;
    },
    setCardStatus: (cardId, status, actor) => {
      const current = store.getCard(cardId);
      if (!current) return err("not_found");
      if (current.status === "blocked" && status !== "blocked") return err("card_blocked");
      db.transaction(() => {
        stmt.setCard.run(status, cardId);
        stmt.cardEvent.run(cardId, status, actor, new Date().toISOString());
      })();
      return ok({ ...current, status });
    },
    listTransactions: (customerId, { limit, cardId, sinceIso }) => {
      const since = sinceIso ? epochOf(sinceIso) : -1;
      const sql = `${TX_SELECT} WHERE t.customer_id = ?${cardId ? " AND t.card_id = ?" : ""} AND t.epoch >= ? ORDER BY t.epoch DESC, t.rowid DESC LIMIT ?`;
      const params = cardId ? [customerId, cardId, since, limit] : [customerId, since, limit];
      return (db.prepare(sql).all(...params) as TransactionRow[]).map(toTransaction);
    },
    getTransaction: (id) => {
      const r = stmt.tx.get(id) as TransactionRow | undefined;
      return r ? toTransaction(r) : undefined;
    },
    createDispute: ({ customerId, transactionId, reason, openedBy }) => {
      const tx = store.getTransaction(transactionId);
      if (!tx || tx.customerId !== customerId) return err("not_found");
      // One write transaction (BEGIN IMMEDIATE, so no other process writes between the check and the insert) finds
      // the open dispute or takes a number and inserts; the partial unique index backs this up at the schema level.
      const open = db.transaction((): DisputeOpening => {
        const existing = stmt.openDispute.get(transactionId) as DisputeRow | undefined;
        if (existing) return { dispute: toDispute(existing), alreadyOpen: true };
        const n = Number(stmt.disputeNumber.run().lastInsertRowid);
        const d: Dispute = {
          id: disputeId(n),
          customerId,
          transactionId,
          reason,
          status: "open",
          createdAt: new Date().toISOString(),
          ...(openedBy ? { openedBy } : {}),
        };
        stmt.dispute.run(d.id, customerId, transactionId, reason, d.createdAt, openedBy ?? null);
        return { dispute: d, alreadyOpen: false };
      });
      return ok(open.immediate());
    },
    listDisputes: (customerId) => {
      const rows = customerId
        ? db.prepare("SELECT * FROM disputes WHERE customer_id = ? ORDER BY created_at DESC, id DESC").all(customerId)
        : db.prepare("SELECT * FROM disputes ORDER BY created_at DESC, id DESC").all();
      return (rows as DisputeRow[]).map(toDispute);
    },
    recordFraudLabel: ({ transactionId, label, analyst, note }) => {
      if (!store.getTransaction(transactionId)) return err("not_found");
      const info = stmt.label.run(transactionId, label, analyst, note ?? null, new Date().toISOString());
      return ok(toFraudLabel(stmt.labelById.get(info.lastInsertRowid) as FraudLabelRow));
    },
    listFraudLabels: (options = {}) => {
      const limit = options.limit ?? 1000;
      const rows = options.transactionId
        ? db
            .prepare("SELECT * FROM fraud_labels WHERE transaction_id = ? ORDER BY id DESC LIMIT ?")
            .all(options.transactionId, limit)
        : db.prepare("SELECT * FROM fraud_labels ORDER BY id DESC LIMIT ?").all(limit);
      return (rows as FraudLabelRow[]).map(toFraudLabel);
    },
    listFlaggedTransactions: ({ limit, level }) => {
      const levels = level ? [level] : ["review", "block"];
      const sql = `${TX_SELECT.replace("SELECT t.id,", "SELECT t.fraud_probability, t.fraud_level, t.fraud_reasons, t.model_version, t.id,")}
        WHERE t.fraud_level IN (${levels.map(() => "?").join(",")}) ORDER BY t.epoch DESC, t.rowid DESC LIMIT ?`;
      return (db.prepare(sql).all(...levels, limit) as (TransactionRow & AssessmentRow)[]).map((r) => ({
        transaction: toTransaction(r),
        assessment: toAssessment(r) as FraudAssessment,
      }));
    },
    countFraudReviews: (sinceIso) => {
      const since = epochOf(sinceIso);
      const latest = `(SELECT l.label FROM fraud_labels l WHERE l.transaction_id = t.id ORDER BY l.id DESC LIMIT 1)`;
      const r = db
        .prepare(
          `SELECT COUNT(*) AS flagged, SUM(CASE v.label WHEN 'fraud' THEN 1 ELSE 0 END) AS fraud,
                  SUM(CASE v.label WHEN 'legitimate' THEN 1 ELSE 0 END) AS legitimate,
                  SUM(CASE WHEN v.label IS NULL THEN 1 ELSE 0 END) AS unlabelled
           FROM (SELECT ${latest} AS label FROM transactions t
                 WHERE t.fraud_level IN ('review', 'block') AND t.epoch >= ?) v`,
        )
        .get(since) as { flagged: number; fraud: number | null; legitimate: number | null; unlabelled: number | null };
      return { flagged: r.flagged, fraud: r.fraud ?? 0, legitimate: r.legitimate ?? 0, unlabelled: r.unlabelled ?? 0 };
    },
    countFraudWindow: (fromIso, toIso) => {
      const from = epochOf(fromIso);
      const to = epochOf(toIso);
      const latest = `(SELECT l.label FROM fraud_labels l WHERE l.transaction_id = t.id ORDER BY l.id DESC LIMIT 1)`;
      const r = db
        .prepare(
          `SELECT COUNT(*) AS transactions, SUM(v.flagged) AS flagged,
                  SUM(CASE WHEN v.flagged = 1 AND v.label = 'fraud' THEN 1 ELSE 0 END) AS fraud,
                  SUM(CASE WHEN v.flagged = 1 AND v.label = 'legitimate' THEN 1 ELSE 0 END) AS legitimate,
                  SUM(CASE WHEN v.flagged = 1 AND v.label IS NULL THEN 1 ELSE 0 END) AS unlabelled
           FROM (SELECT CASE WHEN t.fraud_level IN ('review', 'block') THEN 1 ELSE 0 END AS flagged,
                        CASE WHEN t.fraud_level IN ('review', 'block') THEN ${latest} END AS label
                 FROM transactions t WHERE t.epoch >= ? AND t.epoch < ?) v`,
        )
        .get(from, to) as Record<"transactions" | "flagged" | "fraud" | "legitimate" | "unlabelled", number | null>;
      return {
        transactions: r.transactions ?? 0,
        flagged: r.flagged ?? 0,
        fraud: r.fraud ?? 0,
        legitimate: r.legitimate ?? 0,
        unlabelled: r.unlabelled ?? 0,
      };
    },
    listCreditProfiles: (limit) =>
      (
        db
          .prepare("SELECT credit_profile FROM customers WHERE credit_profile IS NOT NULL ORDER BY id LIMIT ?")
          .all(limit) as { credit_profile: string }[]
      ).map((r) => JSON.parse(r.credit_profile) as unknown),
    countTransactions: (customerId, sinceIso) => {
      const since = epochOf(sinceIso);
      const r = db
        .prepare(
          `SELECT COUNT(*) AS count, SUM(CASE WHEN fraud_level IN ('review', 'block') THEN 1 ELSE 0 END) AS flagged
           FROM transactions WHERE customer_id = ? AND epoch >= ?`,
        )
        .get(customerId, since) as { count: number; flagged: number | null };
      return { count: r.count, flagged: r.flagged ?? 0 };
    },
    getStoredAssessment: (id) => {
      const r = stmt.txMeta.get(id) as AssessmentRow | undefined;
      return r ? toAssessment(r) : undefined;
    },
    saveAssessments: (list) => {
      db.transaction(() => {
        for (const a of list) stmt.assess.run(...assessmentValues(a));
      })();
    },
    getCreditProfile: (customerId) => {
      const r = stmt.credit.get(customerId) as { credit_profile: string | null } | undefined;
      return r?.credit_profile ? (JSON.parse(r.credit_profile) as unknown) : undefined;
    },
    putCreditProfile: (customerId, profile) => {
      stmt.putCredit.run(JSON.stringify(profile), customerId);
    },
    getMerchant: (id) => {
      const r = stmt.merchant.get(id) as MerchantRow | undefined;
      return r ? toMerchant(r) : undefined;
    },
    importRows: (rows) => {
      const insCustomer = db.prepare(
        "INSERT INTO customers (id, name, locale, region, monthly_income, employment, credit_profile) VALUES (?, ?, ?, ?, ?, ?, ?)",
      );
      const insAccount = db.prepare(
        "INSERT INTO accounts (id, customer_id, type, currency, balance, sort_code, account_number) VALUES (?, ?, ?, ?, ?, ?, ?)",
      );
      const insCard = db.prepare(
        "INSERT INTO cards (id, customer_id, account_id, last4, brand, status, expiry) VALUES (?, ?, ?, ?, ?, ?, ?)",
      );
      const insMerchant = db.prepare(
        "INSERT INTO merchants (id, name, category, region, online, x, y) VALUES (?, ?, ?, ?, ?, ?, ?)",
      );
      const insTx = db.prepare(
        "INSERT INTO transactions (id, card_id, customer_id, merchant_id, amount, currency, epoch, channel, region, reported_fraud, fraud_probability, fraud_level, fraud_reasons, model_version) VALUES (?, ?, ?, ?, ?, 'GBP', ?, ?, ?, ?, ?, ?, ?, ?)",
      );
      db.transaction(() => {
        for (const c of rows.customers ?? []) insCustomer.run(...customerValues(c));
        for (const a of rows.accounts ?? []) insAccount.run(...accountValues(a));
        for (const c of rows.cards ?? []) insCard.run(...cardValues(c));
        for (const m of rows.merchants ?? []) insMerchant.run(...merchantValues(m));
        for (const t of rows.transactions ?? []) insTx.run(...transactionValues(t));
      })();
    },
    forEachFeatureRow: (visit) => {
      const labelled = new Map<string, number>();
      for (const r of db.prepare("SELECT transaction_id, label FROM fraud_labels ORDER BY id").iterate() as Iterable<{
        transaction_id: string;
        label: string;
      }>) {
        labelled.set(r.transaction_id, r.label === "fraud" ? 1 : 0);
      }
      const it = db
        .prepare(
          "SELECT id, customer_id, merchant_id, epoch, amount, reported_fraud FROM transactions ORDER BY epoch, rowid",
        )
        .iterate() as Iterable<Omit<FeatureSourceRow, "fraud"> & { reported_fraud: number }>;
      for (const r of it)
        visit({
          id: r.id,
          customerId: r.customer_id,
          terminalId: r.merchant_id,
          epoch: r.epoch,
          amount: r.amount,
          fraud: labelled.get(r.id) ?? r.reported_fraud,
        });
    },
    merchantLocations: () => {
      const out = new Map<string, { x: number; y: number }>();
      for (const r of db.prepare("SELECT id, x, y FROM merchants").all() as { id: string; x: number; y: number }[])
        out.set(r.id, { x: r.x, y: r.y });
      return out;
    },
    getFeatureContext: (transactionId, delayDays) => {
      const raw = stmt.featureRow.get(transactionId) as SeqRow | undefined;
      if (!raw) return undefined;
      const target = toFeatureRow(raw);
      const targetSeq = raw.seq;
      // batch order is (epoch, insertion order); only rows strictly before the target count as history
      const before = (r: SeqRow): boolean => r.epoch < target.epoch || r.seq < targetSeq;
      const upper = target.epoch - delayDays * DAY_SECONDS;
      const rows = new Map<string, SeqRow>();
      for (const r of stmt.customerWindow.all(
        target.customerId,
        target.epoch - 30 * DAY_SECONDS - 3600,
        target.epoch,
      ) as SeqRow[])
        if (before(r)) rows.set(r.id, r);
      for (const r of stmt.terminalWindow.all(target.terminalId, upper - 30 * DAY_SECONDS, upper) as SeqRow[])
        if (before(r)) rows.set(r.id, r);
      const sorted = [...rows.values()].sort((a, b) => a.epoch - b.epoch || a.seq - b.seq);
      const history = sorted.map(toFeatureRow);
      const locations = new Map<string, { x: number; y: number }>();
      for (const id of new Set([target.terminalId, ...history.map((r) => r.terminalId)])) {
        const m = store.getMerchant(id);
        if (m) locations.set(id, { x: m.x, y: m.y });
      }
      return { target, history, locations };
    },
    counts: () => {
      const one = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
      return {
        customers: one("SELECT COUNT(*) AS n FROM customers"),
        transactions: one("SELECT COUNT(*) AS n FROM transactions"),
        flagged: one("SELECT COUNT(*) AS n FROM transactions WHERE fraud_level IN ('review', 'block')"),
        labels: one("SELECT COUNT(*) AS n FROM fraud_labels"),
      };
    },
    close: () => db.close(),
  };
  return store;
}
