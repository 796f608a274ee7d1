// The local responder's brain: from the routing note, the customer's words and this turn's tool results, decide the
// next tool calls or compose the final reply. Replies are built only from tool results and templates.
// Tool results arrive read through each tool's output schema (tools/tool-results.ts), so fields are typed, not cast.
// Patterns over the customer's words have bounded repetition, so planning stays linear in the message length.
import { extractAmounts } from "../../router/slots/extract-amounts.js";
import { extractTerms } from "../../router/slots/extract-terms.js";
import type { Locale } from "../../shared/locale.js";
import type { TransactionRow } from "../tools/get-recent-transactions.js";
import type { ToolName } from "../tools/tool-names.js";
import { latestOutcome, outcomesOf, type ToolOutcome, type ToolResult } from "../tools/tool-results.js";
import type { TurnPlan as RoutingNote } from "../turn-plan.js";
import { bestMatch, STRONG_MATCH } from "../match-strength.js";
import { answerFromKnowledge, passagesOf } from "./knowledge-answer.js";
import { planStaffTurn } from "./staff/plan-staff-turn.js";
import { formatDate, formatMoney, say } from "./reply-templates.js";

// The outcomes the planners take, typed by tool; re-exported for the modules that import them from here.
export type { ToolOutcome } from "../tools/tool-results.js";
export { answerFromKnowledge } from "./knowledge-answer.js";
export { planStaffTurn } from "./staff/plan-staff-turn.js";

/** A tool call the responder asks the agent to make. */
export interface PlannedToolCall {
  name: ToolName;
  args: Record<string, unknown>;
}

/** What the responder does next. */
export type TurnStep =
  { kind: "tools"; calls: PlannedToolCall[] } | { kind: "reply"; text: string; quickReplies?: string[] };

// Without a sign-in these intents get the general guidance first (a lost card cannot wait), then an invitation.
const ACTION_INTENTS = new Set([
  "card_freeze_unfreeze",
  "lost_or_stolen_card",
  "unrecognised_transaction",
  "dispute_transaction",
  "compromised_card",
]);
// These are about the customer's own data: sign-in first, then whatever general information helps.
const ACCOUNT_INTENTS = new Set(["pending_payment", "loan_eligibility", "credit_declined_reason"]);
// Questions that only the customer's own data can answer: no general guide helps, so only the sign-in prompt.
const OWN_DATA_ONLY = new Set(["balance", "recent_transactions", "account_details"]);

type Planner = (note: RoutingNote, text: string, done: readonly ToolOutcome[]) => TurnStep;

// The latest result of one tool in this turn.
function find<N extends ToolName>(done: readonly ToolOutcome[], name: N): ToolResult<N> | undefined {
  return latestOutcome(done, name)?.data;
}

function reply(text: string, quickReplies?: string[]): TurnStep {
  return quickReplies && quickReplies.length ? { kind: "reply", text, quickReplies } : { kind: "reply", text };
}

function tools(...calls: PlannedToolCall[]): TurnStep {
  return { kind: "tools", calls };
}

function knowledgeReply(note: RoutingNote, text: string, done: readonly ToolOutcome[], prefix?: string): TurnStep {
  const search = latestOutcome(done, "search_knowledge");
  if (!search) return tools({ name: "search_knowledge", args: { query: text } });
  const answer = answerFromKnowledge(text, search, note.locale);
  if (!answer) {
    const text = [prefix, say(note.locale, "noKnowledge")].filter(Boolean).join("\n\n");
    return reply(text, [say(note.locale, "quickPerson")]);
  }
  return reply([prefix, answer].filter(Boolean).join("\n\n"));
}

// The router's slot extractors read the loan's amount and term, so the planner repeats no patterns of its own.
function loanTermMonths(text: string): number | undefined {
  return extractTerms(text)[0]?.months;
}

