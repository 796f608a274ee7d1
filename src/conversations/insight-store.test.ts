import { describe, expect, it } from "vitest";
import { createInsightStore, type InsightTopic } from "./insight-store.js";

const topic = (id: string): InsightTopic => ({
  id,
  label: "gold, bars",
  terms: ["gold", "bars"],
  size: 2,
  trend: { last7Days: 2, previous7Days: 0, direction: "up" },
  examples: ["buy gold bars"],
  suggestion: { kind: "new_intent", text: { en: "Add an intent.", "zh-CN": "新增意图。" } },
  signals: { out_of_scope: 2 },
  utterances: [
    { text: "buy gold bars", locale: "en" },
    { text: "买金条", locale: "zh-CN" },
  ],
});

describe("insight store", () => {
  it("keeps only the latest clustering run, in order", () => {
    const store = createInsightStore(":memory:");
    expect(store.listTopics()).toEqual({ topics: [] });
    store.replaceTopics({ generatedAt: "2026-12-01T10:00:00.000Z", topics: [topic("topic-a"), topic("topic-b")] });
    store.replaceTopics({ generatedAt: "2026-12-01T11:00:00.000Z", topics: [topic("topic-c")] });
    expect(store.listTopics()).toEqual({ generatedAt: "2026-12-01T11:00:00.000Z", topics: [topic("topic-c")] });
    expect(store.getTopic("topic-a")).toBeUndefined();
    expect(store.getTopic("topic-c")).toEqual(topic("topic-c"));
  });

  it("gives each acceptance a new version and lists accepted utterances oldest version first", () => {
    const store = createInsightStore(":memory:", { now: () => new Date("2026-12-01T10:00:00Z") });
    expect(store.latestVersion()).toBe(0);
    const first = store.acceptUtterances({
      topicId: "topic-a",
      intent: "balance",
      reviewer: "s1",
      utterances: [{ text: "buy gold bars", locale: "en" }],
    });
    const second = store.acceptUtterances({
      intent: "card_pin",
      reviewer: "s2",
      utterances: [{ text: "买金条", locale: "zh-CN" }],
    });
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(first.utterances[0]).toMatchObject({ status: "accepted", reviewer: "s1", topicId: "topic-a" });
    expect(store.listAcceptedUtterances()).toEqual([
      { intent: "balance", locale: "en", text: "buy gold bars", version: 1 },
      { intent: "card_pin", locale: "zh-CN", text: "买金条", version: 2 },
    ]);
    expect(store.latestVersion()).toBe(2);
  });

  it("lists knowledge-gap tasks newest first and by status", () => {
    const store = createInsightStore(":memory:");
    const a = store.createKnowledgeTask({ title: "Gold bars", topicId: "topic-a", examples: ["x"], createdBy: "s1" });
    const b = store.createKnowledgeTask({ title: "Pensions", examples: [], createdBy: "s1" });
    expect(store.listKnowledgeTasks().map((t) => t.id)).toEqual([b.id, a.id]);
    expect(store.setKnowledgeTaskStatus(a.id, "done")).toBe(true);
    expect(store.setKnowledgeTaskStatus("KT-NONE", "done")).toBe(false);
    expect(store.listKnowledgeTasks("open")).toEqual([b]);
    expect(store.listKnowledgeTasks("done")[0]).toMatchObject({ id: a.id, status: "done", examples: ["x"] });
  });
});
