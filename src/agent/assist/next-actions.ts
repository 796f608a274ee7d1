// The next step for staff, already filled in: an action awaiting the customer's approval is finished first (a card
// to freeze, a dispute to open); otherwise the latest question decides: a card to freeze, a payment to dispute or
// check for fraud, a loan to explain with the amount and term the router read, or a knowledge search.
import type { Locale } from "../../shared/locale.js";
import type { NextAction } from "./assist-schema.js";
import { assistText } from "./assist-strings.js";
import { latestQuestion, type ConversationFacts, type CustomerTurn } from "./conversation-facts.js";

const FREEZE_INTENTS = new Set(["card_freeze_unfreeze", "lost_or_stolen_card", "compromised_card"]);
const DISPUTE_INTENTS = new Set(["dispute_transaction"]);
const FRAUD_INTENTS = new Set(["unrecognised_transaction", "scam_report", "compromised_card"]);
const CREDIT_INTENTS = new Set(["loan_eligibility", "credit_declined_reason", "loan_rates", "credit_limit_increase"]);
const UNFREEZE = /unfreeze|un-freeze|解冻|解除冻结/i;
/** The staff credit route's defaults, used when the customer named no amount or term. */
export const DEFAULT_LOAN = { amount: 10000, termMonths: 60 } as const;
// Transactions from the last month are enough to find the payment the customer means.
const LOOK_BACK_DAYS = 30;
const MAX_ACTIONS = 2;
// Loans are at least this much: a smaller amount the customer mentions is something else (a fee, a payment).
const MIN_LOAN = 100;

function money(amount: number): string {
  return `£${amount.toLocaleString("en-GB", { maximumFractionDigits: 2 })}`;
}

function lastFourOf(facts: ConversationFacts): string | undefined {
  for (let i = facts.steps.length - 1; i >= 0; i--) {
    const step = facts.steps[i];
    const v = step?.tool === "freeze_card" ? step.args["cardLast4"] : undefined;
    if (typeof v === "string" && /^\d{4}$/.test(v)) return v;
  }
  for (let i = facts.turns.length - 1; i >= 0; i--) {
    const last4 = facts.turns[i]?.slots.cardLastFour[0];
    if (last4) return last4;
  }
  return facts.pending?.summary.match(/(?<!\d)(\d{4})(?!\d)/)?.[1];
}

function cardFrozen(facts: ConversationFacts): boolean {
  return facts.steps.some((s) => s.tool === "freeze_card" && s.status === "ok");
}

function freezeAction(facts: ConversationFacts, customerId: string, locale: Locale): NextAction {
  const last4 = lastFourOf(facts);
  const label = last4
    ? assistText(locale, "actionFreeze", { customer: customerId, last4 })
    : assistText(locale, "actionFreezeAnyCard", { customer: customerId });
  return { tool: "staff_freeze_card", args: { customerId, ...(last4 ? { cardLast4: last4 } : {}) }, label };
}

function loanOf(facts: ConversationFacts): { amount?: number; termMonths?: number } {
  let amount: number | undefined;
  let termMonths: number | undefined;
  for (let i = facts.turns.length - 1; i >= 0 && (amount === undefined || termMonths === undefined); i--) {
    const slots = facts.turns[i]?.slots;
    amount ??= slots?.amounts.find((a) => a.value >= MIN_LOAN)?.value;
    termMonths ??= slots?.terms[0]?.months;
  }
  for (let i = facts.steps.length - 1; i >= 0 && (amount === undefined || termMonths === undefined); i--) {
    const args = facts.steps[i]?.args ?? {};
    const a = args["amount"];
    const t = args["termMonths"];
    if (typeof a === "number" && a >= MIN_LOAN) amount ??= a;
    if (typeof t === "number" && Number.isInteger(t) && t > 0) termMonths ??= t;
  }
  return { ...(amount !== undefined ? { amount } : {}), ...(termMonths !== undefined ? { termMonths } : {}) };
}

