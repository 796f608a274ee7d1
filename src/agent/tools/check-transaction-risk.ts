// check_transaction_risk: the fraud model's verdict and reasons for one transaction: a customer's own, or any for
// staff (who also see whose it is). Reasons come in the caller's language.
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort, FraudPort } from "../agent-ports.js";
import { contextOf, customerIdOf } from "./tool-context.js";
import { createFreeTextScreen, InjectionRemovedSchema, NeedsSignInSchema, toolOutput } from "./tool-output.js";

const TRANSACTION_ID = z.string().describe("The transaction id that was asked about.");

/** The fraud model's verdict on one transaction. */
export const RiskVerdictSchema = z.object({
  probability: z.number().min(0).max(1).describe("Estimated probability of fraud, rounded to three decimals."),
  level: z.enum(["none", "review", "block"]).describe("What the bank does at this probability."),
  reasons: z.array(z.string()).describe("The model's main signals, in the caller's language."),
  modelVersion: z.string().describe("Version of the fraud model that scored it."),
});

/** What check_transaction_risk returns: the verdict, or why there is none. */
export const CheckTransactionRiskOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("The transaction was scored."),
      transaction: z
        .object({
          id: z.string().describe("Transaction id."),
          customerId: z.string().optional().describe("Staff only: the customer who made it."),
          merchant: z.string().describe("Merchant name (a marker if it read as an instruction)."),
          amount: z.number().describe("Amount in the transaction's currency."),
          currency: z.string().describe("ISO currency code."),
          date: z.string().describe("When it was made, as an ISO timestamp."),
        })
        .describe("The transaction that was scored."),
      risk: RiskVerdictSchema.describe("The fraud model's verdict."),
      injectionRemoved: InjectionRemovedSchema,
    }),
    z.object({
      status: z.literal("not_found").describe("No transaction of the caller has this id."),
      transactionId: TRANSACTION_ID,
    }),
    z.object({
      status: z.literal("unavailable").describe("The fraud model could not score it."),
      transactionId: TRANSACTION_ID,
    }),
    NeedsSignInSchema,
  ])
  .describe("check_transaction_risk output");
/** A check_transaction_risk result. */
export type CheckTransactionRiskOutput = z.infer<typeof CheckTransactionRiskOutputSchema>;

/** Builds the fraud check tool; a transaction of another customer is refused as not found. */
export function createCheckTransactionRiskTool(bank: BankPort, fraud: FraudPort) {
  return tool(
    async ({ transactionId }, runtime) => {
      const ctx = contextOf(runtime);
      const customerId = customerIdOf(ctx);
      if (!customerId && ctx.identity.kind !== "staff") {
        return toolOutput(CheckTransactionRiskOutputSchema, { status: "needs_sign_in" });
      }
      const tx = bank.getTransaction(transactionId);
      // Another customer's transaction looks exactly like a missing one, so ids cannot be probed.
      if (!tx || (customerId && tx.customerId !== customerId)) {
        return toolOutput(CheckTransactionRiskOutputSchema, { status: "not_found", transactionId });
      }
      const verdict = fraud.assess(tx.id);
      if (!verdict) return toolOutput(CheckTransactionRiskOutputSchema, { status: "unavailable", transactionId });
      const screen = createFreeTextScreen();
      return toolOutput(CheckTransactionRiskOutputSchema, {
        status: "ok",
        transaction: {
          id: tx.id,
          ...(ctx.identity.kind === "staff" ? { customerId: tx.customerId } : {}),
          merchant: screen.clean(tx.merchantName),
          amount: tx.amount,
          currency: tx.currency,
          date: tx.timestamp,
        },
        risk: {
          probability: Number(verdict.probability.toFixed(3)),
          level: verdict.level,
          reasons: verdict.reasons.map((r) => r.text[ctx.locale]),
          modelVersion: verdict.modelVersion,
        },
        ...screen.removed(),
      });
    },
    {
      name: "check_transaction_risk",
      description:
        "Check how likely one of the customer's transactions is to be fraud, with the model's reasons. " +
        "Staff may check any transaction id.",
      schema: z.object({
        transactionId: z
          .string()
          .min(1)
          .max(64)
          .describe("The transaction id (from get_recent_transactions, or the id a member of staff names)."),
      }),
    },
  );
}
