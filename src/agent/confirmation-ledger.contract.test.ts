// One suite for the confirmation ledger port, run on every adapter (SQLite always; PostgreSQL when TEST_DATABASE_URL
// is set): exactly-once approvals across instances, replayed replies, failure and staleness rules, erasure, retention.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSyncPg } from "../shared/pg/pg-sync.js";
import { createTestDatabase, TEST_DATABASE_URL, warnSkipped } from "../shared/pg/test-database.test-helpers.js";
import { openSqliteConnection } from "../shared/sqlite-database.js";
import { createVaultCipher } from "../shared/vault-cipher.js";
import type { ChatResponse } from "./chat-schemas.js";
import type { ConfirmationLedger, ConfirmationTiming } from "./confirmation-claims.js";
import { createConfirmationLedger } from "./confirmation-ledger.js";
import { createPgConfirmationLedger } from "./pg-confirmation-ledger.js";

const cipher = createVaultCipher("ledger-test-key-0123456789abcdefghijkl");

/** An empty ledger database: `ledger` opens an instance on it, `twin` one on another connection (another process). */
interface Opened {
  ledger: (timing?: ConfirmationTiming) => ConfirmationLedger;
  twin: (timing?: ConfirmationTiming) => ConfirmationLedger;
  /** Everything stored in the ledger's rows, as text (to prove replies are kept sealed). */
  storedText: () => string;
}
interface Adapter {
  open(): Opened;
  done(): Promise<void>;
}

