// explain_credit_decision: the reason codes behind a scorecard estimate. Customers get their own; staff may name a customer.
import { tool } from "langchain";
import { z } from "zod";
import type { CreditPort } from "../agent-ports.js";
import { contextOf, customerIdOf, toolResult } from "./tool-context.js";

const SCHEMA = z.object({
  customerId: z.string().max(64).optional().describe("Staff only: the customer to explain. Ignored for customers."),
  amount: z.number().min(1000).max(35000).default(10000).describe("Loan amount the estimate is for."),
  termMonths: z.number().int().min(12).max(84).default(60).describe("Term in months."),
});

/** Builds the explanation tool. */
export function createExplainCreditDecisionTool(credit: CreditPort) {
  return tool(
    async ({ customerId: requested, amount, termMonths }, runtime) => {
      const ctx = contextOf(runtime);
      // A customer always gets their own explanation, whatever id the model passes.
      const customerId = ctx.identity.kind === "staff" ? requested : customerIdOf(ctx);
      if (!customerId) return toolResult(ctx.identity.kind === "staff" ? "invalid" : "needs_sign_in", {});
      const estimate = credit.prequalify(customerId, { amount, termMonths });
      if (!estimate.ok) return toolResult("not_found", { reason: "no credit profile on file" });
      const e = estimate.value;
      return toolResult("ok", {
        prequalification: true,
        decision: e.decision,
        grade: e.grade,
        points: e.points,
        reasons: e.reasons.map((r) => ({ code: r.code, text: r.text[ctx.locale], pointsLost: r.pointsLost })),
        ...(ctx.identity.kind === "staff" ? { pointsTable: e.pointsTable, probabilityOfDefault: Number(e.probabilityOfDefault.toFixed(4)) } : {}),
        scorecardVersion: e.scorecardVersion,
      });
    },
    { name: "explain_credit_decision", description: "Explain the main reasons behind a credit estimate or decline, ranked by points lost.", schema: SCHEMA },
  );
}
