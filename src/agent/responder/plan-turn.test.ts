import { describe, expect, it } from "vitest";
import { readToolOutcome, type ToolOutcome } from "../tools/tool-results.js";
import type { TurnPlan } from "../turn-plan.js";
import { planStaffTurn, planTurn } from "./plan-turn.js";

function plan(intent: string, overrides: Partial<TurnPlan> = {}): TurnPlan {
  return {
    intent,
    route: "fraud",
    locale: "en",
    role: "customer",
    confidence: 0.9,
    slots: { amounts: [], termsMonths: [], dates: [], cardLastFour: [], merchants: [], transactionRefs: [] },
    allowedTools: ["list_cards", "freeze_card", "get_recent_transactions", "check_transaction_risk", "open_dispute"],
    today: "2026-03-18",
    passages: [],
    ...overrides,
  };
}

// Outcomes as the local responder gets them: each tool message's JSON read through the tool's output schema.
function outcomes(...messages: [string, unknown][]): ToolOutcome[] {
  return messages.flatMap(([name, json]) => readToolOutcome(name, json) ?? []);
}

const risk = (id: string, probability: number, level: string) => ({
  status: "ok",
  transaction: { id, merchant: `Shop ${id}`, amount: 10, currency: "GBP", date: "2026-03-10T10:00:00Z" },
  risk: { probability, level, reasons: [], modelVersion: "m" },
});

describe("planTurn over typed tool results", () => {
  it("freezes the only usable card the list returned", () => {
    const done = outcomes([
      "list_cards",
      {
        status: "ok",
        cards: [
          { last4: "4821", brand: "Visa", status: "active" },
          { last4: "1111", brand: "Visa", status: "blocked" },
        ],
      },
    ]);
    expect(planTurn(plan("card_freeze_unfreeze"), "freeze my card", done)).toEqual({
      kind: "tools",
      calls: [{ name: "freeze_card", args: { cardLast4: "4821", reason: "temporary" } }],
    });
  });

  it("says the card is frozen, or that nothing happened when the customer declined", () => {
    const result = { status: "ok", card: { last4: "4821", status: "frozen" }, reason: "temporary" };
    const frozen = outcomes(["freeze_card", result]);
    const step = planTurn(plan("card_freeze_unfreeze"), "freeze my card", frozen);
    expect(step.kind === "reply" && step.text).toContain("ending 4821 is now frozen");
    const rejected = outcomes(["freeze_card", { status: "rejected" }]);
    const declined = planTurn(plan("card_freeze_unfreeze"), "freeze my card", rejected);
    expect(declined.kind === "reply" && declined.text).toContain("haven't frozen anything");
  });

  it("talks about the riskiest of the transactions it checked", () => {
    const done = outcomes(
      ["check_transaction_risk", risk("tx-1", 0.01, "none")],
      ["check_transaction_risk", risk("tx-2", 0.91, "block")],
      ["check_transaction_risk", risk("tx-3", 0.4, "review")],
    );
    const step = planTurn(plan("unrecognised_transaction"), "I don't recognise a payment", done);
    const expected = /checked your 3 most recent[\s\S]*Shop tx-2[\s\S]*high risk \(91%/;
    expect(step.kind === "reply" && step.text).toMatch(expected);
  });

  it("treats an unreadable result as a failed call, not as data", () => {
    const done = outcomes(["open_dispute", { status: "ok", dispute: "D-1" }]);
    const step = planTurn(plan("dispute_transaction", { focusTransactionId: "tx-2" }), "dispute it", done);
    expect(step.kind === "reply" && step.text).toContain("couldn't find");
  });

  it("lists the flagged transactions for staff from the typed queue", () => {
    const done = outcomes([
      "list_flagged_transactions",
      {
        status: "ok",
        transactions: [
          {
            ...{ id: "tx-2", customerId: "demo1", merchant: "QuickShop", amount: 899, currency: "GBP" },
            ...{ date: "2026-03-10T02:10:00Z", level: "block", probability: 0.91, reasons: ["night"] },
          },
        ],
      },
    ]);
    const step = planStaffTurn(plan("staff_query", { role: "staff" }), "show the fraud queue", done);
    expect(step.kind === "reply" && step.text).toMatch(/tx-2[\s\S]*demo1[\s\S]*QuickShop[\s\S]*91(?:\.0)?%/);
  });

  it("disputes the payment the customer named by its id, not their latest one", () => {
    const slots = {
      amounts: [],
      termsMonths: [],
      dates: [],
      cardLastFour: [],
      merchants: [],
      transactionRefs: ["TX-00009554"],
    };
    const step = planTurn(plan("dispute_transaction", { slots }), "open a dispute for tx-00009554", []);
    expect(step).toEqual({
      kind: "tools",
      calls: [{ name: "open_dispute", args: { transactionId: "tx-00009554", reason: "other" } }],
    });
  });

  it("asks for a decision on the waiting action before handing over, instead of refusing", () => {
    const readOnly = { route: "handoff", allowedTools: ["search_knowledge"], locale: "zh-CN" as const };
    const waiting = planTurn(plan("speak_to_human", { ...readOnly, actionPending: true }), "我要转人工", []);
    expect(waiting).toEqual({ kind: "reply", text: "请先确认或取消上面等待中的操作，之后我可以为您转接人工客服。" });
    const injected = planTurn(plan("speak_to_human", readOnly), "我要转人工", []);
    expect(injected.kind === "reply" && injected.text).toMatch(/只能协助处理您本人的银行业务/);
  });
});
