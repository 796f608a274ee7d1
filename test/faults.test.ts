// Fast version of `npm run faults`: the in-process fault scenarios against the real service (LLM failures, a locked
// and a read-only database) on the cached pristine data folder. The restart with corrupt artefacts (it retrains three
// models) and the cluster kill -9 scenarios run in the CLI only; each artefact fallback has its own unit test.
import { ChatOpenAI } from "@langchain/openai";
import { describe, expect, it } from "vitest";
import { buildTestChat } from "../src/agent/testing/build-test-chat.js";
import { runInProcessScenarios } from "../src/cli/faults/in-process-scenarios.js";
import { startFakeOpenAI } from "../src/dialogues/fake-openai-server.js";

describe("LLM replies that are broken", () => {
  it("answers from the local responder when the model's tool-call arguments are not JSON, instead of an empty reply", async () => {
    const fake = await startFakeOpenAI({ fault: "invalid_tool_json" });
    try {
      const llm = new ChatOpenAI({
        model: "m",
        apiKey: "t",
        configuration: { baseURL: fake.url },
        maxRetries: 0,
        streaming: true,
        timeout: 2000,
      });
      const { chat } = buildTestChat({ primary: { model: llm, name: "m" }, timeoutMs: 2000 });
      const r = await chat.handleMessage({
        identity: { kind: "anonymous" },
        message: "how much is a swift transfer fee?",
      });
      expect(r.reply.text).toContain("£15");
    } finally {
      await fake.close();
    }
  });
});

describe("fault scenarios (in-process)", () => {
  it("keeps answering, loses no committed turn and leaves nothing half-written", async () => {
    const results = await runInProcessScenarios({ corruptArtefacts: false });
    const failed = results.filter((r) => !r.passed).map((r) => `${r.scenario}: ${r.details}`);
    expect(failed).toEqual([]);
    expect(results.reduce((s, r) => s + r.lostTurns + r.halfWritten, 0)).toBe(0);
    expect(results.length).toBeGreaterThanOrEqual(10);
  }, 120_000);
});
