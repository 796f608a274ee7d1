// The narrow views of the bank, fraud model, scorecard and knowledge base that the agent's tools need.
// The composition root adapts the real modules to these ports, so tools stay small and testable with fakes.
import type { BilingualText, Locale } from "../shared/locale.js";
import type { Result } from "../shared/result.js";

/** A retrieved knowledge passage. */
export interface PassageHit {
  chunkId: string;
  docId: string;
  /** The English document this one is or mirrors, so an intent's documents are named once for both languages. */
  topic: string;
  title: string;
  version: string;
  section: string;
  text: string;
  score: number;
  locale: string;
}

/** Knowledge search. */
export interface KnowledgePort {
  search(
    query: string,
    /** onlyDocs: topics (English document ids); a document's counterpart in the customer's language matches too. */
    options: { k: number; locale?: Locale; onlyDocs?: readonly string[] },
  ): Promise<PassageHit[]>;
}

/** A customer as tools may describe them. */
export interface CustomerView {
  id: string;
  name: string;
  locale: Locale;
  region: string;
}

/** An account with its balance; only the last digits of its number are ever shown. */
export interface AccountView {
  id: string;
  customerId: string;
  type: string;
  currency: string;
  balance: number;
  accountNumber: string;
}

/** A payment card. */
export interface CardView {
  id: string;
  customerId: string;
  last4: string;
  brand: string;
  status: "active" | "frozen" | "blocked";
}

/** A card transaction. */
export interface TransactionView {
  id: string;
  customerId: string;
  cardId: string;
  merchantName: string;
  merchantCategory: string;
  amount: number;
  currency: string;
  timestamp: string;
  channel: string;
}

/** A fraud model verdict with reasons. */
export interface FraudView {
  probability: number;
  level: "none" | "review" | "block";
  reasons: { code: string; text: BilingualText }[];
  modelVersion: string;
}

/** A flagged transaction for staff review. */
export interface FlaggedTransactionView extends TransactionView {
  assessment: FraudView;
}

/** Core banking operations the tools use. */
export interface BankPort {
  getCustomer(id: string): CustomerView | undefined;
  searchCustomers(query: string, limit: number): CustomerView[];
  listAccounts(customerId: string): AccountView[];
  listCards(customerId: string): CardView[];
  getCard(cardId: string): CardView | undefined;
  setCardStatus(cardId: string, status: CardView["status"], actor: string): void;
  listTransactions(
    customerId: string,
    options: { limit: number; cardId?: string; sinceIso?: string },
  ): TransactionView[];
  getTransaction(id: string): TransactionView | undefined;
  /** Opens a dispute, or returns the one already open on that transaction with `alreadyOpen` set. */
  createDispute(input: { customerId: string; transactionId: string; reason: string }): {
    id: string;
    status: string;
    alreadyOpen?: boolean;
  };
  /** The id of the dispute open on a transaction, so a confirmation card can say so before anything runs. */
  findOpenDispute(transactionId: string): string | undefined;
  listFlaggedTransactions(options: { limit: number }): FlaggedTransactionView[];
}

/** Fraud scoring of a stored transaction. */
export interface FraudPort {
  assess(transactionId: string): FraudView | undefined;
}

/** A credit pre-qualification estimate or explanation. */
export interface CreditView {
  points: number;
  grade: string;
  probabilityOfDefault: number;
  decision: "approve" | "refer" | "decline";
  reasons: { code: string; text: BilingualText; pointsLost: number }[];
  pointsTable: { feature: string; bin: string; points: number }[];
  scorecardVersion: string;
}

/** The loan the customer asks about. */
export interface LoanRequest {
  amount: number;
  termMonths: number;
  purpose?: string;
}

/** The scorecard applied to a customer's stored profile. */
export interface CreditPort {
  prequalify(customerId: string, request: LoanRequest): Result<CreditView, "no_profile">;
}

/** Everything the tools depend on. */
export interface AgentPorts {
  knowledge: KnowledgePort;
  bank: BankPort;
  fraud: FraudPort;
  credit: CreditPort;
  openTicket(sessionId: string, summary: string): { ticketId: string };
}

/** What the intent router decided about a message. */
export interface RouteDecisionView {
  intent: string;
  route: string;
  confidence: number;
  top: { intent: string; route: string; probability: number }[];
  outOfScope: boolean;
  lowConfidence: boolean;
  slots: {
    amounts: { value: number; currency: string | null; text: string }[];
    /** Loan or repayment terms, in months ("3 years", "三十六期"). */
    terms: { months: number; text: string }[];
    dates: { date: string; relative: boolean; text: string }[];
    cardLastFour: string[];
    merchants: string[];
    transactionRefs: string[];
  };
}

/** The intent router. */
export interface RouterPort {
  route(text: string, locale: Locale): RouteDecisionView;
}
