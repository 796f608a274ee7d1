// list_cards: the signed-in customer's own cards (last four digits and status only).
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort } from "../agent-ports.js";
import { contextOf, customerIdOf, toolResult } from "./tool-context.js";

/** Builds the tool listing the caller's cards. */
export function createListCardsTool(bank: BankPort) {
  return tool(
    async (_input, runtime) => {
      const customerId = customerIdOf(contextOf(runtime));
      if (!customerId) return toolResult("needs_sign_in");
      const cards = bank.listCards(customerId).map((c) => ({ last4: c.last4, brand: c.brand, status: c.status }));
      return toolResult("ok", { cards });
    },
    { name: "list_cards", description: "List the signed-in customer's own cards (last four digits, brand, status).", schema: z.object({}) },
  );
}
