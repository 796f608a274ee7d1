import { describe, expect, it } from "vitest";
import { isMixedLanguage, normaliseForFacts, scoreReply, statesFact } from "./score-reply.js";

describe("statesFact", () => {
  it("ignores case, spaces, separators and dash style", () => {
    const reply = normaliseForFacts("It takes 3 – 5 Working Days and the limit is £25,000.");
    expect(statesFact(reply, "3-5 working days")).toBe(true);
    expect(statesFact(reply, "£25000")).toBe(true);
    expect(statesFact(normaliseForFacts("3至5个工作日"), "3–5个工作日")).toBe(true);
  });

  it("never matches a figure inside a longer one", () => {
    const reply = normaliseForFacts("The fee is £150, or 12.5% a year.");
    expect(statesFact(reply, "£15")).toBe(false);
    expect(statesFact(reply, "2.5%")).toBe(false);
    expect(statesFact(reply, "£150")).toBe(true);
    expect(statesFact(normaliseForFacts("£15. Next"), "£15")).toBe(true);
  });
});

describe("isMixedLanguage", () => {
  it("allows scheme names in brackets and figures in a Chinese reply", () => {
    expect(isMixedLanguage("通过快速支付（Faster Payments）转账免费，每日限额£25,000 [1]。", "zh-CN")).toBe(false);
    expect(isMixedLanguage("SWIFT汇款每笔£15，请在app中操作。", "zh-CN")).toBe(false);
  });

  it("flags an English sentence in a Chinese reply and Chinese in an English one", () => {
    expect(isMixedLanguage("国际汇款每笔£15。You can send up to £25,000 a day.", "zh-CN")).toBe(true);
    expect(isMixedLanguage("The fee is £15. 手续费", "en")).toBe(true);
  });
});

describe("scoreReply", () => {
  it("needs every fact, spots a stale figure and a refusal", () => {
    const expected = {
      locale: "en" as const,
      facts: [["£15"], ["1-4 working days"]],
      stale: ["£20"],
      sources: ["fees"],
    };
    const good = scoreReply({ text: "It costs £15 and takes 1–4 working days [1].", citedDocs: ["fees"] }, expected);
    expect(good).toMatchObject({ factsRight: true, citationRight: true, stale: false, refusal: false });
    const stale = scoreReply({ text: "It costs £20 [1].", citedDocs: ["old"] }, expected);
    expect(stale).toMatchObject({ factsRight: false, factsFound: 0, citationRight: false, stale: true });
    expect(scoreReply({ text: "I can't help with that.", citedDocs: [] }, expected).refusal).toBe(true);
  });
});