// The plan's amounts first; then the message read as an answer to "how much?", where a bare "8000" or "8k" is money.
function loanAmount(note: RoutingNote, text: string): number | undefined {
  const loanSized = (a: { value: number }): boolean => a.value >= 100;
  return (note.slots.amounts.find(loanSized) ?? extractAmounts(text, { moneyContext: true }).find(loanSized))?.value;
}

function freezeReason(text: string): string {
  if (/stolen|被盗|偷/i.test(text)) return "stolen";
  if (/lost|丢|遗失|找不到/i.test(text)) return "lost";
  if (/fraud|hack|leak|compromis|skim|盗刷|泄露|可疑/i.test(text)) return "suspicious_activity";
  return "temporary";
}

function disputeReason(text: string): string {
  if (/twice|double|duplicate|两次|重复/i.test(text)) return "duplicate_charge";
  if (/never (arrived|came)|not (received|arrived)|didn'?t (arrive|get)|没收到|未收到/i.test(text)) {
    return "goods_not_received";
  }
  if (/subscription|cancel|订阅|取消/i.test(text)) return "cancelled_subscription";
  if (/wrong amount|overcharg|more than|金额不对|多扣/i.test(text)) return "wrong_amount";
  if (/recogni[sz]e|not me|didn'?t make|不认识|不是我/i.test(text)) return "not_recognised";
  return "other";
}

// Cards the customer named: last four digits, or a [CARD_n] placeholder of a number they typed (resolved by the tool).
function cardRefs(note: RoutingNote, text: string): { digits: string[]; placeholders: string[] } {
  const typed = [...text.matchAll(/(?<![\d£$€.,])(\d{4})(?![\d%.,])/g)]
    .flatMap((m) => (m[1] ? [m[1]] : []))
    .filter((d) => !/^(19|20)\d\d$/.test(d));
  const placeholders = text.match(/\[CARD_\d{1,6}\]/g) ?? [];
  return { digits: [...new Set([...note.slots.cardLastFour, ...typed])], placeholders };
}

const freezeFlow: Planner = (note, text, done) => {
  if (/unfreeze|解冻|解除冻结/i.test(text)) return knowledgeReply(note, text, done);
  if (!note.allowedTools.includes("freeze_card")) return knowledgeReply(note, text, done);
  const freeze = find(done, "freeze_card");
  if (freeze) {
    if (freeze.status === "ok") {
      const base = say(note.locale, freeze.alreadyFrozen ? "alreadyFrozen" : "frozen", { last4: freeze.card.last4 });
      const lost = note.intent === "lost_or_stolen_card";
      const search = latestOutcome(done, "search_knowledge");
      if (lost && !search) {
        return tools({ name: "search_knowledge", args: { query: "report lost or stolen card replacement" } });
      }
      const guide = lost ? answerFromKnowledge(text, search, note.locale) : undefined;
      return reply([base, guide].filter(Boolean).join("\n\n"));
    }
    if (freeze.status === "rejected") return reply(say(note.locale, "freezeRejected"));
    return cardProblem(note, freeze.status, "cards" in freeze ? freeze.cards : []);
  }
  const list = find(done, "list_cards");
  const refs = cardRefs(note, text);
  if (refs.placeholders[0]) {
    // The tool resolves the typed number; if it is not the customer's card the request comes back as a card list.
    if (!list) return freezeCall(refs.placeholders[0], text);
    return cardProblem(note, "not_found", listedCards(list));
  }
  if (!list) return tools({ name: "list_cards", args: {} });
  const cards = (list.status === "ok" ? list.cards : []).filter((c) => c.status !== "blocked");
  if (refs.digits.length > 0) {
    const mine = cards.find((c) => refs.digits.includes(c.last4));
    if (!mine) return cardProblem(note, "not_found", listedCards(list));
    return freezeCall(mine.last4, text);
  }
  if (cards.length === 1 && cards[0]) return freezeCall(cards[0].last4, text);
  return cardProblem(note, list.status, listedCards(list));
};

function freezeCall(cardLast4: string, text: string): TurnStep {
  return tools({ name: "freeze_card", args: { cardLast4, reason: freezeReason(text) } });
}

// The last four digits of every card list_cards returned, blocked ones included.
function listedCards(list: ToolResult<"list_cards">): string[] {
  return list.status === "ok" ? list.cards.map((c) => c.last4) : [];
}

// Why no card could be frozen, from the status of the result that said so and the cards it offered.
function cardProblem(note: RoutingNote, status: string, cards: readonly string[]): TurnStep {
  if (status === "needs_sign_in") return reply(say(note.locale, "signIn"));
  if (cards.length === 0) return reply(say(note.locale, "cardsNone", { cards: "—" }));
  const quick = cards.map((c) => (note.locale === "zh-CN" ? `冻结尾号${c}的卡` : `Freeze card ending ${c}`));
  const key = status === "not_found" ? "cardsNone" : "cardsWhich";
  return reply(say(note.locale, key, { cards: cards.join(", ") }), quick);
}

function joinReasons(locale: Locale, reasons: readonly string[]): string {
  return reasons.join(locale === "zh-CN" ? "；" : "; ");
}

function txFilter(note: RoutingNote): Record<string, unknown> {
  const args: Record<string, unknown> = { limit: 5 };
  if (note.slots.merchants[0]) args["merchant"] = note.slots.merchants[0];
  if (note.slots.amounts[0]) args["amount"] = note.slots.amounts[0].value;
  if (note.slots.cardLastFour[0]) args["cardLast4"] = note.slots.cardLastFour[0];
  return args;
}

function txLines(note: RoutingNote, rows: readonly TransactionRow[]): string {
  return rows
    .map((t) =>
      say(note.locale, "txRow", {
        date: formatDate(t.date, note.locale),
        merchant: t.merchant,
        amount: formatMoney(t.amount, t.currency, note.locale),
        card: t.cardLast4 ? ` (••${t.cardLast4})` : "",
      }),
    )
    .join("\n");
}

// The rows of a transaction search; none when it did not run or the card asked for is not the customer's.
function transactionRows(list: ToolResult<"get_recent_transactions">): TransactionRow[] {
  return list.status === "ok" ? list.transactions : [];
}

const suspiciousFlow: Planner = (note, text, done) => {
  const risks = outcomesOf(done, "check_transaction_risk").flatMap(({ data }) => (data.status === "ok" ? [data] : []));
  const riskiest = [...risks].sort((a, b) => b.risk.probability - a.risk.probability)[0];
  const risk = riskiest ?? find(done, "check_transaction_risk");
  if (risk) {
    if (risk.status !== "ok") {
      return reply(say(note.locale, risk.status === "not_found" ? "notFoundTx" : "unavailable"));
    }
    const { transaction: tx, risk: r } = risk;
    const calm = r.level === "none";
    const lines = [
      risks.length > 1 ? say(note.locale, calm ? "riskNothingStandsOut" : "riskScanned", { count: risks.length }) : "",
      say(note.locale, "risk", {
        merchant: tx.merchant,
        amount: formatMoney(tx.amount, tx.currency, note.locale),
        date: formatDate(tx.date, note.locale),
        level: say(note.locale, `riskLevel_${r.level}`),
        pct: `${Math.round(r.probability * 100)}%`,
      }),
      r.reasons.length ? say(note.locale, "riskReasons", { reasons: joinReasons(note.locale, r.reasons) }) : "",
      calm ? "" : say(note.locale, "riskNext"),
    ];
    const quick = [say(note.locale, "quickFreeze"), say(note.locale, "quickDispute"), say(note.locale, "quickNo")];
    return reply(lines.filter(Boolean).join("\n"), quick);
  }
  const list = find(done, "get_recent_transactions");
  if (!list) {
    return note.focusTransactionId && !note.slots.merchants.length && !note.slots.amounts.length
      ? tools({ name: "check_transaction_risk", args: { transactionId: note.focusTransactionId } })
      : tools({ name: "get_recent_transactions", args: txFilter(note) });
  }
  const rows = transactionRows(list);
  if (list.status === "needs_sign_in") return knowledgeReply(note, text, done, say(note.locale, "signIn"));
  if (rows.length === 0 || !rows[0]) return reply(say(note.locale, "txNone"));
  const specific = note.slots.merchants.length > 0 || note.slots.amounts.length > 0;
  // Nothing specific named: check the few most recent payments and talk about the one that stands out.
  const candidates = specific ? rows.slice(0, 1) : rows.slice(0, 3);
  return tools(
    ...candidates.map((r): PlannedToolCall => ({ name: "check_transaction_risk", args: { transactionId: r.id } })),
  );
};

const disputeFlow: Planner = (note, text, done) => {
  if (!note.allowedTools.includes("open_dispute")) return knowledgeReply(note, text, done);
  const dispute = find(done, "open_dispute");
  if (dispute) {
    if (dispute.status === "rejected") return reply(say(note.locale, "disputeRejected"));
    if (dispute.status !== "ok") return reply(say(note.locale, "notFoundTx"));
    const tx = dispute.transaction;
    return reply(
      say(note.locale, dispute.alreadyOpen ? "disputeAlreadyOpen" : "disputeOpened", {
        id: dispute.dispute.id,
        merchant: tx.merchant,
        amount: formatMoney(tx.amount, tx.currency, note.locale),
        date: formatDate(tx.date, note.locale),
      }),
    );
  }
  const { merchants, amounts, transactionRefs } = note.slots;
  const specific = merchants.length > 0 || amounts.length > 0 || transactionRefs.length > 0;
  if (!specific && note.focusTransactionId) return disputeCall(note.focusTransactionId, text);
  // A payment named by its id is that payment (the bank writes ids in lower case; the router upper-cases refs). One
  // that is not the customer's is turned into a look-up of their own by the ownership guard before anything runs.
  const named = transactionRefs[0];
  if (named && !find(done, "get_recent_transactions")) return disputeCall(named.toLowerCase(), text);
  const list = find(done, "get_recent_transactions");
  if (!list) return tools({ name: "get_recent_transactions", args: txFilter(note) });
  if (list.status === "needs_sign_in") return knowledgeReply(note, text, done, say(note.locale, "signIn"));
  const rows = transactionRows(list);
  if (specific && rows[0]) return disputeCall(rows[0].id, text);
  if (rows.length === 0) return reply(say(note.locale, "txNone"));
  const quick = rows.slice(0, 4).map((t) => {
    const amount = formatMoney(t.amount, t.currency, note.locale);
    return note.locale === "zh-CN" ? `对${t.merchant} ${amount}提出争议` : `Dispute ${t.merchant} ${amount}`;
  });
  return reply(`${say(note.locale, "disputeWhich")}\n${txLines(note, rows.slice(0, 4))}`, quick);
};

function disputeCall(transactionId: string, text: string): TurnStep {
  return tools({ name: "open_dispute", args: { transactionId, reason: disputeReason(text) } });
}

// "my last 3 transactions", "最近5笔交易": how many the customer asked for.
const REQUESTED_COUNT =
  /\b(?:last|latest|recent|past)\s{1,8}(\d{1,2})\b|最近\s{0,8}(\d{1,2})\s{0,8}笔|(\d{1,2})\s{0,8}(?:most recent|latest|recent)/i;

function requestedCount(text: string): number | undefined {
  const m = text.match(REQUESTED_COUNT);
  const n = Number(m?.[1] ?? m?.[2] ?? m?.[3]);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 20) : undefined;
}

