// get_recent_transactions: the caller's own recent card transactions, optionally filtered by the routed slots.
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort, TransactionView } from "../agent-ports.js";
import { contextOf, customerIdOf, resolveLast4, toolResult } from "./tool-context.js";

const SCHEMA = z.object({
  limit: z.number().int().min(1).max(50).default(10).describe("How many transactions to return."),
  cardLast4: z.string().max(20).optional().describe("Only this card (last four digits or a [CARD_n] placeholder)."),
  merchant: z.string().max(80).optional().describe("Only merchants whose name contains this."),
  amount: z.number().positive().optional().describe("Prefer transactions close to this amount."),
  sinceDays: z.number().int().min(1).max(400).optional().describe("Only the last N days."),
});

/** Builds the transaction history tool; every row returned belongs to the caller. */
export function createGetRecentTransactionsTool(bank: BankPort, now: () => Date) {
  return tool(
    async (input, runtime) => {
      const ctx = contextOf(runtime);
      const customerId = customerIdOf(ctx);
      if (!customerId) return toolResult("needs_sign_in");
      const last4 = resolveLast4(input.cardLast4, ctx);
      const cards = bank.listCards(customerId);
      const card = last4 ? cards.find((c) => c.last4 === last4) : undefined;
      if (last4 && !card) return toolResult("not_found", { reason: "no card of yours ends in those digits", cards: cards.map((c) => c.last4) });
      const sinceIso = input.sinceDays ? new Date(now().getTime() - input.sinceDays * 86_400_000).toISOString() : undefined;
      let rows: TransactionView[] = bank.listTransactions(customerId, { limit: input.merchant || input.amount ? 200 : input.limit, ...(card ? { cardId: card.id } : {}), ...(sinceIso ? { sinceIso } : {}) });
      if (input.merchant) {
        const m = input.merchant.toLowerCase();
        rows = rows.filter((t) => t.merchantName.toLowerCase().includes(m));
      }
      if (input.amount) {
        const target = input.amount;
        rows = [...rows].sort((a, b) => Math.abs(a.amount - target) - Math.abs(b.amount - target));
      }
      const transactions = rows.slice(0, input.limit).map((t) => ({
        id: t.id,
        date: t.timestamp,
        merchant: t.merchantName,
        category: t.merchantCategory,
        amount: t.amount,
        currency: t.currency,
        channel: t.channel,
        cardLast4: cards.find((c) => c.id === t.cardId)?.last4 ?? "",
      }));
      return toolResult("ok", { transactions });
    },
    { name: "get_recent_transactions", description: "List the signed-in customer's own recent card transactions, newest first.", schema: SCHEMA },
  );
}
