import { describe, expect, it } from "vitest";
import type { Identity } from "../../auth/identity.js";
import { createPiiVault } from "../../shared/pii-vault.js";
import { createFakeBank } from "../testing/fake-ports.js";
import { createFakeStaffTools } from "../testing/fake-staff-tools.js";
import { createGetCustomerOverviewTool, GetCustomerOverviewOutputSchema } from "./get-customer-overview.js";

const staff: Identity = { kind: "staff", staffId: "s1" };

async function run(args: { customerId: string }, identity: Identity = staff) {
  const t = createGetCustomerOverviewTool(createFakeBank(), createFakeStaffTools());
  const out = await t.invoke(args, { context: { identity, sessionId: "s", locale: "en", vault: createPiiVault() } });
  return GetCustomerOverviewOutputSchema.parse(JSON.parse(String(out)));
}

describe("get_customer_overview", () => {
  it("gives staff the customer's accounts, cards, recent contacts, open tickets and disputes", async () => {
    const out = await run({ customerId: "demo1" });
    if (out.status !== "ok") throw new Error(`expected ok, got ${out.status}`);
    expect(out.customer).toEqual({ id: "demo1", name: "Alex Morgan", locale: "en", region: "London" });
    expect(out.accounts).toEqual([
      { type: "Everyday Current Account", currency: "GBP", balance: 1234.56, last4: "5678" },
    ]);
    expect(out.cards).toEqual([{ last4: "4821", brand: "Visa Debit", status: "active" }]);
    expect(out.recentContacts.map((c) => [c.sessionId, c.intent, c.handedOff, c.channel])).toEqual([
      ["s-demo1-b", "speak_to_human", true, "chat"],
      ["s-demo1-a", "transfer_fees", false, "chat"],
    ]);
    expect(out.openTickets).toEqual([{ id: "T-AAA11111", sessionId: "s-demo1-b", status: "waiting" }]);
    expect(out.disputes[0]?.id).toBe("dsp-000001");
  });

  it("never shows a full account number", async () => {
    const out = await run({ customerId: "demo1" });
    expect(JSON.stringify(out)).not.toContain("12345678");
  });

  it("returns not_found for an unknown customer id", async () => {
    expect(await run({ customerId: "nobody" })).toEqual({ status: "not_found", customerId: "nobody" });
  });

  it("is forbidden to a customer, even about themself", async () => {
    expect(await run({ customerId: "demo1" }, { kind: "customer", customerId: "demo1" })).toEqual({
      status: "forbidden",
    });
  });
});
