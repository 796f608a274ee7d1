import { describe, expect, it } from "vitest";
import { composeAnswer } from "./compose-answer.js";
import type { AnswerPassage } from "./rank-candidates.js";

const INTERNATIONAL: AnswerPassage = {
  n: 1,
  docId: "payments-international",
  title: "Sending money abroad (SWIFT and SEPA payments)",
  section: "Sending money abroad",
  locale: "en",
  score: 1,
  preferred: true,
  text:
    "You can send money abroad from your Harbor Bank account in two ways. You can send up to £50,000 a day in " +
    "international payments online. An international SWIFT payment costs £15 when you send it online in the Harbor " +
    "app, or £25 in branch or by phone. A SWIFT payment arrives in 1–4 business days.",
};
const ZH_INTERNATIONAL: AnswerPassage = {
  n: 2,
  docId: "zh-payments-international",
  title: "国际汇款和SEPA欧元汇款",
  section: "国际汇款（SWIFT）的费用和到账时间",
  locale: "zh-CN",
  score: 0.9,
  preferred: true,
  text:
    "通过SWIFT发送国际汇款：\n\n- 在Harbor app或网上银行办理：每笔£15；\n- 在分行或通过电话办理：每笔£25。\n\n" +
    "款项一般在1–4个工作日内到账。网上每日国际汇款限额为£50,000。",
};
const CHAPS: AnswerPassage = {
  n: 3,
  docId: "payments-domestic",
  title: "Paying someone in the UK",
  section: "CHAPS payments",
  locale: "en",
  score: 0.8,
  text:
    "CHAPS is for same-day high-value payments. A CHAPS payment costs £25. The cut-off for CHAPS is 3:30pm on " +
    "business days. You can make CHAPS payments in branch or by phone.",
};

function sentences(question: string, passages: AnswerPassage[], locale: string): string[] {
  return composeAnswer(question, passages, { locale }).parts.flatMap((p) => p.sentences);
}

describe("composing an extractive answer", () => {
  it("answers a fee question with the fee sentence, not the daily limit or the introduction", () => {
    const said = sentences("how much to send money to my mum in china", [INTERNATIONAL], "en");
    expect(said[0]).toContain("£15");
    expect(said[0]).not.toContain("£50,000");
  });

  it("answers a limit question with the limit sentence", () => {
    const said = sentences("how much can I send abroad in a day?", [INTERNATIONAL], "en");
    expect(said[0]).toContain("£50,000");
  });

  it("answers every part of a multi-part question", () => {
    const said = sentences("how much does CHAPS cost and whats the latest i can send it?", [CHAPS], "en").join(" ");
    expect(said).toContain("£25");
    expect(said).toContain("3:30pm");
  });

  it("gives a Chinese customer Chinese sentences only, and an English customer English only", () => {
    const zh = sentences("国际汇款手续费是多少？几天到账？", [INTERNATIONAL, ZH_INTERNATIONAL], "zh-CN");
    expect(zh.length).toBeGreaterThan(0);
    expect(zh.every((s) => /[\u3400-\u9fff]/.test(s))).toBe(true);
    expect(zh.join("")).toContain("£15");
    const en = sentences("international payment fee", [ZH_INTERNATIONAL, INTERNATIONAL], "en");
    expect(en.every((s) => !/[\u3400-\u9fff]/.test(s))).toBe(true);
  });

  it("falls back to the other language only when no passage is in the customer's", () => {
    const said = sentences("国际汇款手续费是多少", [INTERNATIONAL], "zh-CN");
    expect(said.join(" ")).toContain("£15");
  });

  it("never states a figure from a document that says it was replaced", () => {
    const old: AnswerPassage = {
      ...INTERNATIONAL,
      n: 4,
      docId: "fees-schedule-2025",
      title: "Fee schedule 2025 (replaced on 1 January 2026)",
      text: "International SWIFT payment, online: the fee is £20.",
      score: 1,
    };
    const said = sentences("SWIFT payment fee online", [old, { ...INTERNATIONAL, score: 0.5 }], "en").join(" ");
    expect(said).not.toContain("£20");
    expect(said).toContain("£15");
  });

  it("puts the answering sentence first and adds at most two supporting sentences", () => {
    const answer = composeAnswer("how long does a SWIFT payment take", [INTERNATIONAL], { locale: "en" });
    const said = answer.parts.flatMap((p) => p.sentences);
    expect(said[0]).toContain("1–4 business days");
    expect(said.length).toBeLessThanOrEqual(3);
  });
});
