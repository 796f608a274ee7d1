// check_credit_eligibility: a pre-qualification estimate from the scorecard on the customer's stored profile.
// It is never a credit decision and the result says so.
import { tool } from "langchain";
import { z } from "zod";
import type { CreditPort } from "../agent-ports.js";
import { contextOf, customerIdOf } from "./tool-context.js";
import { NeedsSignInSchema, toolOutput } from "./tool-output.js";

const LoanPurposeSchema = z.enum(["car", "home_improvement", "debt_consolidation", "holiday", "wedding", "other"]);

const SCHEMA = z.object({
  amount: z.number().min(1000).max(35000).describe("Loan amount in GBP (1,000 to 35,000)."),
  termMonths: z.number().int().min(12).max(84).describe("Repayment term in months (12 to 84)."),
  purpose: LoanPurposeSchema.optional().describe("What the loan is for, if the customer said."),
});

/** The scorecard's outcome bands, shared by the estimate and its explanation. */
export const CreditDecisionSchema = z.enum(["approve", "refer", "decline"]);

/** What check_credit_eligibility returns: a pre-qualification estimate, or why there is none. */
export const CheckCreditEligibilityOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("An estimate was made."),
      prequalification: z.literal(true).describe("Always true: this is an estimate, not a credit decision."),
      request: z
        .object({
          amount: z.number().describe("Loan amount in GBP."),
          termMonths: z.number().int().describe("Repayment term in months."),
          purpose: LoanPurposeSchema.optional().describe("What the loan is for, if given."),
        })
        .describe("The loan the estimate is for."),
      estimate: z
        .object({
          decision: CreditDecisionSchema.describe("The likely outcome of an application."),
          grade: z.string().describe("Scorecard grade, A best."),
          points: z.number().describe("Scorecard points."),
          reasons: z.array(z.string()).describe("Main reasons, in the customer's language, most points lost first."),
        })
        .describe("The scorecard's estimate."),
      scorecardVersion: z.string().describe("Version of the scorecard used."),
    }),
    z.object({
      status: z.literal("not_found").describe("The customer has no credit profile on file."),
      reason: z.string().describe("Why no estimate was made."),
    }),
    NeedsSignInSchema,
  ])
  .describe("check_credit_eligibility output");
/** A check_credit_eligibility result. */
export type CheckCreditEligibilityOutput = z.infer<typeof CheckCreditEligibilityOutputSchema>;

const DESCRIPTION =
  "Estimate whether the signed-in customer is likely to qualify for a personal loan " +
  "(a pre-qualification estimate, not a decision).";

const NO_PROFILE: { status: "not_found"; reason: string } = {
  status: "not_found",
  reason: "no credit profile on file",
};

/** Builds the eligibility tool. */
export function createCheckCreditEligibilityTool(credit: CreditPort) {
  return tool(
    async (input, runtime) => {
      const ctx = contextOf(runtime);
      const customerId = customerIdOf(ctx);
      if (!customerId) return toolOutput(CheckCreditEligibilityOutputSchema, { status: "needs_sign_in" });
      const estimate = credit.prequalify(customerId, input);
      if (!estimate.ok) return toolOutput(CheckCreditEligibilityOutputSchema, NO_PROFILE);
      const e = estimate.value;
      return toolOutput(CheckCreditEligibilityOutputSchema, {
        status: "ok",
        prequalification: true,
        request: input,
        estimate: {
          decision: e.decision,
          grade: e.grade,
          points: e.points,
          reasons: e.reasons.map((r) => r.text[ctx.locale]),
        },
        scorecardVersion: e.scorecardVersion,
      });
    },
    { name: "check_credit_eligibility", description: DESCRIPTION, schema: SCHEMA },
  );
}
