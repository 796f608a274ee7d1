import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArtefactAnnouncement, ArtefactStore } from "./artefact-store.js";
import { createArtefactStore } from "./artefact-store.js";
import { createTestDatabase, TEST_DATABASE_URL, warnSkipped } from "./test-database.test-helpers.js";

if (!TEST_DATABASE_URL) warnSkipped("PostgreSQL");

const bundle = (text: string) => [
  { path: "manifest.json", bytes: Buffer.from(`{"text":${JSON.stringify(text)}}`) },
  { path: "hnsw.bin", bytes: Buffer.from([1, 2, 3, 4]) },
];

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!TEST_DATABASE_URL)("artefact store (postgres)", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: pg.Pool;
  let store: ArtefactStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
    store = createArtefactStore({ pool });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it("publishes a version, makes it current and fetches the same files and metadata back", async () => {
    const published = await store.publish("test-a", "v000001-aaaa", bundle("one"), { seq: 1 });
    expect(published).toMatchObject({ ok: true, value: { created: true, changed: true } });
    expect((await store.current("test-a"))?.version).toBe("v000001-aaaa");
    const fetched = await store.fetch("test-a", "v000001-aaaa");
    if (!fetched.ok) throw new Error(fetched.error.message);
    expect(fetched.value.meta).toEqual({ seq: 1 });
    expect(fetched.value.files.map((f) => [f.path, Buffer.from(f.bytes).toString()])).toEqual(
      bundle("one").map((f) => [f.path, f.bytes.toString()]),
    );
  });

  it("treats a re-publish of the current version as a no-op and a re-publish of an older one as a move back", async () => {
    await store.publish("test-b", "v1", bundle("one"));
    expect(await store.publish("test-b", "v1", bundle("one"))).toMatchObject({
      ok: true,
      value: { created: false, changed: false },
    });
    await store.publish("test-b", "v2", bundle("two"));
    expect(await store.publish("test-b", "v1", bundle("one"))).toMatchObject({
      ok: true,
      value: { created: false, changed: true },
    });
    expect((await store.current("test-b"))?.version).toBe("v1");
  });

  it("refuses to change the content of a published version", async () => {
    await store.publish("test-c", "v1", bundle("one"));
    expect(await store.publish("test-c", "v1", bundle("other"))).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    expect((await store.current("test-c"))?.version).toBe("v1");
  });

  it("refuses names that could not be folder names and bundles over the size limit", async () => {
    expect(await store.publish("test-d", "../escape", bundle("x"))).toMatchObject({
      ok: false,
      error: { code: "invalid" },
    });
    expect(await store.publish("Bad Kind", "v1", bundle("x"))).toMatchObject({ ok: false, error: { code: "invalid" } });
    const small = createArtefactStore({ pool, maxBytes: 64 });
    const big = await small.publish("test-d", "v1", [{ path: "hnsw.bin", bytes: Buffer.alloc(1000) }]);
    expect(big).toMatchObject({ ok: false, error: { code: "too_large", message: expect.stringContaining("limit") } });
    expect(await store.current("test-d")).toBeUndefined();
  });

  it("refuses bytes that no longer match their SHA-256", async () => {
    await store.publish("test-e", "v1", bundle("one"));
    await pool.query("UPDATE artefacts SET bytes = bytes || '\\x00'::bytea WHERE kind = 'test-e' AND version = 'v1'");
    expect(await store.fetch("test-e", "v1")).toMatchObject({ ok: false, error: { code: "corrupt" } });
    expect(await store.fetch("test-e", "v9")).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("announces publishes to listeners, and after its connection is killed re-reads what it missed", async () => {
    const heard: ArtefactAnnouncement[] = [];
    const listener = await store.listen((a) => heard.push(a), { minRetryMs: 300, heartbeatMs: 0 });
    try {
      await listener.ready;
      await store.publish("test-f", "v1", bundle("one"));
      await until(() => heard.some((a) => a.kind === "test-f" && a.version === "v1"), "the v1 announcement");

      const killed = await pool.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND query = 'LISTEN harbor_artefacts'`,
      );
      expect(killed.rows[0]?.n).toBe(1);
      await until(() => !listener.connected(), "the listener to notice the dropped connection");
      heard.length = 0;
      // Announced while nobody listens: only the re-read after reconnecting can deliver it.
      await store.publish("test-f", "v2", bundle("two"));
      await until(() => listener.connections() === 2, "the reconnect");
      await until(() => heard.some((a) => a.kind === "test-f" && a.version === "v2"), "the missed v2");
    } finally {
      await listener.close();
    }
    expect(listener.connected()).toBe(false);
  });
});
