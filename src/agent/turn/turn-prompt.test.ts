import { describe, expect, it } from "vitest";
import type { RouteDecisionView } from "../agent-ports.js";
import type { Passage } from "../passages.js";
import { buildTurnPlan, describeSlots, renderTurnPrompt } from "./turn-prompt.js";

const decision: RouteDecisionView = {
  intent: "loan_eligibility",
  route: "credit",
  confidence: 0.91,
  top: [],
  outOfScope: false,
  lowConfidence: false,
  slots: {
    amounts: [{ value: 8000, currency: "GBP", text: "8000 pounds" }],
    terms: [{ months: 36, text: "3 years" }],
    dates: [],
    cardLastFour: ["1234"],
    merchants: [],
    transactionRefs: [],
  },
};

const passage: Passage = {
  n: 1,
  locale: "en",
  docId: "loans-personal",
  title: "Personal loans",
  version: "2026-01-01",
  section: "Rates",
  chunkId: "loans-personal#1",
  score: 0.8,
  text: "Personal loans are £1,000 to £35,000.",
  injectionRemoved: 0,
};

function plan() {
  return buildTurnPlan({
    intent: "loan_eligibility",
    route: "credit",
    locale: "en",
    identity: { kind: "customer", customerId: "c1" },
    decision,
    allowedTools: ["check_credit_eligibility"],
    today: "2026-12-01",
    passages: [passage],
  });
}

describe("the turn prompt a real model reads", () => {
  it("states slots as readable text, not JSON", () => {
    expect(describeSlots(plan().slots, "en")).toBe("amounts: £8000; terms: 36 months; cards ending: 1234");
    expect(
      describeSlots(
        { amounts: [], termsMonths: [], dates: [], cardLastFour: [], merchants: [], transactionRefs: [] },
        "zh-CN",
      ),
    ).toBe("无");
  });

  it("carries the passages under stable [n] ids and no routing protocol", () => {
    const seen: Record<string, string>[] = [];
    const prompt = renderTurnPrompt((_route, _locale, vars) => (seen.push(vars), "RULES"), plan());
    expect(prompt).toContain("[1] Personal loans (loans-personal, version 2026-01-01)");
    expect(prompt).toContain("£1,000 to £35,000");
    expect(prompt).not.toMatch(/<routing>|"allowedTools"|\{"/);
    expect(seen[0]?.["slots"]).toBe("amounts: £8000; terms: 36 months; cards ending: 1234");
  });
});
