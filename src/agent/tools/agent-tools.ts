// The bank agent's full tool set, built over the ports in one place, so the list the agent registers and the
// ToolName union cannot drift apart (a test checks they name the same tools).
import type { AgentPorts } from "../agent-ports.js";
import { createCheckCreditEligibilityTool } from "./check-credit-eligibility.js";
import { createCheckTransactionRiskTool } from "./check-transaction-risk.js";
import { createDraftCustomerReplyTool } from "./draft-customer-reply.js";
import { createExplainCreditDecisionTool } from "./explain-credit-decision.js";
import { createFreezeCardTool } from "./freeze-card.js";
import { createGetAccountsTool } from "./get-accounts.js";
import { createGetRecentTransactionsTool } from "./get-recent-transactions.js";
import { createHandoffToHumanTool } from "./handoff-to-human.js";
import { createListCardsTool } from "./list-cards.js";
import { createListFlaggedTransactionsTool } from "./list-flagged-transactions.js";
import { createLookupCustomerTool } from "./lookup-customer.js";
import { createGetCustomerOverviewTool } from "./get-customer-overview.js";
import { createListCustomerTransactionsTool } from "./list-customer-transactions.js";
import { createListCustomerConversationsTool } from "./list-customer-conversations.js";
import { createGetHandoffQueueTool } from "./get-handoff-queue.js";
import { createGetFraudReviewStatsTool } from "./get-fraud-review-stats.js";
import { createOpenDisputeTool } from "./open-dispute.js";
import { createSearchKnowledgeTool } from "./search-knowledge.js";
import { createStaffFreezeCardTool } from "./staff-freeze-card.js";
import { createStaffOpenDisputeTool } from "./staff-open-dispute.js";

/** Builds every tool of the bank agent, in the order of TOOL_NAMES. */
export function createAgentTools(ports: AgentPorts, options: { now: () => Date }) {
  return [
    createSearchKnowledgeTool(ports.knowledge),
    createListCardsTool(ports.bank),
    createGetAccountsTool(ports.bank),
    createGetRecentTransactionsTool(ports.bank, options.now),
    createCheckTransactionRiskTool(ports.bank, ports.fraud),
    createFreezeCardTool(ports.bank),
    createOpenDisputeTool(ports.bank),
    createCheckCreditEligibilityTool(ports.credit),
    createExplainCreditDecisionTool(ports.credit),
    createHandoffToHumanTool(ports.openTicket),
    createLookupCustomerTool(ports.bank),
    createGetCustomerOverviewTool(ports.bank, ports.staff),
    createListCustomerTransactionsTool(ports, options.now),
    createListCustomerConversationsTool(ports.bank, ports.staff),
    createGetHandoffQueueTool(ports.staff, options.now),
    createGetFraudReviewStatsTool(ports.staff, options.now),
    createListFlaggedTransactionsTool(ports.bank),
    createDraftCustomerReplyTool(ports.knowledge),
    createStaffFreezeCardTool(ports.bank),
    createStaffOpenDisputeTool(ports.bank),
  ];
}
