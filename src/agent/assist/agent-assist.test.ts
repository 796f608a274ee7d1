import { describe, expect, it } from "vitest";
import { createAgentAssist } from "./agent-assist.js";
import { call, fakeKnowledge, keywordRouter, storeWith, TEST_RAILS, traceOf } from "./assist-fakes.test-helpers.js";
import type { AssistStore } from "./conversation-facts.js";

function assistFor(store: AssistStore, knowledge = fakeKnowledge()) {
  return createAgentAssist({ store, knowledge, router: keywordRouter, rails: TEST_RAILS });
}

// Ids, amounts and reference codes may appear in Chinese text; English words may not.
function englishWords(text: string): string[] {
  const stripped = text.replace(/\b(?:demo\d+|c\d{6}|tx-\d+|T-[A-Z0-9]+|alice)\b/gi, "");
  return stripped.match(/[A-Za-z]{2,}/g) ?? [];
}

const freezePending = traceOf({
  turn: 1,
  message: "Please freeze my card",
  intent: "card_freeze_unfreeze",
  route: "cards",
  toolCalls: [
    call("list_cards", {}),
    call(
      "freeze_card",
      { cardLast4: "4821", reason: "temporary" },
      "awaiting_confirmation",
      "Freeze your card ending 4821",
    ),
  ],
  reply: "Please confirm: Freeze your card ending 4821. Nothing happens until you approve.",
});

