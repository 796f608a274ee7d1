// An in-memory fake of the staff tools' port for unit tests: demo1 has two conversations (one handed off, its
// ticket still waiting) and a dispute; the queue holds that ticket and one with staff; fraud figures are fixed.
import type { StaffToolsPort } from "../agent-ports.js";

/** The fake staff port, with what each call was asked so tests can check windows. */
export function createFakeStaffTools(): StaffToolsPort & { fraudSince: string[] } {
  const fraudSince: string[] = [];
  return {
    fraudSince,
    listConversations: (customerId, limit) =>
      customerId === "demo1"
        ? [
            {
              sessionId: "s-demo1-b",
              startedAt: "2026-11-30T09:00:00.000Z",
              updatedAt: "2026-11-30T09:05:00.000Z",
              locale: "en" as const,
              messageCount: 6,
              mode: "human" as const,
              ticket: { id: "T-AAA11111", status: "waiting" as const },
              intents: ["unrecognised_transaction", "speak_to_human"],
              lastCustomerMessage: "I want to talk to a person about card [CARD_1]",
            },
            {
              sessionId: "s-demo1-a",
              startedAt: "2026-11-20T14:00:00.000Z",
              updatedAt: "2026-11-20T14:02:00.000Z",
              locale: "en" as const,
              messageCount: 2,
              mode: "bot" as const,
              intents: ["transfer_fees"],
              lastCustomerMessage: "How much is a SWIFT payment?",
            },
          ].slice(0, limit)
        : [],
    handoffQueue: (limit) => ({
      waiting: 1,
      withAgent: 1,
      oldestWaitingSince: "2026-11-30T09:05:00.000Z",
      tickets: [
        {
          id: "T-AAA11111",
          sessionId: "s-demo1-b",
          status: "waiting" as const,
          createdAt: "2026-11-30T09:05:00.000Z",
          summary: "Customer does not recognise a payment",
        },
        {
          id: "T-BBB22222",
          sessionId: "s-anon-1",
          status: "with_agent" as const,
          staffId: "s7",
          createdAt: "2026-11-30T08:00:00.000Z",
          summary: "Wants to close an account",
        },
      ].slice(0, limit),
    }),
    fraudReviewStats: (sinceIso) => {
      fraudSince.push(sinceIso);
      return { flagged: 12, confirmedFraud: 3, falsePositives: 1, unreviewed: 8 };
    },
    countTransactions: (customerId) => (customerId === "demo1" ? { count: 2, flagged: 1 } : { count: 0, flagged: 0 }),
    listDisputes: (customerId) =>
      customerId === "demo1"
        ? [{ id: "dsp-000001", transactionId: "tx-2", status: "open", createdAt: "2026-11-28T10:00:00.000Z" }]
        : [],
  };
}
