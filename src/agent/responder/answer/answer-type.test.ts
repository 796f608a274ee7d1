import { describe, expect, it } from "vitest";
import { detectAnswerTypes, splitQuestionParts, statedAnswerTypes } from "./answer-type.js";

describe("answer types asked", () => {
  it.each([
    ["how much to send money to my mum in china", "fee"],
    ["how much can I send abroad in a day?", "limit"],
    ["what's the APR on a £6,000 loan", "rate"],
    ["how long does a SWIFT payment take to arrive", "duration"],
    ["what's the cut-off for CHAPS", "deadline"],
    ["what number do I call if my card is stolen", "phone"],
    ["how do I add my card to Google Pay", "steps"],
    ["am I eligible for a personal loan", "eligibility"],
    ["can I use my card abroad?", "yesno"],
    ["what's the difference between SWIFT and SEPA", "comparison"],
    ["国际汇款手续费是多少", "fee"],
    ["每天最多能转多少", "limit"],
    ["个人贷款利率多少", "rate"],
    ["汇款几天能到账", "duration"],
    ["CHAPS几点截止", "deadline"],
    ["中文客服电话是多少", "phone"],
    ["怎么激活新卡", "steps"],
    ["申请贷款需要什么条件", "eligibility"],
    ["能用Apple Pay吗", "yesno"],
    ["SWIFT和SEPA有什么区别", "comparison"],
  ])("%s asks for %s", (question, type) => {
    expect(detectAnswerTypes(question)).toContain(type);
  });

  it("reads 'how much can I send' as a limit, not a fee", () => {
    expect(detectAnswerTypes("how much can I send to a new payee")).not.toContain("fee");
  });
});

describe("answer types stated", () => {
  it("tells a fee from a limit, a duration and a phone number in both languages", () => {
    expect(statedAnswerTypes("An international SWIFT payment costs £15 online.")).toContain("fee");
    expect(statedAnswerTypes("You can send up to £50,000 a day.")).toContain("limit");
    expect(statedAnswerTypes("You can send up to £50,000 a day.")).not.toContain("fee");
    expect(statedAnswerTypes("It arrives in 1–4 business days.")).toContain("duration");
    expect(statedAnswerTypes("Call us on 0345 600 7000.")).toContain("phone");
    expect(statedAnswerTypes("在Harbor app办理：每笔£15。")).toContain("fee");
    expect(statedAnswerTypes("网上每日国际汇款限额为£50,000。")).toContain("limit");
    expect(statedAnswerTypes("款项一般在1–4个工作日内到账。")).toContain("duration");
    expect(statedAnswerTypes("请拨打 0345 600 7088。")).toContain("phone");
  });
});

describe("multi-part questions", () => {
  it("splits on question marks and on 'and' before a new question", () => {
    expect(
      splitQuestionParts("CHAPS for my deposit - how much does that cost and whats the latest i can send it?"),
    ).toEqual(["CHAPS for my deposit - how much does that cost", "whats the latest i can send it"]);
    expect(splitQuestionParts("How much is express? When would it come?")).toHaveLength(2);
  });

  it("splits Chinese questions on ？ and on 还有, 以及, 另外", () => {
    expect(splitQuestionParts("用app汇SWIFT要多少手续费？几天能到？")).toEqual([
      "用app汇SWIFT要多少手续费",
      "几天能到",
    ]);
    expect(splitQuestionParts("信用卡年费多少，还有取现手续费多少")).toHaveLength(2);
    expect(splitQuestionParts("汇款手续费是多少另外几点截止")).toHaveLength(2);
  });

  it("keeps a fragment that asks nothing with the question it belongs to", () => {
    expect(splitQuestionParts("fees and limits for international payments")).toHaveLength(1);
    expect(splitQuestionParts("what's the foreign transaction fee? off to spain next month")).toHaveLength(1);
  });
});
