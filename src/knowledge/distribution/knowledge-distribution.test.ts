import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixedClock } from "../../shared/clock.js";
import { createArtefactStore, type ArtefactStore } from "../../shared/pg/artefact-store.js";
import type { ArtefactFollower } from "../../shared/pg/follow-artefacts.js";
import { createTestDatabase, TEST_DATABASE_URL, warnSkipped } from "../../shared/pg/test-database.test-helpers.js";
import type { Embeddings } from "../embeddings-port.js";
import { ingestKnowledge } from "../ingest-knowledge.js";
import { listVersions, readCurrentVersion } from "../index-store.js";
import { createKnowledgeBase, type KnowledgeBase } from "../knowledge-base.js";
import { makeTempKnowledge } from "../knowledge-fixtures.test-helpers.js";
import { createLocalEmbeddings } from "../local-embeddings.js";
import {
  createKnowledgeDistribution,
  createKnowledgeInstaller,
  KNOWLEDGE_INDEX_KIND,
  type KnowledgeDistribution,
} from "./knowledge-distribution.js";

if (!TEST_DATABASE_URL) warnSkipped("PostgreSQL");

const clock = createFixedClock("2026-11-29T12:00:00Z");
const QUESTION = "my card was stolen what do I do";

// Holds every query embedding at a gate, so a search can be caught in flight while the index is swapped under it.
function gatedEmbeddings(inner: Embeddings): {
  embeddings: Embeddings;
  hold(): void;
  release(): void;
  waiting(): number;
} {
  let gate: Promise<void> | undefined;
  let open: () => void = () => undefined;
  let waiting = 0;
  const wrap = (e: Embeddings): Embeddings => {
    const { fitCorpus, restoreCorpus } = e;
    return {
      id: e.id,
      dim: e.dim,
      embedDocuments: (texts) => e.embedDocuments(texts),
      embedQuery: async (text) => {
        if (gate) {
          waiting++;
          await gate;
        }
        return e.embedQuery(text);
      },
      ...(fitCorpus
        ? {
            fitCorpus: (texts: string[]) => {
              const fit = fitCorpus.call(e, texts);
              return { embeddings: wrap(fit.embeddings), state: fit.state };
            },
          }
        : {}),
      ...(restoreCorpus ? { restoreCorpus: (state: unknown) => wrap(restoreCorpus.call(e, state)) } : {}),
    };
  };
  return {
    embeddings: wrap(inner),
    hold: () => {
      waiting = 0;
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release: () => {
      gate = undefined;
      open();
    },
    waiting: () => waiting,
  };
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 8000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function editCardLost(knowledgeDir: string, from: string, to: string): Promise<void> {
  const path = join(knowledgeDir, "en/card-lost.md");
  const text = await readFile(path, "utf8");
  if (!text.includes(from)) throw new Error(`fixture no longer contains ${from}`);
  await writeFile(path, text.replace(from, to));
}

describe.skipIf(!TEST_DATABASE_URL)("knowledge distribution (postgres)", () => {
  const embeddings = createLocalEmbeddings({ dim: 64 });
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const pools: pg.Pool[] = [];
  let storeA: ArtefactStore;
  let storeB: ArtefactStore;
  let a: { knowledgeDir: string; indexRoot: string; kb: KnowledgeBase; dist: KnowledgeDistribution };
  let b: { indexRoot: string; kb: KnowledgeBase; gate: ReturnType<typeof gatedEmbeddings>; follower: ArtefactFollower };

  const ingestAndPublishOnA = async (): Promise<string> => {
    const report = await ingestKnowledge({ knowledgeDir: a.knowledgeDir, indexRoot: a.indexRoot, embeddings });
    const published = await a.dist.publishCurrent();
    expect(published).toMatchObject({ ok: true, value: { version: report.version } });
    return report.version;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const pool = (): pg.Pool => {
      const p = new pg.Pool({ connectionString: db.url, max: 3 });
      pools.push(p);
      return p;
    };
    storeA = createArtefactStore({ pool: pool() });
    storeB = createArtefactStore({ pool: pool() });

    const dirsA = await makeTempKnowledge("mini");
    await ingestKnowledge({ knowledgeDir: dirsA.knowledgeDir, indexRoot: dirsA.indexRoot, embeddings });
    const kbA = await createKnowledgeBase({ indexRoot: dirsA.indexRoot, embeddings, clock });
    a = {
      ...dirsA,
      kb: kbA,
      dist: createKnowledgeDistribution({ store: storeA, indexRoot: dirsA.indexRoot, knowledge: kbA }),
    };

    // B ingests the same folder on its own machine first, as every instance does at start-up today.
    const dirsB = await makeTempKnowledge("mini");
    await ingestKnowledge({ knowledgeDir: dirsB.knowledgeDir, indexRoot: dirsB.indexRoot, embeddings });
    const gate = gatedEmbeddings(embeddings);
    const kbB = await createKnowledgeBase({ indexRoot: dirsB.indexRoot, embeddings: gate.embeddings, clock });
    const distB = createKnowledgeDistribution({
      store: storeB,
      indexRoot: dirsB.indexRoot,
      knowledge: kbB,
      embeddings: { id: embeddings.id, dim: embeddings.dim },
      keepVersions: 2,
    });
    const follower = await distB.start({ pollMs: 0, listen: { minRetryMs: 300, heartbeatMs: 0 } });
    b = { indexRoot: dirsB.indexRoot, kb: kbB, gate, follower };
  });

  afterAll(async () => {
    b?.gate.release();
    await b?.follower.close();
    for (const p of pools) await p.end();
    await db?.drop();
  });

  it("publishing the same documents B already serves changes nothing on B", async () => {
    const first = await a.dist.publishCurrent();
    expect(first).toMatchObject({ ok: true, value: { changed: true, version: a.kb.indexVersion() } });
    expect(await a.dist.publishCurrent()).toMatchObject({ ok: true, value: { changed: false } });
    await b.follower.idle();
    // Same documents and embeddings give the same version name on both machines.
    expect(b.kb.indexVersion()).toBe(a.kb.indexVersion());
  });

  it("serves A's new version on B after the announcement, while a search started before the swap completes", async () => {
    const before = b.kb.indexVersion();
    await editCardLost(a.knowledgeDir, "24/7", "24 hours a day");
    b.gate.hold();
    const inFlight = b.kb.search(QUESTION, { k: 3 });
    await until(() => b.gate.waiting() > 0, "the search to reach the embeddings");

    const version = await ingestAndPublishOnA();
    expect(version).not.toBe(before);
    await until(() => b.kb.indexVersion() === version, "B to swap to the published version");
    b.gate.release();

    const oldHits = await inFlight;
    expect(oldHits[0]?.docId).toBe("card-lost");
    expect(oldHits[0]?.text).toContain("24/7");
    const newHits = await b.kb.search(QUESTION, { k: 3 });
    expect(newHits[0]?.text).toContain("24 hours a day");
    expect(await readCurrentVersion(b.indexRoot)).toBe(version);
  });

  it("installs the published version on an instance started afterwards, before its own ingest", async () => {
    const published = (await storeA.current(KNOWLEDGE_INDEX_KIND))?.version;
    const c = await makeTempKnowledge("mini");
    await cp(join(a.knowledgeDir, "en/card-lost.md"), join(c.knowledgeDir, "en/card-lost.md"));
    const installer = createKnowledgeInstaller({
      store: storeB,
      indexRoot: c.indexRoot,
      embeddings: { id: embeddings.id, dim: embeddings.dim },
    });
    expect(await installer.install()).toMatchObject({ ok: true, value: { version: published, changed: true } });
    // The start-up ingest of the same documents then finds nothing to do, so C serves the cluster's version.
    const report = await ingestKnowledge({ knowledgeDir: c.knowledgeDir, indexRoot: c.indexRoot, embeddings });
    expect(report).toMatchObject({ version: published, embeddedChunks: 0 });
    const kbC = await createKnowledgeBase({ indexRoot: c.indexRoot, embeddings, clock });
    expect(kbC.indexVersion()).toBe(published);
    expect((await kbC.search(QUESTION, { k: 1 }))[0]?.text).toContain("24 hours a day");
  });

  it("re-syncs after its LISTEN connection drops, catching a version published while it was down", async () => {
    const listening = async (): Promise<number> =>
      (
        await pools[0]!.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN harbor_artefacts'",
        )
      ).rows[0]?.n ?? 0;
    await pools[0]!.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN harbor_artefacts'",
    );
    await until(async () => (await listening()) === 0, "the listener connection to go");
    await editCardLost(a.knowledgeDir, "3 to 5 working days", "2 to 4 working days");
    const version = await ingestAndPublishOnA();
    await until(() => b.kb.indexVersion() === version, "B to catch up after reconnecting");
    expect(await listening()).toBe(1);
    await b.follower.idle();
    // keepVersions 2: the current version and one older stay on B's disk.
    const kept = await listVersions(b.indexRoot);
    expect(kept).toHaveLength(2);
    expect(kept[0]).toBe(version);
  });

  it("puts the previous CURRENT back when the knowledge base cannot load the installed version", async () => {
    const f = await makeTempKnowledge("mini");
    await ingestKnowledge({ ...f, embeddings });
    const before = await readCurrentVersion(f.indexRoot);
    const failing = { reload: () => Promise.reject(new Error("cannot load")), indexVersion: () => before ?? "" };
    const distF = createKnowledgeDistribution({ store: storeB, indexRoot: f.indexRoot, knowledge: failing });
    expect(await distF.sync()).toMatchObject({ ok: false, error: expect.stringContaining("cannot load") });
    expect(await readCurrentVersion(f.indexRoot)).toBe(before);
    // Refused once, not fetched again on every announcement.
    expect(await distF.sync()).toMatchObject({ ok: false, error: expect.stringContaining("refused before") });
  });

  it("refuses a version whose stored bytes were corrupted, and one built with other embeddings", async () => {
    const d = await makeTempKnowledge("mini");
    await ingestKnowledge({ knowledgeDir: d.knowledgeDir, indexRoot: d.indexRoot, embeddings });
    const kbD = await createKnowledgeBase({ indexRoot: d.indexRoot, embeddings, clock });
    const served = kbD.indexVersion();
    const published = (await storeA.current(KNOWLEDGE_INDEX_KIND))?.version ?? "";

    const other = createKnowledgeInstaller({
      store: storeB,
      indexRoot: d.indexRoot,
      embeddings: { id: "openai:text-embedding-3-small:1536", dim: 1536 },
    });
    expect(await other.install()).toMatchObject({ ok: false, error: expect.stringContaining("embeddings") });

    // Without configured embeddings, the provider of the local index decides.
    const e = await makeTempKnowledge("mini");
    await ingestKnowledge({ ...e, embeddings: createLocalEmbeddings({ dim: 32 }) });
    const local = await readCurrentVersion(e.indexRoot);
    const inferred = createKnowledgeInstaller({ store: storeB, indexRoot: e.indexRoot });
    expect(await inferred.install()).toMatchObject({ ok: false, error: expect.stringContaining("dim 32") });
    expect(await readCurrentVersion(e.indexRoot)).toBe(local);

    await pools[0]!.query("UPDATE artefacts SET bytes = bytes || '\\x00'::bytea WHERE kind = $1 AND version = $2", [
      KNOWLEDGE_INDEX_KIND,
      published,
    ]);
    const distD = createKnowledgeDistribution({ store: storeB, indexRoot: d.indexRoot, knowledge: kbD });
    expect(await distD.sync()).toMatchObject({ ok: false, error: expect.stringContaining("SHA-256") });
    expect(kbD.indexVersion()).toBe(served);
    expect(await readCurrentVersion(d.indexRoot)).toBe(served);
    expect(await listVersions(d.indexRoot)).not.toContain(published);
  });
});
