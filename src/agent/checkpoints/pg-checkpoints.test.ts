// Checkpoints in PostgreSQL: sealed at rest (no tool-result text in any table), an approval asked through one
// instance resumes through another, and retention dates and deletes threads as the SQLite store does.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Identity } from "../../auth/identity.js";
import { openSyncPg, type SyncPg } from "../../shared/pg/pg-sync.js";
import { createTestDatabase, TEST_DATABASE_URL, warnSkipped } from "../../shared/pg/test-database.test-helpers.js";
import { buildTestChat } from "../testing/build-test-chat.js";
import { createPgCheckpointStore } from "./pg-checkpoint-store.js";

const demo1: Identity = { kind: "customer", customerId: "demo1" };
const SECRET = "test-vault-key-0123456789abcdef0123456789";
if (!TEST_DATABASE_URL) warnSkipped("PostgreSQL");

describe.runIf(TEST_DATABASE_URL)("PostgreSQL checkpoints", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: pg.Pool;
  let db: SyncPg;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-pgckpt-"));
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    db = openSyncPg(database.url);
  });
  afterAll(async () => {
    await db?.close();
    await pool?.end();
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Every stored checkpoint byte, as text. */
  async function tableText(): Promise<string> {
    const parts: string[] = [];
    for (const t of ["checkpoints", "checkpoint_blobs", "checkpoint_writes"]) {
      const r = await pool.query(`SELECT * FROM ${t}`);
      for (const row of r.rows as Record<string, unknown>[])
        for (const v of Object.values(row))
          parts.push(Buffer.isBuffer(v) ? v.toString("latin1") : typeof v === "string" ? v : JSON.stringify(v));
    }
    return parts.join("\n");
  }

  it("hold no merchant, amount or tool text after a turn that listed transactions", async () => {
    const checkpoints = createPgCheckpointStore({ pool, db, secret: SECRET });
    const { chat, store } = buildTestChat({ storeFile: path.join(dir, "a.sqlite"), checkpointer: checkpoints.saver });
    const r = await chat.handleMessage({ identity: demo1, message: "show my recent transactions" });
    expect(r.toolCalls).toContainEqual({ name: "get_recent_transactions", status: "ok" });
    expect(r.reply.text).toContain("QuickShop");
    expect(checkpoints.listThreadIds("", 10)).toContain(r.sessionId);
    const text = await tableText();
    expect(text.length).toBeGreaterThan(100);
    for (const secret of ["QuickShop Online", "Tesco", "Alex Morgan", "electronics", "get_recent_transactions"])
      expect(text).not.toContain(secret);
    store.close();
  });

  it("resume an approval asked through one instance from another instance's saver", async () => {
    const a = createPgCheckpointStore({ pool, db, secret: SECRET });
    const file = path.join(dir, "shared.sqlite");
    const first = buildTestChat({ storeFile: file, checkpointer: a.saver });
    const asked = await first.chat.handleMessage({ identity: demo1, message: "please freeze my card" });
    expect(asked.pendingConfirmation?.action).toBe("freeze_card");
    first.store.close();
    const otherPool = new pg.Pool({ connectionString: database.url, max: 1 });
    const otherDb = openSyncPg(database.url);
    const b = createPgCheckpointStore({ pool: otherPool, db: otherDb, secret: SECRET });
    const second = buildTestChat({ storeFile: file, checkpointer: b.saver });
    const done = await second.chat.handleConfirmation({
      identity: demo1,
      sessionId: asked.sessionId,
      confirmationId: asked.pendingConfirmation?.id ?? "",
      decision: "approve",
    });
    expect(done.toolCalls).toContainEqual({ name: "freeze_card", status: "ok" });
    second.store.close();
    await otherDb.close();
    await otherPool.end();
  });

  it("refuses to read checkpoints under another key", async () => {
    const a = createPgCheckpointStore({ pool, db, secret: SECRET });
    const { chat, store } = buildTestChat({ storeFile: path.join(dir, "k.sqlite"), checkpointer: a.saver });
    const r = await chat.handleMessage({ identity: demo1, message: "please freeze my card" });
    store.close();
    const wrong = createPgCheckpointStore({ pool, db, secret: `${SECRET}x` });
    await expect(wrong.saver.getTuple({ configurable: { thread_id: r.sessionId } })).rejects.toThrow();
  });

  it("dates a thread by its newest checkpoint id, and deletes every thread asked for", async () => {
    const checkpoints = createPgCheckpointStore({ pool, db, secret: SECRET });
    const { chat, store } = buildTestChat({ storeFile: path.join(dir, "d.sqlite"), checkpointer: checkpoints.saver });
    const r = await chat.handleMessage({ identity: demo1, message: "show my recent transactions" });
    expect(checkpoints.idleThreadIds(new Date(Date.now() - 60_000), "", 100)).not.toContain(r.sessionId);
    expect(checkpoints.idleThreadIds(new Date(Date.now() + 60_000), "", 100)).toContain(r.sessionId);
    expect(checkpoints.eraseThreads([r.sessionId, `${r.sessionId}:aside`])).toBe(1);
    expect(checkpoints.eraseThreads([r.sessionId])).toBe(0);
    expect(await checkpoints.saver.getTuple({ configurable: { thread_id: r.sessionId } })).toBeUndefined();
    const left = await pool.query("SELECT COUNT(*)::int AS n FROM checkpoint_blobs WHERE thread_id = $1", [
      r.sessionId,
    ]);
    expect(left.rows[0]).toEqual({ n: 0 });
    store.close();
  });
});
