// Typed readers for tool results. A result crosses modules as JSON (a tool message, a recorded call), so whoever
// reads one parses it against the tool's own output schema here instead of casting what it hopes is there.
import { z } from "zod";
import { CheckCreditEligibilityOutputSchema } from "./check-credit-eligibility.js";
import { CheckTransactionRiskOutputSchema } from "./check-transaction-risk.js";
import { DraftCustomerReplyOutputSchema } from "./draft-customer-reply.js";
import { ExplainCreditDecisionOutputSchema } from "./explain-credit-decision.js";
import { FreezeCardOutputSchema } from "./freeze-card.js";
import { GetAccountsOutputSchema } from "./get-accounts.js";
import { GetRecentTransactionsOutputSchema } from "./get-recent-transactions.js";
import { HandoffToHumanOutputSchema } from "./handoff-to-human.js";
import { ListCardsOutputSchema } from "./list-cards.js";
import { ListFlaggedTransactionsOutputSchema } from "./list-flagged-transactions.js";
import { LookupCustomerOutputSchema } from "./lookup-customer.js";
import { GetCustomerOverviewOutputSchema } from "./get-customer-overview.js";
import { ListCustomerTransactionsOutputSchema } from "./list-customer-transactions.js";
import { ListCustomerConversationsOutputSchema } from "./list-customer-conversations.js";
import { GetHandoffQueueOutputSchema } from "./get-handoff-queue.js";
import { GetFraudReviewStatsOutputSchema } from "./get-fraud-review-stats.js";
import { OpenDisputeOutputSchema } from "./open-dispute.js";
import { SearchKnowledgeOutputSchema } from "./search-knowledge.js";
import { StaffFreezeCardOutputSchema } from "./staff-freeze-card.js";
import { StaffOpenDisputeOutputSchema } from "./staff-open-dispute.js";
import { isToolName, type ToolName } from "./tool-names.js";

const SCHEMAS = {
  search_knowledge: SearchKnowledgeOutputSchema,
  list_cards: ListCardsOutputSchema,
  get_accounts: GetAccountsOutputSchema,
  get_recent_transactions: GetRecentTransactionsOutputSchema,
  check_transaction_risk: CheckTransactionRiskOutputSchema,
  freeze_card: FreezeCardOutputSchema,
  open_dispute: OpenDisputeOutputSchema,
  check_credit_eligibility: CheckCreditEligibilityOutputSchema,
  explain_credit_decision: ExplainCreditDecisionOutputSchema,
  handoff_to_human: HandoffToHumanOutputSchema,
  lookup_customer: LookupCustomerOutputSchema,
  get_customer_overview: GetCustomerOverviewOutputSchema,
  list_customer_transactions: ListCustomerTransactionsOutputSchema,
  list_customer_conversations: ListCustomerConversationsOutputSchema,
  get_handoff_queue: GetHandoffQueueOutputSchema,
  get_fraud_review_stats: GetFraudReviewStatsOutputSchema,
  list_flagged_transactions: ListFlaggedTransactionsOutputSchema,
  draft_customer_reply: DraftCustomerReplyOutputSchema,
  staff_freeze_card: StaffFreezeCardOutputSchema,
  staff_open_dispute: StaffOpenDisputeOutputSchema,
} satisfies { [N in ToolName]: z.ZodTypeAny };

/** What a tool returns when it runs, by tool name. */
export type ToolOutput<N extends ToolName> = z.infer<(typeof SCHEMAS)[N]>;

/** Every tool's output schema, by tool name. */
export const TOOL_OUTPUT_SCHEMAS: { readonly [N in ToolName]: z.ZodType<ToolOutput<N>, z.ZodTypeDef, unknown> } =
  SCHEMAS;

