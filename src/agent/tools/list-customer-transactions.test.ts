import { describe, expect, it } from "vitest";
import type { Identity } from "../../auth/identity.js";
import { createPiiVault } from "../../shared/pii-vault.js";
import { createFakePorts } from "../testing/fake-ports.js";
import {
  createListCustomerTransactionsTool,
  ListCustomerTransactionsOutputSchema,
} from "./list-customer-transactions.js";

const staff: Identity = { kind: "staff", staffId: "s1" };
const NOW = new Date("2026-12-01T00:00:00Z");

async function run(args: { customerId: string; days?: number; limit?: number }, identity: Identity = staff) {
  const t = createListCustomerTransactionsTool(createFakePorts(), () => NOW);
  const out = await t.invoke(args, { context: { identity, sessionId: "s", locale: "en", vault: createPiiVault() } });
  return ListCustomerTransactionsOutputSchema.parse(JSON.parse(String(out)));
}

describe("list_customer_transactions", () => {
  it("lists a customer's transactions newest first, each with its fraud risk, and the window's counts", async () => {
    const out = await run({ customerId: "demo1" });
    if (out.status !== "ok") throw new Error(`expected ok, got ${out.status}`);
    expect(out.days).toBe(30);
    expect(out.total).toBe(2);
    expect(out.flagged).toBe(1);
    expect(out.transactions.map((t) => [t.id, t.merchant, t.amount, t.cardLast4, t.risk?.level])).toEqual([
      ["tx-2", "QuickShop Online", 899, "4821", "block"],
      ["tx-1", "Tesco", 45.2, "4821", "none"],
    ]);
    expect(out.transactions[0]?.risk?.probability).toBe(0.91);
  });

  it("honours the limit", async () => {
    const out = await run({ customerId: "demo1", days: 7, limit: 1 });
    expect(out.status === "ok" && out.transactions.map((t) => t.id)).toEqual(["tx-2"]);
    expect(out.status === "ok" && out.days).toBe(7);
  });

  it("returns not_found for an unknown customer id", async () => {
    expect(await run({ customerId: "c999999" })).toEqual({ status: "not_found", customerId: "c999999" });
  });

  it("is forbidden to a customer", async () => {
    expect(await run({ customerId: "demo1" }, { kind: "customer", customerId: "demo1" })).toEqual({
      status: "forbidden",
    });
  });
});
