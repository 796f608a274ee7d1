import { describe, expect, it } from "vitest";
import type { BadTurn } from "./collect-bad-turns.js";
import { suggestAction } from "./suggest-action.js";

const turn = (over: Partial<BadTurn> = {}): BadTurn => ({
  traceId: "t",
  sessionId: "s",
  at: "2026-12-01T10:00:00Z",
  locale: "en",
  text: "x",
  signals: ["out_of_scope"],
  intent: "out_of_scope",
  outOfScope: true,
  lowConfidence: false,
  splitGuess: false,
  knowledgeHit: false,
  toolFailed: false,
  ...over,
});
const many = (n: number, over: Partial<BadTurn>): BadTurn[] => Array.from({ length: n }, () => turn(over));

describe("suggestAction", () => {
  it("suggests a new intent when most turns were out of scope with no knowledge hit", () => {
    const s = suggestAction([...many(8, {}), ...many(2, { knowledgeHit: true })]);
    expect(s.kind).toBe("new_intent");
    expect(s.text.en).toContain("10 of 10");
    expect(s.text["zh-CN"]).not.toMatch(/[A-Za-z]/);
  });

  it("suggests a wrong route when in-scope turns had low confidence split between intents", () => {
    const low = { outOfScope: false, lowConfidence: true, signals: ["low_confidence" as const] };
    const s = suggestAction([
      ...many(5, { ...low, intent: "card_pin" }),
      ...many(4, { ...low, intent: "card_activation" }),
    ]);
    expect(s.kind).toBe("wrong_route");
  });

  it("suggests a broken flow for clarifying loops or failed tools", () => {
    expect(suggestAction(many(4, { signals: ["clarifying_loop"], outOfScope: false })).kind).toBe("broken_flow");
    expect(suggestAction(many(4, { signals: ["handoff"], toolFailed: true, outOfScope: false })).kind).toBe(
      "broken_flow",
    );
  });

  it("suggests missing knowledge when answers fell back on the knowledge that was found", () => {
    const s = suggestAction(many(6, { signals: ["fallback"], outOfScope: false, knowledgeHit: true, intent: "fees" }));
    expect(s.kind).toBe("missing_knowledge");
    expect(s.text["zh-CN"]).not.toMatch(/[A-Za-z]/);
  });
});
