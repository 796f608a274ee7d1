import { describe, expect, it } from "vitest";
import type { Identity } from "../../auth/identity.js";
import type { Locale } from "../../shared/locale.js";
import { createPiiVault } from "../../shared/pii-vault.js";
import { createFakePorts } from "../testing/fake-ports.js";
import { createCheckTransactionRiskTool } from "./check-transaction-risk.js";
import { readToolResult } from "./tool-results.js";

async function check(transactionId: string, identity: Identity, locale: Locale = "en") {
  const ports = createFakePorts();
  const context = { identity, sessionId: "s", locale, vault: createPiiVault() };
  const out = await createCheckTransactionRiskTool(ports.bank, ports.fraud).invoke({ transactionId }, { context });
  return readToolResult("check_transaction_risk", JSON.parse(String(out)));
}

const staff: Identity = { kind: "staff", staffId: "s1" };

describe("check_transaction_risk", () => {
  it("lets staff assess any customer's transaction, with its customer, merchant, amount, date and verdict", async () => {
    const out = await check("tx-2", staff);
    expect(out).toEqual({
      status: "ok",
      transaction: {
        id: "tx-2",
        customerId: "demo1",
        merchant: "QuickShop Online",
        amount: 899,
        currency: "GBP",
        date: "2026-11-28T02:10:00Z",
      },
      risk: {
        probability: 0.91,
        level: "block",
        reasons: ["amount is 9.8× this customer's 30-day average"],
        modelVersion: "fraud-test",
      },
    });
  });

  it("gives staff the reasons in Chinese when they write in Chinese", async () => {
    const out = await check("tx-2", staff, "zh-CN");
    expect(out?.status === "ok" && out.risk.reasons).toEqual(["金额是该客户30天平均值的9.8倍"]);
  });

  it("answers not_found to staff for an unknown id", async () => {
    expect(await check("tx-404", staff)).toEqual({ status: "not_found", transactionId: "tx-404" });
  });

  it("still refuses a customer another customer's transaction, and shows a customer no customer id", async () => {
    const demo1: Identity = { kind: "customer", customerId: "demo1" };
    expect(await check("tx-9", demo1)).toEqual({ status: "not_found", transactionId: "tx-9" });
    const own = await check("tx-2", demo1);
    expect(own?.status === "ok" && "customerId" in own.transaction).toBe(false);
  });
});
