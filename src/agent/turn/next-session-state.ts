// Step 7a: what the conversation remembers after a turn — the action still waiting for approval, the transaction
// being discussed, the task waiting for a detail, and the handoff ticket.
import type { SessionState } from "../../conversations/conversation-store.js";
import type { AgentTurnOutcome } from "../run-agent-turn.js";
import { recordedResultsOf, type RecordedToolCall } from "../turn-recorder.js";

/** An action waiting for the customer's approval, as the session keeps it. */
export type PendingConfirmation = NonNullable<SessionState["pending"]>;

const SLOT_ROUTES = new Set(["credit", "cards", "fraud", "account"]);

/** The transaction the conversation is about: the riskiest one checked, else the first one listed. */
export function focusTransactionOf(calls: readonly RecordedToolCall[]): string | undefined {
  const ok = calls.filter((c) => c.status === "ok");
  const checks = recordedResultsOf(ok, "check_transaction_risk").flatMap((r) => (r.status === "ok" ? [r] : []));
  const riskiest = [...checks].sort((a, b) => b.risk.probability - a.risk.probability)[0];
  if (riskiest) return riskiest.transaction.id;
  const listed = recordedResultsOf(ok, "get_recent_transactions")[0];
  return listed?.status === "ok" ? listed.transactions[0]?.id : undefined;
}

/** The handoff ticket opened in this turn, if any. */
export function ticketOf(calls: readonly RecordedToolCall[]): string | undefined {
  const opened = recordedResultsOf(
    calls.filter((c) => c.status === "ok"),
    "handoff_to_human",
  )[0];
  return opened?.status === "ok" && opened.ticketId ? opened.ticketId : undefined;
}

/** The session state after a turn. */
export function nextSessionState(args: {
  state: SessionState;
  intent: string;
  route: string;
  outcome: AgentTurnOutcome;
  calls: readonly RecordedToolCall[];
  pending: PendingConfirmation | undefined;
}): SessionState {
  const { outcome, calls } = args;
  const state: SessionState = { ...args.state, turns: args.state.turns + 1, lastIntent: args.intent };
  if (args.pending) state.pending = args.pending;
  else delete state.pending;
  const focus = focusTransactionOf(calls);
  if (focus) state.focusTransactionId = focus;
  if (!outcome.interrupt && outcome.awaitingSlot && SLOT_ROUTES.has(args.route)) {
    state.awaiting = { intent: args.intent, route: args.route, slot: "any" };
  } else delete state.awaiting;
  const ticketId = ticketOf(calls);
  if (ticketId) state.ticketId = ticketId;
  return state;
}
