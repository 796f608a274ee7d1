import { describe, expect, it } from "vitest";
import type { Identity } from "../../auth/identity.js";
import { createPiiVault } from "../../shared/pii-vault.js";
import { createFakeBank } from "../testing/fake-ports.js";
import { createFakeStaffTools } from "../testing/fake-staff-tools.js";
import {
  createListCustomerConversationsTool,
  ListCustomerConversationsOutputSchema,
} from "./list-customer-conversations.js";

const staff: Identity = { kind: "staff", staffId: "s1" };

async function run(args: { customerId: string; limit?: number }, identity: Identity = staff) {
  const t = createListCustomerConversationsTool(createFakeBank(), createFakeStaffTools());
  const out = await t.invoke(args, { context: { identity, sessionId: "s", locale: "en", vault: createPiiVault() } });
  return ListCustomerConversationsOutputSchema.parse(JSON.parse(String(out)));
}

describe("list_customer_conversations", () => {
  it("lists the customer's conversations with intents, ticket and the redacted last message", async () => {
    const out = await run({ customerId: "demo1" });
    if (out.status !== "ok") throw new Error(`expected ok, got ${out.status}`);
    expect(out.conversations).toHaveLength(2);
    const first = out.conversations[0];
    expect(first?.ticket).toEqual({ id: "T-AAA11111", status: "waiting" });
    expect(first?.mode).toBe("human");
    expect(first?.intents).toEqual(["unrecognised_transaction", "speak_to_human"]);
    expect(first?.lastCustomerMessage).toContain("[CARD_1]");
  });

  it("honours the limit", async () => {
    const out = await run({ customerId: "demo1", limit: 1 });
    expect(out.status === "ok" && out.conversations.map((c) => c.sessionId)).toEqual(["s-demo1-b"]);
  });

  it("returns an empty list for a customer who never chatted", async () => {
    expect(await run({ customerId: "demo2" })).toEqual({ status: "ok", customerId: "demo2", conversations: [] });
  });

  it("returns not_found for an unknown customer id", async () => {
    expect(await run({ customerId: "nobody" })).toEqual({ status: "not_found", customerId: "nobody" });
  });

  it("is forbidden to a customer", async () => {
    expect(await run({ customerId: "demo1" }, { kind: "customer", customerId: "demo1" })).toEqual({
      status: "forbidden",
    });
  });
});