const transactionsFlow: Planner = (note, text, done) => {
  const list = find(done, "get_recent_transactions");
  if (!list) {
    const limit = requestedCount(text) ?? (note.slots.merchants.length || note.slots.amounts.length ? 5 : 8);
    return tools({ name: "get_recent_transactions", args: { ...txFilter(note), limit } });
  }
  if (list.status === "needs_sign_in") return knowledgeReply(note, text, done, say(note.locale, "signIn"));
  const rows = transactionRows(list);
  if (rows.length === 0) return reply(say(note.locale, "txNone"));
  return reply(`${say(note.locale, "txList")}\n${txLines(note, rows)}`);
};

const accountsFlow: Planner = (note, text, done) => {
  const acc = find(done, "get_accounts");
  if (!acc) return tools({ name: "get_accounts", args: {} });
  if (acc.status === "needs_sign_in") return knowledgeReply(note, text, done, say(note.locale, "signIn"));
  const rows = acc.status === "ok" ? acc.accounts : [];
  if (note.intent === "account_details") {
    const details = rows.map((a) => say(note.locale, "accountDetails", { type: a.type, ending: a.accountEnding }));
    return reply(details.join("\n"));
  }
  const lines = rows.map((a) =>
    say(note.locale, "accountRow", {
      type: a.type,
      ending: a.accountEnding,
      balance: formatMoney(a.balance, a.currency, note.locale),
    }),
  );
  return reply(`${say(note.locale, "accounts")}\n${lines.join("\n")}`);
};

