// Adapts the core-banking store to the agent's bank and fraud ports and to the staff console's data port.
import type { BankStore } from "../../bank/bank-store.js";
import type { CreditScorer } from "../../scoring/credit/credit-scorer.js";
import { err, ok } from "../../shared/result.js";
import type { StaffDataPort } from "../staff-data-port.js";
import type { BankPort, FraudPort, FraudView, TransactionView } from "../agent-ports.js";
import type { Transaction } from "../../bank/bank-schemas.js";
import { toCreditPort } from "./credit-adapter.js";

const ACCOUNT_NAMES: Record<string, string> = { current: "Everyday Current Account", savings: "Everyday Saver" };

function toTransactionView(t: Transaction): TransactionView {
  return {
    id: t.id,
    customerId: t.customerId,
    cardId: t.cardId,
    merchantName: t.merchantName,
    merchantCategory: t.merchantCategory,
    amount: t.amount,
    currency: t.currency,
    timestamp: t.timestamp,
    channel: t.channel,
  };
}

/** The agent's view of the bank store. */
export function toBankPort(store: BankStore, assess: (transactionId: string) => FraudView | undefined): BankPort {
  return {
    getCustomer: (id) => {
      const c = store.getCustomer(id);
      return c ? { id: c.id, name: c.name, locale: c.locale, region: c.region } : undefined;
    },
    searchCustomers: (query, limit) =>
      store.searchCustomers(query, limit).map((c) => ({ id: c.id, name: c.name, locale: c.locale, region: c.region })),
    listAccounts: (customerId) =>
      store.listAccounts(customerId).map((a) => ({
        id: a.id,
        customerId: a.customerId,
        type: ACCOUNT_NAMES[a.type] ?? a.type,
        currency: a.currency,
        balance: a.balance,
        accountNumber: a.accountNumber,
      })),
    listCards: (customerId) =>
      store.listCards(customerId).map((c) => ({
        id: c.id,
        customerId: c.customerId,
        last4: c.last4,
        brand: c.brand === "visa" ? "Visa Debit" : "Mastercard",
        status: c.status,
      })),
    getCard: (cardId) => {
      const c = store.getCard(cardId);
      return c ? { id: c.id, customerId: c.customerId, last4: c.last4, brand: c.brand, status: c.status } : undefined;
    },
    setCardStatus: (cardId, status, actor) => void store.setCardStatus(cardId, status, actor),
    listTransactions: (customerId, options) => store.listTransactions(customerId, options).map(toTransactionView),
    getTransaction: (id) => {
      const t = store.getTransaction(id);
      return t ? toTransactionView(t) : undefined;
    },
    createDispute: (input) => {
      const r = store.createDispute(input);
      if (!r.ok) return { id: "", status: "not_found" };
      return {
        id: r.value.dispute.id,
        status: r.value.dispute.status,
        ...(r.value.alreadyOpen ? { alreadyOpen: true } : {}),
      };
    },
    findOpenDispute: (transactionId) => {
      const t = store.getTransaction(transactionId);
      return t
        ? store.listDisputes(t.customerId).find((d) => d.transactionId === transactionId && d.status === "open")?.id
        : undefined;
    },
    listFlaggedTransactions: ({ limit }) =>
      store.listFlaggedTransactions({ limit }).map((f) => ({
        ...toTransactionView(f.transaction),
        assessment: assess(f.transaction.id) ?? toFraudView(f.assessment),
      })),
  };
}

function toFraudView(a: {
  probability: number;
  level: FraudView["level"];
  reasons: { code: string; text: FraudView["reasons"][number]["text"] }[];
  modelVersion: string;
}): FraudView {
  return {
    probability: a.probability,
    level: a.level,
    reasons: a.reasons.map((r) => ({ code: r.code, text: r.text })),
    modelVersion: a.modelVersion,
  };
}

/** The fraud port: the stored assessment of a transaction (scored by the batch path when it was recorded). */
export function toFraudPort(store: BankStore): FraudPort {
  return {
    assess: (id) => {
      const a = store.getStoredAssessment(id);
      return a ? toFraudView(a) : undefined;
    },
  };
}

/** The staff console's data operations. */
export function toStaffDataPort(
  store: BankStore,
  scorer: CreditScorer,
  exportDialogue?: StaffDataPort["exportDialogue"],
): StaffDataPort {
  const credit = toCreditPort(scorer, (id) => store.getCreditProfile(id));
  return {
    listFlagged: (limit) =>
      store.listFlaggedTransactions({ limit }).map((f) => {
        const label = store.listFraudLabels({ transactionId: f.transaction.id, limit: 1 })[0];
        return {
          ...toTransactionView(f.transaction),
          assessment: toFraudView(f.assessment),
          ...(label ? { label: label.label } : {}),
        };
      }),
    recordLabel: (input) => {
      const r = store.recordFraudLabel(input);
      return r.ok ? ok({ ok: true as const }) : err("not_found" as const);
    },
    creditEstimate: (customerId, request) => {
      const customer = store.getCustomer(customerId);
      if (!customer) return err("not_found" as const);
      const estimate = credit.prequalify(customerId, request);
      return estimate.ok
        ? ok({ customer: { id: customer.id, name: customer.name }, estimate: estimate.value })
        : err("no_profile" as const);
    },
    ...(exportDialogue ? { exportDialogue } : {}),
  };
}
