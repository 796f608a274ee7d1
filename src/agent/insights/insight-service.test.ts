import { describe, expect, it, vi } from "vitest";
import { createConversationStore } from "../../conversations/conversation-store.js";
import { createInsightStore } from "../../conversations/insight-store.js";
import { plantBadTurns } from "./bad-turn-traces.test-helpers.js";
import { createInsightService } from "./insight-service.js";
import { plantedLog } from "./planted-log.js";

function service() {
  const conversations = createConversationStore(":memory:");
  const insights = createInsightStore(":memory:");
  plantBadTurns(conversations, plantedLog({ seed: 1, perTopic: 12 }));
  const svc = createInsightService({
    conversations,
    insights,
    intentNames: () => ["balance"],
    scrub: (t) => t,
    now: () => new Date(),
  });
  return { svc, insights };
}

describe("insight service", () => {
  it("refreshes on its timer, and stops when told", () => {
    vi.useFakeTimers();
    try {
      const { svc, insights } = service();
      const stop = svc.schedule(3_600_000);
      expect(insights.listTopics().topics).toEqual([]);
      vi.advanceTimersByTime(60_000);
      expect(insights.listTopics().topics.length).toBeGreaterThan(0);
      stop();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses unknown topics and intents, and utterances that are not the topic's", () => {
    const { svc, insights } = service();
    svc.refresh();
    const [topic] = insights.listTopics().topics;
    expect(svc.accept({ topicId: "topic-0", intent: "balance", reviewer: "s1" })).toEqual({
      ok: false,
      error: "no_topic",
    });
    expect(svc.accept({ topicId: topic!.id, intent: "crypto", reviewer: "s1" })).toEqual({
      ok: false,
      error: "unknown_intent",
    });
    expect(svc.accept({ topicId: topic!.id, intent: "balance", utterances: ["not in it"], reviewer: "s1" })).toEqual({
      ok: false,
      error: "no_utterances",
    });
    expect(svc.markGap({ topicId: "topic-0", title: "x", createdBy: "s1" })).toEqual({ ok: false, error: "no_topic" });
  });
});
