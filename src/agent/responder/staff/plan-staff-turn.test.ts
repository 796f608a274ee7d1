import { describe, expect, it } from "vitest";
import type { TurnPlan } from "../../turn-plan.js";
import type { StaffCall } from "../../staff/staff-call.js";
import { readToolOutcome, type ToolOutcome } from "../../tools/tool-results.js";
import { TOOL_NAMES } from "../../tools/tool-names.js";
import { planStaffTurn } from "./plan-staff-turn.js";

function plan(call: StaffCall | undefined, locale: "en" | "zh-CN" = "en"): TurnPlan {
  return {
    intent: call?.intent ?? "knowledge_question",
    route: "staff",
    locale,
    role: "staff",
    confidence: 0.9,
    slots: { amounts: [], termsMonths: [], dates: [], cardLastFour: [], merchants: [], transactionRefs: [] },
    allowedTools: [...TOOL_NAMES],
    today: "2026-11-29",
    passages: [],
    ...(call ? { staffCall: call } : {}),
  };
}

const CREDIT: StaffCall = {
  intent: "credit_assessment",
  tool: "explain_credit_decision",
  args: { customerId: "demo2", amount: 10000, termMonths: 60 },
  missing: [],
  defaulted: ["amount", "termMonths"],
};

const creditResult = (): ToolOutcome[] => {
  const outcome = readToolOutcome("explain_credit_decision", {
    status: "ok",
    prequalification: true,
    customerId: "demo2",
    amount: 10000,
    termMonths: 60,
    decision: "refer",
    grade: "D",
    points: 551,
    reasons: [],
    scorecardVersion: "v1",
  });
  return outcome ? [outcome] : [];
};

describe("planStaffTurn", () => {
  it("calls the one tool the staff router chose, with its arguments", () => {
    expect(planStaffTurn(plan(CREDIT), "credit check for demo2", [])).toEqual({
      kind: "tools",
      calls: [{ name: "explain_credit_decision", args: CREDIT.args }],
    });
  });

  it("asks for a missing customer id instead of calling anything", () => {
    const call: StaffCall = { ...CREDIT, args: {}, missing: ["customerId"], defaulted: [] };
    const step = planStaffTurn(plan(call, "zh-CN"), "信用评估", []);
    expect(step).toEqual({ kind: "reply", text: expect.stringContaining("客户编号") });
  });

  it("says when the estimate used the standard loan because none was asked for", () => {
    const step = planStaffTurn(plan(CREDIT), "credit check for demo2", creditResult());
    expect(step.kind === "reply" && step.text).toMatch(
      /^No amount or term was given, so this is for the standard £10,000/,
    );
  });

  it("renders the confirmed action's result when a turn resumes after the staff member's decision", () => {
    const outcome = readToolOutcome("staff_open_dispute", { status: "rejected" });
    const step = planStaffTurn(plan(undefined), "", outcome ? [outcome] : []);
    expect(step.kind === "reply" && step.text).toMatch(/Cancelled/);
  });
});
