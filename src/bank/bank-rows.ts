// The bank tables' row shapes and their mapping to and from the domain records, shared by the SQLite and PostgreSQL
// adapters so both read and write exactly the same values (column order of imports, epoch rounding, JSON text).
import { z } from "zod";
import { FraudReasonSchema } from "../scoring/fraud/fraud-reasons.js";
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
import type { BankImport, FeatureRow } from "./bank-store.js";

/** A `customers` row. */
export interface CustomerRow {
  id: string;
  name: string;
  locale: string;
  region: string;
  monthly_income: number;
  employment: string;
}

/** An `accounts` row. */
export interface AccountRow {
  id: string;
  customer_id: string;
  type: string;
  balance: number;
  sort_code: string;
  account_number: string;
}

/** A `cards` row. */
export interface CardRow {
  id: string;
  customer_id: string;
  account_id: string;
  last4: string;
  brand: string;
  status: string;
  expiry: string;
}

/** A `merchants` row. */
export interface MerchantRow {
  id: string;
  name: string;
  category: string;
  region: string;
  online: number;
  x: number;
  y: number;
}

/** A `transactions` row joined with its merchant's name and category. */
export interface TransactionRow {
  id: string;
  card_id: string;
  customer_id: string;
  merchant_id: string;
  merchant_name: string;
  merchant_category: string;
  amount: number;
  epoch: number;
  channel: string;
  region: string;
}

/** The stored-assessment columns of a `transactions` row. */
export interface AssessmentRow {
  id: string;
  fraud_probability: number | null;
  fraud_level: string | null;
  fraud_reasons: string | null;
  model_version: string | null;
}

/** A `disputes` row. */
export interface DisputeRow {
  id: string;
  customer_id: string;
  transaction_id: string;
  reason: string;
  status: string;
  created_at: string;
  opened_by: string | null;
}

/** A `fraud_labels` row. */
export interface FraudLabelRow {
  id: number;
  transaction_id: string;
  label: string;
  analyst: string;
  note: string | null;
  created_at: string;
}

/** A transaction as the feature path reads it: `fraud` is the best known label (latest verdict, else reported). */
export interface FeatureSourceRow {
  id: string;
  customer_id: string;
  merchant_id: string;
  epoch: number;
  amount: number;
  fraud: number;
}

const ReasonsSchema = z.array(FraudReasonSchema);

/** A customer record from its row. */
export function toCustomer(r: CustomerRow): Customer {
  return {
    id: r.id,
    name: r.name,
    locale: r.locale as Customer["locale"],
    region: r.region,
    monthlyIncome: r.monthly_income,
    employment: r.employment as Customer["employment"],
  };
}

/** An account record from its row. */
export function toAccount(r: AccountRow): Account {
  return {
    id: r.id,
    customerId: r.customer_id,
    type: r.type as Account["type"],
    currency: "GBP",
    balance: r.balance,
    sortCode: r.sort_code,
    accountNumber: r.account_number,
  };
}

/** A card record from its row. */
export function toCard(r: CardRow): Card {
  return {
    id: r.id,
    customerId: r.customer_id,
    accountId: r.account_id,
    last4: r.last4,
    brand: r.brand as Card["brand"],
    status: r.status as Card["status"],
    expiry: r.expiry,
  };
}

/** A merchant record from its row (`online` is stored as 0/1). */
export function toMerchant(r: MerchantRow): Merchant {
  return {
    id: r.id,
    name: r.name,
    category: r.category,
    region: r.region,
    online: r.online === 1,
    x: r.x,
    y: r.y,
  };
}

/** A transaction record from its row; the instant is rebuilt from the stored epoch seconds. */
export function toTransaction(r: TransactionRow): Transaction {
  return {
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
  };
}

/** The stored assessment of a transaction row, or undefined when it was never scored. */
export function toAssessment(r: AssessmentRow): FraudAssessment | undefined {
  if (r.fraud_probability == null) return undefined;
  return {
    transactionId: r.id,
    probability: r.fraud_probability,
    level: r.fraud_level as FraudAssessment["level"],
    reasons: r.fraud_reasons ? ReasonsSchema.parse(JSON.parse(r.fraud_reasons)) : [],
    modelVersion: r.model_version ?? "unknown",
  };
}

