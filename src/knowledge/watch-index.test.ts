import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFixedClock } from "../shared/clock.js";
import { ingestKnowledge } from "./ingest-knowledge.js";
import { createKnowledgeBase } from "./knowledge-base.js";
import { makeTempKnowledge } from "./knowledge-fixtures.test-helpers.js";
import { createLocalEmbeddings } from "./local-embeddings.js";
import { watchKnowledgeIndex } from "./watch-index.js";

describe("watchKnowledgeIndex", () => {
  it("moves a running knowledge base to a newly published version without a restart", async () => {
    const { knowledgeDir, indexRoot } = await makeTempKnowledge("mini");
    const embeddings = createLocalEmbeddings({ dim: 128 });
    await ingestKnowledge({ knowledgeDir, indexRoot, embeddings });
    const kb = await createKnowledgeBase({ indexRoot, embeddings, clock: createFixedClock("2026-11-29T12:00:00Z") });
    const watcher = watchKnowledgeIndex({ indexRoot, knowledge: kb, debounceMs: 10, pollMs: 100 });
    try {
      const path = join(knowledgeDir, "en/card-lost.md");
      await writeFile(path, (await readFile(path, "utf8")).replace("24/7", "24 hours a day"));
      const report = await ingestKnowledge({ knowledgeDir, indexRoot, embeddings });
      const deadline = Date.now() + 3000;
      while (kb.indexVersion() !== report.version && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(kb.indexVersion()).toBe(report.version);
    } finally {
      watcher.close();
    }
  });
});