const eligibilityFlow: Planner = (note, text, done) => {
  const est = find(done, "check_credit_eligibility");
  if (est) {
    if (est.status !== "ok") return reply(say(note.locale, "creditNoProfile"), [say(note.locale, "quickPerson")]);
    const { request: req, estimate: e } = est;
    return reply(
      [
        say(note.locale, "creditEstimate", {
          amount: formatMoney(req.amount, "GBP", note.locale),
          term: req.termMonths,
          decision: say(note.locale, `creditDecision_${e.decision}`),
          grade: e.grade,
        }),
        e.reasons.length
          ? say(note.locale, "creditReasons", { reasons: joinReasons(note.locale, e.reasons.slice(0, 4)) })
          : "",
        say(note.locale, "creditDisclaimer"),
      ]
        .filter(Boolean)
        .join("\n"),
    );
  }
  const amount = loanAmount(note, text);
  if (!amount) {
    // A question about the criteria gets them from the guides, with the offer of a personal estimate.
    if (/criteria|requirement|condition|eligib|qualif|who can|条件|要求|资格|什么人/i.test(text)) {
      const step = knowledgeReply(note, text, done);
      return step.kind === "reply" ? reply(`${step.text}\n\n${say(note.locale, "creditAskAmount")}`) : step;
    }
    return reply(say(note.locale, "creditAskAmount"));
  }
  const clamped = Math.min(35000, Math.max(1000, amount));
  const term = Math.min(84, Math.max(12, loanTermMonths(text) ?? 60));
  return tools({ name: "check_credit_eligibility", args: { amount: clamped, termMonths: term } });
};

