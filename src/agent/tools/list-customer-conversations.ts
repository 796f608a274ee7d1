// list_customer_conversations (staff only): a customer's past chat conversations and what happened in them. The
// stored messages are already PII-redacted; the last one is also screened, because the customer typed it.
import { tool } from "langchain";
import { z } from "zod";
import { LocaleSchema } from "../../shared/locale.js";
import type { BankPort, StaffToolsPort } from "../agent-ports.js";
import { TicketStatusSchema } from "./get-customer-overview.js";
import { contextOf } from "./tool-context.js";
import { createFreeTextScreen, ForbiddenSchema, InjectionRemovedSchema, toolOutput } from "./tool-output.js";

const SCHEMA = z.object({
  customerId: z.string().trim().min(1).max(64).describe("The customer's id, e.g. demo1 or c000003."),
  limit: z.number().int().min(1).max(50).default(10).describe("How many conversations to list (default 10)."),
});

/** What list_customer_conversations returns: the customer's conversations, or no such customer. */
export const ListCustomerConversationsOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("The customer exists (possibly with no conversations)."),
      customerId: z.string().describe("The customer."),
      conversations: z
        .array(
          z.object({
            sessionId: z.string().describe("Conversation id."),
            startedAt: z.string().describe("When it started, as an ISO timestamp."),
            updatedAt: z.string().describe("When it was last active, as an ISO timestamp."),
            locale: LocaleSchema.describe("The conversation's language."),
            messageCount: z.number().int().min(0).describe("How many messages it holds."),
            mode: z.enum(["bot", "human"]).describe("Whether the assistant or a person answers now."),
            ticket: z
              .object({ id: z.string().describe("Handoff ticket id."), status: TicketStatusSchema })
              .optional()
              .describe("Its handoff ticket, if it was handed to a person."),
            intents: z
              .array(z.string())
              .describe("What the customer asked about, as router intents, first seen first."),
            lastCustomerMessage: z
              .string()
              .optional()
              .describe("The customer's last message, PII-redacted (a marker if it read as an instruction)."),
          }),
        )
        .describe("Most recently active first."),
      injectionRemoved: InjectionRemovedSchema,
    }),
    z.object({
      status: z.literal("not_found").describe("No customer has this id."),
      customerId: z.string().describe("The id asked for."),
    }),
    ForbiddenSchema,
  ])
  .describe("list_customer_conversations output");
/** A list_customer_conversations result. */
export type ListCustomerConversationsOutput = z.infer<typeof ListCustomerConversationsOutputSchema>;

/** Builds the staff conversation history tool. */
export function createListCustomerConversationsTool(bank: BankPort, staff: StaffToolsPort) {
  return tool(
    async ({ customerId, limit }, runtime) => {
      if (contextOf(runtime).identity.kind !== "staff") {
        return toolOutput(ListCustomerConversationsOutputSchema, { status: "forbidden" });
      }
      const customer = bank.getCustomer(customerId);
      if (!customer) return toolOutput(ListCustomerConversationsOutputSchema, { status: "not_found", customerId });
      const screen = createFreeTextScreen();
      const conversations = staff.listConversations(customer.id, limit).map((c) => ({
        sessionId: c.sessionId,
        startedAt: c.startedAt,
        updatedAt: c.updatedAt,
        locale: c.locale,
        messageCount: c.messageCount,
        mode: c.mode,
        ...(c.ticket ? { ticket: c.ticket } : {}),
        intents: c.intents,
        ...(c.lastCustomerMessage ? { lastCustomerMessage: screen.clean(c.lastCustomerMessage.slice(0, 200)) } : {}),
      }));
      return toolOutput(ListCustomerConversationsOutputSchema, {
        status: "ok",
        customerId: customer.id,
        conversations,
        ...screen.removed(),
      });
    },
    {
      name: "list_customer_conversations",
      description: "Staff only: a customer's past chat conversations: when, how many messages, topics, handoffs.",
      schema: SCHEMA,
    },
  );
}
