import { describe, expect, it } from "vitest";
import type { ToolOutput } from "../../tools/tool-results.js";
import { renderGetFraudReviewStatsReply } from "./get-fraud-review-stats-reply.js";

const STATS: ToolOutput<"get_fraud_review_stats"> = {
  status: "ok",
  days: 7,
  since: "2026-11-24T12:00:00.000Z",
  flagged: 12,
  confirmedFraud: 3,
  falsePositives: 1,
  unreviewed: 8,
  precision: 0.75,
};

describe("get_fraud_review_stats reply", () => {
  it("states every count and the precision in English", () => {
    const text = renderGetFraudReviewStatsReply(STATS, "en");
    expect(text).toContain("Fraud review over the last 7 days (since 24 Nov 2026):");
    expect(text).toContain("• Flagged by the fraud model: 12");
    expect(text).toContain("• Confirmed fraud by analysts: 3");
    expect(text).toContain("• False positives (labelled legitimate): 1");
    expect(text).toContain("• Not yet reviewed: 8");
    expect(text).toContain("Precision on reviewed flags: 75.0% (3 of 4); false positive rate 25.0%.");
  });

  it("is wholly Chinese in Chinese", () => {
    const text = renderGetFraudReviewStatsReply(STATS, "zh-CN");
    expect(text).toContain("最近 7 天（自 2026年11月24日 起）的欺诈审核情况：");
    expect(text).toContain("经分析师确认的欺诈：3 笔");
    expect(text).toContain("误报（确认为正常交易）：1 笔");
    expect(text).toContain("精确率：75.0%");
    expect(text).not.toMatch(/[A-Za-z]/);
  });

  it("says when nothing is reviewed yet, and when nothing was flagged", () => {
    const unlabelled = { ...STATS, confirmedFraud: 0, falsePositives: 0, unreviewed: 12, precision: undefined };
    expect(renderGetFraudReviewStatsReply(unlabelled, "en")).toContain("there is no precision figure");
    const none = { ...STATS, flagged: 0, confirmedFraud: 0, falsePositives: 0, unreviewed: 0, days: 30 };
    expect(renderGetFraudReviewStatsReply(none, "zh-CN")).toBe(
      "最近 30 天没有被标记的交易：标记 0 笔，确认欺诈 0 笔，误报 0 笔，待审核 0 笔。",
    );
    expect(renderGetFraudReviewStatsReply({ status: "unavailable" }, "en")).toContain("try again");
  });
});
