import { describe, expect, it } from "vitest";
import { ApplicantProfileSchema, ApplicantSchema, parseApplicant, toApplicant } from "./applicant-schema.js";
import { isProtectedAttribute } from "./protected-attributes.js";
import { NATIVE_FEATURES } from "./native-features.js";

const profile = {
  annualIncome: 30000,
  employmentType: "permanent",
  employmentMonths: 24,
  monthlyObligations: 500,
  delinquencies: 0,
  revolvingUtilisation: 0.3,
  openAccounts: 3,
  creditHistoryMonths: 60,
  recentEnquiries: 1,
  housing: "rent",
  savingsBalance: 2000,
  currentAccountStatus: "in_credit",
} as const;
const request = { amount: 10000, termMonths: 36, purpose: "car" } as const;

describe("applicant schema", () => {
  it("combines a stored profile with a loan request into a valid applicant", () => {
    expect(ApplicantSchema.parse(toApplicant(ApplicantProfileSchema.parse(profile), request))).toMatchObject({
      amount: 10000,
    });
  });

  it.each(["sex", "gender", "maritalStatus", "nationality", "foreignWorker", "age", "dateOfBirth"])(
    "rejects the protected attribute %s",
    (key) => {
      const input = { ...profile, ...request, [key]: key === "age" ? 40 : "x" };
      expect(ApplicantSchema.safeParse(input).success).toBe(false);
      const parsed = parseApplicant(input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok)
        expect(parsed.error).toContain(`protected characteristic(s) cannot be used in a credit decision: ${key}`);
    },
  );

  it("rejects protected attributes on a stored profile too", () => {
    expect(ApplicantProfileSchema.safeParse({ ...profile, marital_status: "single" }).success).toBe(false);
  });

  it("never uses a protected characteristic as a scorecard characteristic", () => {
    for (const f of NATIVE_FEATURES) expect(isProtectedAttribute(f.name)).toBe(false);
    expect(isProtectedAttribute("foreign_worker")).toBe(true);
    expect(isProtectedAttribute("SEX")).toBe(true);
  });
});
