import { describe, expect, it } from "vitest";
import type { Identity } from "../auth/identity.js";
import type { ChatEvent } from "./chat-schemas.js";
import { buildTestChat } from "./testing/build-test-chat.js";

const setup = () => buildTestChat();

const demo1: Identity = { kind: "customer", customerId: "demo1" };
const anonymous: Identity = { kind: "anonymous" };

describe("chat service with the local responder", () => {
  it("answers a knowledge question from the passage and cites it", async () => {
    const { chat } = setup();
    const r = await chat.handleMessage({ identity: anonymous, message: "how much is a swift transfer fee?" });
    expect(r.reply.text).toContain("£15");
    expect(r.reply.citations).toEqual([{ docId: "fees-schedule-2026", title: "Fee schedule 2026", version: "2026.1" }]);
    expect(r.toolCalls).toEqual([{ name: "search_knowledge", status: "ok" }]);
  });

  it("freezes demo1's card only after approval", async () => {
    const { chat, bank } = setup();
    const first = await chat.handleMessage({ identity: demo1, message: "please freeze my card" });
    expect(first.pendingConfirmation?.summary).toContain("4821");
    expect(bank.cards[0]?.status).toBe("active");
    const done = await chat.handleConfirmation({
      identity: demo1,
      sessionId: first.sessionId,
      confirmationId: first.pendingConfirmation?.id ?? "",
      decision: "approve",
    });
    expect(bank.cards[0]?.status).toBe("frozen");
    expect(done.reply.text).toContain("4821");
    expect(done.toolCalls).toContainEqual({ name: "freeze_card", status: "ok" });
  });

  it("leaves the card alone when the customer rejects", async () => {
    const { chat, bank } = setup();
    const first = await chat.handleMessage({ identity: demo1, message: "freeze my card" });
    const done = await chat.handleConfirmation({
      identity: demo1,
      sessionId: first.sessionId,
      confirmationId: first.pendingConfirmation?.id ?? "",
      decision: "reject",
    });
    expect(bank.cards[0]?.status).toBe("active");
    expect(done.toolCalls).toContainEqual({ name: "freeze_card", status: "rejected" });
  });

  it("never freezes another customer's card named by its digits", async () => {
    const { chat, bank } = setup();
    const first = await chat.handleMessage({ identity: demo1, message: "freeze my card ending 7310" });
    if (first.pendingConfirmation) {
      await chat.handleConfirmation({
        identity: demo1,
        sessionId: first.sessionId,
        confirmationId: first.pendingConfirmation.id,
        decision: "approve",
      });
    }
    expect(bank.cards[1]?.status).toBe("active");
  });

  it("asks an anonymous visitor to sign in and uses no data tool", async () => {
    const { chat } = setup();
    const r = await chat.handleMessage({ identity: anonymous, message: "show my recent transactions" });
    expect(r.reply.text).toMatch(/sign in/i);
    expect(r.toolCalls.map((t) => t.name)).not.toContain("get_recent_transactions");
  });

  it("stamps each trace with the wall-clock time the turn started", async () => {
    const { chat, store } = setup();
    const r = await chat.handleMessage({ identity: anonymous, message: "how much is a swift transfer fee?" });
    const [trace] = store.listTraces(r.sessionId);
    // The test service's clock is fixed at 2026-11-29T12:00:00Z; a turn takes well under a minute.
    const startedAt = Date.parse(trace?.startedAt ?? "");
    expect(Math.abs(startedAt - Date.parse("2026-11-29T12:00:00Z"))).toBeLessThan(60_000);
  });

  it("redacts PII from the transcript and the trace", async () => {
    const { chat, store } = setup();
    const r = await chat.handleMessage({
      identity: demo1,
      message: "my card 4111 1111 1111 1111 and email li@example.com, what are the fees for swift?",
    });
    const text = JSON.stringify([store.listMessages(r.sessionId), store.listTraces(r.sessionId)]);
    expect(text).not.toContain("4111 1111");
    expect(text).not.toContain("li@example.com");
    expect(text).toContain("[CARD_1]");
  });

  it("streams tokens before done and keeps the bot quiet after a handoff", async () => {
    const { chat } = setup();
    const events: ChatEvent[] = [];
    const r = await chat.handleMessage({ identity: demo1, message: "I want to talk to a person" }, (e) =>
      events.push(e),
    );
    const types = events.map((e) => e.type);
    // A new conversation's id comes first, so a client whose stream drops can still resume it.
    expect(types.slice(0, 2)).toEqual(["session", "intent"]);
    expect(types.indexOf("token")).toBeGreaterThan(-1);
    expect(types.indexOf("token")).toBeLessThan(types.indexOf("done"));
    expect(r.handoff?.ticketId).toMatch(/T-/);
    const quiet = await chat.handleMessage({ identity: demo1, sessionId: r.sessionId, message: "hello?" });
    expect(quiet.reply.text).toBe("");
  });

  it("checks a suspicious transaction with the fraud model and offers next steps", async () => {
    const { chat } = setup();
    const r = await chat.handleMessage({ identity: demo1, message: "I don't recognise a payment of £899" });
    expect(r.reply.text).toContain("QuickShop Online");
    expect(r.reply.text).toContain("9.8×");
    expect(r.reply.quickReplies?.length).toBeGreaterThan(0);
  });
});

describe("per-turn limits", () => {
  it("stops a model that keeps calling tools", async () => {
    const { AIMessage } = await import("@langchain/core/messages");
    const { BaseChatModel } = await import("@langchain/core/language_models/chat_models");
    class Looping extends BaseChatModel {
      _llmType(): string {
        return "looping";
      }
      override bindTools(): this {
        return this;
      }
      async _generate() {
        const message = new AIMessage({
          content: "",
          tool_calls: [
            { id: `c${Math.random()}`, name: "search_knowledge", args: { query: "fees" }, type: "tool_call" as const },
          ],
        });
        return { generations: [{ text: "", message }] };
      }
    }
    const { chat, store } = buildTestChat({ primary: { model: new Looping({}), name: "looping" } });
    const r = await chat.handleMessage({ identity: { kind: "anonymous" }, message: "what are the fees for swift?" });
    const trace = store.getTrace(r.traceId);
    expect(trace?.modelCalls.length).toBeLessThanOrEqual(7);
    expect(trace?.guardrails.map((g) => g.type)).toContain("tool_limit");
  });
});
