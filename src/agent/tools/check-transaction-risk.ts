// check_transaction_risk: the fraud model's verdict and reasons for one of the caller's own transactions.
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort, FraudPort } from "../agent-ports.js";
import { contextOf, customerIdOf, toolResult } from "./tool-context.js";

/** Builds the fraud check tool; a transaction of another customer is refused as not found. */
export function createCheckTransactionRiskTool(bank: BankPort, fraud: FraudPort) {
  return tool(
    async ({ transactionId }, runtime) => {
      const ctx = contextOf(runtime);
      const customerId = customerIdOf(ctx);
      if (!customerId && ctx.identity.kind !== "staff") return toolResult("needs_sign_in");
      const tx = bank.getTransaction(transactionId);
      // Another customer's transaction looks exactly like a missing one, so ids cannot be probed.
      if (!tx || (customerId && tx.customerId !== customerId)) return toolResult("not_found", { transactionId });
      const verdict = fraud.assess(tx.id);
      if (!verdict) return toolResult("unavailable", { transactionId });
      return toolResult("ok", {
        transaction: { id: tx.id, merchant: tx.merchantName, amount: tx.amount, currency: tx.currency, date: tx.timestamp },
        risk: { probability: Number(verdict.probability.toFixed(3)), level: verdict.level, reasons: verdict.reasons.map((r) => r.text[ctx.locale]), modelVersion: verdict.modelVersion },
      });
    },
    {
      name: "check_transaction_risk",
      description: "Check how likely one of the customer's transactions is to be fraud, with the model's reasons.",
      schema: z.object({ transactionId: z.string().min(1).max(64).describe("The transaction id from get_recent_transactions.") }),
    },
  );
}
