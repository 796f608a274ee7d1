import { describe, expect, it } from "vitest";
import { rocAuc } from "../../../shared/metrics.js";
import { defineFeatures } from "../feature-table.js";
import { toFeatureRow } from "../native-features.js";
import { generateApplicantBook } from "../synthetic-book.js";
import { encodeRow } from "./gbt-features.js";
import { predictLogOdds } from "./score-credit-gbt.js";
import {
  ProtectedAttributeError,
  trainCreditChallenger,
  trainCreditChallengerOnApplicants,
} from "./train-credit-gbt.js";

const book = generateApplicantBook({ size: 3000, seed: 11 });
const model = trainCreditChallengerOnApplicants(book.slice(0, 2400), {
  params: { trees: 60, learningRate: 0.1, seed: 7 },
  createdAt: "2026-12-01T00:00:00.000Z",
});

describe("monotone credit challenger training", () => {
  it("takes each direction from the scorecard's domain knowledge", () => {
    const dir = Object.fromEntries(model.features.map((f) => [f.name, f.monotone]));
    expect(dir).toMatchObject({
      debtToIncome: 1,
      savingsBalance: -1,
      delinquencies: 1,
      annualIncome: -1,
      openAccounts: 0,
    });
  });

  it("never lowers risk as a riskier value grows, and never raises it as a safer value grows", () => {
    const constrained = model.features
      .map((f, j) => ({ f, j }))
      .filter(({ f }) => f.kind === "numeric" && f.monotone !== 0);
    expect(constrained.length).toBeGreaterThan(5);
    for (const entry of book.slice(2400, 2420)) {
      const x = encodeRow(model.features, toFeatureRow(entry.applicant));
      for (const { f, j } of constrained) {
        let previous = Number.NEGATIVE_INFINITY;
        for (let step = 0; step <= 30; step++) {
          const probe = Float64Array.from(x);
          probe[j] = (f.median ?? 1) * (step / 10) + step;
          const risk = f.monotone * predictLogOdds(model, probe);
          expect(risk).toBeGreaterThanOrEqual(previous - 1e-12);
          previous = risk;
        }
      }
    }
  });

  it("ranks held-out applicants well", () => {
    const held = book.slice(2400);
    const scores = held.map((e) => predictLogOdds(model, encodeRow(model.features, toFeatureRow(e.applicant))));
    expect(
      rocAuc(
        held.map((e) => e.defaulted),
        scores,
      ),
    ).toBeGreaterThan(0.7);
  });

  it("is reproducible from its subsampling seed", () => {
    const again = trainCreditChallengerOnApplicants(book.slice(0, 2400), {
      params: { trees: 60, learningRate: 0.1, seed: 7 },
      createdAt: "2026-12-01T00:00:00.000Z",
    });
    expect(again).toEqual(model);
    const other = trainCreditChallengerOnApplicants(book.slice(0, 600), { params: { trees: 5, seed: 8 } });
    const otherSeed = trainCreditChallengerOnApplicants(book.slice(0, 600), { params: { trees: 5, seed: 9 } });
    expect(other.trees).not.toEqual(otherSeed.trees);
  });

  it("refuses protected characteristics as inputs", () => {
    const specs = defineFeatures([
      { name: "savings", kind: "numeric", trend: "descending", label: { en: "s", "zh-CN": "s" }, format: "gbp" },
      { name: "Age", kind: "numeric", trend: "auto", label: { en: "a", "zh-CN": "a" }, format: "number" },
      {
        name: "marital_status",
        kind: "categorical",
        trend: "none",
        label: { en: "m", "zh-CN": "m" },
        format: "category",
      },
    ]);
    const table = { specs, rows: [{ savings: 1, Age: 30, marital_status: "single" }], labels: [1] };
    expect(() => trainCreditChallenger(table)).toThrow(ProtectedAttributeError);
    expect(() => trainCreditChallenger(table)).toThrow(/Age, marital_status/);
  });
});
