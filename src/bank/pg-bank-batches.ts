// The PostgreSQL bank store's bulk paths (seeding, re-scoring, training): rows travel as one array per column through
// `unnest`, thousands per statement, and the history streams back in keyset pages, so a 100,000-row seed costs tens of
// round trips, not 100,000.
import type { SyncPg } from "../shared/pg/pg-sync.js";
import {
  accountValues,
  cardValues,
  customerValues,
  merchantValues,
  reasonsText,
  transactionValues,
  type FeatureSourceRow,
} from "./bank-rows.js";
import type { FraudAssessment } from "./bank-schemas.js";
import type { BankImport, FeatureRow } from "./bank-store.js";

/** A column of an array import: its name and the PostgreSQL element type of its array parameter. */
type Column = readonly [name: string, type: string];

const CUSTOMER_IMPORT: Column[] = [
  ["id", "text"],
  ["name", "text"],
  ["locale", "text"],
  ["region", "text"],
  ["monthly_income", "float8"],
  ["employment", "text"],
  ["credit_profile", "text"],
];
const ACCOUNT_IMPORT: Column[] = [
  ["id", "text"],
  ["customer_id", "text"],
  ["type", "text"],
  ["currency", "text"],
  ["balance", "float8"],
  ["sort_code", "text"],
  ["account_number", "text"],
];
const CARD_IMPORT: Column[] = ["id", "customer_id", "account_id", "last4", "brand", "status", "expiry"].map(
  (name): Column => [name, "text"],
);
const MERCHANT_IMPORT: Column[] = [
  ["id", "text"],
  ["name", "text"],
  ["category", "text"],
  ["region", "text"],
  ["online", "int4"],
  ["x", "float8"],
  ["y", "float8"],
];
const TRANSACTION_IMPORT: Column[] = [
  ["id", "text"],
  ["card_id", "text"],
  ["customer_id", "text"],
  ["merchant_id", "text"],
  ["amount", "float8"],
  ["epoch", "int8"],
  ["channel", "text"],
  ["region", "text"],
  ["reported_fraud", "int4"],
  ["fraud_probability", "float8"],
  ["fraud_level", "text"],
  ["fraud_reasons", "text"],
  ["model_version", "text"],
];

/** Inserts a bulk import in one transaction, `batchRows` rows per statement and table, keeping the rows' order. */
export function importBankRows(db: SyncPg, rows: BankImport, batchRows: number): void {
  db.transaction(() => {
    insertColumns(db, batchRows, "customers", CUSTOMER_IMPORT, (rows.customers ?? []).map(customerValues));
    insertColumns(db, batchRows, "accounts", ACCOUNT_IMPORT, (rows.accounts ?? []).map(accountValues));
    insertColumns(db, batchRows, "cards", CARD_IMPORT, (rows.cards ?? []).map(cardValues));
    insertColumns(db, batchRows, "merchants", MERCHANT_IMPORT, (rows.merchants ?? []).map(merchantValues));
    insertColumns(db, batchRows, "transactions", TRANSACTION_IMPORT, (rows.transactions ?? []).map(transactionValues), [
      "currency",
      "'GBP'",
    ]);
  });
}

/** Replaces stored assessments, one UPDATE per `batchRows`, in one transaction. */
export function saveAssessmentBatches(db: SyncPg, list: FraudAssessment[], batchRows: number): void {
  // One UPDATE per batch; a transaction listed twice keeps its last assessment, as sequential updates would.
  const latest = [...new Map(list.map((a) => [a.transactionId, a])).values()];
  if (latest.length === 0) return;
  db.transaction(() => {
    for (let start = 0; start < latest.length; start += batchRows) {
      const batch = latest.slice(start, start + batchRows);
      db.run(
        `UPDATE transactions t SET fraud_probability = v.p, fraud_level = v.l, fraud_reasons = v.r, model_version = v.m
         FROM unnest($1::text[], $2::float8[], $3::text[], $4::text[], $5::text[]) AS v(id, p, l, r, m)
         WHERE t.id = v.id`,
        [
          batch.map((a) => a.transactionId),
          batch.map((a) => a.probability),
          batch.map((a) => a.level),
          batch.map((a) => reasonsText(a.reasons)),
          batch.map((a) => a.modelVersion),
        ],
      );
    }
  });
}

/**
 * Visits every transaction in (epoch, insertion) order as a feature row, `pageRows` per statement: a keyset cursor
 * on (epoch, seq) reads each page from the index where the last one ended, never one giant result.
 */
export function streamFeatureRows(db: SyncPg, visit: (row: FeatureRow) => void, pageRows: number): void {
  const labelled = new Map<string, number>();
  for (const r of db.query<{ transaction_id: string; label: string }>(
    "SELECT transaction_id, label FROM fraud_labels ORDER BY id",
  ))
    labelled.set(r.transaction_id, r.label === "fraud" ? 1 : 0);
  type Page = Omit<FeatureSourceRow, "fraud"> & { seq: number; reported_fraud: number };
  const columns = "seq, id, customer_id, merchant_id, epoch, amount, reported_fraud";
  let page = db.query<Page>(`SELECT ${columns} FROM transactions ORDER BY epoch, seq LIMIT $1`, [pageRows]);
  for (;;) {
    for (const r of page)
      visit({
        id: r.id,
        customerId: r.customer_id,
        terminalId: r.merchant_id,
        epoch: r.epoch,
        amount: r.amount,
        fraud: labelled.get(r.id) ?? r.reported_fraud,
      });
    const last = page[page.length - 1];
    if (!last || page.length < pageRows) return;
    page = db.query<Page>(
      `SELECT ${columns} FROM transactions WHERE (epoch, seq) > ($1, $2) ORDER BY epoch, seq LIMIT $3`,
      [last.epoch, last.seq, pageRows],
    );
  }
}

/** Inserts rows as column arrays, `batchRows` per statement, in order (transactions.seq follows it); `fixed` names a
 * column every row gets the same SQL value in. */
function insertColumns(
  db: SyncPg,
  batchRows: number,
  table: string,
  columns: Column[],
  rows: unknown[][],
  fixed?: [string, string],
): void {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => name).join(", ");
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const sql = `INSERT INTO ${table} (${names}${fixed ? `, ${fixed[0]}` : ""})
    SELECT ${names}${fixed ? `, ${fixed[1]}` : ""}
    FROM unnest(${arrays}) WITH ORDINALITY AS u(${names}, ord) ORDER BY ord`;
  for (let start = 0; start < rows.length; start += batchRows) {
    const batch = rows.slice(start, start + batchRows);
    db.run(sql, columnArrays(batch, columns.length));
  }
}

/** Rows as one array per column, the parameters of an `unnest(...)` import. */
function columnArrays(rows: unknown[][], width: number): unknown[][] {
  const out: unknown[][] = Array.from({ length: width }, () => new Array<unknown>(rows.length));
  rows.forEach((row, i) => {
    for (let c = 0; c < width; c++) (out[c] as unknown[])[i] = row[c];
  });
  return out;
}
