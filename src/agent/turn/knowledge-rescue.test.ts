import { describe, expect, it } from "vitest";
import type { KnowledgePort, PassageHit } from "../agent-ports.js";
import { matchStrength } from "../match-strength.js";
import { rescueByKnowledge } from "./knowledge-rescue.js";
import type { ScopeDecision } from "./scope-gate.js";

const hit = (title: string, text: string): PassageHit => ({
  chunkId: `${title}#1`,
  docId: title.toLowerCase().replace(/\W+/g, "-"),
  topic: title.toLowerCase().replace(/\W+/g, "-"),
  title,
  version: "1",
  section: title,
  text,
  score: 0.9,
  locale: "en",
});

const port = (hits: PassageHit[]): KnowledgePort => ({ search: async () => hits });

const refusal = (rescuable: boolean, intent = "out_of_scope"): Extract<ScopeDecision, { kind: "fixed" }> => ({
  kind: "fixed",
  intent,
  route: "out_of_scope",
  text: "I can only help with Harbor Bank questions.",
  rescuable,
});

const chaps = hit("Payment fees", "A CHAPS payment costs £20 and arrives the same working day if sent before 2pm.");

describe("matchStrength", () => {
  it("is the share of the question's content words the passage contains", () => {
    expect(matchStrength("what does a CHAPS payment cost", chaps)).toBeGreaterThanOrEqual(0.6);
    expect(matchStrength("who won the football last night", chaps)).toBe(0);
  });
});

describe("rescueByKnowledge", () => {
  it("answers from knowledge a refusal whose question a document covers", async () => {
    const d = await rescueByKnowledge({
      knowledge: port([chaps]),
      scope: refusal(true),
      question: "CHAPS payment cost?",
      locale: "en",
    });
    expect(d).toMatchObject({ kind: "agent", route: "knowledge", readOnly: true });
  });

  it("prefixes the advice disclaimer when the router heard advice", async () => {
    const d = await rescueByKnowledge({
      knowledge: port([chaps]),
      scope: refusal(true, "advice_request"),
      question: "CHAPS payment cost?",
      locale: "zh-CN",
    });
    expect(d.kind === "agent" && d.prefix).toMatch(/理财建议/);
  });

  it("keeps the refusal when nothing covers the question, or when it may not be overturned", async () => {
    const unrelated = await rescueByKnowledge({
      knowledge: port([chaps]),
      scope: refusal(true),
      question: "who won the football last night",
      locale: "en",
    });
    expect(unrelated).toMatchObject({ kind: "fixed", route: "out_of_scope" });
    const injected = await rescueByKnowledge({
      knowledge: port([chaps]),
      scope: refusal(false),
      question: "CHAPS payment cost?",
      locale: "en",
    });
    expect(injected.kind).toBe("fixed");
  });

  it("offers the closest documents as quick replies when the match is partial", async () => {
    const d = await rescueByKnowledge({
      knowledge: port([chaps]),
      scope: refusal(true),
      question: "CHAPS for my house deposit, cost?",
      locale: "en",
    });
    expect(d.kind).toBe("fixed");
    if (d.kind === "fixed") expect(d.quickReplies?.[0]).toBe("Payment fees");
  });
});
