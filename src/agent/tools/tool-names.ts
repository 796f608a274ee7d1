// The names of the agent's tools, as one closed union: route policy, progress labels, typed result readers and the
// local responder's tool calls all spell a tool the same way, and the compiler catches a misspelt one.

/** Every tool the bank agent has, in the order the agent registers them. */
export const TOOL_NAMES = [
  "search_knowledge",
  "list_cards",
  "get_accounts",
  "get_recent_transactions",
  "check_transaction_risk",
  "freeze_card",
  "open_dispute",
  "check_credit_eligibility",
  "explain_credit_decision",
  "handoff_to_human",
  "lookup_customer",
  "get_customer_overview",
  "list_customer_transactions",
  "list_customer_conversations",
  "get_handoff_queue",
  "get_fraud_review_stats",
  "list_flagged_transactions",
  "draft_customer_reply",
  "staff_freeze_card",
  "staff_open_dispute",
] as const;

/** The name of one of the agent's tools. */
export type ToolName = (typeof TOOL_NAMES)[number];

const NAMES: ReadonlySet<string> = new Set(TOOL_NAMES);

/** Whether a name a model or a stored record gives is one of our tools (a model may name one that does not exist). */
export function isToolName(name: string): name is ToolName {
  return NAMES.has(name);
}
