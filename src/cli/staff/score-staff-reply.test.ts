import { describe, expect, it } from "vitest";
import { isPure, keyFacts, scoreStaffAnswer } from "./score-staff-reply.js";
import type { StaffQuestion } from "./load-staff-questions.js";

const credit: StaffQuestion = {
  id: "q1",
  locale: "zh-CN",
  question: "客户demo2的信用评估结果如何？贷款两万，期限三年",
  intent: "credit_assessment",
  tool: "explain_credit_decision",
  params: { customerId: "demo2", amount: 20000, termMonths: 36 },
  facts: [["20000", "2万"], ["36"]],
};
const expected = {
  status: "ok",
  prequalification: true,
  customerId: "demo2",
  amount: 20000,
  termMonths: 36,
  decision: "decline",
  grade: "E",
  points: 493,
  reasons: [],
  scorecardVersion: "v1",
};

describe("scoreStaffAnswer", () => {
  it("passes a Chinese answer that states the question's facts and the result's figures", () => {
    const text = "客户 demo2 的信用预审：贷款 £20,000.00，期限 36 个月。结论：拒绝。评级 E，评分 493 分。";
    const score = scoreStaffAnswer(credit, { tool: "explain_credit_decision", args: credit.params, text }, expected);
    expect(score).toMatchObject({ toolRight: true, paramsRight: true, factsRight: true, pure: true });
  });

  it("fails an answer that estimated a different amount, or put English words in a Chinese reply", () => {
    const args = { ...credit.params, amount: 10000 };
    const text = "客户 demo2：贷款 £10,000.00，期限 60 个月。结论：decline（等级 E），493 分。";
    const score = scoreStaffAnswer(credit, { tool: "explain_credit_decision", args, text }, expected);
    expect(score).toMatchObject({ toolRight: true, paramsRight: false, factsRight: false, pure: false });
    expect(score.missedFacts).toEqual(["20000", "36"]);
  });

  it("reads an id followed by a date as the id", () => {
    const q: StaffQuestion = {
      ...credit,
      locale: "en",
      tool: "check_transaction_risk",
      params: {},
      facts: [["tx-00005926"]],
    };
    const text = "tx-00005926 30 Nov 2026: fraud risk 91.2%";
    const result = {
      status: "ok",
      transaction: { id: "tx-00005926", merchant: "Shop", amount: 1, currency: "GBP", date: "2026-11-30T10:00:00Z" },
      risk: { probability: 0.912, level: "block", reasons: [], modelVersion: "m" },
    };
    expect(keyFacts("check_transaction_risk", result)).toEqual([["tx-00005926"], ["91%", "91.2%"]]);
    expect(scoreStaffAnswer(q, { tool: "check_transaction_risk", args: {}, text }, result).factsRight).toBe(true);
  });

  it("counts customer and merchant names as data, not as another language", () => {
    expect(isPure("客户 demo1（Alex Morgan）尾号 4821 的银行卡已冻结。", "zh-CN", ["Alex Morgan"])).toBe(true);
    expect(isPure("客户 demo1（Alex Morgan）的卡已 frozen。", "zh-CN", ["Alex Morgan"])).toBe(false);
    expect(isPure("Customer demo2 (李伟) has 1 card.", "en", ["李伟"])).toBe(true);
    expect(isPure("Customer demo2 has 1 张卡.", "en", [])).toBe(false);
  });
});
