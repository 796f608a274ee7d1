// The chat engine in LLM mode against a real local HTTP server speaking the OpenAI protocol: scripted tool calls,
// streaming, PII never sent to the model, and fallback to the local responder when the model fails or hangs.
import { ChatOpenAI } from "@langchain/openai";
import { afterEach, describe, expect, it } from "vitest";
import type { ChatEvent } from "../src/agent/chat-schemas.js";
import { buildTestChat } from "../src/agent/testing/build-test-chat.js";
import { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from "../src/dialogues/fake-openai-server.js";

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(options: FakeOpenAIOptions, timeoutMs = 3000) {
  fake = await startFakeOpenAI(options);
  const llm = new ChatOpenAI({
    model: "fake-model",
    apiKey: "test",
    configuration: { baseURL: fake.url },
    maxRetries: 0,
    streaming: true,
    timeout: timeoutMs,
  });
  return { ...buildTestChat({ primary: { model: llm, name: "fake-model" }, timeoutMs }), fake };
}

describe("chat engine with an OpenAI-compatible model", () => {
  it("runs the model's tool call, streams its answer and cites the passage", async () => {
    const { chat, fake } = await setup({
      script: [
        { toolCalls: [{ name: "search_knowledge", args: { query: "SWIFT fee" } }] },
        { content: "A SWIFT payment costs £15 online [1]." },
      ],
    });
    const events: ChatEvent[] = [];
    const r = await chat.handleMessage(
      { identity: { kind: "anonymous" }, message: "how much is a swift transfer fee?" },
      (e) => events.push(e),
    );
    expect(r.reply.text).toBe("A SWIFT payment costs £15 online [1].");
    expect(r.reply.citations[0]?.docId).toBe("fees-schedule-2026");
    // Text is released a checked sentence at a time, and what streams is exactly the reply.
    const tokens = events.flatMap((e) => (e.type === "token" ? [e.data.text] : []));
    expect(tokens.join("")).toBe(r.reply.text);
    expect(fake.chatRequests()).toHaveLength(2);
    const offered = (fake.chatRequests()[0]?.body["tools"] as { function: { name: string } }[]).map(
      (t) => t.function.name,
    );
    expect(offered).toEqual(["search_knowledge", "handoff_to_human"]);
  });

  it("answers from the passage when the model's figure is not in it", async () => {
    const { chat } = await setup({
      script: [
        { toolCalls: [{ name: "search_knowledge", args: { query: "SWIFT fee" } }] },
        { content: "A SWIFT payment costs £150 online [1]." },
      ],
    });
    const r = await chat.handleMessage({ identity: { kind: "anonymous" }, message: "swift fee?" });
    expect(r.reply.text).not.toContain("£150");
    expect(r.reply.text).toContain("£15");
    expect(r.reply.citations[0]?.docId).toBe("fees-schedule-2026");
  });

  it("never sends PII to the model", async () => {
    const { chat, fake } = await setup({ fallback: { content: "I can help with that." } });
    await chat.handleMessage({
      identity: { kind: "customer", customerId: "demo1" },
      message: "my card 4111 1111 1111 1111 and phone +44 7700 900123, swift fee?",
    });
    const raw = fake.requests.map((r) => r.raw).join("\n");
    expect(raw).not.toContain("4111");
    expect(raw).not.toContain("7700 900123");
    expect(raw).toContain("[CARD_1]");
  });

  it("ignores a model that tries a tool outside the route, and identity never comes from its arguments", async () => {
    const { chat, bank } = await setup({
      script: [
        { toolCalls: [{ name: "freeze_card", args: { cardLast4: "7310", reason: "stolen" } }] },
        { content: "Done." },
      ],
    });
    const r = await chat.handleMessage({
      identity: { kind: "customer", customerId: "demo1" },
      message: "what are the swift fees?",
    });
    expect(r.toolCalls).toContainEqual({ name: "freeze_card", status: "denied" });
    expect(bank.cards.every((c) => c.status === "active")).toBe(true);
  });

  it("falls back to the local responder when the model fails, and says so in the trace", async () => {
    const { chat, store } = await setup({ failWith: { status: 500, body: { error: { message: "boom" } } } });
    const r = await chat.handleMessage({
      identity: { kind: "anonymous" },
      message: "how much is a swift transfer fee?",
    });
    expect(r.reply.text).toContain("£15");
    const trace = store.listTraces(r.sessionId)[0];
    expect(trace?.provider).toBe("openai+fallback");
    expect(trace?.guardrails.map((g) => g.type)).toContain("llm_fallback");
  });

  it("falls back when the model hangs past the timeout", async () => {
    const { chat } = await setup({ hang: true }, 500);
    const started = Date.now();
    const r = await chat.handleMessage({
      identity: { kind: "anonymous" },
      message: "how much is a swift transfer fee?",
    });
    expect(r.reply.text).toContain("£15");
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
