// A documented synthetic loan book: latent risk → observable profile and request → default, from a seed.
// See README.md ("Synthetic applicant book") for the process; the constants here are that description.
import { createRng, type Rng } from "../../shared/random.js";
import type { Applicant, ApplicantProfile, LoanRequest } from "./applicant-schema.js";
import { monthlyInstalment } from "./native-features.js";

/** One synthetic applicant with the outcome observed 12 months later. */
export interface BookEntry {
  applicant: Applicant;
  defaulted: 0 | 1;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

function weighted<T>(rng: Rng, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((s, [, w]) => s + Math.max(0, w), 0);
  let u = rng.next() * total;
  for (const [v, w] of options) {
    u -= Math.max(0, w);
    if (u <= 0) return v;
  }
  return (options[options.length - 1] as readonly [T, number])[0];
}

/** Draws a profile whose attributes all lean on the latent risk z (higher z = riskier). */
export function generateProfileForRisk(rng: Rng, z: number): ApplicantProfile {
  const employmentType = weighted(rng, [
    ["permanent", 0.58 - 0.08 * z],
    ["contract", 0.1],
    ["self_employed", 0.09],
    ["part_time", 0.1 + 0.03 * z],
    ["retired", 0.07],
    ["student", 0.03 + 0.01 * z],
    ["unemployed", 0.02 + 0.02 * Math.max(0, z)],
  ] as const);
  const incomeBase = {
    permanent: 36000,
    contract: 40000,
    self_employed: 38000,
    part_time: 17000,
    retired: 21000,
    student: 9000,
    unemployed: 7000,
  }[employmentType];
  const annualIncome = Math.round((incomeBase * Math.exp(rng.normal(-0.12 * z, 0.4))) / 100) * 100;
  const employmentMonths = ["unemployed", "student"].includes(employmentType)
    ? 0
    : Math.round(clamp(-Math.log(1 - rng.next()) * 70 * Math.exp(-0.3 * z), 0, 480));
  const creditHistoryMonths = rng.next() < 0.04 ? 0 : Math.round(clamp(rng.normal(130 - 25 * z, 70), 3, 600));
  const hasRevolving = rng.next() < 0.88;
  const revolvingUtilisation = hasRevolving
    ? Math.round(clamp(sigmoid(rng.normal(-0.9 + 0.9 * z, 0.9)) * 1.1, 0, 1.5) * 100) / 100
    : null;
  const delinquencies = rng.poisson(Math.exp(-1.9 + 0.9 * z));
  const recentEnquiries = rng.poisson(Math.exp(-0.1 + 0.35 * z));
  const openAccounts = Math.max(0, rng.poisson(3.5 + 0.5 * z + creditHistoryMonths / 120));
  const debtShare = clamp(rng.normal(0.22 + 0.06 * z, 0.09), 0, 0.9);
  const monthlyObligations = Math.round((annualIncome / 12) * debtShare);
  const housing = weighted(rng, [
    ["owner_outright", 0.12 + (employmentType === "retired" ? 0.3 : 0) - 0.03 * z],
    ["mortgage", 0.38 - 0.08 * z + (annualIncome > 35000 ? 0.1 : 0)],
    ["rent", 0.32 + 0.07 * z],
    ["living_with_family", 0.13 + (employmentType === "student" ? 0.3 : 0)],
    ["other", 0.05],
  ] as const);
  const savingsBalance =
    rng.next() < clamp(0.15 + 0.1 * z, 0.02, 0.6)
      ? 0
      : Math.round(annualIncome * Math.exp(rng.normal(-1.6 - 0.5 * z, 1.0)));
  const currentAccountStatus = weighted(rng, [
    ["in_credit", 0.72 - 0.12 * z],
    ["arranged_overdraft", 0.16 + 0.04 * z],
    ["unarranged_overdraft", 0.03 + 0.05 * Math.max(0, z + 0.5)],
    ["no_account", 0.09],
  ] as const);
  return {
    annualIncome,
    employmentType,
    employmentMonths,
    monthlyObligations,
    delinquencies,
    revolvingUtilisation,
    openAccounts,
    creditHistoryMonths,
    recentEnquiries,
    housing,
    savingsBalance,
    currentAccountStatus,
  };
}

/** Draws a stored lending profile for a bank customer (used by the bank seed). */
export function generateApplicantProfile(rng: Rng): ApplicantProfile {
  return generateProfileForRisk(rng, rng.normal());
}

/** Draws what a customer with this profile might ask to borrow. */
export function generateLoanRequest(rng: Rng, profile: ApplicantProfile, z = 0): LoanRequest {
  const purpose = weighted(rng, [
    ["car", 0.26],
    ["home_improvement", 0.2 - 0.03 * z],
    ["debt_consolidation", 0.22 + 0.08 * z],
    ["holiday", 0.07],
    ["wedding", 0.05],
    ["education", 0.05],
    ["business", 0.05],
    ["other", 0.1],
  ] as const);
  const amount =
    Math.round(
      clamp(Math.max(8000, profile.annualIncome) * Math.exp(rng.normal(-1.4 + 0.1 * z, 0.6)), 500, 50000) / 100,
    ) * 100;
  const termMonths = rng.pick(
    amount > 15000 ? [36, 48, 60, 60, 84] : amount > 5000 ? [24, 36, 48, 60] : [12, 18, 24, 36],
  );
  return { amount, termMonths, purpose };
}

/**
 * Generates `size` applicants and their outcomes. Default odds rise with latent risk and with affordability
 * stress (obligations plus the new instalment over monthly income); the intercept gives a bad rate near 14%.
 */
export function generateApplicantBook(options: { size: number; seed: number; riskShift?: number }): BookEntry[] {
  const rng = createRng(options.seed);
  const book: BookEntry[] = [];
  for (let i = 0; i < options.size; i++) {
    const z = rng.normal(options.riskShift ?? 0, 1);
    const profile = generateProfileForRisk(rng, z);
    const request = generateLoanRequest(rng, profile, z);
    const monthlyIncome = Math.max(300, profile.annualIncome / 12);
    const stress = (profile.monthlyObligations + monthlyInstalment(request.amount, request.termMonths)) / monthlyIncome;
    const logit =
      -2.45 + 1.05 * z + 1.6 * clamp(stress - 0.35, -0.3, 1.5) + (request.purpose === "debt_consolidation" ? 0.15 : 0);
    book.push({ applicant: { ...profile, ...request }, defaulted: rng.next() < sigmoid(logit) ? 1 : 0 });
  }
  return book;
}
