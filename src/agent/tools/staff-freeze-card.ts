// staff_freeze_card (staff only): a member of staff freezes a card on a customer's behalf. Runs only after that staff
// member confirms it (the human-in-the-loop middleware interrupts first); the card event records who acted.
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort, CardView, CustomerView } from "../agent-ports.js";
import { contextOf, resolveLast4, type AgentContext } from "./tool-context.js";
import { createFreeTextScreen, ForbiddenSchema, InjectionRemovedSchema, toolOutput } from "./tool-output.js";

const StaffFreezeReasonSchema = z.enum(["lost", "stolen", "suspicious_activity", "temporary"]);

const SCHEMA = z.object({
  customerId: z.string().min(1).max(64).describe("The customer whose card is frozen, e.g. demo1 or c000003."),
  cardLast4: z
    .string()
    .max(20)
    .optional()
    .describe("Last four digits of the card; omit when the customer has exactly one usable card."),
  reason: StaffFreezeReasonSchema.default("suspicious_activity").describe("Why the card is being frozen."),
});

const CUSTOMER_ID = z.string().describe("The customer the request was about.");
const CARD_CHOICES = z.array(z.string()).describe("Last four digits of the customer's cards it could have meant.");

/** What staff_freeze_card returns: the frozen card and who froze it, or why no card was frozen. */
export const StaffFreezeCardOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("The card is frozen."),
      customerId: CUSTOMER_ID,
      customerName: z.string().describe("The customer's name (a marker if it read as an instruction)."),
      last4: z.string().describe("Last four digits of the frozen card."),
      actedBy: z.string().describe("The acting member of staff, as recorded with the card event (staff:<id>)."),
      reason: StaffFreezeReasonSchema.describe("The reason given for the freeze."),
      alreadyFrozen: z.literal(true).optional().describe("The card was frozen before this call; nothing changed."),
      injectionRemoved: InjectionRemovedSchema,
    }),
    z.object({
      status: z.literal("not_found").describe("No such customer, or no usable card of theirs matches."),
      customerId: CUSTOMER_ID,
      customerFound: z.boolean().describe("False when no customer has this id."),
      cards: CARD_CHOICES,
    }),
    z.object({
      status: z.literal("ambiguous").describe("The customer has several usable cards; say which one."),
      customerId: CUSTOMER_ID,
      cards: CARD_CHOICES,
    }),
    z.object({
      status: z.literal("card_blocked").describe("The card is permanently blocked and cannot be frozen."),
      customerId: CUSTOMER_ID,
      last4: z.string().describe("Last four digits of the blocked card."),
    }),
    ForbiddenSchema,
  ])
  .describe("staff_freeze_card output");
/** A staff_freeze_card result. */
export type StaffFreezeCardOutput = z.infer<typeof StaffFreezeCardOutputSchema>;

/** The customer's card a staff freeze request refers to, or why it cannot be chosen. */
export type StaffCardResolution =
  | { status: "ok"; customer: CustomerView; card: CardView }
  | { status: "not_found"; customerFound: boolean; cards: string[] }
  | { status: "ambiguous"; cards: string[] };

/** Resolves a card among one customer's cards (never another customer's), for the tool and its confirmation card. */
export function resolveCustomerCard(
  bank: BankPort,
  ctx: AgentContext,
  customerId: string,
  cardRef: string | undefined,
): StaffCardResolution {
  const customer = bank.getCustomer(customerId);
  if (!customer) return { status: "not_found", customerFound: false, cards: [] };
  const cards = bank.listCards(customer.id);
  const last4 = resolveLast4(cardRef, ctx);
  if (last4) {
    const card = cards.find((c) => c.last4 === last4);
    if (card) return { status: "ok", customer, card };
    return { status: "not_found", customerFound: true, cards: cards.map((c) => c.last4) };
  }
  const usable = cards.filter((c) => c.status !== "blocked");
  if (usable.length === 1 && usable[0]) return { status: "ok", customer, card: usable[0] };
  if (usable.length === 0) return { status: "not_found", customerFound: true, cards: [] };
  return { status: "ambiguous", cards: usable.map((c) => c.last4) };
}

const DESCRIPTION =
  "Staff only: freeze a customer's card on their behalf (customerId, and cardLast4 when they have several cards). " +
  "Needs the staff member's confirmation; the acting staff member is recorded.";

/** Builds the staff card freeze tool. */
export function createStaffFreezeCardTool(bank: BankPort) {
  return tool(
    async ({ customerId, cardLast4, reason }, runtime) => {
      const ctx = contextOf(runtime);
      if (ctx.identity.kind !== "staff") return toolOutput(StaffFreezeCardOutputSchema, { status: "forbidden" });
      const resolved = resolveCustomerCard(bank, ctx, customerId, cardLast4);
      if (resolved.status !== "ok") return toolOutput(StaffFreezeCardOutputSchema, { ...resolved, customerId });
      const { card } = resolved;
      if (card.status === "blocked") {
        return toolOutput(StaffFreezeCardOutputSchema, { status: "card_blocked", customerId, last4: card.last4 });
      }
      const actedBy = `staff:${ctx.identity.staffId}`;
      const alreadyFrozen = card.status === "frozen";
      if (!alreadyFrozen) bank.setCardStatus(card.id, "frozen", actedBy);
      const screen = createFreeTextScreen();
      return toolOutput(StaffFreezeCardOutputSchema, {
        status: "ok",
        customerId: resolved.customer.id,
        customerName: screen.clean(resolved.customer.name),
        last4: card.last4,
        actedBy,
        reason,
        ...(alreadyFrozen ? { alreadyFrozen: true } : {}),
        ...screen.removed(),
      });
    },
    { name: "staff_freeze_card", description: DESCRIPTION, schema: SCHEMA },
  );
}
