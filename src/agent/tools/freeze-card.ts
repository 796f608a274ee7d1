// freeze_card: freezes one of the caller's cards. Runs only after the customer approves it in the conversation
// (the human-in-the-loop middleware interrupts before this tool executes).
import { tool } from "langchain";
import { z } from "zod";
import type { BankPort, CardView } from "../agent-ports.js";
import { contextOf, customerIdOf, resolveLast4, toolResult, type AgentContext } from "./tool-context.js";

const SCHEMA = z.object({
  cardLast4: z.string().max(20).optional().describe("Last four digits of the card (or a [CARD_n] placeholder); omit if the customer has one card."),
  reason: z.enum(["lost", "stolen", "suspicious_activity", "temporary"]).default("temporary").describe("Why the card is being frozen."),
});

/** Which card a freeze request refers to, or why it cannot be resolved. */
export function resolveCardForFreeze(
  bank: BankPort,
  ctx: AgentContext,
  cardRef: string | undefined,
): { status: "ok"; card: CardView } | { status: "needs_sign_in" } | { status: "not_found" | "ambiguous"; cards: string[] } {
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
      if (resolved.status !== "ok") return toolResult(resolved.status, "cards" in resolved ? { cards: resolved.cards } : {});
      if (resolved.card.status === "frozen") return toolResult("ok", { card: { last4: resolved.card.last4, status: "frozen" }, alreadyFrozen: true });
      bank.setCardStatus(resolved.card.id, "frozen", `chat:${ctx.sessionId}:${reason}`);
      return toolResult("ok", { card: { last4: resolved.card.last4, status: "frozen" }, reason });
    },
    { name: "freeze_card", description: "Freeze one of the customer's cards so no new payments go through. Needs the customer's approval.", schema: SCHEMA },
  );
}