function creditAction(facts: ConversationFacts, customerId: string, locale: Locale): NextAction {
  const asked = loanOf(facts);
  const amount = asked.amount ?? DEFAULT_LOAN.amount;
  const termMonths = asked.termMonths ?? DEFAULT_LOAN.termMonths;
  const assumed = asked.amount === undefined || asked.termMonths === undefined;
  const label = assistText(locale, assumed ? "actionCreditAssumed" : "actionCredit", {
    customer: customerId,
    amount: money(amount),
    term: termMonths,
  });
  return { tool: "explain_credit_decision", args: { customerId, amount, termMonths }, label };
}

function transactionAction(
  facts: ConversationFacts,
  customerId: string | undefined,
  tool: "staff_open_dispute" | "check_transaction_risk",
  locale: Locale,
): NextAction | undefined {
  const transactionId = facts.transactionIds[0];
  if (transactionId)
    return tool === "staff_open_dispute"
      ? { tool, args: { transactionId }, label: assistText(locale, "actionDispute", { transaction: transactionId }) }
      : { tool, args: { transactionId }, label: assistText(locale, "actionRisk", { transaction: transactionId }) };
  if (!customerId) return undefined;
  return {
    tool: "list_customer_transactions",
    args: { customerId, days: LOOK_BACK_DAYS },
    label: assistText(locale, "actionTransactions", { customer: customerId, days: LOOK_BACK_DAYS }),
  };
}

function searchAction(question: CustomerTurn, locale: Locale): NextAction {
  const query = question.text.replace(/\s+/g, " ").trim().slice(0, 300);
  return { tool: "search_knowledge", args: { query }, label: assistText(locale, "actionSearch", { query }) };
}

function overviewAction(customerId: string, locale: Locale): NextAction {
  return {
    tool: "get_customer_overview",
    args: { customerId },
    label: assistText(locale, "actionOverview", { customer: customerId }),
  };
}

// The action the customer was asked to approve, which staff can now finish on their behalf.
function pendingAction(facts: ConversationFacts, customerId: string, locale: Locale): NextAction | undefined {
  if (facts.pending?.action === "freeze_card") return freezeAction(facts, customerId, locale);
  if (facts.pending?.action === "open_dispute")
    return transactionAction(facts, customerId, "staff_open_dispute", locale);
  return undefined;
}

function questionActions(
  facts: ConversationFacts,
  question: CustomerTurn,
  customerId: string | undefined,
  locale: Locale,
): NextAction[] {
  const { intent } = question;
  if (!customerId) return [searchAction(question, locale)];
  if (FREEZE_INTENTS.has(intent) && !UNFREEZE.test(question.text)) {
    const first = cardFrozen(facts) ? overviewAction(customerId, locale) : freezeAction(facts, customerId, locale);
    const check = FRAUD_INTENTS.has(intent)
      ? transactionAction(facts, customerId, "check_transaction_risk", locale)
      : undefined;
    return [first, ...(check ? [check] : [])];
  }
  if (DISPUTE_INTENTS.has(intent))
    return [transactionAction(facts, customerId, "staff_open_dispute", locale)].flatMap((a) => a ?? []);
  if (FRAUD_INTENTS.has(intent))
    return [transactionAction(facts, customerId, "check_transaction_risk", locale)].flatMap((a) => a ?? []);
  const asksLoan = intent !== "loan_rates" || question.slots.amounts.some((a) => a.value >= MIN_LOAN);
  if (CREDIT_INTENTS.has(intent) && asksLoan) return [creditAction(facts, customerId, locale)];
  return [searchAction(question, locale)];
}

/** The next tool calls for staff, best first (none for an anonymous visitor who has asked nothing yet). */
export function nextActions(facts: ConversationFacts): NextAction[] {
  const { locale, customerId } = facts;
  const question = latestQuestion(facts);
  const actions: NextAction[] = [];
  const pending = customerId ? pendingAction(facts, customerId, locale) : undefined;
  if (pending) actions.push(pending);
  if (question) actions.push(...questionActions(facts, question, customerId, locale));
  if (actions.length === 0 && customerId) actions.push(overviewAction(customerId, locale));
  const unique = actions.filter((a, i) => actions.findIndex((b) => b.tool === a.tool) === i);
  return unique.slice(0, MAX_ACTIONS);
}
