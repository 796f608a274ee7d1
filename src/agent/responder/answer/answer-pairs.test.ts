import { describe, expect, it } from "vitest";
import { AnswerPairSchema, factsStated, statesFact, statesStale } from "./answer-pairs.js";

describe("fact matching", () => {
  it("ignores case, spaces, digit-group commas and dash styles", () => {
    expect(statesFact("You can send up to £50000 a day.", ["£50,000"])).toBe(true);
    expect(statesFact("It arrives in 1–4 business days.", ["1-4 business days"])).toBe(true);
    expect(statesFact("款项一般在1-4个工作日内到账。", ["1–4 business days", "1-4个工作日"])).toBe(true);
    expect(statesFact("Call 0345 600 7000.", ["03456007000"])).toBe(true);
    expect(statesFact("Use FORGOT YOUR DETAILS in the app.", ["Forgot your details"])).toBe(true);
  });

  it("does not find a figure inside a longer number", () => {
    expect(statesFact("Send up to £10,000 on day one.", ["£10"])).toBe(false);
    expect(statesFact("A fee of £150 applies.", ["£15"])).toBe(false);
    expect(statesFact("The rate is 12.5%.", ["2.5%"])).toBe(false);
    expect(statesFact("The fee is £15.", ["£15"])).toBe(true);
  });

  it("counts the required facts a reply states and spots a stale figure", () => {
    const reply = "A CHAPS payment costs £25. The cut-off is 3:30pm.";
    expect(factsStated(reply, [["£25"], ["15:30", "3:30pm"]])).toBe(2);
    expect(statesStale(reply, ["£28"])).toBe(false);
    expect(statesStale("It used to cost £28.", ["£28"])).toBe(true);
  });

  it("reads a dev pair and rejects one without facts", () => {
    const row = { id: "d1", locale: "en", question: "q?", source: "doc", facts: [["£1"]], kind: "amount" };
    expect(AnswerPairSchema.parse(row).stale).toEqual([]);
    expect(AnswerPairSchema.safeParse({ ...row, facts: [] }).success).toBe(false);
  });
});
