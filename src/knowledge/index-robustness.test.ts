// Regression tests for the fault suite's index findings: a damaged version never stops the service, and an ingest
// killed with -9 does not block the next one.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFixedClock } from "../shared/clock.js";
import { createSilentLogger } from "../shared/logger.js";
import { acquireIngestLock, readCurrentVersion, readVersion, versionDir } from "./index-store.js";
import { ingestKnowledge } from "./ingest-knowledge.js";
import { createKnowledgeBase } from "./knowledge-base.js";
import { createLocalEmbeddings } from "./local-embeddings.js";

const root = mkdtempSync(join(tmpdir(), "index-robust-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("knowledge index robustness", () => {
  it("serves the last good version when CURRENT's files are damaged, and a re-ingest rebuilds past it", async () => {
    const knowledgeDir = join(root, "knowledge");
    cpSync("knowledge/en", knowledgeDir, { recursive: true });
    const indexRoot = join(root, "index");
    const embeddings = createLocalEmbeddings({ dim: 64 });
    const first = await ingestKnowledge({ knowledgeDir, indexRoot, embeddings });
    const doc = readdirSync(knowledgeDir).find((f) => f.endsWith(".md")) ?? "";
    appendFileSync(join(knowledgeDir, doc), "\n\nOne more sentence.\n");
    const second = await ingestKnowledge({ knowledgeDir, indexRoot, embeddings });
    truncateSync(join(versionDir(indexRoot, second.version), "hnsw.bin"), 64);
    await expect(readVersion(indexRoot, second.version)).rejects.toThrow(/checksum/);
    const warnings: string[] = [];
    const logger = { ...createSilentLogger(), warn: (m: string) => void warnings.push(m) };
    const kb = await createKnowledgeBase({ indexRoot, embeddings, clock: createFixedClock("2026-11-29T12:00:00Z"), logger });
    expect(kb.indexVersion()).toBe(first.version);
    expect(warnings).toContain("knowledge index version unreadable; serving an older complete version");
    const third = await ingestKnowledge({ knowledgeDir, indexRoot, embeddings });
    expect(third.version).not.toBe(second.version);
    expect(await readCurrentVersion(indexRoot)).toBe(third.version);
  });

  it("takes over the lock of an ingest process that was killed", async () => {
    const indexRoot = join(root, "locked");
    await acquireIngestLock(indexRoot);
    writeFileSync(join(indexRoot, "ingest.lock"), "2147483646");
    const release = await acquireIngestLock(indexRoot);
    await release();
  });
});
