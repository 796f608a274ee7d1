// SQLite implementation of the bank store (WAL, versioned migrations, indexes for per-customer lookups).
import { z } from "zod";
import { openSqliteDatabase, type SqliteDatabase } from "../shared/sqlite-database.js";
import { err, ok } from "../shared/result.js";
import { DAY_SECONDS } from "../scoring/fraud/fraud-features.js";
import { FraudReasonSchema } from "../scoring/fraud/fraud-reasons.js";
import { BANK_MIGRATIONS } from "./bank-migrations.js";
import type {
  Account,
  Card,
  Customer,
  Dispute,
  FraudAssessment,
  FraudLabel,
  Merchant,
  Transaction,
} from "./bank-schemas.js";
import type { BankStore, DisputeOpening, FeatureRow } from "./bank-store.js";

interface TxRow {
  id: string;
  card_id: string;
  customer_id: string;
  merchant_id: string;
  merchant_name: string;
  merchant_category: string;
  amount: number;
  currency: string;
  epoch: number;
  channel: string;
  region: string;
}

const TX_SELECT = `SELECT t.id, t.card_id, t.customer_id, t.merchant_id, m.name AS merchant_name, m.category AS merchant_category,
  t.amount, t.currency, t.epoch, t.channel, t.region FROM transactions t JOIN merchants m ON m.id = t.merchant_id`;

/** Best known label: the latest analyst verdict wins over the reported (chargeback) label. */
const LABEL_EXPR = `COALESCE((SELECT CASE l.label WHEN 'fraud' THEN 1 ELSE 0 END FROM fraud_labels l WHERE l.transaction_id = t.id ORDER BY l.id DESC LIMIT 1), t.reported_fraud)`;

const ReasonsSchema = z.array(FraudReasonSchema);