const explainFlow: Planner = (note, _text, done) => {
  const ex = find(done, "explain_credit_decision");
  if (!ex) return tools({ name: "explain_credit_decision", args: {} });
  if (ex.status !== "ok") return reply(say(note.locale, "creditNoProfile"), [say(note.locale, "quickPerson")]);
  const reasons = ex.reasons.map((r) => r.text);
  return reply(
    [
      say(note.locale, "creditCurrent", {
        decision: say(note.locale, `creditDecision_${ex.decision}`),
        grade: ex.grade,
      }),
      say(note.locale, "creditExplain", { reasons: joinReasons(note.locale, reasons) }),
      say(note.locale, "creditDisclaimer"),
    ].join("\n"),
  );
};

const handoffFlow: Planner = (note, text, done) => {
  if (!note.allowedTools.includes("handoff_to_human")) {
    // Read-only because an action waits for the customer's decision, or because the message tried to instruct us.
    return reply(say(note.locale, note.actionPending ? "handoffAfterPending" : "injection"));
  }
  // A question about complaints ("how long do you take to reply?") is answered; a complaint itself goes to a person.
  const asks = /\?|？|吗|多久|how long|can i|what happens|可以/i.test(text);
  if (note.intent === "complaint" && asks && !find(done, "handoff_to_human")) {
    const step = knowledgeReply(note, text, done);
    return step.kind === "reply" ? reply(step.text, [say(note.locale, "quickPerson")]) : step;
  }
  const h = find(done, "handoff_to_human");
  if (!h) {
    const reason = note.intent === "complaint" ? "complaint" : "requested";
    return tools({ name: "handoff_to_human", args: { summary: text.slice(0, 300), reason } });
  }
  return reply(say(note.locale, "handoff", { ticketId: h.status === "ok" ? h.ticketId : "" }));
};

