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
