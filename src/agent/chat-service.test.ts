import { MemorySaver } from "@langchain/langgraph";
import { describe, expect, it } from "vitest";
import type { Identity } from "../auth/identity.js";
import { createVaultCipher } from "./guardrails/vault-cipher.js";
import { createSilentLogger } from "../shared/logger.js";
import { createBankAgent, describeConfirmation } from "./bank-agent.js";
import type { ChatEvent } from "./chat-schemas.js";
import { createChatService } from "./chat-service.js";
import { createConversationEvents } from "./conversation-events.js";
import { createConversationStore } from "./conversation-store.js";
import { createHandoffService } from "./handoff-service.js";
import { LocalResponderChatModel } from "./responder/local-chat-model.js";
import { createFakeBank, createFakePorts, createKeywordRouter } from "./testing/fake-ports.js";

function setup() {
  const bank = createFakeBank();
  const ports = createFakePorts(bank);
  const store = createConversationStore(":memory:");
  const events = createConversationEvents();
  const handoff = createHandoffService({ store, events, redact: (t) => t });
  ports.openTicket = (sessionId, summary) => ({ ticketId: handoff.openTicket(sessionId, summary).id });
  const local = new LocalResponderChatModel();
  const agent = createBankAgent({
    ports,
    primaryModel: local,
    primaryName: { provider: "local", model: "test" },
    fallbackModel: local,
    fallbackName: { provider: "local", model: "test" },
    checkpointer: new MemorySaver(),
    now: () => new Date("2026-11-29T12:00:00Z"),
    modelTimeoutMs: 5000,
    publicNumbers: [],
  });
  const chat = createChatService({
    agent,
    router: createKeywordRouter(),
    store,
    events,
    renderSystemPrompt: (route) => `You are the bank assistant for ${route}.`,
    now: () => new Date("2026-11-29T12:00:00Z"),
    logger: createSilentLogger(),
    provider: { provider: "local", model: "test" },
    publicNumbers: [],
    describeConfirmation: (action, args, ctx) => describeConfirmation(ports, action, args, ctx),
    vaultCipher: createVaultCipher("test-secret-0123456789abcdef0123456789"),
  });
  return { bank, ports, store, chat };
}

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
    const done = await chat.handleConfirmation({ identity: demo1, sessionId: first.sessionId, confirmationId: first.pendingConfirmation?.id ?? "", decision: "approve" });
    expect(bank.cards[0]?.status).toBe("frozen");
    expect(done.reply.text).toContain("4821");
    expect(done.toolCalls).toContainEqual({ name: "freeze_card", status: "ok" });
  });

  it("leaves the card alone when the customer rejects", async () => {
    const { chat, bank } = setup();
    const first = await chat.handleMessage({ identity: demo1, message: "freeze my card" });
    const done = await chat.handleConfirmation({ identity: demo1, sessionId: first.sessionId, confirmationId: first.pendingConfirmation?.id ?? "", decision: "reject" });
    expect(bank.cards[0]?.status).toBe("active");
    expect(done.toolCalls).toContainEqual({ name: "freeze_card", status: "rejected" });
  });

  it("never freezes another customer's card named by its digits", async () => {
    const { chat, bank } = setup();
    const first = await chat.handleMessage({ identity: demo1, message: "freeze my card ending 7310" });
    if (first.pendingConfirmation) {
      await chat.handleConfirmation({ identity: demo1, sessionId: first.sessionId, confirmationId: first.pendingConfirmation.id, decision: "approve" });
    }
    expect(bank.cards[1]?.status).toBe("active");
  });

  it("asks an anonymous visitor to sign in and uses no data tool", async () => {
    const { chat } = setup();
    const r = await chat.handleMessage({ identity: anonymous, message: "show my recent transactions" });
    expect(r.reply.text).toMatch(/sign in/i);
    expect(r.toolCalls.map((t) => t.name)).not.toContain("get_recent_transactions");
  });

  it("redacts PII from the transcript and the trace", async () => {
    const { chat, store } = setup();
    const r = await chat.handleMessage({ identity: demo1, message: "my card 4111 1111 1111 1111 and email li@example.com, what are the fees for swift?" });
    const text = JSON.stringify([store.listMessages(r.sessionId), store.listTraces(r.sessionId)]);
    expect(text).not.toContain("4111 1111");
    expect(text).not.toContain("li@example.com");
    expect(text).toContain("[CARD_1]");
  });

  it("streams tokens before done and keeps the bot quiet after a handoff", async () => {
    const { chat } = setup();
    const events: ChatEvent[] = [];
    const r = await chat.handleMessage({ identity: demo1, message: "I want to talk to a person" }, (e) => events.push(e));
    const types = events.map((e) => e.type);
    expect(types[0]).toBe("intent");
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
