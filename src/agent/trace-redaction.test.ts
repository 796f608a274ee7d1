import { AIMessage } from "@langchain/core/messages";
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { describe, expect, it } from "vitest";
import { buildTestChat } from "./testing/build-test-chat.js";
import { createTurnRecorder, redactToolArgs, traceCallsOf } from "./turn-recorder.js";
import { redactPii } from "../shared/pii-vault.js";

/** A model that asks for one knowledge search carrying raw personal data, then answers. */
class LeakyModel extends BaseChatModel {
  private calls = 0;
  _llmType(): string {
    return "leaky";
  }
  override bindTools(): this {
    return this;
  }
  async _generate() {
    this.calls++;
    const message =
      this.calls === 1
        ? new AIMessage({
            content: "",
            tool_calls: [
              {
                id: "c1",
                name: "search_knowledge",
                args: { query: "fees for card 4111 1111 1111 1111, call +44 7700 900123" },
                type: "tool_call" as const,
              },
            ],
          })
        : new AIMessage({ content: "A SWIFT transfer costs £15." });
    return { generations: [{ text: "", message }] };
  }
}

describe("tool-call arguments in traces", () => {
  it("stores the model's tool arguments redacted, and embeds only the redacted search query", async () => {
    const { chat, store, ports } = buildTestChat({ primary: { model: new LeakyModel({}), name: "leaky" } });
    const searched: string[] = [];
    const search = ports.knowledge.search.bind(ports.knowledge);
    ports.knowledge.search = (query, options) => {
      searched.push(query);
      return search(query, options);
    };
    const r = await chat.handleMessage({ identity: { kind: "anonymous" }, message: "what are the fees for swift?" });
    const trace = store.getTrace(r.traceId);
    const stored = JSON.stringify(trace);
    expect(stored).not.toContain("4111");
    expect(stored).not.toContain("7700 900123");
    // The first call is the search made before the model ran; the second is the model's own.
    expect(trace?.toolCalls.map((c) => c.args)).toContainEqual({ query: "fees for card [CARD_1], call [PHONE_1]" });
    expect(trace?.modelCalls[0]?.output.toolCalls[0]?.args).toEqual({
      query: "fees for card [CARD_1], call [PHONE_1]",
    });
    expect(searched.length).toBeGreaterThan(0);
    expect(searched.join(" ")).not.toMatch(/4111|7700/);
  });

  it("redacts nested strings and long numbers, reading the key as context", () => {
    const redact = (t: string) => redactPii(t);
    expect(
      redactToolArgs(
        {
          accountNumber: 12345678,
          sortCode: "123456",
          to: { passport: "533401372" },
          limit: 5,
          cards: ["4111111111111111"],
        },
        redact,
      ),
    ).toEqual({
      accountNumber: "[ACCOUNT_1]",
      sortCode: "[SORT_CODE_1]",
      to: { passport: "[PASSPORT_1]" },
      limit: 5,
      cards: ["[CARD_1]"],
    });
  });

  it("keeps the real arguments in the recorder for the action that runs", () => {
    const recorder = createTurnRecorder();
    recorder.toolCalls.push({
      name: "freeze_card",
      args: { card: "4111111111111111" },
      status: "awaiting_confirmation",
      summary: "",
      ms: 0,
    });
    expect(traceCallsOf(recorder, (t) => redactPii(t)).toolCalls[0]?.args).toEqual({ card: "[CARD_1]" });
    expect(recorder.toolCalls[0]?.args).toEqual({ card: "4111111111111111" });
  });
});
