// What the bank knows about a loan applicant: a stored profile plus the loan being asked for.
// Schemas are strict, so a protected characteristic (sex, marital status, nationality, age) cannot enter a decision.
import { z } from "zod";
import { err, ok, type Result } from "../../shared/result.js";
import { findProtectedAttributes } from "./protected-attributes.js";

/** Kinds of employment the bank records. */
export const EmploymentTypeSchema = z.enum([
  "permanent",
  "contract",
  "self_employed",
  "part_time",
  "retired",
  "student",
  "unemployed",
]);
/** Housing situation. */
export const HousingSchema = z.enum(["owner_outright", "mortgage", "rent", "living_with_family", "other"]);
/** Status of the applicant's current account with us. */
export const CurrentAccountStatusSchema = z.enum([
  "in_credit",
  "arranged_overdraft",
  "unarranged_overdraft",
  "no_account",
]);
/** What the loan is for. */
export const LoanPurposeSchema = z.enum([
  "car",
  "home_improvement",
  "debt_consolidation",
  "holiday",
  "wedding",
  "education",
  "business",
  "other",
]);

/** What the bank stores about a customer for lending (no protected characteristics by construction). */
export const ApplicantProfileSchema = z
  .object({
    annualIncome: z.number().min(0).max(10_000_000).describe("Gross annual income in GBP"),
    employmentType: EmploymentTypeSchema.describe("Kind of employment"),
    employmentMonths: z.number().int().min(0).max(720).describe("Months in the current employment"),
    monthlyObligations: z
      .number()
      .min(0)
      .max(1_000_000)
      .describe("Existing monthly credit repayments and rent/mortgage in GBP"),
    delinquencies: z.number().int().min(0).max(100).describe("Payments 30+ days late in the last 24 months"),
    revolvingUtilisation: z
      .number()
      .min(0)
      .max(5)
      .nullable()
      .describe("Card and overdraft balances / limits (0..1+); null when the customer has no revolving credit"),
    openAccounts: z.number().int().min(0).max(100).describe("Open credit accounts"),
    creditHistoryMonths: z.number().int().min(0).max(900).describe("Months since the oldest credit account was opened"),
    recentEnquiries: z.number().int().min(0).max(100).describe("Credit searches in the last 6 months"),
    housing: HousingSchema.describe("Housing situation"),
    savingsBalance: z.number().min(0).max(100_000_000).describe("Savings held, in GBP"),
    currentAccountStatus: CurrentAccountStatusSchema.describe("Status of the current account with Harbor Bank"),
  })
  .strict();
/** A stored lending profile. */
export type ApplicantProfile = z.infer<typeof ApplicantProfileSchema>;

/** What the customer asks for: amount, term and purpose. */
export const LoanRequestSchema = z
  .object({
    amount: z.number().min(100).max(1_000_000).describe("Requested amount in GBP"),
    termMonths: z.number().int().min(3).max(360).describe("Requested term in months"),
    purpose: LoanPurposeSchema.describe("What the loan is for"),
  })
  .strict();
/** A loan request. */
export type LoanRequest = z.infer<typeof LoanRequestSchema>;

/** A full applicant: profile and request together; unknown keys (including protected ones) are rejected. */
export const ApplicantSchema = ApplicantProfileSchema.merge(LoanRequestSchema).strict();
/** A full applicant. */
export type Applicant = z.infer<typeof ApplicantSchema>;

/** Combines a stored profile with what the customer is asking for now. */
export function toApplicant(profile: ApplicantProfile, request: LoanRequest): Applicant {
  return { ...profile, ...request };
}

/** Parses untrusted input into an applicant, naming any protected characteristic explicitly in the refusal. */
export function parseApplicant(input: unknown): Result<Applicant, string> {
  const protectedKeys = findProtectedAttributes(input);
  if (protectedKeys.length > 0) {
    return err(`protected characteristic(s) cannot be used in a credit decision: ${protectedKeys.join(", ")}`);
  }
  const parsed = ApplicantSchema.safeParse(input);
  if (!parsed.success) {
    return err(parsed.error.issues.map((i) => `${i.path.join(".") || "(applicant)"}: ${i.message}`).join("; "));
  }
  return ok(parsed.data);
}