const adapters: [string, () => Promise<Adapter>][] = [
  [
    "sqlite",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ledger-contract-"));
      const ledgers: ConfirmationLedger[] = [];
      const keep = (l: ConfirmationLedger): ConfirmationLedger => (ledgers.push(l), l);
      let n = 0;
      return {
        open() {
          const file = path.join(dir, `chat-${n++}.sqlite`);
          return {
            ledger: (timing) => keep(createConfirmationLedger({ file, cipher, ...timing })),
            twin: (timing) => keep(createConfirmationLedger({ file, cipher, ...timing })),
            storedText: () => {
              const db = openSqliteConnection(file, { readonly: true });
              const rows = db.prepare("SELECT * FROM confirmations").all();
              db.close();
              return JSON.stringify(rows);
            },
          };
        },
        done: async () => {
          for (const l of ledgers) l.close();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  ...(TEST_DATABASE_URL
    ? [
        [
          "postgres",
          async (): Promise<Adapter> => {
            const t = await createTestDatabase();
            const db = openSyncPg(t.url);
            const other = openSyncPg(t.url);
            return {
              open() {
                db.run("TRUNCATE confirmations");
                return {
                  ledger: (timing) => createPgConfirmationLedger({ db, cipher, ...timing }),
                  twin: (timing) => createPgConfirmationLedger({ db: other, cipher, ...timing }),
                  storedText: () => JSON.stringify(db.query("SELECT * FROM confirmations")),
                };
              },
              done: async () => {
                await db.close();
                await other.close();
                await t.drop();
              },
            };
          },
        ] as [string, () => Promise<Adapter>],
      ]
    : []),
];
if (!TEST_DATABASE_URL) warnSkipped("PostgreSQL");

const reply = (text: string): ChatResponse => ({
  sessionId: "s1",
  reply: { text, citations: [] },
  intent: { name: "card_freeze_unfreeze", route: "cards", confidence: 1 },
  toolCalls: [],
  traceId: "t1",
});
const decision = { sessionId: "s1", confirmationId: "c1", decision: "approve" as const, pendingId: "c1" };
const never = (): void => {};

describe.each(adapters)("confirmation ledger (%s)", (_name, make) => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = await make();
  });
  afterAll(async () => adapter.done());

  it("lets exactly one of two instances run a decision they race for; the other replays its sealed reply", async () => {
    const opened = adapter.open();
    const a = opened.ledger({ pollMs: 5 });
    const b = opened.twin({ pollMs: 5 });
    let runs = 0;
    const decide = async (): Promise<ChatResponse> => {
      runs++;
      await new Promise((r) => setTimeout(r, 30));
      return reply("Your card is frozen.");
    };
    const [x, y] = await Promise.all([a.decideOnce(decision, decide, never), b.decideOnce(decision, decide, never)]);
    expect(runs).toBe(1);
    expect(x).toEqual(reply("Your card is frozen."));
    expect(y).toEqual({ ...reply("Your card is frozen."), replayed: true });
    const stored = opened.storedText();
    expect(stored).toContain("done");
    expect(stored).not.toContain("Your card is frozen");
  });

  it("runs each of many confirmations raced by several instances exactly once", async () => {
    const opened = adapter.open();
    const instances = [opened.ledger({ pollMs: 2 }), opened.twin({ pollMs: 2 }), opened.twin({ pollMs: 2 })];
    const runs = new Map<string, number>();
    const calls = Array.from({ length: 8 }, (_, i) => `c${i}`).flatMap((id) =>
      instances.map((ledger) =>
        ledger.decideOnce(
          { ...decision, confirmationId: id, pendingId: id },
          async () => {
            runs.set(id, (runs.get(id) ?? 0) + 1);
            await new Promise((r) => setTimeout(r, 5));
            return reply(`done ${id}`);
          },
          never,
        ),
      ),
    );
    const replies = await Promise.all(calls);
    expect([...runs.values()]).toEqual(Array(8).fill(1));
    expect(replies.filter((r) => !r.replayed)).toHaveLength(8);
    expect(new Set(replies.map((r) => r.reply.text)).size).toBe(8);
  });

  it("answers a later retry or a contrary decision with the first reply, without running anything", async () => {
    const opened = adapter.open();
    const ledger = opened.ledger();
    await ledger.decideOnce(decision, async () => reply("Dispute opened."), never);
    let ran = false;
    const late = await opened
      .twin()
      .decideOnce(
        { ...decision, decision: "reject", pendingId: undefined },
        async () => ((ran = true), reply("x")),
        never,
      );
    expect(ran).toBe(false);
    expect(late).toEqual({ ...reply("Dispute opened."), replayed: true });
  });

  it("never runs a failed approval again, tells the caller, and stops the session waiting", async () => {
    const ledger = adapter.open().ledger();
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
    const retry = ledger.decideOnce(decision, async () => ((ran = true), reply("again")), never);
    await expect(retry).rejects.toMatchObject({ code: "conflict" });
    expect(ran).toBe(false);
  });

  it("lets a failed rejection be decided again, since it ran nothing", async () => {
    const ledger = adapter.open().ledger();
    const reject = { ...decision, decision: "reject" as const };
    let abandoned = 0;
    await expect(
      ledger.decideOnce(
        reject,
        () => Promise.reject(new Error("model down")),
        () => abandoned++,
      ),
    ).rejects.toThrow("model down");
    expect(abandoned).toBe(0);
    const again = await ledger.decideOnce(reject, async () => reply("Cancelled."), never);
    expect(again).toEqual(reply("Cancelled."));
  });

  it("declares a claim whose instance died failed after the stale period instead of waiting forever", async () => {
    const opened = adapter.open();
    void opened.ledger().decideOnce(decision, () => new Promise<ChatResponse>(() => {}), never);
    const alive = opened.twin({ staleMs: 40, pollMs: 10 });
    let abandoned = 0;
    await expect(
      alive.decideOnce(
        decision,
        async () => reply("x"),
        () => abandoned++,
      ),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    expect(abandoned).toBe(1);
  });

  it("tells a duplicate the decision is still being processed when it outlasts the wait", async () => {
    const opened = adapter.open();
    void opened.ledger().decideOnce(decision, () => new Promise<ChatResponse>(() => {}), never);
    const impatient = opened.twin({ waitMs: 30, pollMs: 5 });
    await expect(impatient.decideOnce(decision, async () => reply("x"), never)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("still being processed"),
    });
  });

  it("refuses a first decision on an id that is not the one waiting", async () => {
    const ledger = adapter.open().ledger();
    await expect(
      ledger.decideOnce({ ...decision, pendingId: "other" }, async () => reply("x"), never),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      ledger.decideOnce({ ...decision, pendingId: undefined }, async () => reply("x"), never),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("forgets a session's decisions on erasure and settled decisions past retention, never a running one", async () => {
    const opened = adapter.open();
    const ledger = opened.ledger();
    const take = (sessionId: string, id: string): Promise<ChatResponse> =>
      ledger.decideOnce({ ...decision, sessionId, confirmationId: id, pendingId: id }, async () => reply(id), never);
    await take("s1", "a");
    await take("s1", "b");
    await take("s2", "c");
    void opened
      .ledger()
      .decideOnce(
        { ...decision, sessionId: "s3", confirmationId: "d", pendingId: "d" },
        () => new Promise<ChatResponse>(() => {}),
        never,
      );
    expect(ledger.deleteSession("s1")).toBe(2);
    expect(ledger.deleteSession("s1")).toBe(0);
    expect(ledger.pruneBefore(Date.now() - 60_000)).toBe(0);
    expect(ledger.pruneBefore(Date.now() + 1000)).toBe(1);
    // Erased: a new decision on the old id is a first decision again, so it must name the waiting action.
    await expect(
      ledger.decideOnce({ ...decision, confirmationId: "a", pendingId: "z" }, async () => reply("x"), never),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
