// explain_credit_decision: the reason codes behind a scorecard estimate. Customers get their own; staff may name a
// customer, and only staff see the points table and the probability of default. Every text comes in the caller's
// language (the scorecard labels each characteristic and bin in both).
import { tool } from "langchain";
import { z } from "zod";
import type { CreditPort } from "../agent-ports.js";
import { CreditDecisionSchema } from "./check-credit-eligibility.js";
import { contextOf, customerIdOf } from "./tool-context.js";
import { NeedsSignInSchema, toolOutput } from "./tool-output.js";

const SCHEMA = z.object({
  customerId: z.string().max(64).optional().describe("Staff only: the customer to explain. Ignored for customers."),
  amount: z.number().min(1000).max(35000).default(10000).describe("Loan amount in GBP the estimate is for."),
  termMonths: z.number().int().min(12).max(84).default(60).describe("Term in months."),
});

/** What explain_credit_decision returns: the ranked reasons behind an estimate, or why there are none. */
export const ExplainCreditDecisionOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("The estimate was explained."),
      prequalification: z.literal(true).describe("Always true: this explains an estimate, not a credit decision."),
      customerId: z.string().optional().describe("Staff only: the customer the estimate is for."),
      amount: z.number().describe("Loan amount in GBP the estimate was made for."),
      termMonths: z.number().int().describe("Term in months the estimate was made for."),
      decision: CreditDecisionSchema.describe("The likely outcome of an application."),
      grade: z.string().describe("Scorecard grade, A best."),
      points: z.number().describe("Scorecard points."),
      reasons: z
        .array(
          z.object({
            code: z.string().describe("Reason code."),
            text: z.string().describe("The reason in the caller's language."),
            pointsLost: z.number().describe("Points this characteristic cost against the best bin."),
          }),
        )
        .describe("Reasons, most points lost first."),
      pointsTable: z
        .array(
          z.object({
            feature: z.string().describe("Scorecard characteristic code, e.g. revolvingUtilisation."),
            label: z.string().describe("The characteristic's name in the caller's language."),
            value: z.string().describe("The customer's value, in the caller's language."),
            bin: z.string().describe("The bin the customer falls in, in the caller's language."),
            points: z.number().describe("Points that bin scores."),
          }),
        )
        .optional()
        .describe("Staff only: the full points table."),
      probabilityOfDefault: z
        .number()
        .min(0)
        .max(1)
        .optional()
        .describe("Staff only: estimated probability of default."),
      scorecardVersion: z.string().describe("Version of the scorecard used."),
    }),
    z.object({ status: z.literal("invalid").describe("A member of staff did not name a customer.") }),
    z.object({
      status: z.literal("not_found").describe("The customer has no credit profile on file."),
      reason: z.string().describe("Why nothing was explained."),
      customerId: z.string().optional().describe("Staff only: the customer that was asked about."),
    }),
    NeedsSignInSchema,
  ])
  .describe("explain_credit_decision output");
/** An explain_credit_decision result. */
export type ExplainCreditDecisionOutput = z.infer<typeof ExplainCreditDecisionOutputSchema>;

const NO_PROFILE: { status: "not_found"; reason: string } = {
  status: "not_found",
  reason: "no credit profile on file",
};

/** Builds the explanation tool. */
export function createExplainCreditDecisionTool(credit: CreditPort) {
  return tool(
    async ({ customerId: requested, amount, termMonths }, runtime) => {
      const ctx = contextOf(runtime);
      const staff = ctx.identity.kind === "staff";
      // A customer always gets their own explanation, whatever id the model passes.
      const customerId = staff ? requested : customerIdOf(ctx);
      if (!customerId) {
        return toolOutput(ExplainCreditDecisionOutputSchema, { status: staff ? "invalid" : "needs_sign_in" });
      }
      const estimate = credit.prequalify(customerId, { amount, termMonths });
      if (!estimate.ok) {
        return toolOutput(ExplainCreditDecisionOutputSchema, { ...NO_PROFILE, ...(staff ? { customerId } : {}) });
      }
      const e = estimate.value;
      const locale = ctx.locale;
      return toolOutput(ExplainCreditDecisionOutputSchema, {
        status: "ok",
        prequalification: true,
        ...(staff ? { customerId } : {}),
        amount,
        termMonths,
        decision: e.decision,
        grade: e.grade,
        points: e.points,
        reasons: e.reasons.map((r) => ({ code: r.code, text: r.text[locale], pointsLost: r.pointsLost })),
        // Only staff see how the points add up.
        ...(staff
          ? {
              pointsTable: e.pointsTable.map((p) => ({
                feature: p.feature,
                label: p.label[locale],
                value: p.value[locale],
                bin: p.bin[locale],
                points: p.points,
              })),
              probabilityOfDefault: Number(e.probabilityOfDefault.toFixed(4)),
            }
          : {}),
        scorecardVersion: e.scorecardVersion,
      });
    },
    {
      name: "explain_credit_decision",
      description: "Explain the main reasons behind a credit estimate or decline, ranked by points lost.",
      schema: SCHEMA,
    },
  );
}