/** Opens (creating and migrating) a bank database file, or ":memory:". */
export function createSqliteBankStore(file: string): BankStore {
  const db: SqliteDatabase = openSqliteDatabase(file, { namespace: "bank", migrations: BANK_MIGRATIONS });
  const toTx = (r: TxRow): Transaction => ({
    id: r.id,
    cardId: r.card_id,
    customerId: r.customer_id,
    terminalId: r.merchant_id,
    merchantName: r.merchant_name,
    merchantCategory: r.merchant_category,
    amount: r.amount,
    currency: "GBP",
    timestamp: new Date(r.epoch * 1000).toISOString(),
    channel: r.channel as Transaction["channel"],
    region: r.region,
  });
  const toCustomer = (r: Record<string, unknown>): Customer => ({
    id: r["id"] as string,
    name: r["name"] as string,
    locale: r["locale"] as Customer["locale"],
    region: r["region"] as string,
    monthlyIncome: r["monthly_income"] as number,
    employment: r["employment"] as Customer["employment"],
  });
  const toCard = (r: Record<string, unknown>): Card => ({
    id: r["id"] as string,
    customerId: r["customer_id"] as string,
    accountId: r["account_id"] as string,
    last4: r["last4"] as string,
    brand: r["brand"] as Card["brand"],
    status: r["status"] as Card["status"],
    expiry: r["expiry"] as string,
  });
  const toDispute = (r: Record<string, unknown>): Dispute => ({
    id: r["id"] as string,
    customerId: r["customer_id"] as string,
    transactionId: r["transaction_id"] as string,
    reason: r["reason"] as string,
    status: r["status"] as Dispute["status"],
    createdAt: r["created_at"] as string,
    ...(r["opened_by"] != null ? { openedBy: r["opened_by"] as string } : {}),
  });
  const toLabel = (r: Record<string, unknown>): FraudLabel => ({
    id: r["id"] as number,
    transactionId: r["transaction_id"] as string,
    label: r["label"] as FraudLabel["label"],
    analyst: r["analyst"] as string,
    ...(r["note"] != null ? { note: r["note"] as string } : {}),
    createdAt: r["created_at"] as string,
  });
  const toAssessment = (r: Record<string, unknown>): FraudAssessment | undefined => {
    if (r["fraud_probability"] == null) return undefined;
    return {
      transactionId: r["id"] as string,
      probability: r["fraud_probability"] as number,
      level: r["fraud_level"] as FraudAssessment["level"],
      reasons: r["fraud_reasons"] ? ReasonsSchema.parse(JSON.parse(r["fraud_reasons"] as string)) : [],
      modelVersion: (r["model_version"] as string | null) ?? "unknown",
    };
  };
  const toMerchant = (r: Record<string, unknown>): Merchant => ({
    id: r["id"] as string,
    name: r["name"] as string,
    category: r["category"] as string,
    region: r["region"] as string,
    online: r["online"] === 1,
    x: r["x"] as number,
    y: r["y"] as number,
  });
  const stmt = {
    customer: db.prepare("SELECT * FROM customers WHERE id = ?"),
    search: db.prepare(
      "SELECT * FROM customers WHERE id = @q OR name LIKE @like OR id IN (SELECT customer_id FROM cards WHERE last4 = @q) ORDER BY (id = @q) DESC, name LIMIT @limit",
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
  const toFeatureRow = (r: Record<string, unknown>): FeatureRow => ({
    id: r["id"] as string,
    customerId: r["customer_id"] as string,
    terminalId: r["merchant_id"] as string,
    epoch: r["epoch"] as number,
    amount: r["amount"] as number,
    fraud: (r["fraud"] as number) > 0 ? 1 : 0,
  });

  const store: BankStore = {
    getCustomer: (id) => {
      const r = stmt.customer.get(id) as Record<string, unknown> | undefined;
      return r ? toCustomer(r) : undefined;
    },
    searchCustomers: (query, limit) => {
      const q = query.trim();
      if (!q) return [];
      const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      return (stmt.search.all({ q, like, limit }) as Record<string, unknown>[]).map(toCustomer);
    },
    listAccounts: (customerId) =>
      (stmt.accounts.all(customerId) as Record<string, unknown>[]).map((r): Account => ({
        id: r["id"] as string,
        customerId: r["customer_id"] as string,
        type: r["type"] as Account["type"],
        currency: "GBP",
        balance: r["balance"] as number,
        sortCode: r["sort_code"] as string,
        accountNumber: r["account_number"] as string,
      })),
    listCards: (customerId) => (stmt.cards.all(customerId) as Record<string, unknown>[]).map(toCard),
    getCard: (cardId) => {
      const r = stmt.card.get(cardId) as Record<string, unknown> | undefined;
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
      const since = sinceIso ? Math.floor(Date.parse(sinceIso) / 1000) : -1;
      const sql = `${TX_SELECT} WHERE t.customer_id = ?${cardId ? " AND t.card_id = ?" : ""} AND t.epoch >= ? ORDER BY t.epoch DESC, t.rowid DESC LIMIT ?`;
      const params = cardId ? [customerId, cardId, since, limit] : [customerId, since, limit];
      return (db.prepare(sql).all(...params) as TxRow[]).map(toTx);
    },
    getTransaction: (id) => {
      const r = stmt.tx.get(id) as TxRow | undefined;
      return r ? toTx(r) : undefined;
    },
    createDispute: ({ customerId, transactionId, reason, openedBy }) => {
      const tx = store.getTransaction(transactionId);
      if (!tx || tx.customerId !== customerId) return err("not_found");
      // One write transaction (BEGIN IMMEDIATE, so no other process writes between the check and the insert) finds
      // the open dispute or takes a number and inserts; the partial unique index backs this up at the schema level.
      const open = db.transaction((): DisputeOpening => {
        const existing = stmt.openDispute.get(transactionId) as Record<string, unknown> | undefined;
        if (existing) return { dispute: toDispute(existing), alreadyOpen: true };
        const n = Number(stmt.disputeNumber.run().lastInsertRowid);
        const d: Dispute = {
          id: `dsp-${String(n).padStart(6, "0")}`,
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
      return (rows as Record<string, unknown>[]).map(toDispute);
    },
    recordFraudLabel: ({ transactionId, label, analyst, note }) => {
      if (!store.getTransaction(transactionId)) return err("not_found");
      const info = stmt.label.run(transactionId, label, analyst, note ?? null, new Date().toISOString());
      return ok(toLabel(stmt.labelById.get(info.lastInsertRowid) as Record<string, unknown>));
    },
    listFraudLabels: (options = {}) => {
      const limit = options.limit ?? 1000;
      const rows = options.transactionId
        ? db
            .prepare("SELECT * FROM fraud_labels WHERE transaction_id = ? ORDER BY id DESC LIMIT ?")
            .all(options.transactionId, limit)
        : db.prepare("SELECT * FROM fraud_labels ORDER BY id DESC LIMIT ?").all(limit);
      return (rows as Record<string, unknown>[]).map(toLabel);
    },
    listFlaggedTransactions: ({ limit, level }) => {
      const levels = level ? [level] : ["review", "block"];
      const sql = `${TX_SELECT.replace("SELECT t.id,", "SELECT t.fraud_probability, t.fraud_level, t.fraud_reasons, t.model_version, t.id,")}
        WHERE t.fraud_level IN (${levels.map(() => "?").join(",")}) ORDER BY t.epoch DESC, t.rowid DESC LIMIT ?`;
      return (db.prepare(sql).all(...levels, limit) as (TxRow & Record<string, unknown>)[]).map((r) => ({
        transaction: toTx(r),
        assessment: toAssessment(r) as FraudAssessment,
      }));
    },
    countFraudReviews: (sinceIso) => {
      const since = Math.floor(Date.parse(sinceIso) / 1000);
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
      const from = Math.floor(Date.parse(fromIso) / 1000);
      const to = Math.floor(Date.parse(toIso) / 1000);
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
      const since = Math.floor(Date.parse(sinceIso) / 1000);
      const r = db
        .prepare(
          `SELECT COUNT(*) AS count, SUM(CASE WHEN fraud_level IN ('review', 'block') THEN 1 ELSE 0 END) AS flagged
           FROM transactions WHERE customer_id = ? AND epoch >= ?`,
        )
        .get(customerId, since) as { count: number; flagged: number | null };
      return { count: r.count, flagged: r.flagged ?? 0 };
    },
    getStoredAssessment: (id) => {
      const r = stmt.txMeta.get(id) as Record<string, unknown> | undefined;
      return r ? toAssessment(r) : undefined;
    },
    saveAssessments: (list) => {
      db.transaction(() => {
        for (const a of list)
          stmt.assess.run(
            a.probability,
            a.level,
            a.reasons.length ? JSON.stringify(a.reasons) : null,
            a.modelVersion,
            a.transactionId,
          );
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
      const r = stmt.merchant.get(id) as Record<string, unknown> | undefined;
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
        for (const c of rows.customers ?? [])
          insCustomer.run(
            c.id,
            c.name,
            c.locale,
            c.region,
            c.monthlyIncome,
            c.employment,
            c.creditProfile === undefined ? null : JSON.stringify(c.creditProfile),
          );
        for (const a of rows.accounts ?? [])
          insAccount.run(a.id, a.customerId, a.type, a.currency, a.balance, a.sortCode, a.accountNumber);
        for (const c of rows.cards ?? [])
          insCard.run(c.id, c.customerId, c.accountId, c.last4, c.brand, c.status, c.expiry);
        for (const m of rows.merchants ?? [])
          insMerchant.run(m.id, m.name, m.category, m.region, m.online ? 1 : 0, m.x, m.y);
        for (const t of rows.transactions ?? []) {
          const a = t.assessment;
          insTx.run(
            t.id,
            t.cardId,
            t.customerId,
            t.terminalId,
            t.amount,
            Math.round(Date.parse(t.timestamp) / 1000),
            t.channel,
            t.region,
            t.reportedFraud ? 1 : 0,
            a ? a.probability : null,
            a ? a.level : null,
            a && a.reasons.length ? JSON.stringify(a.reasons) : null,
            a ? a.modelVersion : null,
          );
        }
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
        .iterate() as Iterable<Record<string, unknown>>;
      for (const r of it) {
        const id = r["id"] as string;
        visit({
          id,
          customerId: r["customer_id"] as string,
          terminalId: r["merchant_id"] as string,
          epoch: r["epoch"] as number,
          amount: r["amount"] as number,
          fraud: labelled.get(id) ?? (r["reported_fraud"] as number),
        });
      }
    },
    merchantLocations: () => {
      const out = new Map<string, { x: number; y: number }>();
      for (const r of db.prepare("SELECT id, x, y FROM merchants").all() as { id: string; x: number; y: number }[])
        out.set(r.id, { x: r.x, y: r.y });
      return out;
    },
    getFeatureContext: (transactionId, delayDays) => {
      const raw = stmt.featureRow.get(transactionId) as Record<string, unknown> | undefined;
      if (!raw) return undefined;
      const target = toFeatureRow(raw);
      const targetSeq = raw["seq"] as number;
      // batch order is (epoch, insertion order); only rows strictly before the target count as history
      const before = (r: Record<string, unknown>): boolean =>
        (r["epoch"] as number) < target.epoch || (r["seq"] as number) < targetSeq;
      const upper = target.epoch - delayDays * DAY_SECONDS;
      const rows = new Map<string, Record<string, unknown>>();
      for (const r of stmt.customerWindow.all(
        target.customerId,
        target.epoch - 30 * DAY_SECONDS - 3600,
        target.epoch,
      ) as Record<string, unknown>[])
        if (before(r)) rows.set(r["id"] as string, r);
      for (const r of stmt.terminalWindow.all(target.terminalId, upper - 30 * DAY_SECONDS, upper) as Record<
        string,
        unknown
      >[])
        if (before(r)) rows.set(r["id"] as string, r);
      const sorted = [...rows.values()].sort(
        (a, b) => (a["epoch"] as number) - (b["epoch"] as number) || (a["seq"] as number) - (b["seq"] as number),
      );
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
