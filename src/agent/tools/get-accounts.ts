// get_accounts: balances of the signed-in customer's own accounts, account numbers masked to the last four digits.
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort } from "../agent-ports.js";
import { contextOf, customerIdOf } from "./tool-context.js";
import { createFreeTextScreen, InjectionRemovedSchema, NeedsSignInSchema, toolOutput } from "./tool-output.js";

/** What get_accounts returns: the caller's accounts with balances, or a request to sign in. */
export const GetAccountsOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("The accounts were listed (possibly none)."),
      accounts: z
        .array(
          z.object({
            type: z.string().describe("The account's product name, e.g. Everyday Current Account."),
            currency: z.string().describe("ISO currency code of the balance."),
            balance: z.number().describe("Current balance in that currency."),
            accountEnding: z.string().describe("Last four digits of the account number; the rest is never shown."),
          }),
        )
        .describe("Every account of the caller."),
      injectionRemoved: InjectionRemovedSchema,
    }),
    NeedsSignInSchema,
  ])
  .describe("get_accounts output");
/** A get_accounts result. */
export type GetAccountsOutput = z.infer<typeof GetAccountsOutputSchema>;

/** Builds the account summary tool. */
export function createGetAccountsTool(bank: BankPort) {
  return tool(
    async (_input, runtime) => {
      const customerId = customerIdOf(contextOf(runtime));
      if (!customerId) return toolOutput(GetAccountsOutputSchema, { status: "needs_sign_in" });
      const screen = createFreeTextScreen();
      const accounts = bank.listAccounts(customerId).map((a) => ({
        type: screen.clean(a.type),
        currency: a.currency,
        balance: a.balance,
        accountEnding: a.accountNumber.slice(-4),
      }));
      return toolOutput(GetAccountsOutputSchema, { status: "ok", accounts, ...screen.removed() });
    },
    {
      name: "get_accounts",
      description: "Get the signed-in customer's own accounts and balances.",
      schema: z.object({}),
    },
  );
}
