import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createFixedClock, type Clock } from "../shared/clock.js";
import { isAppError } from "../shared/errors.js";
import { ingestKnowledge } from "./ingest-knowledge.js";
import { createKnowledgeBase } from "./knowledge-base.js";
import { KnowledgeHitSchema } from "./knowledge-schemas.js";
import { makeTempKnowledge } from "./knowledge-fixtures.test-helpers.js";
import { createLocalEmbeddings } from "./local-embeddings.js";

const embeddings = createLocalEmbeddings({ dim: 64 });
let indexRoot = "";
let knowledgeDir = "";

beforeAll(async () => {
  ({ indexRoot, knowledgeDir } = await makeTempKnowledge("mini"));
  await ingestKnowledge({ knowledgeDir, indexRoot, embeddings });
});

const dayClock = (day: string): Clock => createFixedClock(`${day}T12:00:00Z`);

describe("knowledge base freshness", () => {
  it("never returns the superseded fee schedule once its successor is in force", async () => {
    for (const day of ["2026-01-01", "2026-06-30", "2026-11-29", "2027-05-01"]) {
      const kb = await createKnowledgeBase({ indexRoot, embeddings, clock: dayClock(day) });
      const hits = await kb.search("fee schedule 2025 express card replacement £10 foreign transaction fee 2.99%", { k: 20 });
      expect(hits.map((h) => h.docId)).not.toContain("fees-2025");
      expect(hits[0]?.docId).toBe("fees-2026");
      expect(kb.getDocument("fees-2025")).toBeUndefined();
    }
  });

  it("serves the old fee schedule on a day before the new one took effect", async () => {
    const kb = await createKnowledgeBase({ indexRoot, embeddings, clock: dayClock("2025-06-01") });
    const ids = (await kb.search("express card replacement fee", { k: 20 })).map((h) => h.docId);
    expect(ids).toContain("fees-2025");
    expect(ids).not.toContain("fees-2026");
  });

  it("returns the maintenance notice only while it is in force (expiry day excluded)", async () => {
    const q = "is the app unavailable for planned maintenance";
    const during = await createKnowledgeBase({ indexRoot, embeddings, clock: dayClock("2026-09-13") });
    expect((await during.search(q, { k: 3 }))[0]?.docId).toBe("notice-maintenance");
    for (const day of ["2026-09-09", "2026-09-14", "2026-11-29"]) {
      const kb = await createKnowledgeBase({ indexRoot, embeddings, clock: dayClock(day) });
      expect((await kb.search(q, { k: 20 })).map((h) => h.docId)).not.toContain("notice-maintenance");
    }
  });
});

describe("knowledge base search", () => {
  it("returns hits with section, version and a citation", async () => {
    const kb = await createKnowledgeBase({ indexRoot, embeddings, clock: dayClock("2026-11-29") });
    const hits = await kb.search("my card was stolen what do I do", { k: 3 });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(KnowledgeHitSchema.safeParse(h).success).toBe(true);
    expect(hits[0]).toMatchObject({ docId: "card-lost", version: "2026.1", section: "What to do if your card is lost or stolen", citation: { docId: "card-lost", title: "Lost or stolen card", version: "2026.1" } });
  });

  it("puts the preferred locale first and falls back to English for a topic only documented in English", async () => {
    const kb = await createKnowledgeBase({ indexRoot, embeddings, clock: dayClock("2026-11-29") });
    expect((await kb.search("银行卡丢了怎么挂失", { k: 3, locale: "zh-CN" }))[0]?.docId).toBe("zh-card-lost");
    expect((await kb.search("银行卡丢了怎么挂失", { k: 3, locale: "en" }))[0]?.docId).toBe("card-lost");
    const mortgage = await kb.search("房贷利率是多少", { k: 3, locale: "zh-CN" });
    expect(mortgage.map((h) => h.docId)).toContain("mortgage-basics");
  });

  it("filters by product", async () => {
    const kb = await createKnowledgeBase({ indexRoot, embeddings, clock: dayClock("2026-11-29") });
    const hits = await kb.search("card fees", { k: 10, product: "fees" });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.product === "fees")).toBe(true);
  });

  it("returns the full markdown of an in-force document for citation links", async () => {
    const kb = await createKnowledgeBase({ indexRoot, embeddings, clock: dayClock("2026-11-29") });
    expect(kb.getDocument("card-lost")?.markdown).toContain("0800 123 4567");
    expect(kb.getDocument("no-such-doc")).toBeUndefined();
  });

  it("returns nothing for an empty query", async () => {
    const kb = await createKnowledgeBase({ indexRoot, embeddings, clock: dayClock("2026-11-29") });
    expect(await kb.search("   ")).toEqual([]);
  });
});

describe("knowledge base loading and reloading", () => {
  it("refuses an index built by a different embeddings provider and says to re-ingest", async () => {
    const attempt = createKnowledgeBase({ indexRoot, embeddings: createLocalEmbeddings({ dim: 128 }), clock: dayClock("2026-11-29") });
    await expect(attempt).rejects.toSatisfy((e: unknown) => isAppError(e) && e.code === "provider_mismatch" && e.message.includes("npm run ingest"));
  });

  it("reports a missing index as knowledge_unavailable", async () => {
    const attempt = createKnowledgeBase({ indexRoot: join(indexRoot, "nowhere"), embeddings, clock: dayClock("2026-11-29") });
    await expect(attempt).rejects.toSatisfy((e: unknown) => isAppError(e) && e.code === "knowledge_unavailable");
  });

  it("swaps to a new version while searches are in flight without failing any", async () => {
    const local = await makeTempKnowledge("mini");
    await ingestKnowledge({ knowledgeDir: local.knowledgeDir, indexRoot: local.indexRoot, embeddings });
    const kb = await createKnowledgeBase({ indexRoot: local.indexRoot, embeddings, clock: dayClock("2026-11-29") });
    const before = kb.indexVersion();
    expect(await kb.reload()).toEqual({ version: before, changed: false });

    const path = join(local.knowledgeDir, "en/mortgage-basics.md");
    await writeFile(path, (await readFile(path, "utf8")).replace("4.29%", "4.19%"));
    let stop = false;
    let searches = 0;
    const load = Array.from({ length: 4 }, async () => {
      while (!stop) {
        const hits = await kb.search("5-year fixed mortgage rate", { k: 3 });
        expect(hits[0]?.docId).toBe("mortgage-basics");
        searches++;
        await new Promise((r) => setImmediate(r));
      }
    });
    const report = await ingestKnowledge({ knowledgeDir: local.knowledgeDir, indexRoot: local.indexRoot, embeddings });
    const reloaded = await kb.reload();
    await new Promise((r) => setTimeout(r, 20));
    stop = true;
    await Promise.all(load);
    expect(searches).toBeGreaterThan(4);
    expect(reloaded).toEqual({ version: report.version, changed: true });
    expect(kb.indexVersion()).toBe(report.version);
    const hits = await kb.search("5-year fixed mortgage rate", { k: 5 });
    expect(hits.some((h) => h.text.includes("4.19%"))).toBe(true);
  });
});
