import { describe, expect, it } from "vitest";
import { createRng } from "../../shared/random.js";
import { ApplicantProfileSchema, ApplicantSchema } from "./applicant-schema.js";
import { generateApplicantBook, generateApplicantProfile } from "./synthetic-book.js";

describe("synthetic applicant book", () => {
  it("is reproducible from its seed", () => {
    expect(generateApplicantBook({ size: 50, seed: 3 })).toEqual(generateApplicantBook({ size: 50, seed: 3 }));
    expect(generateApplicantBook({ size: 50, seed: 3 })).not.toEqual(generateApplicantBook({ size: 50, seed: 4 }));
  });

  it("has a realistic bad rate between 10% and 20% and valid applicants", () => {
    const book = generateApplicantBook({ size: 8000, seed: 42 });
    const badRate = book.reduce((s, b) => s + b.defaulted, 0) / book.length;
    expect(badRate).toBeGreaterThan(0.1);
    expect(badRate).toBeLessThan(0.2);
    for (const b of book.slice(0, 500)) expect(ApplicantSchema.safeParse(b.applicant).success).toBe(true);
  });

  it("makes riskier observable attributes go with more defaults", () => {
    const book = generateApplicantBook({ size: 8000, seed: 8 });
    const rate = (xs: typeof book): number => xs.reduce((s, b) => s + b.defaulted, 0) / xs.length;
    expect(rate(book.filter((b) => b.applicant.delinquencies > 0))).toBeGreaterThan(
      rate(book.filter((b) => b.applicant.delinquencies === 0)),
    );
    expect(rate(book.filter((b) => (b.applicant.revolvingUtilisation ?? 0) > 0.7))).toBeGreaterThan(
      rate(book.filter((b) => (b.applicant.revolvingUtilisation ?? 1) < 0.3)),
    );
  });

  it("generates stored profiles for the bank seed", () => {
    const rng = createRng(1);
    for (let i = 0; i < 100; i++)
      expect(ApplicantProfileSchema.safeParse(generateApplicantProfile(rng)).success).toBe(true);
  });
});
