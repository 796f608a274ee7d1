import { describe, expect, it } from "vitest";
import type { Identity } from "../../auth/identity.js";
import { createPiiVault } from "../../shared/pii-vault.js";
import type { CardView } from "../agent-ports.js";
import { createFakeBank } from "../testing/fake-ports.js";
import { createStaffFreezeCardTool, resolveCustomerCard } from "./staff-freeze-card.js";
import { readToolResult } from "./tool-results.js";

const staff: Identity = { kind: "staff", staffId: "s1" };
const customer: Identity = { kind: "customer", customerId: "demo1" };
const ctxFor = (identity: Identity) => ({
  identity,
  sessionId: "session-1",
  locale: "en" as const,
  vault: createPiiVault(),
});

function bankWithEvents(extraCards: CardView[] = []) {
  const bank = createFakeBank();
  bank.cards.push(...extraCards);
  const events: { cardId: string; status: string; actor: string }[] = [];
  return {
    bank: {
      ...bank,
      setCardStatus: (cardId: string, status: CardView["status"], actor: string) => {
        events.push({ cardId, status, actor });
        bank.setCardStatus(cardId, status, actor);
      },
    },
    cards: bank.cards,
    events,
  };
}

type FreezeArgs = { customerId: string; cardLast4?: string; reason?: "lost" | "stolen" | "suspicious_activity" };

async function freeze(bank: ReturnType<typeof bankWithEvents>["bank"], args: FreezeArgs, identity: Identity = staff) {
  const out = await createStaffFreezeCardTool(bank).invoke(args, { context: ctxFor(identity) });
  return readToolResult("staff_freeze_card", JSON.parse(String(out)));
}

describe("staff_freeze_card", () => {
  it("freezes the customer's only card and records the acting staff member as the actor", async () => {
    const { bank, events } = bankWithEvents();
    const out = await freeze(bank, { customerId: "demo1" });
    expect(out).toEqual({
      status: "ok",
      customerId: "demo1",
      customerName: "Alex Morgan",
      last4: "4821",
      actedBy: "staff:s1",
      reason: "suspicious_activity",
    });
    expect(events).toEqual([{ cardId: "card-1", status: "frozen", actor: "staff:s1" }]);
  });

  it("refuses a customer caller as forbidden and changes nothing", async () => {
    const { bank, events } = bankWithEvents();
    expect(await freeze(bank, { customerId: "demo1", cardLast4: "4821" }, customer)).toEqual({ status: "forbidden" });
    expect(events).toEqual([]);
  });

  it("never freezes another customer's card: a last4 of demo2 asked for demo1 is not found, with demo1's cards", async () => {
    const { bank, events } = bankWithEvents();
    const out = await freeze(bank, { customerId: "demo1", cardLast4: "7310" });
    expect(out).toEqual({ status: "not_found", customerId: "demo1", customerFound: true, cards: ["4821"] });
    expect(events).toEqual([]);
  });

  it("says the customer was not found for an unknown customer id", async () => {
    const { bank } = bankWithEvents();
    const out = await freeze(bank, { customerId: "c999999" });
    expect(out).toEqual({ status: "not_found", customerId: "c999999", customerFound: false, cards: [] });
  });

  it("asks which card when the customer has several usable cards and none is named", async () => {
    const { bank, events } = bankWithEvents([
      { id: "card-3", customerId: "demo1", last4: "1234", brand: "Mastercard", status: "active" },
    ]);
    const out = await freeze(bank, { customerId: "demo1" });
    expect(out).toEqual({ status: "ambiguous", customerId: "demo1", cards: ["4821", "1234"] });
    expect(events).toEqual([]);
  });

  it("reports an already frozen card without a new card event", async () => {
    const { bank, cards, events } = bankWithEvents();
    const card = cards.find((c) => c.id === "card-1");
    if (card) card.status = "frozen";
    const out = await freeze(bank, { customerId: "demo1", cardLast4: "4821", reason: "lost" });
    expect(out?.status === "ok" && out.alreadyFrozen).toBe(true);
    expect(out?.status === "ok" && out.reason).toBe("lost");
    expect(events).toEqual([]);
  });

  it("does not freeze a permanently blocked card", async () => {
    const { bank, events } = bankWithEvents([
      { id: "card-3", customerId: "demo1", last4: "9999", brand: "Visa Debit", status: "blocked" },
    ]);
    const out = await freeze(bank, { customerId: "demo1", cardLast4: "9999" });
    expect(out).toEqual({ status: "card_blocked", customerId: "demo1", last4: "9999" });
    expect(events).toEqual([]);
  });

  it("resolves a card only among the named customer's cards", () => {
    const { bank } = bankWithEvents();
    const r = resolveCustomerCard(bank, ctxFor(staff), "demo2", undefined);
    expect(r.status === "ok" && r.card.last4).toBe("7310");
  });
});
