import { describe, expect, it } from "vitest";
import { languageProblem } from "./language-rail.js";

describe("language rail", () => {
  it("accepts Chinese sentences with numbers, amounts, addresses, product names and short Latin labels", () => {
    for (const s of [
      "通过Harbor app汇款每笔£15，1–4个工作日到账。",
      "请登录harborbank.example/fees查看，或发邮件至complaints@harborbank.example。",
      "提出争议的步骤是：进入交易，然后点击Report a problem。",
      "Premier Current Account月费£12。",
      "您的卡 [CARD_1] 已冻结 [1]。",
      "0345 600 7000",
      "OK",
    ]) {
      expect(languageProblem(s, "zh-CN"), s).toBeUndefined();
    }
  });

  it("rejects English in a Chinese reply", () => {
    expect(languageProblem("An international payment costs £15.", "zh-CN")).toBeDefined();
    expect(languageProblem("费用是£15，you can pay it in the app today。", "zh-CN")).toBeDefined();
  });

  it("rejects Chinese in an English reply and accepts a lone character", () => {
    expect(languageProblem("国际汇款每笔£15。", "en")).toBeDefined();
    expect(languageProblem("Ask for the Mandarin line (普) if you prefer.", "en")).toBeUndefined();
    expect(languageProblem("It costs £15 online.", "en")).toBeUndefined();
  });
});

describe("reference codes in a Chinese reply", () => {
  it("are identifiers, not an English clause", () => {
    expect(languageProblem("已将您的对话转交给我们的团队（编号 T-A22A16A3）。", "zh-CN")).toBeUndefined();
    expect(languageProblem("交易 tx-00707514 的风险评分很低。", "zh-CN")).toBeUndefined();
  });
});
