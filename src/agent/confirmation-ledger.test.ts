import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Identity } from "../auth/identity.js";
import type { ChatResponse } from "./chat-schemas.js";
import { createConfirmationLedger } from "./confirmation-ledger.js";
import { createVaultCipher } from "../shared/vault-cipher.js";
import { buildTestChat } from "./testing/build-test-chat.js";

const demo1: Identity = { kind: "customer", customerId: "demo1" };
const cipher = createVaultCipher("ledger-test-key-0123456789abcdefghijkl");
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempFile = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-ledger-"));
  dirs.push(dir);
  return path.join(dir, "chat.sqlite");
};
const reply = (text: string): ChatResponse => ({
  sessionId: "s1",
  reply: { text, citations: [] },
  intent: { name: "card_freeze_unfreeze", route: "cards", confidence: 1 },
  toolCalls: [],
  traceId: "t1",
});
const decision = { sessionId: "s1", confirmationId: "c1", decision: "approve" as const, pendingId: "c1" };

describe("exactly-once confirmations", () => {
  it("freezes the card once when two approvals of one freeze arrive together, and both get the same reply", async () => {
    const { chat, bank } = buildTestChat();
    const freezes: string[] = [];
    const setCardStatus = bank.setCardStatus;
    bank.setCardStatus = (id, status, actor) => {
      freezes.push(`${id}:${status}`);
      setCardStatus(id, status, actor);
    };
    const first = await chat.handleMessage({ identity: demo1, message: "please freeze my card" });
    const approve = {
      identity: demo1,
      sessionId: first.sessionId,
      confirmationId: first.pendingConfirmation?.id ?? "",
      decision: "approve" as const,
    };
    const [a, b] = await Promise.all([chat.handleConfirmation(approve), chat.handleConfirmation(approve)]);
    expect(freezes).toEqual(["card-1:frozen"]);
    expect(a.traceId).toBe(b.traceId);
    expect(a.reply.text).toBe(b.reply.text);
    expect([a.replayed, b.replayed].filter(Boolean)).toHaveLength(1);
    const retry = await chat.handleConfirmation(approve);
    expect(retry).toMatchObject({ traceId: a.traceId, replayed: true });
    expect(freezes).toHaveLength(1);
  });

  it("opens one dispute for two concurrent approvals, and a later contrary decision gets the first reply", async () => {
    const { chat, bank } = buildTestChat();
    const listed = await chat.handleMessage({ identity: demo1, message: "I want to dispute a transaction" });
    const first = await chat.handleMessage({
      identity: demo1,
      sessionId: listed.sessionId,
      message: "dispute the QuickShop Online payment of £899",
    });
    const id = first.pendingConfirmation?.id ?? "";
    expect(id).not.toBe("");
    const approve = { identity: demo1, sessionId: first.sessionId, confirmationId: id, decision: "approve" as const };
    await Promise.all([
      chat.handleConfirmation(approve),
      chat.handleConfirmation(approve),
      chat.handleConfirmation(approve),
    ]);
    expect(bank.disputes).toHaveLength(1);
    const late = await chat.handleConfirmation({ ...approve, decision: "reject" });
    expect(late.replayed).toBe(true);
    expect(late.toolCalls).toContainEqual({ name: "open_dispute", status: "ok" });
  });

  it("lets exactly one of two processes claim a decision on one database file", async () => {
    const file = tempFile();
    const a = createConfirmationLedger({ file, cipher, pollMs: 5 });
    const b = createConfirmationLedger({ file, cipher, pollMs: 5 });
    let runs = 0;
    const decide = async (): Promise<ChatResponse> => {
      runs++;
      await new Promise((r) => setTimeout(r, 30));
      return reply("Your card is frozen.");
    };
    const [x, y] = await Promise.all([
      a.decideOnce(decision, decide, () => {}),
      b.decideOnce(decision, decide, () => {}),
    ]);
    expect(runs).toBe(1);
    expect(x.reply.text).toBe(y.reply.text);
    expect(fs.readFileSync(file).includes("Your card is frozen")).toBe(false);
    a.close();
    b.close();
  });

  it("never runs a failed approval again, tells the caller, and stops the session waiting", async () => {
    const ledger = createConfirmationLedger({ file: ":memory:", cipher });
    let abandoned = 0;
    await expect(
      ledger.decideOnce(
        decision,
        () => Promise.reject(new Error("model down")),
        () => abandoned++,
      ),
    ).rejects.toThrow("model down");
    expect(abandoned).toBe(1);
    let ran = false;
    const retry = ledger.decideOnce(
      decision,
      async () => ((ran = true), reply("again")),
      () => {},
    );
    await expect(retry).rejects.toMatchObject({ code: "conflict" });
    expect(ran).toBe(false);
    ledger.close();
  });

  it("declares a claim whose worker died failed after the stale period instead of waiting forever", async () => {
    const file = tempFile();
    const dead = createConfirmationLedger({ file, cipher });
    void dead.decideOnce(
      decision,
      () => new Promise<ChatResponse>(() => {}),
      () => {},
    );
    const alive = createConfirmationLedger({ file, cipher, staleMs: 40, pollMs: 10 });
    let abandoned = 0;
    await expect(
      alive.decideOnce(
        decision,
        async () => reply("x"),
        () => abandoned++,
      ),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(abandoned).toBe(1);
    dead.close();
    alive.close();
  });

  it("refuses a decision on an id that is not the one waiting", async () => {
    const ledger = createConfirmationLedger({ file: ":memory:", cipher });
    await expect(
      ledger.decideOnce(
        { ...decision, pendingId: "other" },
        async () => reply("x"),
        () => {},
      ),
    ).rejects.toMatchObject({ code: "conflict" });
    ledger.close();
  });
});