const smalltalkFlow: Planner = (note) => {
  const key =
    note.intent === "thanks"
      ? "thanks"
      : note.intent === "goodbye"
        ? "goodbye"
        : note.intent === "bot_capabilities"
          ? "capabilities"
          : "greeting";
  const starters =
    note.locale === "zh-CN"
      ? ["我的卡丢了", "转账手续费", "查看最近交易"]
      : ["I lost my card", "Transfer fees", "Show my recent transactions"];
  const quick = key === "goodbye" || key === "thanks" ? undefined : starters;
  return reply(say(note.locale, key), quick);
};

const BY_INTENT: Record<string, Planner> = {
  card_freeze_unfreeze: freezeFlow,
  lost_or_stolen_card: freezeFlow,
  unrecognised_transaction: suspiciousFlow,
  dispute_transaction: disputeFlow,
  recent_transactions: transactionsFlow,
  pending_payment: transactionsFlow,
  balance: accountsFlow,
  account_details: accountsFlow,
  loan_eligibility: eligibilityFlow,
  credit_declined_reason: explainFlow,
  speak_to_human: handoffFlow,
  complaint: handoffFlow,
};

/** Decides the next step of the local responder for a customer or anonymous visitor. */
export function planTurn(note: RoutingNote, text: string, done: readonly ToolOutcome[]): TurnStep {
  if (note.role === "staff") return planStaffTurn(note, text, done);
  if (note.route === "smalltalk") return smalltalkFlow(note, text, done);
  if (note.role === "anonymous" && OWN_DATA_ONLY.has(note.intent)) {
    // Only a guide that covers the question well is worth adding to the sign-in prompt ("what's my balance" has none).
    const passages = passagesOf(latestOutcome(done, "search_knowledge"));
    if (bestMatch(text, passages) < STRONG_MATCH) return reply(say(note.locale, "signIn"));
    return knowledgeReply(note, text, done, say(note.locale, "signIn"));
  }
  if (note.role === "anonymous" && ACCOUNT_INTENTS.has(note.intent)) {
    return knowledgeReply(note, text, done, say(note.locale, "signIn") + "\n\n" + say(note.locale, "signInGeneral"));
  }
  if (note.role === "anonymous" && ACTION_INTENTS.has(note.intent)) {
    const step = knowledgeReply(note, text, done);
    if (step.kind !== "reply") return step;
    return reply(`${step.text}\n\n${say(note.locale, "signInToAct")}`, step.quickReplies);
  }
  const planner = BY_INTENT[note.intent];
  if (planner) return planner(note, text, done);
  if (note.intent === "compromised_card" || note.intent === "scam_report") {
    const step = knowledgeReply(note, text, done);
    const quick = [say(note.locale, "quickFreeze"), say(note.locale, "quickPerson")];
    return step.kind === "reply" ? reply(step.text, quick) : step;
  }
  return knowledgeReply(note, text, done);
}
