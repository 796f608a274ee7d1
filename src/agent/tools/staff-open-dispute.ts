// staff_open_dispute (staff only): a member of staff opens a dispute on a transaction for the customer who made it.
// Runs only after that staff member confirms it; the dispute records who opened it.
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort } from "../agent-ports.js";
import { contextOf } from "./tool-context.js";
import { createFreeTextScreen, ForbiddenSchema, InjectionRemovedSchema, toolOutput } from "./tool-output.js";

/** The reason recorded when staff give none. */
export const STAFF_DISPUTE_DEFAULT_REASON = "disputed by staff on the customer's behalf";

const SCHEMA = z.object({
  transactionId: z.string().min(1).max(64).describe("The transaction to dispute, e.g. tx-00005926."),
  reason: z
    .string()
    .min(1)
    .max(200)
    .default(STAFF_DISPUTE_DEFAULT_REASON)
    .describe("Why it is disputed, as the staff member put it."),
});

/** What staff_open_dispute returns: the dispute (new or already open) and who opened it, or why there is none. */
export const StaffOpenDisputeOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("A dispute is open on the transaction."),
      dispute: z
        .object({
          id: z.string().describe("Dispute reference."),
          status: z.string().describe("The dispute's status at the disputes team."),
        })
        .describe("The dispute."),
      alreadyOpen: z.literal(true).optional().describe("The dispute existed before this call; none was added."),
      transaction: z
        .object({
          id: z.string().describe("Transaction id."),
          merchant: z.string().describe("Merchant name (a marker if it read as an instruction)."),
          amount: z.number().describe("Amount in the transaction's currency."),
          currency: z.string().describe("ISO currency code."),
          date: z.string().describe("When it was made, as an ISO timestamp."),
        })
        .describe("The disputed transaction."),
      customerId: z.string().describe("The customer who made the transaction."),
      actedBy: z.string().describe("The member of staff who opened it (staff:<id>)."),
      injectionRemoved: InjectionRemovedSchema,
    }),
    z.object({
      status: z.literal("not_found").describe("No transaction has this id."),
      transactionId: z.string().describe("The transaction id that was asked about."),
    }),
    ForbiddenSchema,
  ])
  .describe("staff_open_dispute output");
/** A staff_open_dispute result. */
export type StaffOpenDisputeOutput = z.infer<typeof StaffOpenDisputeOutputSchema>;

const DESCRIPTION =
  "Staff only: open a dispute (chargeback) on a transaction for the customer who made it. Needs the staff member's " +
  "confirmation. An open dispute on that transaction is returned with alreadyOpen: true instead of a second one.";

/** Builds the staff dispute tool; the acting staff member is recorded with a new dispute. */
export function createStaffOpenDisputeTool(bank: BankPort) {
  return tool(
    async ({ transactionId, reason }, runtime) => {
      const ctx = contextOf(runtime);
      if (ctx.identity.kind !== "staff") return toolOutput(StaffOpenDisputeOutputSchema, { status: "forbidden" });
      const tx = bank.getTransaction(transactionId);
      if (!tx) return toolOutput(StaffOpenDisputeOutputSchema, { status: "not_found", transactionId });
      const actedBy = `staff:${ctx.identity.staffId}`;
      const screen = createFreeTextScreen();
      const dispute = bank.createDispute({
        customerId: tx.customerId,
        transactionId: tx.id,
        reason: screen.clean(reason),
        openedBy: actedBy,
      });
      return toolOutput(StaffOpenDisputeOutputSchema, {
        status: "ok",
        dispute: { id: dispute.id, status: dispute.status },
        ...(dispute.alreadyOpen ? { alreadyOpen: true } : {}),
        transaction: {
          id: tx.id,
          merchant: screen.clean(tx.merchantName),
          amount: tx.amount,
          currency: tx.currency,
          date: tx.timestamp,
        },
        customerId: tx.customerId,
        actedBy,
        ...screen.removed(),
      });
    },
    { name: "staff_open_dispute", description: DESCRIPTION, schema: SCHEMA },
  );
}
