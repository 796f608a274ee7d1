// open_dispute: opens a dispute on one of the caller's transactions, after the customer approves it.
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort } from "../agent-ports.js";
import { contextOf, customerIdOf } from "./tool-context.js";
import { createFreeTextScreen, InjectionRemovedSchema, NeedsSignInSchema, toolOutput } from "./tool-output.js";

/** Dispute reasons the bank's disputes team handles. */
export const DisputeReasonSchema = z.enum([
  "not_recognised",
  "goods_not_received",
  "duplicate_charge",
  "wrong_amount",
  "cancelled_subscription",
  "other",
]);

const SCHEMA = z.object({
  transactionId: z.string().min(1).max(64).describe("The transaction id from get_recent_transactions."),
  reason: DisputeReasonSchema.describe("Why the customer disputes it."),
});

/** What open_dispute returns: the dispute (new or already open), or why there is none. */
export const OpenDisputeOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("A dispute is open on the transaction."),
      dispute: z
        .object({
          id: z.string().describe("Dispute reference the customer can quote."),
          status: z.string().describe("The dispute's status at the disputes team."),
          reason: DisputeReasonSchema.describe("The reason given in this call."),
        })
        .describe("The dispute."),
      alreadyOpen: z.literal(true).optional().describe("The dispute existed before this call; none was added."),
      transaction: z
        .object({
          merchant: z.string().describe("Merchant name (a marker if it read as an instruction)."),
          amount: z.number().describe("Amount in the transaction's currency."),
          currency: z.string().describe("ISO currency code."),
          date: z.string().describe("When it was made, as an ISO timestamp."),
        })
        .describe("The disputed transaction."),
      injectionRemoved: InjectionRemovedSchema,
    }),
    z.object({
      status: z.literal("not_found").describe("No transaction of the caller has this id."),
      transactionId: z.string().describe("The transaction id that was asked about."),
    }),
    NeedsSignInSchema,
  ])
  .describe("open_dispute output");
/** An open_dispute result. */
export type OpenDisputeOutput = z.infer<typeof OpenDisputeOutputSchema>;

const DESCRIPTION =
  "Open a dispute on one of the customer's transactions. Needs the customer's approval. If one is already open on " +
  "that transaction, it is returned with alreadyOpen: true (tell the customer it is already being handled).";

/** Builds the dispute tool; another customer's transaction is refused as not found, a disputed one returns its own. */
export function createOpenDisputeTool(bank: BankPort) {
  return tool(
    async ({ transactionId, reason }, runtime) => {
      const ctx = contextOf(runtime);
      const customerId = customerIdOf(ctx);
      if (!customerId) return toolOutput(OpenDisputeOutputSchema, { status: "needs_sign_in" });
      const tx = bank.getTransaction(transactionId);
      if (!tx || tx.customerId !== customerId) {
        return toolOutput(OpenDisputeOutputSchema, { status: "not_found", transactionId });
      }
      // A transaction already under dispute gets that dispute back (alreadyOpen), never a second one.
      const dispute = bank.createDispute({ customerId, transactionId, reason });
      const screen = createFreeTextScreen();
      return toolOutput(OpenDisputeOutputSchema, {
        status: "ok",
        dispute: { id: dispute.id, status: dispute.status, reason },
        ...(dispute.alreadyOpen ? { alreadyOpen: true } : {}),
        transaction: {
          merchant: screen.clean(tx.merchantName),
          amount: tx.amount,
          currency: tx.currency,
          date: tx.timestamp,
        },
        ...screen.removed(),
      });
    },
    { name: "open_dispute", description: DESCRIPTION, schema: SCHEMA },
  );
}
