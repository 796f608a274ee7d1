import { describe, expect, it } from "vitest";
import type { RailEvidence } from "../rails/rail-types.js";
import { createReplyGuard, MAX_REPLY_CHARS } from "./reply-guard.js";

const evidence = (): RailEvidence => ({
  locale: "en",
  sources: ["An international SWIFT payment costs £15 online and arrives in 1–4 business days."],
  passageIds: [1],
  publishedContacts: ["0345 600 7000"],
  protectedTexts: [],
});

function stream(tokens: readonly string[]) {
  const released: string[] = [];
  const guard = createReplyGuard(evidence, (t) => released.push(t));
  for (const t of tokens) guard.onToken(t, "msg-1");
  return { released, guarded: guard.finish("") };
}

describe("guarded streaming", () => {
  it("releases only whole sentences that passed, so what streamed is exactly the reply", () => {
    const { released, guarded } = stream([
      "A SWIFT pay",
      "ment costs £15 online [1]. ",
      "It arrives in 10 min",
      "utes. Call 0800 000 0000.",
    ]);
    expect(released.join("").trim()).toBe(guarded.text);
    expect(guarded.text).toContain("£15");
    expect(released.join("")).not.toMatch(/10 minutes|0800 000 0000/);
    expect(guarded.blocked.length).toBeGreaterThan(0);
  });

  it("releases nothing of an unfinished sentence until it is checked", () => {
    const released: string[] = [];
    const guard = createReplyGuard(evidence, (t) => released.push(t));
    guard.onToken("A SWIFT payment costs £15", "m");
    expect(released).toEqual([]);
    guard.onToken(" online [1].", "m");
    guard.finish("");
    expect(released.join("")).toBe("A SWIFT payment costs £15 online [1].");
  });

  it("stops releasing a model that never stops writing", () => {
    const { released } = stream(Array.from({ length: 400 }, () => "A SWIFT payment costs £15 online [1]. "));
    expect(released.join("").length).toBeLessThanOrEqual(MAX_REPLY_CHARS);
  });

  it("checks a whole reply when nothing was streamed, and says when nothing useful is left", () => {
    const guard = createReplyGuard(evidence);
    const out = guard.finish("A SWIFT payment costs £150 and is guaranteed to arrive today.");
    expect(out.text).toBe("");
    expect(out.useful).toBe(false);
  });
});
