import { describe, expect, it } from "vitest";
import type { Applicant } from "./applicant-schema.js";
import { createCreditScorer, CreditScoreSchema, decisionFor, gradeFor } from "./credit-scorer.js";
import { trainNativeScorecard } from "./default-scorecard.js";
import { generateApplicantBook } from "./synthetic-book.js";

const { scorecard } = trainNativeScorecard(generateApplicantBook({ size: 5000, seed: 5 }), {
  seed: 5,
  createdAt: "2026-01-01T00:00:00.000Z",
});

const risky: Applicant = {
  annualIncome: 18000,
  employmentType: "part_time",
  employmentMonths: 2,
  monthlyObligations: 700,
  delinquencies: 3,
  revolvingUtilisation: 0.85,
  openAccounts: 9,
  creditHistoryMonths: 14,
  recentEnquiries: 5,
  housing: "rent",
  savingsBalance: 0,
  currentAccountStatus: "unarranged_overdraft",
  amount: 10000,
  termMonths: 60,
  purpose: "debt_consolidation",
};
const safe: Applicant = {
  ...risky,
  annualIncome: 60000,
  employmentType: "permanent",
  employmentMonths: 150,
  monthlyObligations: 600,
  delinquencies: 0,
  revolvingUtilisation: 0.05,
  openAccounts: 2,
  creditHistoryMonths: 260,
  recentEnquiries: 0,
  housing: "owner_outright",
  savingsBalance: 40000,
  currentAccountStatus: "in_credit",
  amount: 5000,
  termMonths: 24,
  purpose: "home_improvement",
};

describe("credit scorer", () => {
  const scorer = createCreditScorer({ scorecard });

  it("returns the top four reasons as the characteristics that lost the most points against their best bin", () => {
    const result = scorer.score(risky);
    const lost = result.pointsTable
      .map((r) => ({ feature: r.feature, lost: r.maxPoints - r.points }))
      .filter((r) => r.lost > 0);
    lost.sort((a, b) => b.lost - a.lost || a.feature.localeCompare(b.feature));
    expect(result.reasons.map((r) => r.feature)).toEqual(lost.slice(0, 4).map((r) => r.feature));
    expect(result.reasons.map((r) => r.pointsLost)).toEqual(lost.slice(0, 4).map((r) => r.lost));
    expect(result.reasons).toHaveLength(4);
  });

  it("words reasons in plain English and Chinese with the applicant's value", () => {
    const result = scorer.score(risky);
    const util = result.reasons.find((r) => r.feature === "revolvingUtilisation");
    expect(util).toMatchObject({
      code: "REVOLVING_UTILISATION_HIGH",
      text: { en: "Revolving utilisation is high (85%)", "zh-CN": "循环信用使用率偏高（85%）" },
    });
    for (const r of result.reasons) expect(r.text["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
  });

  it("marks the result as a pre-qualification and scores a strong applicant above a weak one", () => {
    const weak = scorer.score(risky);
    const strong = scorer.score(safe);
    expect(CreditScoreSchema.parse(strong).prequalification).toBe(true);
    expect(strong.points).toBeGreaterThan(weak.points);
    expect(strong.probabilityOfDefault).toBeLessThan(weak.probabilityOfDefault);
    expect(weak.decision).toBe("decline");
    expect(strong.decision).toBe("approve");
    expect(strong.scorecardVersion).toBe(scorecard.version);
    expect(strong.pointsTable.reduce((s, r) => s + r.points, 0)).toBe(strong.points);
  });

  it("applies configurable thresholds and grade bands", () => {
    const lenient = createCreditScorer({ scorecard, thresholds: { approveMinPoints: 300, declineMaxPoints: 200 } });
    expect(lenient.score(risky).decision).toBe("approve");
    expect(decisionFor(540, { approveMinPoints: 560, declineMaxPoints: 519 })).toBe("refer");
    expect([gradeFor(610), gradeFor(585), gradeFor(565), gradeFor(530), gradeFor(400)]).toEqual([
      "A",
      "B",
      "C",
      "D",
      "E",
    ]);
    expect(() =>
      createCreditScorer({ scorecard, thresholds: { approveMinPoints: 500, declineMaxPoints: 550 } }),
    ).toThrow();
  });
});
