// The local responder for staff: the staff router already chose the one tool and read its arguments from the
// question, so this calls it (or asks for a missing id) and renders its typed result in the staff member's language.
import type { Locale } from "../../../shared/locale.js";
import type { StaffCall } from "../../staff/staff-call.js";
import { isToolName, type ToolName } from "../../tools/tool-names.js";
import { latestOutcome, type ToolOutcome } from "../../tools/tool-results.js";
import type { TurnPlan } from "../../turn-plan.js";
import { answerFromKnowledge } from "../knowledge-answer.js";
import type { TurnStep } from "../plan-turn.js";
import { formatMoney } from "../reply-templates.js";
import { renderCheckTransactionRiskReply } from "./check-transaction-risk-reply.js";
import { renderExplainCreditDecisionReply } from "./explain-credit-decision-reply.js";
import { renderGetCustomerOverviewReply } from "./get-customer-overview-reply.js";
import { renderGetFraudReviewStatsReply } from "./get-fraud-review-stats-reply.js";
import { renderGetHandoffQueueReply } from "./get-handoff-queue-reply.js";
import { renderListCustomerConversationsReply } from "./list-customer-conversations-reply.js";
import { renderListCustomerTransactionsReply } from "./list-customer-transactions-reply.js";
import { renderListFlaggedTransactionsReply } from "./list-flagged-transactions-reply.js";
import { renderLookupCustomerReply } from "./lookup-customer-reply.js";
import { renderStaffFreezeCardReply } from "./staff-freeze-card-reply.js";
import { renderStaffOpenDisputeReply } from "./staff-open-dispute-reply.js";
import { askForMissing, defaultedLoanNote, staffText } from "./staff-strings.js";

/** The reply for one staff tool's outcome. */
function renderOutcome(outcome: ToolOutcome, call: StaffCall, question: string, locale: Locale): string {
  switch (outcome.name) {
    case "lookup_customer":
      return renderLookupCustomerReply(outcome.data, locale);
    case "get_customer_overview":
      return renderGetCustomerOverviewReply(outcome.data, locale);
    case "list_customer_transactions":
      return renderListCustomerTransactionsReply(outcome.data, locale);
    case "check_transaction_risk":
      return renderCheckTransactionRiskReply(outcome.data, locale);
    case "explain_credit_decision": {
      const text = renderExplainCreditDecisionReply(outcome.data, locale);
      if (call.defaulted.length === 0 || outcome.data.status !== "ok") return text;
      const loan = { amount: Number(call.args["amount"]), termMonths: Number(call.args["termMonths"]) };
      const note = defaultedLoanNote(
        call.defaulted,
        { amount: formatMoney(loan.amount, "GBP", locale), termMonths: loan.termMonths },
        locale,
      );
      return `${note}\n${text}`;
    }
    case "list_customer_conversations":
      return renderListCustomerConversationsReply(outcome.data, locale);
    case "get_handoff_queue":
      return renderGetHandoffQueueReply(outcome.data, locale);
    case "get_fraud_review_stats":
      return renderGetFraudReviewStatsReply(outcome.data, locale);
    case "list_flagged_transactions":
      return renderListFlaggedTransactionsReply(outcome.data, locale);
    case "staff_freeze_card":
      return renderStaffFreezeCardReply(outcome.data, locale);
    case "staff_open_dispute":
      return renderStaffOpenDisputeReply(outcome.data, locale);
    case "draft_customer_reply": {
      const draft = answerFromKnowledge(String(call.args["question"] ?? question), outcome, locale);
      return draft ? `${staffText("draftLead", locale)}\n\n${draft}` : staffText("knowledgeNone", locale);
    }
    default: {
      // Knowledge questions are answered to the member of staff directly, with citations; so is any tool result
      // the staff router did not ask for.
      const search = latestOutcome([outcome], "search_knowledge");
      return answerFromKnowledge(question, search, locale) ?? staffText("knowledgeNone", locale);
    }
  }
}

/** Staff assistant planning: the staff router's tool call, then its rendered result. */
export function planStaffTurn(plan: TurnPlan, text: string, done: readonly ToolOutcome[]): TurnStep {
  // A turn resumed after the staff member confirmed an action has no routed question: its result is the reply.
  const resumed = plan.staffCall ? undefined : done.at(-1);
  if (resumed) {
    const call = { intent: "", tool: resumed.name, args: {}, missing: [], defaulted: [] };
    return { kind: "reply", text: renderOutcome(resumed, call, text, plan.locale) };
  }
  const call: StaffCall = plan.staffCall ?? {
    intent: "knowledge_question",
    tool: "search_knowledge",
    args: { query: text },
    missing: [],
    defaulted: [],
  };
  const missing = call.missing[0];
  if (missing) return { kind: "reply", text: askForMissing(missing, plan.locale) };
  const tool: ToolName =
    isToolName(call.tool) && plan.allowedTools.includes(call.tool) ? call.tool : "search_knowledge";
  const args = tool === call.tool ? call.args : { query: text };
  // When the guard turned an action that would change nothing into a look-up, the look-up's result is the answer.
  const outcome = [...done].reverse().find((o) => o.name === tool) ?? done.at(-1);
  if (!outcome) return { kind: "tools", calls: [{ name: tool, args }] };
  return { kind: "reply", text: renderOutcome(outcome, call, text, plan.locale) };
}
