// get_customer_overview (staff only): one customer's profile for a member of staff: accounts, cards, recent
// contacts, open handoff tickets and disputes. Names, regions and chat text are data others typed, so they are screened.
import { tool } from "langchain";
import { z } from "zod";
import { LocaleSchema } from "../../shared/locale.js";
import type { BankPort, StaffToolsPort } from "../agent-ports.js";
import { contextOf } from "./tool-context.js";
import { createFreeTextScreen, ForbiddenSchema, InjectionRemovedSchema, toolOutput } from "./tool-output.js";

/** How many conversations count as recent contacts. */
const RECENT_CONTACTS = 5;
/** How many conversations are read to find open tickets. */
const CONVERSATIONS_READ = 20;

const SCHEMA = z.object({
  customerId: z.string().trim().min(1).max(64).describe("The customer's id, e.g. demo1 or c000003."),
});

/** A ticket's place in the handoff queue. */
export const TicketStatusSchema = z
  .enum(["waiting", "with_agent", "closed"])
  .describe("waiting for a person, with a member of staff, or closed.");

/** What get_customer_overview returns: the customer's profile, or no such customer. */
export const GetCustomerOverviewOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("The customer exists."),
      customer: z
        .object({
          id: z.string().describe("Customer id."),
          name: z.string().describe("Customer name (a marker if it read as an instruction)."),
          locale: LocaleSchema.describe("The customer's preferred language."),
          region: z.string().describe("Where the customer lives."),
        })
        .describe("Who the customer is."),
      accounts: z
        .array(
          z.object({
            type: z.string().describe("Account product name."),
            currency: z.string().describe("ISO currency code."),
            balance: z.number().describe("Current balance."),
            last4: z.string().describe("Last four digits of the account number; never the full number."),
          }),
        )
        .describe("The customer's accounts."),
      cards: z
        .array(
          z.object({
            last4: z.string().describe("Last four digits of the card number."),
            brand: z.string().describe("Card product."),
            status: z.enum(["active", "frozen", "blocked"]).describe("Whether the card can be used."),
          }),
        )
        .describe("The customer's cards."),
      recentContacts: z
        .array(
          z.object({
            sessionId: z.string().describe("Conversation id."),
            date: z.string().describe("When the conversation was last active, as an ISO timestamp."),
            channel: z.literal("chat").describe("How the customer got in touch."),
            intent: z.string().optional().describe("What the customer last asked about, as a router intent."),
            summary: z.string().optional().describe("The customer's last message, PII-redacted and screened."),
            handedOff: z.boolean().describe("Whether the conversation was handed to a person."),
          }),
        )
        .describe(`The customer's last ${RECENT_CONTACTS} conversations, most recent first.`),
      openTickets: z
        .array(
          z.object({
            id: z.string().describe("Handoff ticket id."),
            sessionId: z.string().describe("The conversation it belongs to."),
            status: TicketStatusSchema,
          }),
        )
        .describe("Handoff tickets not yet closed."),
      disputes: z
        .array(
          z.object({
            id: z.string().describe("Dispute id."),
            transactionId: z.string().describe("The disputed transaction."),
            status: z.string().describe("open, resolved, rejected or duplicate."),
            createdAt: z.string().describe("When it was opened, as an ISO timestamp."),
          }),
        )
        .describe("The customer's disputes, newest first."),
      injectionRemoved: InjectionRemovedSchema,
    }),
    z.object({
      status: z.literal("not_found").describe("No customer has this id."),
      customerId: z.string().describe("The id asked for."),
    }),
    ForbiddenSchema,
  ])
  .describe("get_customer_overview output");
/** A get_customer_overview result. */
export type GetCustomerOverviewOutput = z.infer<typeof GetCustomerOverviewOutputSchema>;

/** Builds the staff customer overview tool. */
export function createGetCustomerOverviewTool(bank: BankPort, staff: StaffToolsPort) {
  return tool(
    async ({ customerId }, runtime) => {
      if (contextOf(runtime).identity.kind !== "staff") {
        return toolOutput(GetCustomerOverviewOutputSchema, { status: "forbidden" });
      }
      const customer = bank.getCustomer(customerId);
      if (!customer) return toolOutput(GetCustomerOverviewOutputSchema, { status: "not_found", customerId });
      const screen = createFreeTextScreen();
      const conversations = staff.listConversations(customer.id, CONVERSATIONS_READ);
      return toolOutput(GetCustomerOverviewOutputSchema, {
        status: "ok",
        customer: {
          id: customer.id,
          name: screen.clean(customer.name),
          locale: customer.locale,
          region: screen.clean(customer.region),
        },
        accounts: bank.listAccounts(customer.id).map((a) => ({
          type: screen.clean(a.type),
          currency: a.currency,
          balance: a.balance,
          last4: a.accountNumber.slice(-4),
        })),
        cards: bank
          .listCards(customer.id)
          .map((c) => ({ last4: c.last4, brand: screen.clean(c.brand), status: c.status })),
        recentContacts: conversations.slice(0, RECENT_CONTACTS).map((c) => {
          const intent = c.intents[c.intents.length - 1];
          return {
            sessionId: c.sessionId,
            date: c.updatedAt,
            channel: "chat" as const,
            ...(intent ? { intent } : {}),
            ...(c.lastCustomerMessage ? { summary: screen.clean(c.lastCustomerMessage.slice(0, 160)) } : {}),
            handedOff: c.ticket !== undefined || c.mode === "human",
          };
        }),
        openTickets: conversations.flatMap((c) =>
          c.ticket && c.ticket.status !== "closed"
            ? [{ id: c.ticket.id, sessionId: c.sessionId, status: c.ticket.status }]
            : [],
        ),
        disputes: staff.listDisputes(customer.id),
        ...screen.removed(),
      });
    },
    {
      name: "get_customer_overview",
      description:
        "Staff only: one customer's profile: accounts, cards and their status, recent contacts, open handoff tickets and disputes.",
      schema: SCHEMA,
    },
  );
}
