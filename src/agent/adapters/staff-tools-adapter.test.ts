import { describe, expect, it } from "vitest";
import { createSqliteBankStore } from "../../bank/sqlite-bank-store.js";
import { createConversationStore } from "../../conversations/conversation-store.js";
import { toStaffToolsPort } from "./staff-tools-adapter.js";

const LEVELS = ["block", "review", "review", "review", "none", "review"] as const;

function bankWithFlags() {
  const bank = createSqliteBankStore(":memory:");
  bank.importRows({
    customers: [
      { id: "demo1", name: "Alex Morgan", locale: "en", region: "London", monthlyIncome: 3200, employment: "employed" },
    ],
    accounts: [
      {
        id: "acc-1",
        customerId: "demo1",
        type: "current",
        currency: "GBP",
        balance: 10,
        sortCode: "20-11-22",
        accountNumber: "12345678",
      },
    ],
    cards: [
      {
        id: "card-1",
        customerId: "demo1",
        accountId: "acc-1",
        last4: "4821",
        brand: "visa",
        status: "active",
        expiry: "09/28",
      },
    ],
    merchants: [{ id: "m1", name: "Shop", category: "groceries", region: "London", online: false, x: 1, y: 2 }],
    // tx-1 is old (March), the rest fall in the last week of November.
    transactions: LEVELS.map((level, k) => ({
      id: `tx-${k + 1}`,
      cardId: "card-1",
      customerId: "demo1",
      terminalId: "m1",
      merchantName: "Shop",
      merchantCategory: "groceries",
      amount: 10,
      currency: "GBP" as const,
      timestamp: k === 0 ? "2026-03-01T10:00:00.000Z" : `2026-11-2${k + 3}T10:00:00.000Z`,
      channel: "online" as const,
      region: "London",
      reportedFraud: false,
      assessment: { probability: level === "none" ? 0.01 : 0.8, level, reasons: [], modelVersion: "v1" },
    })),
  });
  return bank;
}

describe("staff tools adapter", () => {
  it("counts flagged transactions in the window by their latest analyst label", () => {
    const bank = bankWithFlags();
    bank.recordFraudLabel({ transactionId: "tx-1", label: "fraud", analyst: "a" });
    bank.recordFraudLabel({ transactionId: "tx-2", label: "fraud", analyst: "a" });
    bank.recordFraudLabel({ transactionId: "tx-3", label: "fraud", analyst: "a" });
    bank.recordFraudLabel({ transactionId: "tx-3", label: "legitimate", analyst: "b" });
    bank.recordFraudLabel({ transactionId: "tx-5", label: "fraud", analyst: "a" });
    const port = toStaffToolsPort({ conversations: createConversationStore(":memory:"), bank });
    // In the window: tx-2 (fraud), tx-3 (legitimate, the later label), tx-4 (unlabelled), tx-6 (unlabelled);
    // tx-5 was never flagged and tx-1 is outside the window.
    expect(port.fraudReviewStats("2026-11-20T00:00:00.000Z")).toEqual({
      flagged: 4,
      confirmedFraud: 1,
      falsePositives: 1,
      unreviewed: 2,
    });
    expect(port.countTransactions("demo1", "2026-11-20T00:00:00.000Z")).toEqual({ count: 5, flagged: 4 });
    expect(port.countTransactions("nobody", "2026-11-20T00:00:00.000Z")).toEqual({ count: 0, flagged: 0 });
  });

  it("lists only the conversations owned by exactly that customer, with intents and the last customer message", () => {
    const conversations = createConversationStore(":memory:");
    const mine = conversations.createSession({
      owner: "customer:demo1",
      identity: { kind: "customer", customerId: "demo1" },
      locale: "en",
    });
    conversations.createSession({
      owner: "customer:demo10",
      identity: { kind: "customer", customerId: "demo10" },
      locale: "en",
    });
    conversations.appendMessage(mine.id, { role: "user", text: "my card [CARD_1] was charged twice" });
    conversations.appendMessage(mine.id, { role: "assistant", text: "Let me check." });
    const port = toStaffToolsPort({ conversations, bank: bankWithFlags() });
    const list = port.listConversations("demo1", 10);
    expect(list.map((c) => c.sessionId)).toEqual([mine.id]);
    expect(list[0]).toMatchObject({
      messageCount: 2,
      mode: "bot",
      intents: [],
      lastCustomerMessage: "my card [CARD_1] was charged twice",
    });
  });

  it("reports the handoff queue's counts and its longest-waiting ticket", () => {
    const conversations = createConversationStore(":memory:");
    const a = conversations.createSession({ owner: "anonymous", identity: { kind: "anonymous" }, locale: "en" });
    const b = conversations.createSession({
      owner: "customer:demo1",
      identity: { kind: "customer", customerId: "demo1" },
      locale: "en",
    });
    const first = conversations.openTicket(a.id, "anonymous visitor wants a person");
    const second = conversations.openTicket(b.id, "customer wants a person");
    const port = toStaffToolsPort({ conversations, bank: bankWithFlags() });
    const queue = port.handoffQueue(10);
    expect([queue.waiting, queue.withAgent]).toEqual([2, 0]);
    expect(queue.oldestWaitingSince).toBe(first.createdAt);
    // Signed-in customers are served first, so the customer's ticket leads the list.
    expect(queue.tickets.map((t) => t.id)).toEqual([second.id, first.id]);
  });
});
