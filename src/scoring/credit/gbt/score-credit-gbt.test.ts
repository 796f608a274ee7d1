import { describe, expect, it } from "vitest";
import { createScaling, pointsToProbabilityOfDefault } from "../scaling.js";
import { toFeatureRow } from "../native-features.js";
import { generateApplicantBook } from "../synthetic-book.js";
import { scoreCreditGbt } from "./score-credit-gbt.js";
import { trainCreditChallengerOnApplicants } from "./train-credit-gbt.js";

const book = generateApplicantBook({ size: 2500, seed: 21 });
const model = trainCreditChallengerOnApplicants(book.slice(0, 2000), { params: { trees: 50, learningRate: 0.1 } });
const randomApplicants = generateApplicantBook({ size: 300, seed: 99 }).map((e) => e.applicant);

describe("scoring with the credit challenger", () => {
  it("makes base points plus every contribution equal the score on random applicants (to 1e-6)", () => {
    for (const applicant of randomApplicants) {
      const s = scoreCreditGbt(model, applicant);
      const total = s.contributions.reduce((sum, c) => sum + c.points, s.basePoints);
      expect(Math.abs(total - s.points)).toBeLessThan(1e-6);
      expect(s.probability).toBeCloseTo(pointsToProbabilityOfDefault(s.points, model.scaling), 9);
    }
  });

  it("uses the scorecard's points-to-double-odds scaling", () => {
    expect(model.scaling).toEqual(createScaling());
    const s = scoreCreditGbt(model, randomApplicants[0]);
    expect(s.points).toBeCloseTo(
      model.scaling.offset - model.scaling.factor * Math.log(s.probability / (1 - s.probability)),
      6,
    );
  });

  it("gives as reasons the features that cost most points, most first, in both languages", () => {
    let worded = 0;
    for (const applicant of randomApplicants.slice(0, 100)) {
      const s = scoreCreditGbt(model, applicant);
      const losses = s.contributions
        .filter((c) => c.points < 0)
        .map((c) => -c.points)
        .sort((a, b) => b - a);
      expect(s.reasons.map((r) => r.pointsLost)).toEqual(losses.slice(0, 4));
      for (const r of s.reasons) {
        expect(r.code).toMatch(/^[A-Z_]+$/);
        expect(r.text.en.length).toBeGreaterThan(5);
        expect(r.text["zh-CN"]).not.toMatch(/[A-Za-z]{2,}/);
        worded++;
      }
    }
    expect(worded).toBeGreaterThan(50);
  });

  it("words a high debt-to-income reason with the scorecard's texts", () => {
    const risky = {
      ...(randomApplicants[1] ?? randomApplicants[0]),
      monthlyObligations: 4000,
      annualIncome: 30000,
      amount: 40000,
    };
    const s = scoreCreditGbt(model, risky, 15);
    const dti = s.reasons.find((r) => r.code === "DEBT_TO_INCOME_HIGH");
    expect(dti?.text.en).toMatch(/^Repayments including this loan would take a high share of income \(\d+%\)$/);
    expect(dti?.text["zh-CN"]).toMatch(/^含本笔贷款的还款占收入比例偏高（\d+%）$/);
  });

  it("scores an applicant and its feature row alike", () => {
    const applicant = randomApplicants[2];
    expect(scoreCreditGbt(model, toFeatureRow(applicant!))).toEqual(scoreCreditGbt(model, applicant));
  });
});