describe("agent assist in English", () => {
  it("summarises what the customer wants, what the bot did and the action awaiting approval", async () => {
    const store = storeWith({
      traces: [freezePending],
      state: {
        pending: {
          id: "p1",
          action: "freeze_card",
          summary: "Freeze your card ending 4821",
          route: "cards",
          intent: "card_freeze_unfreeze",
          confidence: 0.9,
        },
      },
      ticket: {
        id: "T-1234ABCD",
        sessionId: "session-1",
        summary: "requested",
        status: "with_agent",
        staffId: "alice",
        createdAt: "2026-11-29T10:00:00.000Z",
        updatedAt: "2026-11-29T10:00:00.000Z",
      },
    });
    const r = await assistFor(store).assist("session-1", "alice");
    if (!r.ok) throw new Error("expected assist");
    const { summary } = r.value;
    expect(summary.language).toBe("en");
    expect(summary.source).toBe("extractive");
    expect(summary.wants).toContain("freezing or unfreezing a card");
    expect(summary.wants).toContain("“Please freeze my card”");
    expect(summary.botDid).toContain("asked the customer to approve: freeze the card ending 4821");
    expect(summary.pending).toContain("Waiting for the customer to approve: Freeze your card ending 4821.");
    expect(summary.pending).toContain("Ticket T-1234ABCD is with alice.");
    expect(summary.text).toBe([summary.wants, summary.botDid, summary.pending].join("\n"));
  });

  it("fills in staff_freeze_card for the card awaiting approval and leads with a reply about it", async () => {
    const store = storeWith({
      traces: [freezePending],
      state: {
        pending: {
          id: "p1",
          action: "freeze_card",
          summary: "Freeze your card ending 4821",
          route: "cards",
          intent: "card_freeze_unfreeze",
          confidence: 0.9,
        },
      },
    });
    const r = await assistFor(store).assist("session-1", "alice");
    if (!r.ok) throw new Error("expected assist");
    expect(r.value.nextActions[0]).toEqual({
      tool: "staff_freeze_card",
      args: { customerId: "demo1", cardLast4: "4821" },
      label: "Freeze demo1's card ending 4821",
    });
    expect(r.value.suggestedReplies[0]).toMatchObject({
      basis: "tool_result",
      text: "I can see you asked to freeze your card ending 4821. I'm freezing it for you now.",
    });
    expect(r.value.suggestedReplies.length).toBeGreaterThanOrEqual(2);
    expect(r.value.suggestedReplies.length).toBeLessThanOrEqual(3);
  });

  it("answers a knowledge question from the passages with a citation and searches the guides next", async () => {
    const store = storeWith({
      identity: { kind: "anonymous" },
      traces: [
        traceOf({
          turn: 1,
          message: "How much is a SWIFT payment online?",
          intent: "transfer_fees",
          route: "knowledge",
        }),
        traceOf({ turn: 2, message: "I want to talk to a person", intent: "speak_to_human", route: "handoff" }),
      ],
    });
    const r = await assistFor(store).assist("session-1", "alice");
    if (!r.ok) throw new Error("expected assist");
    const [first] = r.value.suggestedReplies;
    expect(first?.basis).toBe("knowledge");
    expect(first?.text).toContain("£15");
    expect(first?.text).not.toMatch(/\[\d\]/);
    expect(first?.citations).toEqual([
      { docId: "payments-international", title: "Sending money abroad", version: "2026.1" },
    ]);
    expect(r.value.nextActions).toEqual([
      {
        tool: "search_knowledge",
        args: { query: "How much is a SWIFT payment online?" },
        label: "Search the guides: How much is a SWIFT payment online?",
      },
    ]);
    expect(r.value.summary.wants).toContain("Latest question: “How much is a SWIFT payment online?”");
  });

  it("tells the customer their card is frozen when the trace shows the freeze succeeded", async () => {
    const store = storeWith({
      traces: [
        freezePending,
        traceOf({
          turn: 2,
          kind: "confirmation",
          message: "[approve] Freeze your card ending 4821",
          intent: "card_freeze_unfreeze",
          route: "cards",
          toolCalls: [call("freeze_card", { cardLast4: "4821", reason: "temporary" })],
          reply: "Done: your card ending 4821 is now frozen.",
        }),
      ],
    });
    const r = await assistFor(store).assist("session-1", "alice");
    if (!r.ok) throw new Error("expected assist");
    expect(r.value.suggestedReplies.map((s) => s.text)).toContain(
      "Your card ending 4821 is frozen, so no new payments can be made with it.",
    );
    expect(r.value.summary.botDid).toContain("froze the card ending 4821");
    // Already frozen: the next step is to look at the customer, not to freeze again.
    expect(r.value.nextActions[0]?.tool).toBe("get_customer_overview");
  });

  it("opens a dispute for the transaction the customer named", async () => {
    const store = storeWith({
      traces: [
        traceOf({
          turn: 1,
          message: "I was charged twice for tx-00005926",
          intent: "dispute_transaction",
          route: "fraud",
          slots: { transactionRefs: ["TX-00005926"] },
        }),
      ],
    });
    const r = await assistFor(store).assist("session-1", "alice");
    if (!r.ok) throw new Error("expected assist");
    expect(r.value.nextActions[0]).toEqual({
      tool: "staff_open_dispute",
      args: { transactionId: "tx-00005926" },
      label: "Open a dispute for tx-00005926",
    });
  });

  it("checks the risk of a payment the customer does not recognise, taking its id from the tool calls", async () => {
    const store = storeWith({
      traces: [
        traceOf({
          turn: 1,
          message: "I don't recognise a payment",
          intent: "unrecognised_transaction",
          route: "fraud",
          toolCalls: [call("check_transaction_risk", { transactionId: "tx-00003304" })],
        }),
      ],
    });
    const r = await assistFor(store).assist("session-1", "alice");
    if (!r.ok) throw new Error("expected assist");
    expect(r.value.nextActions[0]).toMatchObject({
      tool: "check_transaction_risk",
      args: { transactionId: "tx-00003304" },
    });
  });

  it("lists the customer's transactions when a fraud worry names no transaction", async () => {
    const store = storeWith({
      traces: [traceOf({ turn: 1, message: "Someone is using my account", intent: "scam_report", route: "fraud" })],
    });
    const r = await assistFor(store).assist("session-1", "alice");
    if (!r.ok) throw new Error("expected assist");
    expect(r.value.nextActions[0]).toMatchObject({
      tool: "list_customer_transactions",
      args: { customerId: "demo1", days: 30 },
    });
  });

  it("explains the credit decision for the amount and term the router read", async () => {
    const store = storeWith({
      traces: [
        traceOf({
          turn: 1,
          message: "Could I borrow 8k over 4 years?",
          intent: "loan_eligibility",
          route: "credit",
          slots: { amounts: [{ value: 8000, currency: "GBP", text: "8k" }], terms: [{ months: 48, text: "4 years" }] },
        }),
      ],
    });
    const r = await assistFor(store).assist("session-1", "alice");
    if (!r.ok) throw new Error("expected assist");
    expect(r.value.nextActions[0]).toEqual({
      tool: "explain_credit_decision",
      args: { customerId: "demo1", amount: 8000, termMonths: 48 },
      label: "Explain the credit decision for demo1 for £8,000 over 48 months",
    });
  });

  it("falls back to the default loan and says so when no amount or term was named", async () => {
    const store = storeWith({
      traces: [traceOf({ turn: 1, message: "Can I get a loan?", intent: "loan_eligibility", route: "credit" })],
    });
    const r = await assistFor(store).assist("session-1", "alice");
    if (!r.ok) throw new Error("expected assist");
    expect(r.value.nextActions[0]).toMatchObject({
      tool: "explain_credit_decision",
      args: { customerId: "demo1", amount: 10000, termMonths: 60 },
    });
    expect(r.value.nextActions[0]?.label).toContain("default shown");
  });

  it("routes messages the bot never routed (sent while staff held the chat)", async () => {
    const store = storeWith({
      traces: [
        traceOf({ turn: 1, message: "What does a SWIFT payment cost?", intent: "handoff_active", route: "handoff" }),
      ],
    });
    const r = await assistFor(store).assist("session-1", "alice");
    if (!r.ok) throw new Error("expected assist");
    expect(r.value.summary.wants).toContain("transfer fees");
    expect(r.value.nextActions[0]?.tool).toBe("search_knowledge");
    expect(r.value.summary.pending).toContain("Not answered yet: “What does a SWIFT payment cost?”");
  });

  it("returns not_found for an unknown conversation", async () => {
    const r = await assistFor(storeWith({ traces: [] })).assist("no-such-session", "alice");
    expect(r).toEqual({ ok: false, error: "not_found" });
  });
});

