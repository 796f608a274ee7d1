import { describe, expect, it } from "vitest";
import { scoreFeatureRow } from "./apply-scorecard.js";
import { toNativeTable } from "./default-scorecard.js";
import { defineFeatures } from "./feature-table.js";
import { createScaling, pointsToProbabilityOfDefault } from "./scaling.js";
import { generateApplicantBook } from "./synthetic-book.js";
import { DEFAULT_SETTINGS, fitScorecard, trainScorecard } from "./train-scorecard.js";
import { findBin } from "./binning.js";

const table = toNativeTable(generateApplicantBook({ size: 4000, seed: 11 }));

describe("points scaling", () => {
  it("puts 600 points at odds 50:1 and adds 20 points per doubling of the odds", () => {
    const s = createScaling();
    expect(pointsToProbabilityOfDefault(600, s)).toBeCloseTo(1 / 51, 10);
    expect(pointsToProbabilityOfDefault(620, s)).toBeCloseTo(1 / 101, 10);
    const custom = createScaling({ basePoints: 500, baseOdds: 20, pdo: 40 });
    expect(pointsToProbabilityOfDefault(540, custom)).toBeCloseTo(1 / 41, 10);
  });
});

describe("scorecard training", () => {
  const fitted = fitScorecard(table, DEFAULT_SETTINGS);

  it("gives every characteristic a negative WoE coefficient so more evidence of good earns more points", () => {
    expect(fitted.features.length).toBeGreaterThan(4);
    for (const f of fitted.features) expect(f.coefficient).toBeLessThan(0);
  });

  it("reproduces the model's log-odds with integer points within rounding", () => {
    const s = fitted.scaling;
    for (const row of table.rows.slice(0, 300)) {
      let logit = fitted.intercept;
      for (const f of fitted.features) logit += f.coefficient * f.bins[findBin(f, row[f.name])]!.woe;
      const exact = s.offset - s.factor * logit;
      const { points } = scoreFeatureRow(fitted, row);
      expect(Number.isInteger(points)).toBe(true);
      expect(Math.abs(points - exact)).toBeLessThanOrEqual(0.5 * fitted.features.length);
    }
  });

  it("packages hold-out AUC, KS and Gini, the data hash and a training score distribution", () => {
    const { scorecard } = trainScorecard(table, {
      dataset: "native",
      dataHash: "a".repeat(64),
      createdAt: "2026-01-02T00:00:00.000Z",
      seed: 1,
      holdoutShare: 0.25,
    });
    expect(scorecard.version).toBe("native-20260102-aaaaaaaa");
    expect(Math.abs((scorecard.metrics.holdout?.rows ?? 0) - 1000)).toBeLessThanOrEqual(2);
    expect(scorecard.metrics.holdout?.auc).toBeGreaterThan(0.65);
    expect(scorecard.metrics.holdout?.gini).toBeCloseTo(2 * scorecard.metrics.holdout!.auc - 1, 10);
    expect(scorecard.scoreDistribution.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it("refuses to train on a protected characteristic", () => {
    const specs = defineFeatures([
      { name: "age", kind: "numeric", trend: "auto", label: { en: "Age", "zh-CN": "年龄" }, format: "number" },
    ]);
    expect(() => fitScorecard({ specs, rows: [{ age: 30 }, { age: 40 }], labels: [0, 1] })).toThrow(/protected/);
  });
});
