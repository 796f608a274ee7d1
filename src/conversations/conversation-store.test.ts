import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createConversationStore } from "./conversation-store.js";
import { createPiiVault } from "../shared/pii-vault.js";
import { createVaultCipher } from "../shared/vault-cipher.js";

describe("the sealed PII vault", () => {
  it("is shared by two processes' stores on one file and never stores values in clear", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vault-")), "chat.sqlite");
    const cipher = createVaultCipher("a-test-vault-key-0123456789abcdefghij");
    const a = createConversationStore(file);
    const b = createConversationStore(file);
    a.createSession({
      id: "sess-00001",
      owner: "customer:demo1",
      identity: { kind: "customer", customerId: "demo1" },
      locale: "en",
    });
    const va = createPiiVault({ backing: a.vaultBacking("sess-00001", cipher) });
    const vb = createPiiVault({ backing: b.vaultBacking("sess-00001", cipher) });
    expect(va.redact("card 4111 1111 1111 1111").text).toBe("card [CARD_1]");
    expect(vb.redact("again 4111111111111111, and 5500 0000 0000 0004").text).toBe("again [CARD_1], and [CARD_2]");
    expect(va.resolve("[CARD_2]")?.value).toBe("5500000000000004");
    a.close();
    b.close();
    expect(fs.readFileSync(file).includes("4111111111111111")).toBe(false);
    expect(() =>
      createVaultCipher("another-key-0123456789abcdefghijklmn").open(
        createVaultCipher("a-test-vault-key-0123456789abcdefghij").seal("x"),
      ),
    ).toThrow();
  });
});

describe("the handoff queue", () => {
  it("lists every open ticket however many closed ones there are, waiting first and oldest first, page by page", () => {
    const store = createConversationStore(":memory:");
    const open = (id: string, owner: string) => {
      store.createSession({
        id,
        owner,
        identity: owner === "anonymous" ? { kind: "anonymous" } : { kind: "customer", customerId: owner },
        locale: "en",
      });
      return store.openTicket(id, `help ${id}`);
    };
    const real = open("sess-real-1", "demo1");
    const taken = open("sess-taken-1", "demo2");
    store.updateTicket(taken.id, { status: "with_agent", staffId: "alice" });
    for (let i = 0; i < 250; i++)
      store.updateTicket(open(`sess-anon-${String(i).padStart(4, "0")}`, "anonymous").id, { status: "closed" });
    const later = open("sess-real-2", "demo3");

    const first = store.listTicketQueue({ limit: 2 });
    expect(first.tickets.map((t) => t.id)).toEqual([real.id, later.id]);
    expect(first.counts).toEqual({ waiting: 2, with_agent: 1, waitingIdentified: 2 });
    expect(first.next).toBeDefined();
    const second = store.listTicketQueue({ limit: 2, ...(first.next ? { after: first.next } : {}) });
    expect(second.tickets.map((t) => t.id)).toEqual([taken.id]);
    expect(second.next).toBeUndefined();
    store.close();
  });

  it("puts a signed-in customer's waiting ticket on the first page ahead of 250 older anonymous ones, and pages reach them all", () => {
    const store = createConversationStore(":memory:");
    const anonymous = Array.from({ length: 250 }, (_, i) => {
      const s = store.createSession({ owner: `anon-${i}`, identity: { kind: "anonymous" }, locale: "en" });
      return store.openTicket(s.id, "flood").id;
    });
    const customer = store.createSession({
      owner: "customer:demo2",
      identity: { kind: "customer", customerId: "demo2" },
      locale: "en",
    });
    const mine = store.openTicket(customer.id, "card question");

    const first = store.listTicketQueue({ limit: 200 });
    expect(first.tickets[0]).toMatchObject({ id: mine.id, identified: true });
    expect(first.tickets[1]).toMatchObject({ id: anonymous[0], identified: false });
    expect(first.counts).toEqual({ waiting: 251, with_agent: 0, waitingIdentified: 1 });
    const seen = first.tickets.map((t) => t.id);
    let next = first.next;
    while (next) {
      const page = store.listTicketQueue({ limit: 200, after: next });
      seen.push(...page.tickets.map((t) => t.id));
      next = page.next;
    }
    expect(seen).toEqual([mine.id, ...anonymous]);
    store.close();
  });
});
