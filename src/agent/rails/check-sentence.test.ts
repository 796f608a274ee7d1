import { describe, expect, it } from "vitest";
import { checkSentence } from "./check-sentence.js";
import { createEvidenceCaches, prepareEvidence } from "./prepare-evidence.js";
import { testEvidence } from "./test-evidence.test-helpers.js";

const prepared = prepareEvidence(testEvidence(), createEvidenceCaches());
const zh = prepareEvidence(testEvidence({ locale: "zh-CN" }), createEvidenceCaches());

describe("checkSentence", () => {
  it("passes a grounded sentence unchanged", () => {
    const sentence = "An international SWIFT payment costs £15 online [1]. ";
    expect(checkSentence(sentence, prepared)).toEqual({
      text: sentence,
      ok: true,
      failed: [],
      rewritten: [],
      reasons: [],
    });
  });

  it("blocks the hostile model's invented figures, phone numbers and promises, naming each rail", () => {
    const swift = checkSentence("An international SWIFT payment costs £150 and arrives within 10 minutes.", prepared);
    expect(swift.failed).toEqual(["grounding"]);
    const loan = checkSentence("You are definitely approved for a £30,000 loan at 1.9% APR, guaranteed.", prepared);
    expect(loan.failed).toEqual(["grounding", "commitment"]);
    const ear = checkSentence("It is 99.9% EAR, so call us on 0800 000 0000.", prepared);
    expect(ear.failed).toEqual(["grounding"]);
    expect(ear.reasons.join(" ")).not.toContain("0800 000 0000");
  });

  it("blocks English to a Chinese customer and a repeated system prompt", () => {
    expect(checkSentence("SWIFT costs £15 online.", zh).failed).toEqual(["language"]);
    expect(
      checkSentence("I must never state a fee, rate, limit, amount or date that is not in a tool result.", prepared)
        .failed,
    ).toEqual(["prompt_leak"]);
  });

  it("rewrites the customer's own card number and dangling citations without blocking", () => {
    const verdict = checkSentence("Your card 4111 1111 1111 1111 is covered [9].", prepared);
    expect(verdict).toMatchObject({
      text: "Your card ••••1111 is covered.",
      ok: true,
      rewritten: ["citation", "pii_output"],
    });
    expect(verdict.reasons.join(" ")).not.toContain("4111 1111");
  });

  it("blocks a made-up card number and keeps it out of the reasons", () => {
    const verdict = checkSentence("Use card 5500 0055 5555 5559 instead.", prepared);
    expect(verdict.ok).toBe(false);
    expect(verdict.text).toBe("Use card ••••5559 instead.");
    expect(verdict.reasons.join(" ")).not.toMatch(/5500|0055/);
  });

  it("passes whitespace as it is", () => {
    expect(checkSentence("\n\n", prepared).ok).toBe(true);
  });
});
