// The core-banking port: everything the agent tools, staff console, seeding and fraud training need from storage,
// so SQLite can be swapped for another database.
import type { Result } from "../shared/result.js";
import type {
  Account,
  Card,
  CardStatus,
  Customer,
  Dispute,
  FlaggedTransaction,
  FraudAssessment,
  FraudLabel,
  Merchant,
  Transaction,
} from "./bank-schemas.js";

/** A transaction row as fraud features need it: integer-free ids, epoch seconds and the best known label. */
export interface FeatureRow {
  id: string;
  customerId: string;
  terminalId: string;
  epoch: number;
  amount: number;
  /** 1 when confirmed fraud (analyst label, else the reported label), 0 otherwise. */
  fraud: number;
}

/** Everything needed to featurise one stored transaction online. */
export interface FeatureContext {
  target: FeatureRow;
  /** Earlier transactions the features read (the customer's last 30 days + 1 hour, the terminal's delayed window), oldest first. */
  history: FeatureRow[];
  /** Map positions of every terminal referenced above. */
  locations: Map<string, { x: number; y: number }>;
}

/** Rows for a bulk import (seeding or migration from another system). */
export interface BankImport {
  customers?: (Customer & { creditProfile?: unknown })[];
  accounts?: Account[];
  cards?: Card[];
  merchants?: Merchant[];
  transactions?: (Transaction & { reportedFraud: boolean; assessment?: Omit<FraudAssessment, "transactionId"> })[];
}

/** The outcome of opening a dispute: the new one, or the dispute already open on that transaction. */
export interface DisputeOpening {
  dispute: Dispute;
  alreadyOpen: boolean;
}

/** The bank store port. */
export interface BankStore {
  /** One customer by id. */
  getCustomer(customerId: string): Customer | undefined;
  /** Staff lookup by id, name fragment or card last four digits. */
  searchCustomers(query: string, limit: number): Customer[];
  /** A customer's accounts. */
  listAccounts(customerId: string): Account[];
  /** A customer's cards. */
  listCards(customerId: string): Card[];
  /** One card by id. */
  getCard(cardId: string): Card | undefined;
  /** Changes a card's status and records who did it; blocked cards cannot be reactivated. */
  setCardStatus(cardId: string, status: CardStatus, actor: string): Result<Card, "not_found" | "card_blocked">;
  /** A customer's transactions, newest first. */
  listTransactions(customerId: string, options: { limit: number; cardId?: string; sinceIso?: string }): Transaction[];
  /** One transaction by id. */
  getTransaction(transactionId: string): Transaction | undefined;
  /** Opens a dispute on a transaction of this customer, or returns the one already open on it (`alreadyOpen`). */
  createDispute(input: {
    customerId: string;
    transactionId: string;
    reason: string;
    /** Who opens it on the customer's behalf, e.g. `staff:<staffId>`; omitted when the customer does. */
    openedBy?: string;
  }): Result<DisputeOpening, "not_found">;
  /** A customer's disputes (all disputes when no customer is given), newest first. */
  listDisputes(customerId?: string): Dispute[];
  /** Stores an analyst's verdict on a transaction. */
  recordFraudLabel(input: {
    transactionId: string;
    label: "fraud" | "legitimate";
    analyst: string;
    note?: string;
  }): Result<FraudLabel, "not_found">;
  /** Analyst verdicts, newest first (for one transaction when given). */
  listFraudLabels(options?: { transactionId?: string; limit?: number }): FraudLabel[];
  /** Transactions whose stored assessment is review or block (or exactly `level`), newest first. */
  listFlaggedTransactions(options: { limit: number; level?: "review" | "block" }): FlaggedTransaction[];
  /** Flagged (review or block) transactions made since `sinceIso`, split by each one's latest analyst verdict. */
  countFraudReviews(sinceIso: string): { flagged: number; fraud: number; legitimate: number; unlabelled: number };
  /** Transactions made in [fromIso, toIso): how many, how many flagged, and the flagged ones by latest verdict. */
  countFraudWindow(
    fromIso: string,
    toIso: string,
  ): { transactions: number; flagged: number; fraud: number; legitimate: number; unlabelled: number };
  /** Up to `limit` customers' credit profile JSON (stability monitoring of the current customer base). */
  listCreditProfiles(limit: number): unknown[];
  /** How many transactions a customer made since `sinceIso`, and how many of them were flagged. */
  countTransactions(customerId: string, sinceIso: string): { count: number; flagged: number };
  /** The stored assessment of a transaction (computed when it was recorded). */
  getStoredAssessment(transactionId: string): FraudAssessment | undefined;
  /** Replaces stored assessments (after retraining or re-scoring). */
  saveAssessments(assessments: FraudAssessment[]): void;
  /** The credit module's profile JSON for a customer. */
  getCreditProfile(customerId: string): unknown | undefined;
  /** Stores the credit module's profile JSON for a customer. */
  putCreditProfile(customerId: string, profile: unknown): void;
  /** One merchant terminal. */
  getMerchant(merchantId: string): Merchant | undefined;
  /** Bulk insert in one transaction (seeding). */
  importRows(rows: BankImport): void;
  /** Streams every transaction in time order as feature rows (training). */
  forEachFeatureRow(visit: (row: FeatureRow) => void): void;
  /** All merchant positions (training). */
  merchantLocations(): Map<string, { x: number; y: number }>;
  /** Reads what the online feature path needs for one transaction. */
  getFeatureContext(transactionId: string, delayDays: number): FeatureContext | undefined;
  /** Row counts, for start-up logs and tests. */
  counts(): { customers: number; transactions: number; flagged: number; labels: number };
  /** Closes the connection. */
  close(): void;
}
