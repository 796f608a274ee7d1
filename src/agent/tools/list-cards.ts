// list_cards: the signed-in customer's own cards (last four digits and status only).
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort } from "../agent-ports.js";
import { contextOf, customerIdOf } from "./tool-context.js";
import { createFreeTextScreen, InjectionRemovedSchema, NeedsSignInSchema, toolOutput } from "./tool-output.js";

/** What list_cards returns: the caller's cards, or a request to sign in. */
export const ListCardsOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("The cards were listed (possibly none)."),
      cards: z
        .array(
          z.object({
            last4: z.string().describe("Last four digits of the card number."),
            brand: z.string().describe("Card brand and product as stored, e.g. Visa Debit."),
            status: z.enum(["active", "frozen", "blocked"]).describe("Whether the card can be used."),
          }),
        )
        .describe("Every card of the caller, blocked ones included."),
      injectionRemoved: InjectionRemovedSchema,
    }),
    NeedsSignInSchema,
  ])
  .describe("list_cards output");
/** A list_cards result. */
export type ListCardsOutput = z.infer<typeof ListCardsOutputSchema>;

/** Builds the tool listing the caller's cards. */
export function createListCardsTool(bank: BankPort) {
  return tool(
    async (_input, runtime) => {
      const customerId = customerIdOf(contextOf(runtime));
      if (!customerId) return toolOutput(ListCardsOutputSchema, { status: "needs_sign_in" });
      const screen = createFreeTextScreen();
      const cards = bank
        .listCards(customerId)
        .map((c) => ({ last4: c.last4, brand: screen.clean(c.brand), status: c.status }));
      return toolOutput(ListCardsOutputSchema, { status: "ok", cards, ...screen.removed() });
    },
    {
      name: "list_cards",
      description: "List the signed-in customer's own cards (last four digits, brand, status).",
      schema: z.object({}),
    },
  );
}
