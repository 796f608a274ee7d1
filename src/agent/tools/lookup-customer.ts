// lookup_customer (staff only): finds customers by id or name for a member of staff.
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort } from "../agent-ports.js";
import { contextOf, toolResult } from "./tool-context.js";

/** Builds the staff customer lookup tool. */
export function createLookupCustomerTool(bank: BankPort) {
  return tool(
    async ({ query }, runtime) => {
      if (contextOf(runtime).identity.kind !== "staff") return toolResult("forbidden");
      const customers = bank.searchCustomers(query, 10).map((c) => ({
        id: c.id,
        name: c.name,
        locale: c.locale,
        region: c.region,
        cards: bank.listCards(c.id).map((k) => ({ last4: k.last4, status: k.status })),
      }));
      return customers.length ? toolResult("ok", { customers }) : toolResult("not_found", { query });
    },
    { name: "lookup_customer", description: "Staff only: find a customer by id or name.", schema: z.object({ query: z.string().min(1).max(100) }) },
  );
}
