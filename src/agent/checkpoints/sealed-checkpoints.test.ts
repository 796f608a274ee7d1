// Checkpoints at rest: sealed blobs only, no tool-result text in the files, approvals that survive a restart, and
// rows written before sealing existed sealed in place at start-up.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { afterEach, describe, expect, it } from "vitest";
import type { Identity } from "../../auth/identity.js";
import { buildTestChat } from "../testing/build-test-chat.js";
import { createCheckpointStore, uuid6Floor } from "./checkpoint-store.js";
import { createSealedSerializer, deriveCheckpointKey } from "./sealed-serializer.js";

const demo1: Identity = { kind: "customer", customerId: "demo1" };
const SECRET = "test-vault-key-0123456789abcdef0123456789";
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-ckpt-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Every byte SQLite keeps for a database: the file and its write-ahead log. */
function rawBytes(file: string): string {
  return [file, `${file}-wal`]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString("latin1"))
    .join("");
}

const plainJson = {
  dumpsTyped: async (d: unknown): Promise<[string, Uint8Array]> => [
    "json",
    new TextEncoder().encode(JSON.stringify(d)),
  ],
  loadsTyped: async (_t: string, d: Uint8Array | string) =>
    JSON.parse(typeof d === "string" ? d : new TextDecoder().decode(d)) as unknown,
};

describe("sealed serializer", () => {
  it("round-trips a value and stores none of its text", async () => {
    const serde = createSealedSerializer(plainJson, deriveCheckpointKey(SECRET));
    const [type, bytes] = await serde.dumpsTyped({ merchant: "QuickShop Online" });
    expect(type).toBe("sealed-v1:json");
    expect(Buffer.from(bytes).toString("latin1")).not.toContain("QuickShop");
    expect(await serde.loadsTyped(type, bytes)).toEqual({ merchant: "QuickShop Online" });
    expect(await serde.loadsTyped(type, Buffer.from(bytes).toString("ascii"))).toEqual({
      merchant: "QuickShop Online",
    });
  });

  it("refuses an unsealed blob, a tampered one, one moved to another type and one sealed under another key", async () => {
    const serde = createSealedSerializer(plainJson, deriveCheckpointKey(SECRET));
    const [type, bytes] = await serde.dumpsTyped({ a: 1 });
    await expect(serde.loadsTyped("json", new TextEncoder().encode("{}"))).rejects.toThrow(/unsealed/);
    const raw = Buffer.from(Buffer.from(bytes).toString("ascii"), "base64");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    await expect(serde.loadsTyped(type, raw.toString("base64"))).rejects.toThrow();
    await expect(serde.loadsTyped("sealed-v1:bytes", bytes)).rejects.toThrow();
    await expect(
      createSealedSerializer(plainJson, deriveCheckpointKey(`${SECRET}x`)).loadsTyped(type, bytes),
    ).rejects.toThrow();
  });

  it("derives a key of its own, not the vault's", () => {
    expect(deriveCheckpointKey(SECRET).equals(deriveCheckpointKey(`${SECRET}!`))).toBe(false);
    expect(deriveCheckpointKey(SECRET)).toHaveLength(32);
  });
});

