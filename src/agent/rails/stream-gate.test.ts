import { describe, expect, it } from "vitest";
import { applyRails } from "./apply-rails.js";
import { createEvidenceCaches, prepareEvidence } from "./prepare-evidence.js";
import { createStreamGate, MAX_PENDING_CHARS } from "./stream-gate.js";
import { testEvidence } from "./test-evidence.test-helpers.js";

const prepared = prepareEvidence(testEvidence(), createEvidenceCaches());

function run(
  tokens: readonly string[],
  maxChars?: number,
): { released: string[]; outcome: ReturnType<ReturnType<typeof createStreamGate>["finish"]> } {
  const released: string[] = [];
  const gate = createStreamGate(prepared, (t) => released.push(t), maxChars);
  for (const t of tokens) gate.push(t);
  return { released, outcome: gate.finish() };
}

const REPLY =
  "A SWIFT payment costs £15 online [1]. It costs £150 by phone. The cut-off is 2pm UK time. Your card 4111 1111 1111 1111 works.";

describe("stream gate", () => {
  it("releases whole checked sentences only, never an unchecked token", () => {
    const { released } = run([...REPLY]);
    expect(released).toEqual([
      "A SWIFT payment costs £15 online [1]. ",
      "The cut-off is 2pm UK time. ",
      "Your card ••••1111 works.",
    ]);
    expect(released.join("")).not.toContain("£150");
    expect(released.join("")).not.toContain("4111 1111");
  });

  it("holds a sentence until its end is certain", () => {
    const released: string[] = [];
    const gate = createStreamGate(prepared, (t) => released.push(t));
    gate.push("It costs £1");
    gate.push("5.");
    expect(released).toEqual([]);
    gate.push(" Next");
    expect(released).toEqual(["It costs £15. "]);
  });

  it("ends with the same outcome as checking the whole reply at once", () => {
    for (const size of [1, 3, 17]) {
      const tokens = REPLY.match(new RegExp(`[\\s\\S]{1,${size}}`, "g")) ?? [];
      expect(run(tokens).outcome).toEqual(applyRails(REPLY, prepared));
    }
  });

  it("checks a run with no sentence end once it reaches the pending limit", () => {
    const released: string[] = [];
    const gate = createStreamGate(prepared, (t) => released.push(t));
    gate.push("word ".repeat(MAX_PENDING_CHARS / 5 + 10));
    expect(released.length).toBe(1);
    expect(released[0]?.length).toBeLessThanOrEqual(MAX_PENDING_CHARS);
  });

  it("stops releasing past the output limit, records it, and ignores pushes after finish", () => {
    const { released, outcome } = run(["A SWIFT payment costs £15 online. ".repeat(10)], 100);
    expect(released.join("").length).toBeLessThanOrEqual(100);
    expect(outcome.truncated).toBe(true);
  });
});
