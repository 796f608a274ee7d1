import { describe, expect, it } from "vitest";
import { trainNativeScorecard } from "../../scoring/credit/default-scorecard.js";
import { generateApplicantBook } from "../../scoring/credit/synthetic-book.js";
import { buildCreditMonitoring } from "./model-monitoring.js";

describe("credit monitoring", () => {
  const book = generateApplicantBook({ size: 3000, seed: 3 });
  const { scorecard } = trainNativeScorecard(book, { seed: 3, createdAt: "2026-11-01T00:00:00Z" });
  const profileOf = (a: (typeof book)[number]["applicant"]): Record<string, unknown> => {
    const { amount: _a, termMonths: _t, purpose: _p, ...profile } = a;
    return profile;
  };

  it("finds a customer base like the development sample stable", () => {
    const profiles = generateApplicantBook({ size: 2000, seed: 9 }).map((e) => profileOf(e.applicant));
    const credit = buildCreditMonitoring(scorecard, profiles);
    expect(credit?.profiles).toBe(2000);
    expect(credit?.psi.band).toBe("stable");
    expect(credit?.csi.length).toBe(scorecard.features.length);
  });

  it("flags a riskier customer base as shifted, and skips profiles it cannot read", () => {
    const risky = generateApplicantBook({ size: 2000, seed: 9, riskShift: 1.5 }).map((e) => profileOf(e.applicant));
    const credit = buildCreditMonitoring(scorecard, [...risky, { not: "a profile" }, null]);
    expect(credit?.profiles).toBe(2000);
    expect(credit?.psi.index).toBeGreaterThan(0.1);
    expect(buildCreditMonitoring(scorecard, [])).toBeNull();
  });
});
