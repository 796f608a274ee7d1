import { describe, expect, it } from "vitest";
import { isFiller, substanceOf } from "./substance.js";

describe("substance", () => {
  it.each([
    "Hello!",
    "Thanks for your patience.",
    "Is there anything else I can help with?",
    "I hope this helps!",
    "How can I help?",
    "您好！",
    "希望以上信息对您有帮助。",
    "如有其他问题，请随时联系我们。",
    "Sure.",
  ])("counts %j as filler", (s) => {
    expect(isFiller(s)).toBe(true);
  });

  it.each([
    "Sure, you can freeze your card in the app under Cards.",
    "An international payment costs £15.",
    "好的，SWIFT汇款每笔£15。",
    "Call 0345 600 7000.",
  ])("counts %j as substance", (s) => {
    expect(substanceOf(s)).toBeGreaterThan(0);
  });
});
