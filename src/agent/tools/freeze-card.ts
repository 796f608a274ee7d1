// freeze_card: freezes one of the caller's cards. Runs only after the customer approves it in the conversation
// (the human-in-the-loop middleware interrupts before this tool executes).
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort, CardView } from "../agent-ports.js";
import { contextOf, customerIdOf, resolveLast4, type AgentContext } from "./tool-context.js";
import { NeedsSignInSchema, toolOutput } from "./tool-output.js";

const FreezeReasonSchema = z.enum(["lost", "stolen", "suspicious_activity", "temporary"]);

const SCHEMA = z.object({
  cardLast4: z
    .string()
    .max(20)
    .optional()
    .describe("Last four digits of the card (or a [CARD_n] placeholder); omit if the customer has one card."),
  reason: FreezeReasonSchema.default("temporary").describe("Why the card is being frozen."),
});

const CARD_CHOICES = z.array(z.string()).describe("Last four digits of the caller's cards it could have meant.");

/** What freeze_card returns: the frozen card, or why no card could be chosen. */
export const FreezeCardOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("The card is frozen."),
      card: z
        .object({
          last4: z.string().describe("Last four digits of the frozen card."),
          status: z.literal("frozen").describe("The card's status now."),
        })
        .describe("The card the request was about."),
      alreadyFrozen: z.literal(true).optional().describe("The card was frozen before this call; nothing changed."),
      reason: FreezeReasonSchema.optional().describe("The reason recorded with the freeze."),
    }),
    z.object({ status: z.literal("not_found").describe("No usable card of the caller matches."), cards: CARD_CHOICES }),
    z.object({ status: z.literal("ambiguous").describe("Several cards could be meant."), cards: CARD_CHOICES }),
    NeedsSignInSchema,
  ])
  .describe("freeze_card output");
/** A freeze_card result. */
export type FreezeCardOutput = z.infer<typeof FreezeCardOutputSchema>;
type FrozenCard = Extract<FreezeCardOutput, { status: "ok" }>["card"];

/** Which card a freeze request refers to, or why it cannot be resolved. */
export function resolveCardForFreeze(
  bank: BankPort,
  ctx: AgentContext,
  cardRef: string | undefined,
):
  | { status: "ok"; card: CardView }
  | { status: "needs_sign_in" }
  | { status: "not_found" | "ambiguous"; cards: string[] } {
  const customerId = customerIdOf(ctx);
  if (!customerId) return { status: "needs_sign_in" };
  const cards = bank.listCards(customerId);
  const last4 = resolveLast4(cardRef, ctx);
  if (last4) {
    const card = cards.find((c) => c.last4 === last4);
    return card ? { status: "ok", card } : { status: "not_found", cards: cards.map((c) => c.last4) };
  }
  const usable = cards.filter((c) => c.status !== "blocked");
  if (usable.length === 1 && usable[0]) return { status: "ok", card: usable[0] };
  return { status: usable.length === 0 ? "not_found" : "ambiguous", cards: usable.map((c) => c.last4) };
}

/** Builds the freeze tool. */
export function createFreezeCardTool(bank: BankPort) {
  return tool(
    async ({ cardLast4, reason }, runtime) => {
      const ctx = contextOf(runtime);
      const resolved = resolveCardForFreeze(bank, ctx, cardLast4);
      if (resolved.status !== "ok") return toolOutput(FreezeCardOutputSchema, resolved);
      const card: FrozenCard = { last4: resolved.card.last4, status: "frozen" };
      if (resolved.card.status === "frozen") {
        return toolOutput(FreezeCardOutputSchema, { status: "ok", card, alreadyFrozen: true });
      }
      bank.setCardStatus(resolved.card.id, "frozen", `chat:${ctx.sessionId}:${reason}`);
      return toolOutput(FreezeCardOutputSchema, { status: "ok", card, reason });
    },
    {
      name: "freeze_card",
      description: "Freeze one of the customer's cards so no new payments go through. Needs the customer's approval.",
      schema: SCHEMA,
    },
  );
}
