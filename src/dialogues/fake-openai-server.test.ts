// Drives the fake OpenAI server with the real LangChain clients, so LLM-mode tests and the red team can trust it speaks
// the protocol, and misbehaves on the wire exactly as scripted.
import { afterEach, describe, expect, it } from "vitest";
import { ChatOpenAI, OpenAIEmbeddings } from "@langchain/openai";
import { tool } from "@langchain/core/tools";
import { HumanMessage, type AIMessageChunk } from "@langchain/core/messages";
import { createAgent } from "langchain";
import { z } from "zod";
import { startFakeOpenAI, type FakeOpenAI } from "./fake-openai-server.js";

const freezeCard = tool(async () => "ok", {
  name: "freeze_card",
  description: "Freeze a card.",
  schema: z.object({ cardId: z.string(), reason: z.string() }),
});

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function chatModel(url: string, extra: Partial<ConstructorParameters<typeof ChatOpenAI>[0]> = {}): ChatOpenAI {
  return new ChatOpenAI({
    model: "gpt-4o-mini",
    apiKey: "test",
    maxRetries: 0,
    configuration: { baseURL: url },
    ...extra,
  });
}

describe("fake OpenAI server", () => {
  it("answers a non-streaming completion with the scripted text and records the request", async () => {
    fake = await startFakeOpenAI({ script: [{ content: "Hello from the fake." }] });
    const reply = await chatModel(fake.url).invoke([new HumanMessage("hi there")]);
    expect(reply.content).toBe("Hello from the fake.");
    expect(reply.response_metadata["finish_reason"]).toBe("stop");
    const [req] = fake.chatRequests();
    expect(req?.authorization).toBe("Bearer test");
    expect(req?.body["stream"]).toBeFalsy();
    expect(req?.raw).toContain("hi there");
  });

  it("returns scripted tool calls non-streaming with parsed arguments and offers the bound tools", async () => {
    fake = await startFakeOpenAI({
      script: [{ toolCalls: [{ name: "freeze_card", args: { cardId: "card_1", reason: "lost" } }] }],
    });
    const reply = await chatModel(fake.url).bindTools([freezeCard]).invoke("freeze my card");
    expect(reply.tool_calls).toHaveLength(1);
    expect(reply.tool_calls?.[0]).toMatchObject({ name: "freeze_card", args: { cardId: "card_1", reason: "lost" } });
    expect(reply.tool_calls?.[0]?.id).toMatch(/^call_/);
    expect(reply.response_metadata["finish_reason"]).toBe("tool_calls");
    const tools = fake.chatRequests()[0]?.body["tools"] as { function: { name: string } }[];
    expect(tools.map((t) => t.function.name)).toEqual(["freeze_card"]);
  });

  it("streams text as several SSE chunks that concatenate to the scripted reply", async () => {
    fake = await startFakeOpenAI({ script: [{ content: "Your card is frozen. 您的卡已冻结。" }] });
    const stream = await chatModel(fake.url).stream("freeze it");
    const pieces: string[] = [];
    for await (const chunk of stream)
      if (typeof chunk.content === "string" && chunk.content) pieces.push(chunk.content);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join("")).toBe("Your card is frozen. 您的卡已冻结。");
    expect(fake.chatRequests()[0]?.body["stream"]).toBe(true);
  });

  it("streams tool calls in argument fragments that reassemble into the scripted call", async () => {
    fake = await startFakeOpenAI({
      script: [
        {
          toolCalls: [{ name: "freeze_card", args: { cardId: "card_42", reason: "I think it was stolen yesterday" } }],
        },
      ],
    });
    const stream = await chatModel(fake.url).bindTools([freezeCard]).stream("my card was stolen");
    let merged: AIMessageChunk | undefined;
    let count = 0;
    for await (const chunk of stream) {
      count += 1;
      merged = merged ? merged.concat(chunk) : chunk;
    }
    expect(count).toBeGreaterThan(3);
    expect(merged?.tool_calls?.[0]).toMatchObject({
      name: "freeze_card",
      args: { cardId: "card_42", reason: "I think it was stolen yesterday" },
    });
  });

  it("serves the script in order, then a function step that sees the request, then reports exhaustion", async () => {
    fake = await startFakeOpenAI({
      script: [
        { content: "first" },
        (req) => ({ content: `saw ${(req.body["messages"] as unknown[]).length} messages` }),
      ],
    });
    const model = chatModel(fake.url);
    expect((await model.invoke("a")).content).toBe("first");
    expect((await model.invoke([new HumanMessage("a"), new HumanMessage("b")])).content).toBe("saw 2 messages");
    expect(fake.remaining()).toBe(0);
    await expect(model.invoke("c")).rejects.toThrow(/script exhausted/);
  });

  it("fails every chat request with the configured status", async () => {
    fake = await startFakeOpenAI({ failWith: { status: 503, body: { error: { message: "overloaded" } } } });
    await expect(chatModel(fake.url).invoke("hi")).rejects.toThrow(/503|overloaded/);
    await expect(chatModel(fake.url, { streaming: true }).invoke("hi")).rejects.toThrow(/503|overloaded/);
  });

  it("hangs so a client with a timeout gives up, and close() still returns promptly", async () => {
    fake = await startFakeOpenAI({ hang: true });
    const started = Date.now();
    await expect(chatModel(fake.url, { timeout: 300 }).invoke("hi")).rejects.toThrow(/time|abort/i);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it("switches from hanging back to answering with setMode", async () => {
    fake = await startFakeOpenAI({ hang: true, script: [{ content: "back" }] });
    await expect(chatModel(fake.url, { timeout: 200 }).invoke("hi")).rejects.toThrow();
    fake.setMode({ hang: false });
    expect((await chatModel(fake.url).invoke("hi")).content).toBe("back");
  });

  it("runs a full createAgent loop: scripted tool call, tool result sent back, final answer", async () => {
    fake = await startFakeOpenAI({
      script: [
        { toolCalls: [{ name: "freeze_card", args: { cardId: "card_7", reason: "lost" } }] },
        (req) => {
          const last = (req.body["messages"] as { role: string; content: string }[]).at(-1);
          return { content: last?.role === "tool" ? `Done: ${last.content}` : "no tool result seen" };
        },
      ],
    });
    const agent = createAgent({
      model: chatModel(fake.url),
      tools: [freezeCard],
      systemPrompt: "You are Harbor Bank's assistant.",
    });
    const result = await agent.invoke({ messages: [new HumanMessage("I lost my card")] });
    expect(result.messages.at(-1)?.content).toBe("Done: ok");
    const firstBody = fake.chatRequests()[0]?.body as { messages: { role: string }[] };
    expect(firstBody.messages[0]?.role).toBe("system");
    expect(fake.chatRequests()[0]?.raw).toContain("You are Harbor Bank's assistant.");
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it("serves deterministic, normalised embeddings where related texts score closer", async () => {
    fake = await startFakeOpenAI();
    const embeddings = new OpenAIEmbeddings({
      model: "text-embedding-3-small",
      apiKey: "test",
      dimensions: 256,
      maxRetries: 0,
      configuration: { baseURL: fake.url },
    });
    const [a, b, c] = await embeddings.embedDocuments([
      "freeze my debit card",
      "how do I freeze a card",
      "mortgage interest rates",
    ]);
    const again = await embeddings.embedQuery("freeze my debit card");
    const dot = (x: number[] = [], y: number[] = []): number => x.reduce((s, v, i) => s + v * (y[i] ?? 0), 0);
    expect(a).toHaveLength(256);
    expect(dot(a, a)).toBeCloseTo(1, 4);
    expect(again).toEqual(a);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c));
    expect(fake.requests.every((r) => r.path === "/v1/embeddings")).toBe(true);
  });

  it("answers 400 once the script runs out, counts it, and serves a newly loaded script", async () => {
    fake = await startFakeOpenAI({ script: [{ content: "one" }] });
    const model = chatModel(fake.url);
    await model.invoke("a");
    await expect(model.invoke("b")).rejects.toThrow(/400|script exhausted/);
    expect(fake.exhausted()).toBe(1);
    fake.load([{ content: "two" }]);
    expect(fake.exhausted()).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect((await model.invoke("c")).content).toBe("two");
  });

  it("streams text forever with endless_text until the client gives up", async () => {
    fake = await startFakeOpenAI({ script: [{ content: "again and ", misbehave: "endless_text" }] });
    const controller = new AbortController();
    const stream = await chatModel(fake.url).stream("hi", { signal: controller.signal });
    let text = "";
    await expect(
      (async () => {
        for await (const chunk of stream) {
          text += String(chunk.content);
          if (text.length > 20_000) controller.abort();
        }
      })(),
    ).rejects.toThrow(/abort/i);
    expect(text.length).toBeGreaterThan(20_000);
  });

  it("never sends [DONE] with no_done and stalls half-way with stall: only the caller's abort ends it", async () => {
    fake = await startFakeOpenAI({
      script: [
        { content: "complete answer", misbehave: "no_done" },
        { content: "one two three four", misbehave: "stall" },
      ],
    });
    const url = fake.url;
    const read = async (): Promise<string> => {
      let text = "";
      try {
        // The client's own `timeout` covers the response headers only; a stream that never ends needs a signal.
        for await (const chunk of await chatModel(url).stream("hi", { signal: AbortSignal.timeout(300) }))
          text += String(chunk.content);
      } catch {
        return `${text}|timed out`;
      }
      return text;
    };
    expect(await read()).toBe("complete answer|timed out");
    expect(await read()).toBe("one two |timed out");
  });

  it("streams a huge reply in few enough chunks and the client gets all of it", async () => {
    const huge = "Fee ".repeat(50_000);
    fake = await startFakeOpenAI({ script: [{ content: huge }] });
    let text = "";
    let chunks = 0;
    for await (const chunk of await chatModel(fake.url).stream("hi")) {
      text += String(chunk.content);
      chunks += 1;
    }
    expect(text).toBe(huge);
    expect(chunks).toBeLessThan(2_000);
  });

  it("sends tool calls the request never offered, with any arguments, exactly as scripted", async () => {
    fake = await startFakeOpenAI({
      script: [{ toolCalls: [{ id: "call_x", name: "transfer_money", args: { to: "c000099", amount: 1e6 } }] }],
    });
    const reply = await chatModel(fake.url).bindTools([freezeCard]).invoke("hi");
    expect(reply.tool_calls?.[0]).toMatchObject({ id: "call_x", name: "transfer_money", args: { to: "c000099" } });
  });
});
