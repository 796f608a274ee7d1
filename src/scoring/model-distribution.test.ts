import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArtefactStore, type ArtefactStore } from "../shared/pg/artefact-store.js";
import { createTestDatabase, TEST_DATABASE_URL, warnSkipped } from "../shared/pg/test-database.test-helpers.js";
import { createModelDistribution, modelArtefactKind } from "./model-distribution.js";
import { createModelRegistry, type ModelName } from "./model-registry.js";

if (!TEST_DATABASE_URL) warnSkipped("PostgreSQL");

const decision = { actor: "test", reason: "passed the gate" };

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!TEST_DATABASE_URL)("model distribution (postgres)", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let poolA: pg.Pool;
  let poolB: pg.Pool;
  let storeA: ArtefactStore;
  let storeB: ArtefactStore;
  let tick = 0;
  // Distinct timestamps, so two saves in one second still get distinct versions.
  const now = (): Date => new Date(Date.UTC(2026, 11, 1, 12, 0, tick++));

  beforeAll(async () => {
    db = await createTestDatabase();
    poolA = new pg.Pool({ connectionString: db.url, max: 2 });
    poolB = new pg.Pool({ connectionString: db.url, max: 2 });
    storeA = createArtefactStore({ pool: poolA });
    storeB = createArtefactStore({ pool: poolB });
  });
  afterAll(async () => {
    await poolA?.end();
    await poolB?.end();
    await db?.drop();
  });

  it("a champion promoted on A reaches B's registry and onChampion, and so does a rollback", async () => {
    const registryA = createModelRegistry({ modelsDir: mkdtempSync(join(tmpdir(), "models-a-")), now });
    const modelsDirB = mkdtempSync(join(tmpdir(), "models-b-"));
    const registryB = createModelRegistry({ modelsDir: modelsDirB, now });
    const distA = createModelDistribution({ store: storeA, registry: registryA, onChampion: () => undefined });
    const swapped: [ModelName, string][] = [];
    const distB = createModelDistribution({
      store: storeB,
      registry: registryB,
      onChampion: (model, version) => void swapped.push([model, version]),
    });
    const follower = await distB.start({ pollMs: 0, listen: { heartbeatMs: 0 } });
    try {
      const first = registryA.save("fraud", JSON.stringify({ model: "fraud", weights: [0.1, 0.2] }));
      registryA.promote("fraud", first, decision);
      expect(await distA.publishChampion("fraud")).toMatchObject({
        ok: true,
        value: { version: first, changed: true },
      });
      await until(() => swapped.length === 1, "B's onChampion");
      expect(swapped).toEqual([["fraud", first]]);
      const file = join(modelsDirB, "registry", "fraud", `${first}.json`);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, "utf8")).toBe(JSON.stringify({ model: "fraud", weights: [0.1, 0.2] }));
      expect(registryB.champion("fraud")).toMatchObject({ ok: true, value: { version: first } });
      expect(registryB.history("fraud").at(-1)).toMatchObject({
        action: "promote",
        version: first,
        actor: "artefact-distribution",
      });

      const second = registryA.save("fraud", JSON.stringify({ model: "fraud", weights: [0.3, 0.4] }));
      registryA.promote("fraud", second, decision);
      await distA.publishChampion("fraud");
      await until(() => swapped.length === 2, "the second champion on B");
      registryA.rollback("fraud", decision);
      expect(await distA.publishChampion("fraud")).toMatchObject({
        ok: true,
        value: { version: first, changed: true },
      });
      await until(() => swapped.length === 3, "the rollback on B");
      expect(swapped.map(([, v]) => v)).toEqual([first, second, first]);
      expect(registryB.champion("fraud")).toMatchObject({ ok: true, value: { version: first } });
    } finally {
      await follower.close();
    }
  });

  it("an instance started after the publish takes the champion on its first sync; seeding never overrides", async () => {
    const registryA = createModelRegistry({ modelsDir: mkdtempSync(join(tmpdir(), "models-a-")), now });
    const credit = registryA.save("credit", JSON.stringify({ kind: "scorecard", points: [1, 2, 3] }));
    registryA.promote("credit", credit, decision);
    const distA = createModelDistribution({ store: storeA, registry: registryA, onChampion: () => undefined });
    expect(await distA.publishChampion("credit", { ifNonePublished: true })).toMatchObject({
      ok: true,
      value: { version: credit, changed: true },
    });

    // C has its own older champion: seeding from C must not replace the cluster's.
    const registryC = createModelRegistry({ modelsDir: mkdtempSync(join(tmpdir(), "models-c-")), now });
    const older = registryC.save("credit", JSON.stringify({ kind: "scorecard", points: [0] }));
    registryC.promote("credit", older, decision);
    const swapped: [ModelName, string][] = [];
    const distC = createModelDistribution({
      store: storeB,
      registry: registryC,
      onChampion: (model, version) => void swapped.push([model, version]),
    });
    expect(await distC.publishChampion("credit", { ifNonePublished: true })).toMatchObject({
      ok: true,
      value: { changed: false },
    });
    expect((await storeB.current(modelArtefactKind("credit")))?.version).toBe(credit);
    const results = await distC.sync();
    expect(results.every((r) => r.ok)).toBe(true);
    // The fraud champion of the first test is published too, so C takes both.
    expect(swapped.filter(([m]) => m === "credit")).toEqual([["credit", credit]]);
    expect(registryC.read("credit", credit).ok).toBe(true);
    // A second sync has nothing new to swap.
    const taken = swapped.length;
    await distC.sync();
    expect(swapped).toHaveLength(taken);
  });

  it("refuses a champion whose stored bytes were corrupted and keeps the local one", async () => {
    const registryA = createModelRegistry({ modelsDir: mkdtempSync(join(tmpdir(), "models-a-")), now });
    const router = registryA.save("router", JSON.stringify({ model: "router" }));
    registryA.promote("router", router, decision);
    await createModelDistribution({ store: storeA, registry: registryA, onChampion: () => undefined }).publishChampion(
      "router",
    );
    await poolA.query("UPDATE artefacts SET bytes = bytes || '\\x00'::bytea WHERE kind = 'model-router'");
    const registryD = createModelRegistry({ modelsDir: mkdtempSync(join(tmpdir(), "models-d-")), now });
    const swapped: string[] = [];
    const distD = createModelDistribution({
      store: storeB,
      registry: registryD,
      models: ["router"],
      onChampion: (_m, v) => void swapped.push(v),
    });
    const [result] = await distD.sync();
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("SHA-256") });
    expect(swapped).toEqual([]);
    expect(registryD.champion("router")).toEqual({ ok: true, value: undefined });
  });
});

describe("registry adopt", () => {
  it("stores a champion under the version it was given and refuses text that does not match the version's hash", () => {
    const source = createModelRegistry({ modelsDir: mkdtempSync(join(tmpdir(), "models-src-")) });
    const text = JSON.stringify({ model: "router", n: 1 });
    const version = source.save("router", text);
    const target = createModelRegistry({ modelsDir: mkdtempSync(join(tmpdir(), "models-dst-")) });
    expect(target.adopt("router", version, text.replace("1", "2"))).toMatchObject({ ok: false });
    expect(target.read("router", version).ok).toBe(false);
    expect(target.adopt("router", "../../etc", text)).toMatchObject({ ok: false });
    expect(target.adopt("router", version, text)).toEqual({ ok: true, value: undefined });
    expect(target.read("router", version)).toEqual({ ok: true, value: text });
  });
});
