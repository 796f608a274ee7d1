import { describe, expect, it } from "vitest";
import { createOpenAIEmbeddings } from "./openai-embeddings.js";

describe("createOpenAIEmbeddings", () => {
  it("builds offline and names provider, model and dimension in its id", () => {
    const e = createOpenAIEmbeddings({ apiKey: "test-key", baseUrl: "http://127.0.0.1:9/v1", model: "text-embedding-3-small", dimensions: 512 });
    expect(e.id).toBe("openai:text-embedding-3-small:512");
    expect(e.dim).toBe(512);
    expect(e.fitCorpus).toBeUndefined();
  });
});