/** A tool's result read from JSON; undefined when it is not one the tool produces. */
export function readToolResult<N extends ToolName>(name: N, json: unknown): ToolOutput<N> | undefined {
  const parsed = TOOL_OUTPUT_SCHEMAS[name].safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/**
 * What a tool message carries when the tool did not produce it: the agent refused the call on this route or over the
 * turn's limit, the customer declined the action, or the tool failed.
 */
export const StandInResultSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("forbidden").describe("The tool is not available to this caller on this route."),
    reason: z.string().optional().describe("Why the call was refused."),
  }),
  z.object({
    status: z.literal("unavailable").describe("The call was not made, e.g. the turn's tool-call limit was reached."),
    reason: z.string().optional().describe("Why the call was not made."),
  }),
  z.object({ status: z.literal("rejected").describe("The customer declined the action when asked to approve it.") }),
  z.object({
    status: z.literal("failed").describe("The tool failed or its result could not be read."),
    message: z.string().optional().describe("The start of the unreadable result, if any."),
  }),
]);
/** A result written in place of the tool's own. */
export type StandInResult = z.infer<typeof StandInResultSchema>;

/** Anything a tool message of that tool can carry: the tool's own output or a stand-in. */
export type ToolResult<N extends ToolName> = ToolOutput<N> | StandInResult;

/** One tool's result in this turn, read and typed. */
export interface OutcomeOf<N extends ToolName> {
  name: N;
  data: ToolResult<N>;
}

/** A tool result of this turn, typed by the tool that produced it (narrow it on `name`). */
export type ToolOutcome = { [N in ToolName]: OutcomeOf<N> }[ToolName];

function outcomeReader<N extends ToolName>(name: N): (json: unknown) => OutcomeOf<N> {
  return (json) => {
    const standIn = StandInResultSchema.safeParse(json);
    return { name, data: readToolResult(name, json) ?? (standIn.success ? standIn.data : { status: "failed" }) };
  };
}

const OUTCOME_READERS: { readonly [N in ToolName]: (json: unknown) => OutcomeOf<N> } = {
  search_knowledge: outcomeReader("search_knowledge"),
  list_cards: outcomeReader("list_cards"),
  get_accounts: outcomeReader("get_accounts"),
  get_recent_transactions: outcomeReader("get_recent_transactions"),
  check_transaction_risk: outcomeReader("check_transaction_risk"),
  freeze_card: outcomeReader("freeze_card"),
  open_dispute: outcomeReader("open_dispute"),
  check_credit_eligibility: outcomeReader("check_credit_eligibility"),
  explain_credit_decision: outcomeReader("explain_credit_decision"),
  handoff_to_human: outcomeReader("handoff_to_human"),
  lookup_customer: outcomeReader("lookup_customer"),
  get_customer_overview: outcomeReader("get_customer_overview"),
  list_customer_transactions: outcomeReader("list_customer_transactions"),
  list_customer_conversations: outcomeReader("list_customer_conversations"),
  get_handoff_queue: outcomeReader("get_handoff_queue"),
  get_fraud_review_stats: outcomeReader("get_fraud_review_stats"),
  list_flagged_transactions: outcomeReader("list_flagged_transactions"),
  draft_customer_reply: outcomeReader("draft_customer_reply"),
  staff_freeze_card: outcomeReader("staff_freeze_card"),
  staff_open_dispute: outcomeReader("staff_open_dispute"),
};

/**
 * Reads a tool message's parsed JSON as a typed outcome: the tool's own output, else a stand-in, else `failed`.
 * Undefined for a name that is not one of our tools.
 */
export function readToolOutcome(name: string, json: unknown): ToolOutcome | undefined {
  return isToolName(name) ? OUTCOME_READERS[name](json) : undefined;
}

/** Whether an outcome is one of the named tool's. */
export function isOutcomeOf<N extends ToolName>(outcome: ToolOutcome, name: N): outcome is ToolOutcome & OutcomeOf<N> {
  return outcome.name === name;
}

/** The latest outcome of one tool among a turn's outcomes. */
export function latestOutcome<N extends ToolName>(outcomes: readonly ToolOutcome[], name: N): OutcomeOf<N> | undefined {
  for (let i = outcomes.length - 1; i >= 0; i--) {
    const outcome = outcomes[i];
    if (outcome && isOutcomeOf(outcome, name)) return outcome;
  }
  return undefined;
}

/** Every outcome of one tool among a turn's outcomes, in call order. */
export function outcomesOf<N extends ToolName>(outcomes: readonly ToolOutcome[], name: N): OutcomeOf<N>[] {
  return outcomes.flatMap((outcome) => (isOutcomeOf(outcome, name) ? [outcome] : []));
}
