// list_flagged_transactions (staff only): transactions the fraud model flagged, with reasons, for review.
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort } from "../agent-ports.js";
import { contextOf, toolResult } from "./tool-context.js";

/** Builds the staff fraud queue tool. */
export function createListFlaggedTransactionsTool(bank: BankPort) {
  return tool(
    async ({ limit }, runtime) => {
      const ctx = contextOf(runtime);
      if (ctx.identity.kind !== "staff") return toolResult("forbidden");
      const transactions = bank.listFlaggedTransactions({ limit }).map((t) => ({
        id: t.id,
        customerId: t.customerId,
        merchant: t.merchantName,
        amount: t.amount,
        currency: t.currency,
        date: t.timestamp,
        level: t.assessment.level,
        probability: Number(t.assessment.probability.toFixed(3)),
        reasons: t.assessment.reasons.map((r) => r.text[ctx.locale]),
      }));
      return toolResult("ok", { transactions });
    },
    {
      name: "list_flagged_transactions",
      description: "Staff only: list transactions flagged by the fraud model, highest risk first.",
      schema: z.object({ limit: z.number().int().min(1).max(50).default(10) }),
    },
  );
}
