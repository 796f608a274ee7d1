import { describe, expect, it } from "vitest";
import { clusterMessages } from "./cluster-messages.js";
import { evaluatePlantedTopics } from "./evaluate-planted.js";
import { plantedLog } from "./planted-log.js";

describe("topic clustering", () => {
  it("recovers planted topics with an adjusted Rand index of at least 0.8 in English and in Chinese", () => {
    const scores = evaluatePlantedTopics([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(scores.en.meanAri).toBeGreaterThanOrEqual(0.8);
    expect(scores["zh-CN"].meanAri).toBeGreaterThanOrEqual(0.8);
  }, 60_000);

  it("gives the same topics for the same messages", () => {
    const log = plantedLog({ seed: 3, perTopic: 20 });
    expect(clusterMessages(log, { seed: 15 })).toEqual(clusterMessages(log, { seed: 15 }));
  });

  it("labels topics with words customers wrote, in their language", () => {
    const log = plantedLog({ seed: 2 });
    const clusters = clusterMessages(log, { seed: 15 });
    const en = clusters.filter((c) => c.locale === "en").flatMap((c) => c.terms);
    const zh = clusters.filter((c) => c.locale === "zh-CN").flatMap((c) => c.terms);
    expect(en).toEqual(expect.arrayContaining(["bitcoin", "pension"]));
    expect(zh).toEqual(expect.arrayContaining(["养老金"]));
  });

  it("keeps a handful of messages as one topic", () => {
    const few = plantedLog({ seed: 1, perTopic: 2 })
      .filter((m) => m.locale === "en")
      .slice(0, 4);
    const clusters = clusterMessages(few, { seed: 15 });
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.members).toHaveLength(4);
  });
});
