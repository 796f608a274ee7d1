// get_recent_transactions: the caller's own recent card transactions, optionally filtered by the routed slots.
// Merchant names and categories come from payment data anyone can influence, so they are screened for instructions.
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort, TransactionView } from "../agent-ports.js";
import { contextOf, customerIdOf, resolveLast4 } from "./tool-context.js";
import { createFreeTextScreen, InjectionRemovedSchema, NeedsSignInSchema, toolOutput } from "./tool-output.js";

const SCHEMA = z.object({
  limit: z.number().int().min(1).max(50).default(10).describe("How many transactions to return."),
  cardLast4: z.string().max(20).optional().describe("Only this card (last four digits or a [CARD_n] placeholder)."),
  merchant: z.string().max(80).optional().describe("Only merchants whose name contains this."),
  amount: z.number().positive().optional().describe("Prefer transactions close to this amount."),
  sinceDays: z.number().int().min(1).max(400).optional().describe("Only the last N days."),
});

/** One transaction row as get_recent_transactions returns it. */
export const TransactionRowSchema = z.object({
  id: z.string().describe("Transaction id, for check_transaction_risk and open_dispute."),
  date: z.string().describe("When it was made, as an ISO timestamp."),
  merchant: z.string().describe("Merchant name (a marker if it read as an instruction)."),
  category: z.string().describe("Merchant category."),
  amount: z.number().describe("Amount in the transaction's currency."),
  currency: z.string().describe("ISO currency code."),
  channel: z.string().describe("How it was made, e.g. online or card_present."),
  cardLast4: z.string().describe("Last four digits of the card used; empty if the card is unknown."),
});
/** One transaction row. */
export type TransactionRow = z.infer<typeof TransactionRowSchema>;

/** What get_recent_transactions returns: the matching rows, an unknown card, or a request to sign in. */
export const GetRecentTransactionsOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("The search ran (possibly with no rows)."),
      transactions: z.array(TransactionRowSchema).describe("The caller's matching transactions, newest first."),
      injectionRemoved: InjectionRemovedSchema,
    }),
    z.object({
      status: z.literal("not_found").describe("The card asked for is not one of the caller's."),
      reason: z.string().describe("Why nothing was searched."),
      cards: z.array(z.string()).describe("Last four digits of the caller's cards."),
    }),
    NeedsSignInSchema,
  ])
  .describe("get_recent_transactions output");
/** A get_recent_transactions result. */
export type GetRecentTransactionsOutput = z.infer<typeof GetRecentTransactionsOutputSchema>;

/** Builds the transaction history tool; every row returned belongs to the caller. */
export function createGetRecentTransactionsTool(bank: BankPort, now: () => Date) {
  return tool(
    async (input, runtime) => {
      const ctx = contextOf(runtime);
      const customerId = customerIdOf(ctx);
      if (!customerId) return toolOutput(GetRecentTransactionsOutputSchema, { status: "needs_sign_in" });
      const last4 = resolveLast4(input.cardLast4, ctx);
      const cards = bank.listCards(customerId);
      const card = last4 ? cards.find((c) => c.last4 === last4) : undefined;
      if (last4 && !card) {
        return toolOutput(GetRecentTransactionsOutputSchema, {
          status: "not_found",
          reason: "no card of yours ends in those digits",
          cards: cards.map((c) => c.last4),
        });
      }
      const sinceIso = input.sinceDays
        ? new Date(now().getTime() - input.sinceDays * 86_400_000).toISOString()
        : undefined;
      let rows: TransactionView[] = bank.listTransactions(customerId, {
        limit: input.merchant || input.amount ? 200 : input.limit,
        ...(card ? { cardId: card.id } : {}),
        ...(sinceIso ? { sinceIso } : {}),
      });
      if (input.merchant) {
        const m = input.merchant.toLowerCase();
        rows = rows.filter((t) => t.merchantName.toLowerCase().includes(m));
      }
      if (input.amount) {
        const target = input.amount;
        rows = [...rows].sort((a, b) => Math.abs(a.amount - target) - Math.abs(b.amount - target));
      }
      const screen = createFreeTextScreen();
      const transactions = rows.slice(0, input.limit).map((t) => ({
        id: t.id,
        date: t.timestamp,
        merchant: screen.clean(t.merchantName),
        category: screen.clean(t.merchantCategory),
        amount: t.amount,
        currency: t.currency,
        channel: t.channel,
        cardLast4: cards.find((c) => c.id === t.cardId)?.last4 ?? "",
      }));
      return toolOutput(GetRecentTransactionsOutputSchema, { status: "ok", transactions, ...screen.removed() });
    },
    {
      name: "get_recent_transactions",
      description: "List the signed-in customer's own recent card transactions, newest first.",
      schema: SCHEMA,
    },
  );
}
