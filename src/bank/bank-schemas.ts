// Zod schemas of the core-banking records (the single source of truth for their types).
import { z } from "zod";
import { LocaleSchema } from "../shared/locale.js";
import { FraudReasonSchema } from "../scoring/fraud/fraud-reasons.js";
import { FraudLevelSchema } from "../scoring/fraud/fraud-scorer.js";

/** A bank customer. */
export const CustomerSchema = z.object({
  id: z.string().describe("Customer id, e.g. demo1 or c000123"),
  name: z.string(),
  locale: LocaleSchema,
  region: z.string().describe("UK region of the customer's address"),
  monthlyIncome: z.number().describe("Net monthly income in GBP"),
  employment: z.enum(["employed", "self_employed", "retired", "student", "unemployed"]),
});
/** A bank customer. */
export type Customer = z.infer<typeof CustomerSchema>;

/** A current or savings account. */
export const AccountSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  type: z.enum(["current", "savings"]),
  currency: z.literal("GBP"),
  balance: z.number(),
  sortCode: z.string().regex(/^\d{2}-\d{2}-\d{2}$/),
  accountNumber: z.string().regex(/^\d{8}$/),
});
/** A bank account. */
export type Account = z.infer<typeof AccountSchema>;

/** Card status: frozen is customer-reversible, blocked is permanent. */
export const CardStatusSchema = z.enum(["active", "frozen", "blocked"]);
/** Card status. */
export type CardStatus = z.infer<typeof CardStatusSchema>;

/** A payment card. */
export const CardSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  accountId: z.string(),
  last4: z.string().regex(/^\d{4}$/),
  brand: z.enum(["visa", "mastercard"]),
  status: CardStatusSchema,
  expiry: z
    .string()
    .regex(/^\d{2}\/\d{2}$/)
    .describe("MM/YY"),
});
/** A payment card. */
export type Card = z.infer<typeof CardSchema>;

/** A merchant terminal; x/y place it on the simulator's 100 km × 100 km map. */
export const MerchantSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  region: z.string(),
  online: z.boolean(),
  x: z.number(),
  y: z.number(),
});
/** A merchant terminal. */
export type Merchant = z.infer<typeof MerchantSchema>;

/** How a card payment was made. */
export const ChannelSchema = z.enum(["chip_and_pin", "contactless", "online"]);

/** A card transaction. */
export const TransactionSchema = z.object({
  id: z.string(),
  cardId: z.string(),
  customerId: z.string(),
  terminalId: z.string(),
  merchantName: z.string(),
  merchantCategory: z.string(),
  amount: z.number(),
  currency: z.literal("GBP"),
  timestamp: z.string().describe("ISO 8601 instant"),
  channel: ChannelSchema,
  region: z.string(),
});
/** A card transaction. */
export type Transaction = z.infer<typeof TransactionSchema>;

/** A customer's dispute of a transaction. */
export const DisputeSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  transactionId: z.string(),
  reason: z.string(),
  /** "duplicate": a second open dispute on one transaction, written before that was prevented, closed by migration. */
  status: z.enum(["open", "resolved", "rejected", "duplicate"]),
  createdAt: z.string(),
  /** Who opened it on the customer's behalf (e.g. `staff:s1`); absent when the customer did. */
  openedBy: z.string().optional(),
});
/** A dispute. */
export type Dispute = z.infer<typeof DisputeSchema>;

/** An analyst's verdict on a transaction; it overrides the reported label when the model is retrained. */
export const FraudLabelSchema = z.object({
  id: z.number().int(),
  transactionId: z.string(),
  label: z.enum(["fraud", "legitimate"]),
  analyst: z.string(),
  note: z.string().optional(),
  createdAt: z.string(),
});
/** An analyst's verdict. */
export type FraudLabel = z.infer<typeof FraudLabelSchema>;

/** The fraud model's verdict on one transaction, with reasons in English and Chinese. */
export const FraudAssessmentSchema = z.object({
  transactionId: z.string(),
  probability: z.number().min(0).max(1),
  level: FraudLevelSchema,
  reasons: z.array(FraudReasonSchema),
  modelVersion: z.string(),
});
/** A fraud assessment. */
export type FraudAssessment = z.infer<typeof FraudAssessmentSchema>;

/** A flagged transaction with its stored assessment. */
export const FlaggedTransactionSchema = z.object({ transaction: TransactionSchema, assessment: FraudAssessmentSchema });
/** A flagged transaction. */
export type FlaggedTransaction = z.infer<typeof FlaggedTransactionSchema>;
