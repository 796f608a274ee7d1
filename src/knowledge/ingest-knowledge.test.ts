import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFixedClock } from "../shared/clock.js";
import { createCountingEmbeddings } from "./counting-embeddings.js";
import { readCurrentVersion } from "./index-store.js";
import { ingestKnowledge } from "./ingest-knowledge.js";
import { createKnowledgeBase } from "./knowledge-base.js";
import { makeTempKnowledge } from "./knowledge-fixtures.test-helpers.js";
import { createLocalEmbeddings } from "./local-embeddings.js";

const clock = createFixedClock("2026-11-29T10:00:00Z");

describe("ingestKnowledge", () => {
  it("embeds every chunk on the first run and nothing when the knowledge is unchanged", async () => {
    const { knowledgeDir, indexRoot } = await makeTempKnowledge("mini");
    const { embeddings, counts } = createCountingEmbeddings(createLocalEmbeddings({ dim: 64 }));
    const first = await ingestKnowledge({ knowledgeDir, indexRoot, embeddings });
    expect(first.added).toBe(6);
    expect(first.embeddedChunks).toBe(first.totalChunks);
    expect(counts.documents).toBe(first.totalChunks);

    const second = await ingestKnowledge({ knowledgeDir, indexRoot, embeddings });
    expect(second).toMatchObject({ version: first.version, added: 0, updated: 0, removed: 0, unchanged: 6, embeddedChunks: 0 });
    expect(counts.documents).toBe(first.totalChunks);
  });

  it("re-embeds only the changed chunks of one changed document", async () => {
    const { knowledgeDir, indexRoot } = await makeTempKnowledge("mini");
    const { embeddings, counts } = createCountingEmbeddings(createLocalEmbeddings({ dim: 64 }));
    const first = await ingestKnowledge({ knowledgeDir, indexRoot, embeddings });
    const path = join(knowledgeDir, "en/card-lost.md");
    await writeFile(path, (await readFile(path, "utf8")).replace("arrives in 3 to 5 working days", "arrives in 2 to 4 working days"));
    const before = counts.documents;
    const second = await ingestKnowledge({ knowledgeDir, indexRoot, embeddings });
    expect(second).toMatchObject({ updated: 1, unchanged: 5, embeddedChunks: 1, refitted: false });
    expect(counts.documents - before).toBe(1);
    expect(second.version).not.toBe(first.version);

    const kb = await createKnowledgeBase({ indexRoot, embeddings, clock });
    const hits = await kb.search("how long does a replacement card take after a loss", { k: 3 });
    expect(hits[0]?.text).toContain("2 to 4 working days");
    expect(hits.some((h) => h.text.includes("3 to 5 working days") && h.docId === "card-lost")).toBe(false);
  });

  it("removes a deleted document's chunks from search", async () => {
    const { knowledgeDir, indexRoot } = await makeTempKnowledge("mini");
    const embeddings = createLocalEmbeddings({ dim: 64 });
    await ingestKnowledge({ knowledgeDir, indexRoot, embeddings });
    await rm(join(knowledgeDir, "en/mortgage-basics.md"));
    const report = await ingestKnowledge({ knowledgeDir, indexRoot, embeddings });
    expect(report).toMatchObject({ removed: 1, embeddedChunks: 0 });
    const kb = await createKnowledgeBase({ indexRoot, embeddings, clock });
    const hits = await kb.search("5-year fixed mortgage rate loan-to-value", { k: 10 });
    expect(hits.map((h) => h.docId)).not.toContain("mortgage-basics");
    expect(kb.getDocument("mortgage-basics")).toBeUndefined();
  });

  it("skips bad files, reports path and field, and still publishes the good ones", async () => {
    const { knowledgeDir, indexRoot } = await makeTempKnowledge("mini", "bad");
    const report = await ingestKnowledge({ knowledgeDir, indexRoot, embeddings: createLocalEmbeddings({ dim: 64 }) });
    expect(report.added).toBe(6);
    expect(report.skipped.map((s) => s.path)).toEqual(["en/broken-date.md", "en/unknown-product.md"]);
    expect(report.skipped[0]?.problem).toContain("effective_from");
  });

  it("leaves the old version serving when a write was abandoned half-way", async () => {
    const { knowledgeDir, indexRoot } = await makeTempKnowledge("mini");
    const embeddings = createLocalEmbeddings({ dim: 64 });
    const first = await ingestKnowledge({ knowledgeDir, indexRoot, embeddings });
    // A crashed ingest leaves a temp folder with a partial file and never touches CURRENT.
    const crashed = join(indexRoot, "versions", "v000002-deadbeef.999.tmp");
    await mkdir(crashed, { recursive: true });
    await writeFile(join(crashed, "hnsw.bin"), "partial");
    expect(await readCurrentVersion(indexRoot)).toBe(first.version);
    const kb = await createKnowledgeBase({ indexRoot, embeddings, clock });
    expect(kb.indexVersion()).toBe(first.version);
    expect((await kb.search("lost card", { k: 1 }))[0]?.docId).toBe("card-lost");
    const versions = await readdir(join(indexRoot, "versions"));
    expect(versions).toContain(first.version);
  });

  it("rebuilds everything when the embeddings provider changes", async () => {
    const { knowledgeDir, indexRoot } = await makeTempKnowledge("mini");
    await ingestKnowledge({ knowledgeDir, indexRoot, embeddings: createLocalEmbeddings({ dim: 64 }) });
    const report = await ingestKnowledge({ knowledgeDir, indexRoot, embeddings: createLocalEmbeddings({ dim: 128 }) });
    expect(report.embeddedChunks).toBe(report.totalChunks);
    const kb = await createKnowledgeBase({ indexRoot, embeddings: createLocalEmbeddings({ dim: 128 }), clock });
    expect((await kb.search("lost card", { k: 1 })).length).toBe(1);
  });
});
