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
  createDispute(input: {
    customerId: string;
    transactionId: string;
    reason: string;
    /** Who opened it when not the customer themself, e.g. `staff:<staffId>`. */
    openedBy?: string;
  }): {
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
  /** Every characteristic: its code, label, the applicant's value and bin (both languages), and the points. */
  pointsTable: { feature: string; label: BilingualText; value: BilingualText; bin: BilingualText; points: number }[];
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

/** One of a customer's chat conversations, as staff tools describe it (its texts are already PII-redacted). */
export interface ConversationSummaryView {
  sessionId: string;
  startedAt: string;
  updatedAt: string;
  locale: Locale;
  messageCount: number;
  mode: "bot" | "human";
  ticket?: { id: string; status: "waiting" | "with_agent" | "closed" };
  /** The intents the router saw in this conversation, first seen first. */
  intents: string[];
  /** The customer's last message, redacted as stored. */
  lastCustomerMessage?: string;
}

/** A handoff ticket as staff tools show it. */
export interface HandoffTicketView {
  id: string;
  sessionId: string;
  status: "waiting" | "with_agent";
  staffId?: string;
  createdAt: string;
  summary: string;
}

/** The open handoff queue: counts of every open ticket, and its first tickets in queue order. */
export interface HandoffQueueView {
  waiting: number;
  withAgent: number;
  /** When the longest-waiting ticket was opened; absent when nobody waits. */
  oldestWaitingSince?: string;
  tickets: HandoffTicketView[];
}

/** Fraud review figures over flagged transactions made since a moment. */
export interface FraudReviewStatsView {
  flagged: number;
  confirmedFraud: number;
  falsePositives: number;
  unreviewed: number;
}

/** A dispute as staff tools show it. */
export interface DisputeView {
  id: string;
  transactionId: string;
  status: string;
  createdAt: string;
}

/** What the staff-only tools read besides the bank port: conversations, the handoff queue and fraud review figures. */
export interface StaffToolsPort {
  /** A customer's conversations (owned by exactly that customer), most recently active first. */
  listConversations(customerId: string, limit: number): ConversationSummaryView[];
  /** The open handoff queue, at most `limit` tickets. */
  handoffQueue(limit: number): HandoffQueueView;
  /** Review outcomes of the transactions flagged since `sinceIso`, by each one's latest analyst label. */
  fraudReviewStats(sinceIso: string): FraudReviewStatsView;
  /** How many transactions a customer made since `sinceIso`, and how many of them were flagged. */
  countTransactions(customerId: string, sinceIso: string): { count: number; flagged: number };
  /** A customer's disputes, newest first. */
  listDisputes(customerId: string): DisputeView[];
}

/** One staff tool call for the audit trail: who asked what about which customer, and what came back. */
export interface StaffAuditEntry {
  staffId: string;
  sessionId: string;
  toolName: string;
  /** The call's arguments, PII-redacted. */
  args: Record<string, unknown>;
  customerId?: string;
  /** The transaction the call names, so the sink can record its owner as the customer concerned. */
  transactionId?: string;
  /** The tool's status, or `denied` when the call was refused before it ran. */
  status: string;
}

/** Where staff tool calls are recorded. */
export type StaffAuditSink = (entry: StaffAuditEntry) => void;

/** Everything the tools depend on. */
export interface AgentPorts {
  knowledge: KnowledgePort;
  bank: BankPort;
  fraud: FraudPort;
  credit: CreditPort;
  staff: StaffToolsPort;
  openTicket(sessionId: string, summary: string): { ticketId: string };
  /** Records every tool call a member of staff makes (absent in tests that do not audit). */
  audit?: StaffAuditSink;
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