describe("agent assist in Chinese", () => {
  const lostCard = traceOf({
    turn: 1,
    locale: "zh-CN",
    message: "我的银行卡丢了，怎么办？",
    intent: "lost_or_stolen_card",
    route: "fraud",
    toolCalls: [
      call("list_cards", {}),
      call("freeze_card", { cardLast4: "7316", reason: "lost" }, "awaiting_confirmation", "冻结尾号 7316 的银行卡"),
    ],
    reply: "请确认：冻结尾号 7316 的银行卡。在您批准之前不会执行任何操作。",
  });
  const feeQuestion = traceOf({
    turn: 2,
    locale: "zh-CN",
    message: "境外取现手续费是多少？",
    intent: "card_abroad",
    route: "cards",
    reply: "在海外取现：每笔2.75% + £1.50。 [1]",
  });
  const pending = {
    id: "p2",
    action: "freeze_card",
    summary: "冻结尾号 7316 的银行卡",
    route: "fraud",
    intent: "lost_or_stolen_card",
    confidence: 0.9,
  };

  it("writes the summary and the replies wholly in Chinese", async () => {
    const store = storeWith({
      identity: { kind: "customer", customerId: "demo2" },
      locale: "zh-CN",
      traces: [lostCard, feeQuestion],
      state: { pending },
    });
    const r = await assistFor(store).assist("session-1", "alice");
    if (!r.ok) throw new Error("expected assist");
    const { summary, suggestedReplies } = r.value;
    expect(summary.language).toBe("zh-CN");
    expect(summary.wants).toBe("客户咨询了银行卡丢失或被盗、在境外用卡。最新的问题：“境外取现手续费是多少？”");
    expect(summary.botDid).toContain("请客户确认：冻结尾号 7316 的银行卡");
    // The bot's answer to the latest question is quoted, without its citation marker.
    expect(summary.botDid).toContain("对最新问题的回复：“在海外取现：每笔2.75% + £1.50。”");
    expect(summary.pending).toContain("等待客户确认：冻结尾号 7316 的银行卡。");
    expect(englishWords(summary.text)).toEqual([]);
    expect(suggestedReplies.length).toBeGreaterThanOrEqual(2);
    for (const reply of suggestedReplies) expect(englishWords(reply.text)).toEqual([]);
    const knowledge = suggestedReplies.find((s) => s.basis === "knowledge");
    expect(knowledge?.text).toContain("2.75%");
    expect(knowledge?.citations).toEqual([{ docId: "zh-card-abroad", title: "在海外使用银行卡", version: "2026.1" }]);
  });

  it("labels the next actions in Chinese, the pending freeze first", async () => {
    const store = storeWith({
      identity: { kind: "customer", customerId: "demo2" },
      locale: "zh-CN",
      traces: [lostCard, feeQuestion],
      state: { pending },
    });
    const r = await assistFor(store).assist("session-1", "alice");
    if (!r.ok) throw new Error("expected assist");
    expect(r.value.nextActions).toEqual([
      {
        tool: "staff_freeze_card",
        args: { customerId: "demo2", cardLast4: "7316" },
        label: "帮客户demo2冻结尾号7316的卡",
      },
      {
        tool: "search_knowledge",
        args: { query: "境外取现手续费是多少？" },
        label: "查询知识库：境外取现手续费是多少？",
      },
    ]);
  });

  it("drops a knowledge reply the language rail blocks (only an English passage for a Chinese question)", async () => {
    const store = storeWith({
      identity: { kind: "customer", customerId: "demo2" },
      locale: "zh-CN",
      traces: [
        traceOf({
          turn: 1,
          locale: "zh-CN",
          message: "国际汇款要多少钱？",
          intent: "transfer_fees",
          route: "knowledge",
        }),
      ],
    });
    const r = await assistFor(store, fakeKnowledge("en")).assist("session-1", "alice");
    if (!r.ok) throw new Error("expected assist");
    expect(r.value.suggestedReplies.map((s) => s.basis)).toEqual(["holding", "clarify"]);
    expect(r.value.suggestedReplies[1]?.text).toBe("能否请您再详细说明一下转账费用的情况，以便我为您处理？");
  });
});
