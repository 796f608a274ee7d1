import { describe, expect, it } from "vitest";
import type { ToolOutput } from "../../tools/tool-results.js";
import { renderExplainCreditDecisionReply } from "./explain-credit-decision-reply.js";

const EN: ToolOutput<"explain_credit_decision"> = {
  status: "ok",
  prequalification: true,
  customerId: "demo2",
  amount: 8000,
  termMonths: 48,
  decision: "refer",
  grade: "C",
  points: 548,
  reasons: [{ code: "REVOLVING_UTILISATION_HIGH", text: "Revolving utilisation is high (85%)", pointsLost: 22 }],
  pointsTable: [
    { feature: "revolvingUtilisation", label: "Revolving utilisation", value: "85%", bin: "≥ 74%", points: 31 },
    { feature: "housing", label: "Housing", value: "renting", bin: "renting, living with family", points: 40 },
  ],
  probabilityOfDefault: 0.0812,
  scorecardVersion: "native-test-1",
};

const ZH: ToolOutput<"explain_credit_decision"> = {
  ...EN,
  amount: 20000,
  termMonths: 36,
  decision: "decline",
  reasons: [{ code: "REVOLVING_UTILISATION_HIGH", text: "循环信用使用率偏高（85%）", pointsLost: 22 }],
  pointsTable: [
    { feature: "revolvingUtilisation", label: "循环信用使用率", value: "85%", bin: "≥ 74%", points: 31 },
    { feature: "housing", label: "住房情况", value: "租房", bin: "租房、与家人同住", points: 40 },
  ],
};

// What may stay Latin in a Chinese reply: ids and amounts (the grade letter is a single letter, not a word).
const ALLOWED = /demo\d+|c\d{6}/g;

describe("explain_credit_decision reply", () => {
  it("states customer, amount, term, decision, grade, points, probability of default, reasons and points table", () => {
    const text = renderExplainCreditDecisionReply(EN, "en");
    expect(text).toContain("Credit pre-qualification, customer demo2: £8,000.00 over 48 months.");
    expect(text).toContain("Decision: refer for manual review. Grade C, 548 points.");
    expect(text).toContain("Probability of default: 8.1%.");
    expect(text).toContain("• Revolving utilisation is high (85%) (−22 points)");
    expect(text).toContain("• Housing: renting (bin renting, living with family): 40 points");
    expect(text).toContain("not a credit decision");
  });

  it("is wholly Chinese in Chinese, with the decision word translated", () => {
    const text = renderExplainCreditDecisionReply(ZH, "zh-CN");
    expect(text).toContain("客户 demo2 的信用预审：贷款 £20,000.00，期限 36 个月。");
    expect(text).toContain("结论：拒绝。评级 C，评分 548 分。");
    expect(text).toContain("违约概率：8.1%。");
    expect(text).toContain("• 循环信用使用率偏高（85%）（扣 22 分）");
    expect(text).toContain("• 住房情况：租房（区间 租房、与家人同住）：40 分");
    expect(text.replace(ALLOWED, "")).not.toMatch(/[A-Za-z]{2,}/);
  });

  it("uses 批准 and 转人工审核 for the other decisions", () => {
    expect(renderExplainCreditDecisionReply({ ...ZH, decision: "approve" }, "zh-CN")).toContain("结论：批准。");
    expect(renderExplainCreditDecisionReply({ ...ZH, decision: "refer" }, "zh-CN")).toContain("结论：转人工审核。");
  });

  it("says when the customer has no credit profile, or which customer is meant, in both languages", () => {
    const missing = { status: "not_found" as const, reason: "no credit profile on file", customerId: "c000005" };
    expect(renderExplainCreditDecisionReply(missing, "en")).toBe(
      "Customer c000005 has no credit profile on file, so no estimate can be made.",
    );
    expect(renderExplainCreditDecisionReply(missing, "zh-CN")).toBe("客户 c000005 没有信用档案，无法估算。");
    expect(renderExplainCreditDecisionReply({ status: "invalid" }, "zh-CN")).toContain("请提供客户编号");
  });

  it("gives every stand-in a sentence in both languages", () => {
    for (const status of ["forbidden", "unavailable", "rejected", "failed"] as const) {
      expect(renderExplainCreditDecisionReply({ status }, "en")).toMatch(/\w/);
      const zh = renderExplainCreditDecisionReply({ status }, "zh-CN");
      expect(zh).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});
