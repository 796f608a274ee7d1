import { describe, it, expect } from "vitest";
import { createChatPersistence, ownerOfToken, type KeyValueStorage } from "./session-persistence.js";

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe("chat persistence", () => {
  it("round-trips a conversation and forgets it on clear", () => {
    const storage = memoryStorage();
    const p = createChatPersistence(storage);
    p.save({
      sessionId: "sess_12345678",
      owner: "anonymous",
      locale: "en",
      open: true,
      messages: [{ id: "m1", role: "user", text: "hi" }],
    });
    expect(p.load()?.messages[0]?.text).toBe("hi");
    p.clear();
    expect(p.load()).toBeUndefined();
  });

  it("ignores corrupt storage and survives a storage that throws", () => {
    const storage = memoryStorage();
    storage.data.set("harbor-chat:v1", "{not json");
    expect(createChatPersistence(storage).load()).toBeUndefined();
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("quota");
      },
      removeItem: () => undefined,
    };
    const p = createChatPersistence(throwing);
    expect(() => p.save({ owner: "anonymous", locale: "en", open: false, messages: [] })).not.toThrow();
    expect(p.load()).toBeUndefined();
  });

  it("derives the owner from the token subject", () => {
    const payload = Buffer.from(JSON.stringify({ sub: "demo1" })).toString("base64url");
    expect(ownerOfToken(`x.${payload}.y`)).toBe("customer:demo1");
    expect(ownerOfToken(undefined)).toBe("anonymous");
    expect(ownerOfToken("garbage")).toBe("token");
  });
});

describe("what the widget keeps in sessionStorage", () => {
  it("stores typed personal data only as placeholders, and keeps the bank's own number in its replies", () => {
    const storage = memoryStorage();
    const p = createChatPersistence(storage);
    p.save({
      owner: "anonymous",
      locale: "en",
      open: true,
      messages: [
        {
          id: "m1",
          role: "user",
          text: "my card is ４１１１ １１１１ １１１１ １１１１ 12/27, call me on +86 138 0013 8000",
        },
        { id: "m2", role: "assistant", text: "Please call 0800 123 4567 straight away." },
      ],
    });
    const raw = storage.data.get("harbor-chat:v1") ?? "";
    expect(raw).not.toMatch(/４１１１|138 0013/);
    expect(p.load()?.messages.map((m) => m.text)).toEqual([
      "my card is [CARD_1] [CARD_EXPIRY_1], call me on [PHONE_1]",
      "Please call 0800 123 4567 straight away.",
    ]);
  });
});
