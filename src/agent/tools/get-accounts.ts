// get_accounts: balances of the signed-in customer's own accounts, account numbers masked to the last four digits.
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort } from "../agent-ports.js";
import { contextOf, customerIdOf, toolResult } from "./tool-context.js";

/** Builds the account summary tool. */
export function createGetAccountsTool(bank: BankPort) {
  return tool(
    async (_input, runtime) => {
      const customerId = customerIdOf(contextOf(runtime));
      if (!customerId) return toolResult("needs_sign_in");
      const accounts = bank.listAccounts(customerId).map((a) => ({
        type: a.type,
        currency: a.currency,
        balance: a.balance,
        accountEnding: a.accountNumber.slice(-4),
      }));
      return toolResult("ok", { accounts });
    },
    { name: "get_accounts", description: "Get the signed-in customer's own accounts and balances.", schema: z.object({}) },
  );
}
