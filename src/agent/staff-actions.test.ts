import { describe, expect, it } from "vitest";
import type { Identity } from "../auth/identity.js";
import { buildTestChat } from "./testing/build-test-chat.js";

const staff: Identity = { kind: "staff", staffId: "s1" };

// The staff router reads transaction ids of the product's shape (tx- and eight digits); the fake bank's tx-9 answers
// to that id here.
const LONG_ID = "tx-00000009";

async function ask(message: string) {
  const setup = buildTestChat();
  const lookUp = setup.bank.getTransaction;
  setup.bank.getTransaction = (id) => {
    const tx = lookUp(id === LONG_ID ? "tx-9" : id);
    return tx && { ...tx, id };
  };
  const first = await setup.chat.handleMessage({ identity: staff, message });
  const decide = (decision: "approve" | "reject") =>
    setup.chat.handleConfirmation({
      identity: staff,
      sessionId: first.sessionId,
      confirmationId: first.pendingConfirmation?.id ?? "",
      decision,
    });
  return { ...setup, first, decide };
}

describe("staff actions on a customer's behalf", () => {
  it("asks the staff member to confirm a card freeze, and freezes it only after they confirm", async () => {
    const { first, decide, bank } = await ask("freeze demo1's card ending 4821");
    expect(first.pendingConfirmation).toMatchObject({
      action: "staff_freeze_card",
      summary: "Freeze card ending 4821 of customer demo1 (Alex Morgan)",
    });
    expect(bank.cards[0]?.status).toBe("active");
    const done = await decide("approve");
    expect(bank.cards[0]?.status).toBe("frozen");
    expect(done.toolCalls).toContainEqual({ name: "staff_freeze_card", status: "ok" });
    expect(done.reply.text).toContain("card ending 4821 of customer demo1 (Alex Morgan) is now frozen");
    expect(done.reply.text).toContain("staff:s1");
  });

  it("describes the freeze in Chinese for a Chinese question, and changes nothing when cancelled", async () => {
    const { first, decide, bank } = await ask("帮客户demo2冻结尾号7310的卡");
    expect(first.pendingConfirmation?.summary).toBe("冻结客户 demo2（Li Wei）尾号 7310 的银行卡");
    const done = await decide("reject");
    expect(bank.cards[1]?.status).toBe("active");
    expect(done.reply.text).toContain("已取消，未做任何更改。");
  });

  it("opens a dispute for the transaction's owner after the staff member confirms", async () => {
    const { first, decide, bank } = await ask(`open a dispute for ${LONG_ID}`);
    expect(first.pendingConfirmation?.action).toBe("staff_open_dispute");
    expect(first.pendingConfirmation?.summary).toContain("of customer demo2 (Li Wei)");
    expect(bank.disputes).toEqual([]);
    const done = await decide("approve");
    expect(bank.disputes).toMatchObject([{ customerId: "demo2", transactionId: LONG_ID, openedBy: "staff:s1" }]);
    expect(done.reply.text).toContain("Recorded as opened by staff:s1");
  });
});
