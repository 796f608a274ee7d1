import { describe, expect, it } from "vitest";
import { cnIdValid, detectPii, ibanValid, luhnValid } from "../agent/guardrails/pii-detect.js";
import { redactPii } from "../shared/pii-vault.js";
import { fakePii, fakePiiValue } from "./fake-pii.js";

describe("fakePiiValue", () => {
  it("makes card, IBAN and resident-id fakes that pass their checksums for many keys", () => {
    for (let i = 0; i < 200; i++) {
      expect(luhnValid(fakePiiValue("card", `k${i}`).replace(/\D/g, ""))).toBe(true);
      expect(ibanValid(fakePiiValue("iban", `k${i}`))).toBe(true);
      expect(cnIdValid(fakePiiValue("cn_id", `k${i}`))).toBe(true);
    }
  });

  it("returns the same fake for the same key and different fakes for different keys", () => {
    expect(fakePiiValue("card", "a")).toBe(fakePiiValue("card", "a"));
    expect(fakePiiValue("card", "a")).not.toBe(fakePiiValue("card", "b"));
  });

  it("produces fakes the detector recognises as the same kind, so guardrails fire on replay", () => {
    for (const kind of ["card", "iban", "cn_id", "email", "phone", "account", "sort_code"] as const) {
      const v = fakePiiValue(kind, "x");
      expect(detectPii(`value: ${v} end`).map((s) => s.kind)).toEqual([kind]);
    }
  });
});

describe("fakePii", () => {
  it("replaces vault placeholders with stable fakes and keeps the surrounding text", () => {
    const out = fakePii("card [CARD_1] and again [CARD_1], iban [IBAN_1], id [CN_ID_1]");
    const card = fakePiiValue("card", "placeholder-1");
    expect(out).toBe(
      `card ${card} and again ${card}, iban ${fakePiiValue("iban", "placeholder-1")}, id ${fakePiiValue("cn_id", "placeholder-1")}`,
    );
  });

  it("replaces raw personal data of several lengths in one text without leaking fragments", () => {
    const raw =
      "cards 4111 1111 1111 1111 and 378282246310005, mail jo@example.org, phone +44 7911 123456, id 11010519491231002X";
    const out = fakePii(raw);
    for (const leaked of ["4111", "378282246310005", "jo@example.org", "7911 123456", "11010519491231002X"])
      expect(out).not.toContain(leaked);
    expect(detectPii(out).map((s) => s.kind)).toEqual(["card", "card", "email", "phone", "cn_id"]);
    expect(fakePii(raw)).toBe(out);
  });

  it("can keep placeholders for tool arguments and cassettes while still scrubbing raw values", () => {
    expect(fakePii("[CARD_2] 4111111111111111", { keepPlaceholders: true })).toMatch(/^\[CARD_2\] 4\d{3} /);
  });

  it("leaves structured identifiers alone when limited to the unambiguous kinds", () => {
    expect(fakePii("tx-00016970 and 4111111111111111", { kinds: ["card", "iban", "cn_id", "email"] })).toMatch(
      /^tx-00016970 and 4\d{3} /,
    );
  });

  it("round-trips through redaction to the original placeholder shape", () => {
    expect(redactPii(fakePii("my card is [CARD_1]"))).toBe("my card is [CARD_1]");
  });
});
