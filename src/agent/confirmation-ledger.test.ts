import { describe, expect, it } from "vitest";
import type { Identity } from "../auth/identity.js";
import { buildTestChat } from "./testing/build-test-chat.js";

const demo1: Identity = { kind: "customer", customerId: "demo1" };

// The ledger's own behaviours run on every adapter in confirmation-ledger.contract.test.ts; these are the chat's.
describe("exactly-once confirmations", () => {
  it("freezes the card once when two approvals of one freeze arrive together, and both get the same reply", async () => {
    const { chat, bank } = buildTestChat();
    const freezes: string[] = [];
    const setCardStatus = bank.setCardStatus;
    bank.setCardStatus = (id, status, actor) => {
      freezes.push(`${id}:${status}`);
      setCardStatus(id, status, actor);
    };
    const first = await chat.handleMessage({ identity: demo1, message: "please freeze my card" });
    const approve = {
      identity: demo1,
      sessionId: first.sessionId,
      confirmationId: first.pendingConfirmation?.id ?? "",
      decision: "approve" as const,
    };
    const [a, b] = await Promise.all([chat.handleConfirmation(approve), chat.handleConfirmation(approve)]);
    expect(freezes).toEqual(["card-1:frozen"]);
    expect(a.traceId).toBe(b.traceId);
    expect(a.reply.text).toBe(b.reply.text);
    expect([a.replayed, b.replayed].filter(Boolean)).toHaveLength(1);
    const retry = await chat.handleConfirmation(approve);
    expect(retry).toMatchObject({ traceId: a.traceId, replayed: true });
    expect(freezes).toHaveLength(1);
  });

  it("opens one dispute for two concurrent approvals, and a later contrary decision gets the first reply", async () => {
    const { chat, bank } = buildTestChat();
    const listed = await chat.handleMessage({ identity: demo1, message: "I want to dispute a transaction" });
    const first = await chat.handleMessage({
      identity: demo1,
      sessionId: listed.sessionId,
      message: "dispute the QuickShop Online payment of £899",
    });
    const id = first.pendingConfirmation?.id ?? "";
    expect(id).not.toBe("");
    const approve = { identity: demo1, sessionId: first.sessionId, confirmationId: id, decision: "approve" as const };
    await Promise.all([
      chat.handleConfirmation(approve),
      chat.handleConfirmation(approve),
      chat.handleConfirmation(approve),
    ]);
    expect(bank.disputes).toHaveLength(1);
    const late = await chat.handleConfirmation({ ...approve, decision: "reject" });
    expect(late.replayed).toBe(true);
    expect(late.toolCalls).toContainEqual({ name: "open_dispute", status: "ok" });
  });
});
