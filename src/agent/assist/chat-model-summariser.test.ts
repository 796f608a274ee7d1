import { join } from "node:path";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { createChatModelSummariser } from "./chat-model-summariser.js";
import { loadAssistPrompts } from "./load-assist-prompts.js";

const PROMPTS_DIR = join(import.meta.dirname, "../../../prompts");

describe("the chat model summariser", () => {
  const prompts = loadAssistPrompts(PROMPTS_DIR);

  it("loads a summary prompt per language with no leftover placeholder", () => {
    expect(prompts.en).toContain('"wants"');
    expect(prompts["zh-CN"]).toContain('"pending"');
    expect(`${prompts.en}${prompts["zh-CN"]}`).not.toMatch(/\{\{|\}\}/);
  });

  it("reads the JSON object out of the model's answer, even inside a code fence", async () => {
    const answer = '```json\n{"wants": "A card freeze.", "botDid": "Froze it.", "pending": "Nothing is pending."}\n```';
    const model = new FakeListChatModel({ responses: [answer] });
    const summariser = createChatModelSummariser({ model, prompts, timeoutMs: 1000 });
    expect(await summariser.summarise({ locale: "en", conversation: "Customer: freeze my card" })).toEqual({
      ok: true,
      value: { wants: "A card freeze.", botDid: "Froze it.", pending: "Nothing is pending." },
    });
  });

  it("returns failed for an answer that is not the summary object", async () => {
    const model = new FakeListChatModel({ responses: ["I cannot help with that."] });
    const summariser = createChatModelSummariser({ model, prompts, timeoutMs: 1000 });
    expect(await summariser.summarise({ locale: "zh-CN", conversation: "客户：冻结银行卡" })).toEqual({
      ok: false,
      error: "failed",
    });
  });
});
