// open_dispute: opens a dispute on one of the caller's transactions, after the customer approves it.
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort } from "../agent-ports.js";
import { contextOf, customerIdOf, toolResult } from "./tool-context.js";

/** Dispute reasons the bank's disputes team handles. */
export const DisputeReasonSchema = z.enum(["not_recognised", "goods_not_received", "duplicate_charge", "wrong_amount", "cancelled_subscription", "other"]);

const SCHEMA = z.object({
  transactionId: z.string().min(1).max(64).describe("The transaction id from get_recent_transactions."),
  reason: DisputeReasonSchema.describe("Why the customer disputes it."),
});

/** Builds the dispute tool; another customer's transaction is refused as not found, a disputed one returns its dispute. */
export function createOpenDisputeTool(bank: BankPort) {
  return tool(
    async ({ transactionId, reason }, runtime) => {
      const ctx = contextOf(runtime);
      const customerId = customerIdOf(ctx);
      if (!customerId) return toolResult("needs_sign_in");
      const tx = bank.getTransaction(transactionId);
      if (!tx || tx.customerId !== customerId) return toolResult("not_found", { transactionId });
      // A transaction already under dispute gets that dispute back (alreadyOpen), never a second one.
      const dispute = bank.createDispute({ customerId, transactionId, reason });
      return toolResult("ok", {
        dispute: { id: dispute.id, status: dispute.status, reason },
        ...(dispute.alreadyOpen ? { alreadyOpen: true } : {}),
        transaction: { merchant: tx.merchantName, amount: tx.amount, currency: tx.currency, date: tx.timestamp },
      });
    },
    { name: "open_dispute", description: "Open a dispute on one of the customer's transactions. Needs the customer's approval. If one is already open on that transaction, it is returned with alreadyOpen: true (tell the customer it is already being handled).", schema: SCHEMA },
  );
}