/** A dispute record from its row (`openedBy` absent when the customer opened it). */
export function toDispute(r: DisputeRow): Dispute {
  return {
    id: r.id,
    customerId: r.customer_id,
    transactionId: r.transaction_id,
    reason: r.reason,
    status: r.status as Dispute["status"],
    createdAt: r.created_at,
    ...(r.opened_by != null ? { openedBy: r.opened_by } : {}),
  };
}

/** An analyst verdict from its row. */
export function toFraudLabel(r: FraudLabelRow): FraudLabel {
  return {
    id: r.id,
    transactionId: r.transaction_id,
    label: r.label as FraudLabel["label"],
    analyst: r.analyst,
    ...(r.note != null ? { note: r.note } : {}),
    createdAt: r.created_at,
  };
}

/** A feature row from its source row (any positive label counts as fraud). */
export function toFeatureRow(r: FeatureSourceRow): FeatureRow {
  return {
    id: r.id,
    customerId: r.customer_id,
    terminalId: r.merchant_id,
    epoch: r.epoch,
    amount: r.amount,
    fraud: r.fraud > 0 ? 1 : 0,
  };
}

/** The dispute id for a number from the dispute sequence. */
export function disputeId(n: number): string {
  return `dsp-${String(n).padStart(6, "0")}`;
}

/** Epoch seconds of an ISO instant (floored), as the time filters compare them. */
export function epochOf(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

/** A LIKE pattern matching `query` anywhere, with `%`, `_` and `\` escaped (use with `ESCAPE '\'`). */
export function containsPattern(query: string): string {
  return `%${query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/** Credit profile JSON text, or null when there is none. */
export function creditProfileText(profile: unknown): string | null {
  return profile === undefined ? null : JSON.stringify(profile);
}

/** Reasons as stored: JSON text, or null when there are none. */
export function reasonsText(reasons: FraudAssessment["reasons"] | undefined): string | null {
  return reasons && reasons.length ? JSON.stringify(reasons) : null;
}

/** Column values of a `customers` insert: id, name, locale, region, monthly_income, employment, credit_profile. */
export function customerValues(c: NonNullable<BankImport["customers"]>[number]): unknown[] {
  return [c.id, c.name, c.locale, c.region, c.monthlyIncome, c.employment, creditProfileText(c.creditProfile)];
}

/** Column values of an `accounts` insert: id, customer_id, type, currency, balance, sort_code, account_number. */
export function accountValues(a: Account): unknown[] {
  return [a.id, a.customerId, a.type, a.currency, a.balance, a.sortCode, a.accountNumber];
}

/** Column values of a `cards` insert: id, customer_id, account_id, last4, brand, status, expiry. */
export function cardValues(c: Card): unknown[] {
  return [c.id, c.customerId, c.accountId, c.last4, c.brand, c.status, c.expiry];
}

/** Column values of a `merchants` insert: id, name, category, region, online, x, y. */
export function merchantValues(m: Merchant): unknown[] {
  return [m.id, m.name, m.category, m.region, m.online ? 1 : 0, m.x, m.y];
}

/**
 * Column values of a `transactions` insert: id, card_id, customer_id, merchant_id, amount, epoch, channel, region,
 * reported_fraud, fraud_probability, fraud_level, fraud_reasons, model_version (currency is always GBP).
 */
export function transactionValues(t: NonNullable<BankImport["transactions"]>[number]): unknown[] {
  const a = t.assessment;
  return [
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
    a ? reasonsText(a.reasons) : null,
    a ? a.modelVersion : null,
  ];
}

/** Column values of an assessment update: fraud_probability, fraud_level, fraud_reasons, model_version, id. */
export function assessmentValues(a: FraudAssessment): unknown[] {
  return [a.probability, a.level, reasonsText(a.reasons), a.modelVersion, a.transactionId];
}
