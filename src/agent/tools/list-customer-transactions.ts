// list_customer_transactions (staff only): a customer's transactions over a look-back window, newest first, each with
// its fraud risk, and how many there were in the window. Merchant names are payment data, so they are screened.
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort, FraudPort, StaffToolsPort } from "../agent-ports.js";
import { contextOf } from "./tool-context.js";
import { createFreeTextScreen, ForbiddenSchema, InjectionRemovedSchema, toolOutput } from "./tool-output.js";

const DAY_MS = 86_400_000;

const SCHEMA = z.object({
  customerId: z.string().trim().min(1).max(64).describe("The customer's id, e.g. demo1 or c000003."),
  days: z.number().int().min(1).max(365).default(30).describe("Look-back window in days (default 30)."),
  limit: z.number().int().min(1).max(50).default(10).describe("How many transactions to list (default 10)."),
});

/** One transaction with its fraud risk, as staff see it. */
export const StaffTransactionRowSchema = z.object({
  id: z.string().describe("Transaction id, for check_transaction_risk or staff_open_dispute."),
  date: z.string().describe("When it was made, as an ISO timestamp."),
  merchant: z.string().describe("Merchant name (a marker if it read as an instruction)."),
  amount: z.number().describe("Amount in the transaction's currency."),
  currency: z.string().describe("ISO currency code."),
  channel: z.string().describe("How it was made, e.g. online or card_present."),
  cardLast4: z.string().describe("Last four digits of the card used; empty if the card is unknown."),
  risk: z
    .object({
      probability: z.number().min(0).max(1).describe("Estimated probability of fraud, three decimals."),
      level: z.enum(["none", "review", "block"]).describe("What the bank does at this probability."),
    })
    .optional()
    .describe("The fraud model's verdict; absent when the transaction has not been scored."),
});

/** What list_customer_transactions returns: the window's transactions and counts, or no such customer. */
export const ListCustomerTransactionsOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("The customer exists (the window may hold no transactions)."),
      customerId: z.string().describe("The customer."),
      days: z.number().int().describe("The look-back window in days."),
      total: z.number().int().min(0).describe("How many transactions the customer made in the window."),
      flagged: z.number().int().min(0).describe("How many of those the fraud model flagged (review or block)."),
      transactions: z.array(StaffTransactionRowSchema).describe("The most recent of them, newest first."),
      injectionRemoved: InjectionRemovedSchema,
    }),
    z.object({
      status: z.literal("not_found").describe("No customer has this id."),
      customerId: z.string().describe("The id asked for."),
    }),
    ForbiddenSchema,
  ])
  .describe("list_customer_transactions output");
/** A list_customer_transactions result. */
export type ListCustomerTransactionsOutput = z.infer<typeof ListCustomerTransactionsOutputSchema>;

/** Builds the staff transaction history tool. */
export function createListCustomerTransactionsTool(
  ports: { bank: BankPort; fraud: FraudPort; staff: StaffToolsPort },
  now: () => Date,
) {
  const { bank, fraud, staff } = ports;
  return tool(
    async ({ customerId, days, limit }, runtime) => {
      if (contextOf(runtime).identity.kind !== "staff") {
        return toolOutput(ListCustomerTransactionsOutputSchema, { status: "forbidden" });
      }
      const customer = bank.getCustomer(customerId);
      if (!customer) return toolOutput(ListCustomerTransactionsOutputSchema, { status: "not_found", customerId });
      const sinceIso = new Date(now().getTime() - days * DAY_MS).toISOString();
      const cards = bank.listCards(customer.id);
      const screen = createFreeTextScreen();
      const transactions = bank.listTransactions(customer.id, { limit, sinceIso }).map((t) => {
        const risk = fraud.assess(t.id);
        return {
          id: t.id,
          date: t.timestamp,
          merchant: screen.clean(t.merchantName),
          amount: t.amount,
          currency: t.currency,
          channel: t.channel,
          cardLast4: cards.find((c) => c.id === t.cardId)?.last4 ?? "",
          ...(risk ? { risk: { probability: Number(risk.probability.toFixed(3)), level: risk.level } } : {}),
        };
      });
      const counts = staff.countTransactions(customer.id, sinceIso);
      return toolOutput(ListCustomerTransactionsOutputSchema, {
        status: "ok",
        customerId: customer.id,
        days,
        total: counts.count,
        flagged: counts.flagged,
        transactions,
        ...screen.removed(),
      });
    },
    {
      name: "list_customer_transactions",
      description:
        "Staff only: a customer's transactions over the last `days` (default 30), newest first, each with its fraud risk.",
      schema: SCHEMA,
    },
  );
}
