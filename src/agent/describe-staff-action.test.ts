import { describe, expect, it } from "vitest";
import type { Identity } from "../auth/identity.js";
import type { Locale } from "../shared/locale.js";
import { createPiiVault } from "../shared/pii-vault.js";
import { describeConfirmation } from "./bank-agent.js";
import { createFakeBank, createFakePorts } from "./testing/fake-ports.js";

const staff: Identity = { kind: "staff", staffId: "s1" };
const ctx = (locale: Locale, identity: Identity = staff) => ({
  identity,
  locale,
  vault: createPiiVault(),
  sessionId: "session-1",
});

describe("the staff member's confirmation card", () => {
  it("says which card of which customer will be frozen, in English and Chinese", () => {
    const ports = createFakePorts();
    const args = { customerId: "demo1", cardLast4: "4821" };
    expect(describeConfirmation(ports, "staff_freeze_card", args, ctx("en"))).toBe(
      "Freeze card ending 4821 of customer demo1 (Alex Morgan)",
    );
    expect(describeConfirmation(ports, "staff_freeze_card", args, ctx("zh-CN"))).toBe(
      "冻结客户 demo1（Alex Morgan）尾号 4821 的银行卡",
    );
  });

  it("says that confirming changes nothing when the card cannot be chosen", () => {
    const ports = createFakePorts();
    const text = describeConfirmation(
      ports,
      "staff_freeze_card",
      { customerId: "demo1", cardLast4: "7310" },
      ctx("en"),
    );
    expect(text).toBe(
      "Freeze a card of customer demo1 (Alex Morgan): no matching card (their cards end 4821); confirming will change nothing",
    );
    const unknown = describeConfirmation(ports, "staff_freeze_card", { customerId: "c999999" }, ctx("zh-CN"));
    expect(unknown).toBe("冻结客户 c999999 的银行卡：未找到该客户；确认后不会有任何更改");
  });

  it("says which transaction of which customer will be disputed, in English and Chinese", () => {
    const ports = createFakePorts();
    const args = { transactionId: "tx-9" };
    expect(describeConfirmation(ports, "staff_open_dispute", args, ctx("en"))).toBe(
      "Open a dispute for transaction tx-9 (淘宝, £120.00, 26 Nov 2026) of customer demo2 (Li Wei)",
    );
    expect(describeConfirmation(ports, "staff_open_dispute", args, ctx("zh-CN"))).toBe(
      "为客户 demo2（Li Wei）的交易 tx-9（淘宝，£120.00，2026年11月26日）发起争议",
    );
  });

  it("warns that a transaction already under dispute will not get a second one", () => {
    const bank = createFakeBank();
    bank.createDispute({ customerId: "demo1", transactionId: "tx-2", reason: "x" });
    const text = describeConfirmation(
      createFakePorts(bank),
      "staff_open_dispute",
      { transactionId: "tx-2" },
      ctx("en"),
    );
    expect(text).toContain("is already under dispute (D-1); confirming will not open another");
  });

  it("leaves the customer's own confirmation text unchanged", () => {
    const ports = createFakePorts();
    const customer: Identity = { kind: "customer", customerId: "demo1" };
    expect(describeConfirmation(ports, "freeze_card", { cardLast4: "4821" }, ctx("en", customer))).toBe(
      "Freeze your card ending 4821",
    );
  });
});
