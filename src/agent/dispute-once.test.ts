// Regression for probe F11: disputing an already-disputed transaction in a new session opened a second dispute.
import { describe, expect, it } from "vitest";
import type { Identity } from "../auth/identity.js";
import { buildTestChat } from "./testing/build-test-chat.js";

const demo1: Identity = { kind: "customer", customerId: "demo1" };

describe("disputing a transaction twice", () => {
  it("says it is already under dispute and returns the first dispute instead of opening another", async () => {
    const { chat, bank } = buildTestChat();
    const disputeOnce = async () => {
      const asked = await chat.handleMessage({ identity: demo1, message: "I want to dispute the £899 payment" });
      const pending = asked.pendingConfirmation;
      if (!pending) throw new Error(`no confirmation asked: ${asked.reply.text}`);
      const done = await chat.handleConfirmation({
        identity: demo1,
        sessionId: asked.sessionId,
        confirmationId: pending.id,
        decision: "approve",
      });
      return { summary: pending.summary, reply: done.reply.text, toolCalls: done.toolCalls };
    };
    const first = await disputeOnce();
    expect(first.summary).toMatch(/^Open a dispute for QuickShop/);
    expect(first.reply).toContain("I've opened dispute D-1");
    const second = await disputeOnce();
    expect(second.summary).toContain("already under dispute (D-1)");
    expect(second.reply).toContain("already under dispute (D-1)");
    expect(second.toolCalls).toContainEqual({ name: "open_dispute", status: "ok" });
    expect(bank.disputes).toHaveLength(1);
  });
});
