// Replays recorded model outputs to the real ChatOpenAI client through the fake OpenAI server, in order, streamed or
// not, and fails fast once the recording runs out.
import type { AIMessageChunk } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCassetteServer, type CassetteServer } from "./cassette-server.js";

let server: CassetteServer;
beforeAll(async () => {
  server = await startCassetteServer();
});
afterAll(async () => {
  await server.close();
});

// streaming: true with invoke() would make LangChain estimate tokens with a remote tiktoken download, so streams
// use stream().
const model = () =>
  new ChatOpenAI({
    model: "gpt-4o-mini",
    apiKey: "cassette",
    configuration: { baseURL: server.baseUrl },
    maxRetries: 0,
  });

describe("cassette server", () => {
  it("answers an OpenAI client with the recorded tool call and then the recorded text, in order", async () => {
    server.load([
      { content: "", toolCalls: [{ id: "call_a", name: "list_cards", args: {} }] },
      { content: "You have one card.", toolCalls: [] },
    ]);
    const first = await model().invoke("what cards do I have [CARD_1]");
    expect(first.tool_calls?.map((c) => [c.name, c.args])).toEqual([["list_cards", {}]]);
    const second = await model().invoke("next");
    expect(second.content).toBe("You have one card.");
    expect(server.remaining()).toBe(0);
    expect(server.received()[0]).toContain("[CARD_1]");
  });

  it("streams recorded text and tool calls", async () => {
    server.load([
      { content: "", toolCalls: [{ name: "freeze_card", args: { last4: "4242" } }] },
      { content: "A longer streamed answer that spans several chunks of text.", toolCalls: [] },
    ]);
    let call: AIMessageChunk | undefined;
    for await (const chunk of await model().stream("freeze")) call = call ? call.concat(chunk) : chunk;
    expect(call?.tool_calls?.[0]).toMatchObject({ name: "freeze_card", args: { last4: "4242" } });
    let text = "";
    for await (const chunk of await model().stream("go")) text += String(chunk.content);
    expect(text).toBe("A longer streamed answer that spans several chunks of text.");
  });

  it("fails fast with a client error when the recording runs out, and counts it", async () => {
    server.load([]);
    await expect(model().invoke("more")).rejects.toThrow(/exhausted/);
    expect(server.exhausted()).toBe(1);
  });
});
