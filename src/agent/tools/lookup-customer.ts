// lookup_customer (staff only): finds customers by id or name for a member of staff. Names and regions are data a
// customer typed at sign-up, so they are screened for instructions before the model reads them.
import { tool } from "langchain";
import { z } from "zod";
import { LocaleSchema } from "../../shared/locale.js";
import type { BankPort } from "../agent-ports.js";
import { contextOf } from "./tool-context.js";
import { createFreeTextScreen, ForbiddenSchema, InjectionRemovedSchema, toolOutput } from "./tool-output.js";

/** What lookup_customer returns: the matching customers, or none. */
export const LookupCustomerOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("At least one customer matched."),
      customers: z
        .array(
          z.object({
            id: z.string().describe("Customer id."),
            name: z.string().describe("Customer name (a marker if it read as an instruction)."),
            locale: LocaleSchema.describe("The customer's language."),
            region: z.string().describe("Where the customer lives."),
            cards: z
              .array(
                z.object({
                  last4: z.string().describe("Last four digits of the card number."),
                  status: z.enum(["active", "frozen", "blocked"]).describe("Whether the card can be used."),
                }),
              )
              .describe("The customer's cards."),
          }),
        )
        .describe("Matching customers, at most ten."),
      injectionRemoved: InjectionRemovedSchema,
    }),
    z.object({
      status: z.literal("not_found").describe("No customer matched."),
      query: z.string().describe("What was searched for."),
    }),
    ForbiddenSchema,
  ])
  .describe("lookup_customer output");
/** A lookup_customer result. */
export type LookupCustomerOutput = z.infer<typeof LookupCustomerOutputSchema>;

/** Builds the staff customer lookup tool. */
export function createLookupCustomerTool(bank: BankPort) {
  return tool(
    async ({ query }, runtime) => {
      if (contextOf(runtime).identity.kind !== "staff") {
        return toolOutput(LookupCustomerOutputSchema, { status: "forbidden" });
      }
      const screen = createFreeTextScreen();
      const customers = bank.searchCustomers(query, 10).map((c) => ({
        id: c.id,
        name: screen.clean(c.name),
        locale: c.locale,
        region: screen.clean(c.region),
        cards: bank.listCards(c.id).map((k) => ({ last4: k.last4, status: k.status })),
      }));
      if (customers.length === 0) return toolOutput(LookupCustomerOutputSchema, { status: "not_found", query });
      return toolOutput(LookupCustomerOutputSchema, { status: "ok", customers, ...screen.removed() });
    },
    {
      name: "lookup_customer",
      description: "Staff only: find a customer by id or name.",
      schema: z.object({ query: z.string().min(1).max(100).describe("A customer id or part of a name.") }),
    },
  );
}
