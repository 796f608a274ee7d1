// Adapts the conversation store and the bank store to the staff tools' port: a customer's conversations, the
// handoff queue and fraud review figures, all read-only.
import type { BankStore } from "../../bank/bank-store.js";
import type { ConversationStore } from "../../conversations/conversation-store.js";
import type { ConversationSummaryView, HandoffQueueView, StaffToolsPort } from "../agent-ports.js";

/** How many open tickets are read to find the longest wait (the queue is ordered by tier, not by age). */
const QUEUE_SCAN = 500;

function intentsOf(store: ConversationStore, sessionId: string): string[] {
  const seen: string[] = [];
  for (const trace of store.listTraces(sessionId)) {
    const name = trace.intent.name;
    if (name && !seen.includes(name)) seen.push(name);
  }
  return seen;
}

function lastCustomerMessage(store: ConversationStore, sessionId: string): string | undefined {
  const messages = store.listMessages(sessionId);
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.role === "user") return m.text;
  }
  return undefined;
}

/** The staff tools' view of conversations, tickets and the bank store. */
export function toStaffToolsPort(deps: { conversations: ConversationStore; bank: BankStore }): StaffToolsPort {
  const { conversations, bank } = deps;
  return {
    listConversations: (customerId, limit) =>
      conversations.listSessions({ limit, owner: `customer:${customerId}` }).map((s): ConversationSummaryView => {
        const ticket = s.state.ticketId ? conversations.getTicket(s.state.ticketId) : undefined;
        const last = lastCustomerMessage(conversations, s.id);
        return {
          sessionId: s.id,
          startedAt: s.createdAt,
          updatedAt: s.updatedAt,
          locale: s.locale,
          messageCount: s.messageCount,
          mode: s.mode,
          ...(ticket ? { ticket: { id: ticket.id, status: ticket.status } } : {}),
          intents: intentsOf(conversations, s.id),
          ...(last ? { lastCustomerMessage: last } : {}),
        };
      }),
    handoffQueue: (limit): HandoffQueueView => {
      const page = conversations.listTicketQueue({ limit: Math.max(limit, QUEUE_SCAN) });
      const oldest = page.tickets
        .filter((t) => t.status === "waiting")
        .map((t) => t.createdAt)
        .sort()[0];
      return {
        waiting: page.counts.waiting,
        withAgent: page.counts.with_agent,
        ...(oldest ? { oldestWaitingSince: oldest } : {}),
        tickets: page.tickets.slice(0, limit).flatMap((t) =>
          t.status === "closed"
            ? []
            : [
                {
                  id: t.id,
                  sessionId: t.sessionId,
                  status: t.status,
                  ...(t.staffId ? { staffId: t.staffId } : {}),
                  createdAt: t.createdAt,
                  summary: t.summary,
                },
              ],
        ),
      };
    },
    fraudReviewStats: (sinceIso) => {
      const r = bank.countFraudReviews(sinceIso);
      return { flagged: r.flagged, confirmedFraud: r.fraud, falsePositives: r.legitimate, unreviewed: r.unlabelled };
    },
    countTransactions: (customerId, sinceIso) => bank.countTransactions(customerId, sinceIso),
    listDisputes: (customerId) =>
      bank.listDisputes(customerId).map((d) => ({
        id: d.id,
        transactionId: d.transactionId,
        status: d.status,
        createdAt: d.createdAt,
      })),
  };
}
