import { describe, expect, it } from "vitest";
import { err, ok } from "../../shared/result.js";
import { createAgentAssist } from "./agent-assist.js";
import { assistEvidence, checkWithRails } from "./assist-rails.js";
import { call, fakeKnowledge, keywordRouter, storeWith, TEST_RAILS, traceOf } from "./assist-fakes.test-helpers.js";
import { readConversationFacts } from "./conversation-facts.js";
import type { ModelSummaryParts, SummaryModel } from "./model-summary.js";

const store = storeWith({
  traces: [
    traceOf({
      turn: 1,
      message: "Please freeze my card",
      intent: "card_freeze_unfreeze",
      route: "cards",
      toolCalls: [call("freeze_card", { cardLast4: "4821", reason: "temporary" })],
      reply: "Done: your card ending 4821 is now frozen.",
    }),
  ],
});

function modelSaying(parts: ModelSummaryParts | "fail" | "throw", seen: string[] = []): SummaryModel {
  return {
    prompt: () => "You summarise chats for Harbor Bank staff.",
    async summarise({ conversation }) {
      seen.push(conversation);
      if (parts === "throw") throw new Error("connection reset");
      return parts === "fail" ? err("failed") : ok(parts);
    },
  };
}

async function summaryWith(model: SummaryModel) {
  const assist = createAgentAssist({
    store,
    knowledge: fakeKnowledge(),
    router: keywordRouter,
    rails: TEST_RAILS,
    summariser: model,
  });
  const r = await assist.assist("session-1", "alice");
  if (!r.ok) throw new Error("expected assist");
  return r.value.summary;
}

const GOOD: ModelSummaryParts = {
  wants: "The customer wanted their card frozen.",
  botDid: "The assistant froze the card ending 4821.",
  pending: "Nothing is pending.",
};

describe("the model-written summary", () => {
  it("is used when every part passes the output rails, and the model reads the transcript", async () => {
    const seen: string[] = [];
    const summary = await summaryWith(modelSaying(GOOD, seen));
    expect(summary).toMatchObject({ source: "model", ...GOOD, language: "en" });
    expect(seen[0]).toContain("Customer: Please freeze my card");
    expect(seen[0]).toContain("Assistant: Done: your card ending 4821 is now frozen.");
  });

  it("falls back to the extractive summary when the model states a figure the conversation does not hold", async () => {
    const summary = await summaryWith(modelSaying({ ...GOOD, botDid: "The assistant froze the card ending 9999." }));
    expect(summary.source).toBe("extractive");
    expect(summary.botDid).toContain("froze the card ending 4821");
  });

  it("falls back when the model promises an outcome", async () => {
    const summary = await summaryWith(modelSaying({ ...GOOD, pending: "We guarantee the customer a full refund." }));
    expect(summary.source).toBe("extractive");
  });

  it("falls back when the model fails or throws", async () => {
    expect((await summaryWith(modelSaying("fail"))).source).toBe("extractive");
    expect((await summaryWith(modelSaying("throw"))).source).toBe("extractive");
  });
});

describe("the output rails on assist text", () => {
  const facts = readConversationFacts(store, keywordRouter, "session-1");
  if (!facts) throw new Error("expected facts");
  const evidence = assistEvidence(facts, TEST_RAILS);

  it("let a grounded sentence through unchanged", () => {
    expect(checkWithRails("Your card ending 4821 is frozen.", evidence)?.text).toBe("Your card ending 4821 is frozen.");
  });

  it("block a figure no source holds", () => {
    expect(checkWithRails("The fee is £37.", evidence)).toBeUndefined();
  });

  it("block an English reply in a Chinese conversation", () => {
    const zh = assistEvidence({ ...facts, locale: "zh-CN" }, TEST_RAILS);
    expect(checkWithRails("Your card is frozen and you can unfreeze it in the app.", zh)).toBeUndefined();
  });
});
