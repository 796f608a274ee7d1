// check_credit_eligibility: a pre-qualification estimate from the scorecard on the customer's stored profile.
// It is never a credit decision and the result says so.
import { tool } from "langchain";
import { z } from "zod";
import type { CreditPort } from "../agent-ports.js";
import { contextOf, customerIdOf, toolResult } from "./tool-context.js";

const SCHEMA = z.object({
  amount: z.number().min(1000).max(35000).describe("Loan amount in GBP (1,000 to 35,000)."),
  termMonths: z.number().int().min(12).max(84).describe("Repayment term in months (12 to 84)."),
  purpose: z.enum(["car", "home_improvement", "debt_consolidation", "holiday", "wedding", "other"]).optional(),
});

/** Builds the eligibility tool. */
export function createCheckCreditEligibilityTool(credit: CreditPort) {
  return tool(
    async (input, runtime) => {
      const ctx = contextOf(runtime);
      const customerId = customerIdOf(ctx);
      if (!customerId) return toolResult("needs_sign_in");
      const estimate = credit.prequalify(customerId, input);
      if (!estimate.ok) return toolResult("not_found", { reason: "no credit profile on file" });
      const e = estimate.value;
      return toolResult("ok", {
        prequalification: true,
        request: input,
        estimate: { decision: e.decision, grade: e.grade, points: e.points, reasons: e.reasons.map((r) => r.text[ctx.locale]) },
        scorecardVersion: e.scorecardVersion,
      });
    },
    {
      name: "check_credit_eligibility",
      description: "Estimate whether the signed-in customer is likely to qualify for a personal loan (a pre-qualification estimate, not a decision).",
      schema: SCHEMA,
    },
  );
}
