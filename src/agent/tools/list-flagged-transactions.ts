// list_flagged_transactions (staff only): transactions the fraud model flagged, with reasons, for review.
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort } from "../agent-ports.js";
import { contextOf } from "./tool-context.js";
import { createFreeTextScreen, ForbiddenSchema, InjectionRemovedSchema, toolOutput } from "./tool-output.js";

/** What list_flagged_transactions returns: the review queue, highest risk first. */
export const ListFlaggedTransactionsOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("The queue was read (possibly empty)."),
      transactions: z
        .array(
          z.object({
            id: z.string().describe("Transaction id."),
            customerId: z.string().describe("The customer who made it."),
            merchant: z.string().describe("Merchant name (a marker if it read as an instruction)."),
            amount: z.number().describe("Amount in the transaction's currency."),
            currency: z.string().describe("ISO currency code."),
            date: z.string().describe("When it was made, as an ISO timestamp."),
            level: z.enum(["none", "review", "block"]).describe("What the bank does at this probability."),
            probability: z.number().min(0).max(1).describe("Estimated probability of fraud, three decimals."),
            reasons: z.array(z.string()).describe("The model's main signals, in the caller's language."),
          }),
        )
        .describe("Flagged transactions, highest risk first."),
      injectionRemoved: InjectionRemovedSchema,
    }),
    ForbiddenSchema,
  ])
  .describe("list_flagged_transactions output");
/** A list_flagged_transactions result. */
export type ListFlaggedTransactionsOutput = z.infer<typeof ListFlaggedTransactionsOutputSchema>;

/** Builds the staff fraud queue tool. */
export function createListFlaggedTransactionsTool(bank: BankPort) {
  return tool(
    async ({ limit }, runtime) => {
      const ctx = contextOf(runtime);
      if (ctx.identity.kind !== "staff") {
        return toolOutput(ListFlaggedTransactionsOutputSchema, { status: "forbidden" });
      }
      const screen = createFreeTextScreen();
      const transactions = bank.listFlaggedTransactions({ limit }).map((t) => ({
        id: t.id,
        customerId: t.customerId,
        merchant: screen.clean(t.merchantName),
        amount: t.amount,
        currency: t.currency,
        date: t.timestamp,
        level: t.assessment.level,
        probability: Number(t.assessment.probability.toFixed(3)),
        reasons: t.assessment.reasons.map((r) => r.text[ctx.locale]),
      }));
      return toolOutput(ListFlaggedTransactionsOutputSchema, { status: "ok", transactions, ...screen.removed() });
    },
    {
      name: "list_flagged_transactions",
      description: "Staff only: list transactions flagged by the fraud model, highest risk first.",
      schema: z.object({ limit: z.number().int().min(1).max(50).default(10).describe("How many to list.") }),
    },
  );
}
