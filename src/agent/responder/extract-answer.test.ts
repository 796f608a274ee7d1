import { describe, expect, it } from "vitest";
import { answerTokens, extractAnswer, splitSentences } from "./extract-answer.js";

describe("extractive answers", () => {
  it("never cuts a sentence at a decimal point or inside an address", () => {
    expect(splitSentences("Loans from 6.9% APR are available. Write to help@harbor.example today.")).toEqual([
      "Loans from 6.9% APR are available.",
      "Write to help@harbor.example today.",
    ]);
    expect(splitSentences("境外消费收取2.99%的费用。取现另收£1.75。")).toEqual([
      "境外消费收取2.99%的费用。",
      "取现另收£1.75。",
    ]);
  });

  it("never cuts a Chinese sentence at a question mark inside brackets or quotes", () => {
    expect(splitSentences("请点击“Forgot your details?”（忘记登录信息？）。然后设置新的6位数登录密码。")).toEqual([
      "请点击“Forgot your details?”（忘记登录信息？）。",
      "然后设置新的6位数登录密码。",
    ]);
  });

  it("keeps a short list with its lead-in and picks the fee sentence for a fee question", () => {
    const passage = {
      n: 1,
      docId: "zh-payments-fees",
      title: "转账和汇款费用",
      section: "国际汇款（SWIFT）费用",
      text: "- 通过网上银行或app办理：每笔**£15**；\n- 在分行或通过电话办理：每笔**£25**。\n\n网上每日国际汇款限额为£50,000。",
    };
    const answer = extractAnswer("国际转账手续费是多少", [passage], { maxSentences: 1 });
    expect(answer.parts[0]?.sentences[0]).toContain("£15");
  });

  it("prefers passages chosen for the routed intent", () => {
    const general = {
      n: 1,
      docId: "interest-rates",
      title: "Interest rates",
      section: "Savings",
      text: "Our savings accounts pay interest every month.",
      score: 1,
    };
    const preferred = {
      n: 2,
      docId: "loans-rates",
      title: "Loan rates",
      section: "Representative APR",
      text: "Personal loan rates: £7,500 to £25,000 have a representative APR of 6.4%.",
      score: 0.8,
      preferred: true,
    };
    const answer = extractAnswer("loan interest rates", [general, preferred], { maxSentences: 1 });
    expect(answer.parts[0]?.n).toBe(2);
  });

  it("compares questions and sentences after folding interchangeable words and stemming", () => {
    expect(answerTokens("Charges for sending money abroad?")).toEqual(["fee", "transfer", "money", "international"]);
    expect(answerTokens("国际转账手续费")).toEqual(answerTokens("国际汇款收费"));
  });
});
