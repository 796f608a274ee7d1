import { describe, expect, it } from "vitest";
import { say, type TemplateKey } from "../responder/reply-templates.js";
import { applyRails } from "./apply-rails.js";
import { createEvidenceCaches, prepareEvidence } from "./prepare-evidence.js";
import { testEvidence } from "./test-evidence.test-helpers.js";

const prepare = (locale: "en" | "zh-CN" = "en", sources?: string[]) =>
  prepareEvidence(testEvidence({ locale, ...(sources ? { sources } : {}) }), createEvidenceCaches());

describe("applyRails", () => {
  it("drops the failing sentences, keeps the rest in order and reports what it cited", () => {
    const outcome = applyRails(
      "A SWIFT payment costs £15 online [1]. It arrives within 10 minutes [2]. The cut-off is 2pm UK time [2]. Anything else?",
      prepare(),
    );
    expect(outcome.text).toBe("A SWIFT payment costs £15 online [1]. The cut-off is 2pm UK time [2]. Anything else?");
    expect(outcome.blocked.map((b) => b.failed)).toEqual([["grounding"]]);
    expect(outcome.cited).toEqual([1, 2]);
    expect(outcome.useful).toBe(true);
  });

  it("is not useful when only filler is left after a factual sentence was blocked", () => {
    const outcome = applyRails("Hello! An international SWIFT payment costs £150. I hope this helps!", prepare());
    expect(outcome.text).toBe("Hello! I hope this helps!");
    expect(outcome.useful).toBe(false);
  });

  it("is not useful when the reply is in the wrong language throughout", () => {
    const outcome = applyRails("A SWIFT payment costs £15. It arrives in 1–4 business days.", prepare("zh-CN"));
    expect(outcome).toMatchObject({ text: "", useful: false });
    expect(outcome.blocked.every((b) => b.failed.includes("language"))).toBe(true);
  });

  it("is not useful when more substance was blocked than kept", () => {
    const outcome = applyRails(
      "The fee is £150 and you are definitely approved at 1.9% APR, guaranteed. It costs £15.",
      prepare(),
    );
    expect(outcome.useful).toBe(false);
  });

  it("stays useful for a greeting that had nothing to block", () => {
    expect(applyRails("Hello! How can I help?", prepare()).useful).toBe(true);
  });

  it("stops showing text past the output limit and says so", () => {
    const long = "A SWIFT payment costs £15 online. ".repeat(300);
    const outcome = applyRails(long, prepare());
    expect(outcome.truncated).toBe(true);
    expect(outcome.text.length).toBeLessThanOrEqual(6000);
  });

  it("lets the local responder's own templates through in their language", () => {
    const keys: TemplateKey[] = [
      "greeting",
      "thanks",
      "creditDisclaimer",
      "advice",
      "noKnowledge",
      "signIn",
      "outOfScope",
      "injection",
      "frozen",
      "handoff",
    ];
    const vars = { last4: "1234", ticketId: "H-2041" };
    for (const locale of ["en", "zh-CN"] as const) {
      for (const key of keys) {
        const text = say(locale, key, vars);
        const outcome = applyRails(text, prepare(locale, [text]));
        expect(outcome.blocked, `${locale} ${key}`).toEqual([]);
      }
    }
  });
});
