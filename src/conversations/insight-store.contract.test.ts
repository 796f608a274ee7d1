// One suite for the insight store port, run on every adapter (SQLite always; PostgreSQL when TEST_DATABASE_URL is
// set): the latest clustering run, the versioned review queue and the knowledge-gap tasks behave the same on both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeAdapters, type StoreAdapter } from "../shared/pg/store-adapters.test-helpers.js";
import { TEST_DATABASE_URL, warnSkipped } from "../shared/pg/test-database.test-helpers.js";
import { createInsightStore, type InsightStore, type InsightTopic } from "./insight-store.js";
import { createPgInsightStore } from "./pg/pg-insight-store.js";

type Options = { now?: () => Date };
type Adapter = StoreAdapter<InsightStore, Options>;

const adapters = storeAdapters<InsightStore, Options>({
  name: "insight",
  sqlite: (file, options) => createInsightStore(file, options),
  postgres: (db, options) => createPgInsightStore(db, options),
  tables: "insight_topics, reviewed_utterances, knowledge_tasks",
});
if (!TEST_DATABASE_URL) warnSkipped("PostgreSQL");

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

describe.each(adapters)("insight store (%s)", (_name, make) => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = await make();
  });
  afterAll(async () => adapter.done());

  it("keeps only the latest clustering run, in its order", () => {
    const { store } = adapter.open();
    expect(store.listTopics()).toEqual({ topics: [] });
    store.replaceTopics({
      generatedAt: "2026-12-01T10:00:00.000Z",
      topics: [topic("topic-a"), topic("topic-b")],
    });
    store.replaceTopics({
      generatedAt: "2026-12-01T11:00:00.000Z",
      topics: [topic("topic-z"), topic("topic-c"), topic("topic-a")],
    });
    expect(store.listTopics()).toEqual({
      generatedAt: "2026-12-01T11:00:00.000Z",
      topics: [topic("topic-z"), topic("topic-c"), topic("topic-a")],
    });
    expect(store.getTopic("topic-b")).toBeUndefined();
    expect(store.getTopic("topic-c")).toEqual(topic("topic-c"));
    store.replaceTopics({ generatedAt: "2026-12-01T12:00:00.000Z", topics: [] });
    expect(store.listTopics()).toEqual({ topics: [] });
  });

  it("gives each acceptance a new version and lists accepted utterances oldest version first", () => {
    const { store } = adapter.open({ now: () => new Date("2026-12-01T10:00:00Z") });
    expect(store.latestVersion()).toBe(0);
    const first = store.acceptUtterances({
      topicId: "topic-a",
      intent: "balance",
      reviewer: "s1",
      utterances: [
        { text: "buy gold bars", locale: "en" },
        { text: "gold bar price", locale: "en" },
      ],
    });
    const second = store.acceptUtterances({
      intent: "card_pin",
      reviewer: "s2",
      utterances: [{ text: "买金条", locale: "zh-CN" }],
    });
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(first.utterances).toHaveLength(2);
    expect(first.utterances[0]).toMatchObject({
      status: "accepted",
      reviewer: "s1",
      topicId: "topic-a",
      version: 1,
      createdAt: "2026-12-01T10:00:00.000Z",
    });
    expect(second.utterances[0]).not.toHaveProperty("topicId");
    expect(store.listAcceptedUtterances()).toEqual([
      { intent: "balance", locale: "en", text: "buy gold bars", version: 1 },
      { intent: "balance", locale: "en", text: "gold bar price", version: 1 },
      { intent: "card_pin", locale: "zh-CN", text: "买金条", version: 2 },
    ]);
    expect(store.latestVersion()).toBe(2);
  });

  it("lists knowledge-gap tasks newest first and by status", () => {
    const { store } = adapter.open();
    const a = store.createKnowledgeTask({ title: "Gold bars", topicId: "topic-a", examples: ["x"], createdBy: "s1" });
    const b = store.createKnowledgeTask({ title: "Pensions", examples: [], createdBy: "s1" });
    expect(a.id).toMatch(/^KT-[0-9A-F]{8}$/);
    expect(b).not.toHaveProperty("topicId");
    expect(store.listKnowledgeTasks().map((t) => t.id)).toEqual([b.id, a.id]);
    expect(store.setKnowledgeTaskStatus(a.id, "done")).toBe(true);
    expect(store.setKnowledgeTaskStatus("KT-NONE", "done")).toBe(false);
    expect(store.listKnowledgeTasks("open")).toEqual([b]);
    expect(store.listKnowledgeTasks("done")).toEqual([{ ...a, status: "done" }]);
  });

  it("orders tasks created in the same millisecond newest first", () => {
    const { store } = adapter.open({ now: () => new Date("2026-12-01T10:00:00Z") });
    const ids = ["one", "two", "three"].map(
      (title) => store.createKnowledgeTask({ title, examples: [], createdBy: "s1" }).id,
    );
    expect(store.listKnowledgeTasks().map((t) => t.id)).toEqual([...ids].reverse());
  });

  it("shares one review queue and one run between instances: versions continue across them", () => {
    const opened = adapter.open();
    const other = opened.twin();
    const accepted = (s: InsightStore, text: string): number =>
      s.acceptUtterances({ intent: "balance", reviewer: "s1", utterances: [{ text, locale: "en" }] }).version;
    expect([accepted(opened.store, "a"), accepted(other, "b"), accepted(opened.store, "c")]).toEqual([1, 2, 3]);
    expect(other.latestVersion()).toBe(3);
    opened.store.replaceTopics({ generatedAt: "2026-12-01T10:00:00.000Z", topics: [topic("topic-a")] });
    other.replaceTopics({ generatedAt: "2026-12-01T11:00:00.000Z", topics: [topic("topic-b")] });
    expect(opened.store.listTopics()).toEqual({ generatedAt: "2026-12-01T11:00:00.000Z", topics: [topic("topic-b")] });
    const task = other.createKnowledgeTask({ title: "Gold", examples: [], createdBy: "s2" });
    expect(opened.store.setKnowledgeTaskStatus(task.id, "done")).toBe(true);
    expect(other.listKnowledgeTasks("done").map((t) => t.id)).toEqual([task.id]);
  });

  it("closing one store leaves the other stores on the same database working", () => {
    const opened = adapter.open();
    const task = opened.store.createKnowledgeTask({ title: "Gold", examples: ["x"], createdBy: "s1" });
    const sibling = opened.sibling();
    opened.store.close();
    expect(sibling.listKnowledgeTasks()).toEqual([task]);
  });
});