describe("checkpoint files", () => {
  it("hold no merchant, amount or customer text after a turn that listed transactions", async () => {
    const dir = tempDir();
    const file = path.join(dir, "checkpoints.sqlite");
    const checkpoints = createCheckpointStore(file, { secret: SECRET });
    const { chat, store } = buildTestChat({
      storeFile: path.join(dir, "chat.sqlite"),
      checkpointer: checkpoints.saver,
    });
    const r = await chat.handleMessage({ identity: demo1, message: "show my recent transactions" });
    expect(r.toolCalls).toContainEqual({ name: "get_recent_transactions", status: "ok" });
    expect(r.reply.text).toContain("QuickShop");
    expect(checkpoints.listThreadIds("", 10)).toEqual([r.sessionId]);
    const bytes = rawBytes(file);
    for (const text of [
      "QuickShop Online",
      "Tesco",
      "Alex Morgan",
      "electronics",
      "card_present",
      "get_recent_transactions",
    ])
      expect(bytes).not.toContain(text);
    checkpoints.close();
    store.close();
  });

  it("would have held that text with the library's plain saver (the check above is meaningful)", async () => {
    const dir = tempDir();
    const plain = SqliteSaver.fromConnString(path.join(dir, "checkpoints.sqlite"));
    const { chat, store } = buildTestChat({ storeFile: path.join(dir, "chat.sqlite"), checkpointer: plain });
    await chat.handleMessage({ identity: demo1, message: "show my recent transactions" });
    expect(rawBytes(path.join(dir, "checkpoints.sqlite"))).toContain("QuickShop Online");
    plain.db.close();
    store.close();
  });

  it("resume a pending card freeze after a restart", async () => {
    const dir = tempDir();
    const file = path.join(dir, "checkpoints.sqlite");
    const before = createCheckpointStore(file, { secret: SECRET });
    const first = buildTestChat({ storeFile: path.join(dir, "chat.sqlite"), checkpointer: before.saver });
    const asked = await first.chat.handleMessage({ identity: demo1, message: "please freeze my card" });
    expect(asked.pendingConfirmation?.action).toBe("freeze_card");
    before.close();
    first.store.close();

    const after = createCheckpointStore(file, { secret: SECRET });
    const second = buildTestChat({ storeFile: path.join(dir, "chat.sqlite"), checkpointer: after.saver });
    const done = await second.chat.handleConfirmation({
      identity: demo1,
      sessionId: asked.sessionId,
      confirmationId: asked.pendingConfirmation?.id ?? "",
      decision: "approve",
    });
    expect(done.toolCalls).toContainEqual({ name: "freeze_card", status: "ok" });
    expect(second.bank.cards.find((c) => c.id === "card-1")?.status).toBe("frozen");
    after.close();
    second.store.close();
  });

  it("seals rows written before sealing existed, once, and the waiting approval still resumes", async () => {
    const dir = tempDir();
    const file = path.join(dir, "checkpoints.sqlite");
    const plain = SqliteSaver.fromConnString(file);
    const first = buildTestChat({ storeFile: path.join(dir, "chat.sqlite"), checkpointer: plain });
    const asked = await first.chat.handleMessage({ identity: demo1, message: "please freeze my card" });
    plain.db.close();
    first.store.close();
    expect(rawBytes(file)).toContain("freeze_card");

    const sealed = createCheckpointStore(file, { secret: SECRET });
    expect(sealed.sealLegacyRows()).toBeGreaterThan(0);
    expect(sealed.sealLegacyRows()).toBe(0);
    expect(rawBytes(file)).not.toContain("freeze_card");
    const second = buildTestChat({ storeFile: path.join(dir, "chat.sqlite"), checkpointer: sealed.saver });
    const done = await second.chat.handleConfirmation({
      identity: demo1,
      sessionId: asked.sessionId,
      confirmationId: asked.pendingConfirmation?.id ?? "",
      decision: "approve",
    });
    expect(done.toolCalls).toContainEqual({ name: "freeze_card", status: "ok" });
    sealed.close();
    second.store.close();
  });

  it("dates a thread by its newest checkpoint id, and deletes every thread asked for", async () => {
    const dir = tempDir();
    const checkpoints = createCheckpointStore(path.join(dir, "checkpoints.sqlite"), { secret: SECRET });
    const { chat, store } = buildTestChat({
      storeFile: path.join(dir, "chat.sqlite"),
      checkpointer: checkpoints.saver,
    });
    const r = await chat.handleMessage({ identity: demo1, message: "show my recent transactions" });
    const id = (await checkpoints.saver.getTuple({ configurable: { thread_id: r.sessionId } }))?.checkpoint.id ?? "";
    expect(uuid6Floor(new Date(Date.now() - 60_000)) < id && id < uuid6Floor(new Date(Date.now() + 60_000))).toBe(true);
    expect(checkpoints.idleThreadIds(new Date(Date.now() - 60_000), "", 10)).toEqual([]);
    expect(checkpoints.idleThreadIds(new Date(Date.now() + 60_000), "", 10)).toEqual([r.sessionId]);
    expect(checkpoints.eraseThreads([r.sessionId, `${r.sessionId}:aside`])).toBe(1);
    expect(checkpoints.eraseThreads([r.sessionId])).toBe(0);
    expect(await checkpoints.saver.getTuple({ configurable: { thread_id: r.sessionId } })).toBeUndefined();
    checkpoints.close();
    store.close();
  });
});
