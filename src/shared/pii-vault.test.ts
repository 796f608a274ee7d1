import { describe, expect, it } from "vitest";
import { cnIdValid, detectPii, ibanValid, luhnValid } from "../agent/guardrails/pii-detect.js";
import { createPiiVault, redactPii } from "./pii-vault.js";

const BANK_LINES = ["0800 123 4567", "0345 600 7000"];

describe("PII checksums", () => {
  it("validates card, IBAN and resident-ID check digits", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(ibanValid("GB82 WEST 1234 5698 7654 32")).toBe(true);
    expect(ibanValid("GB82 WEST 1234 5698 7654 33")).toBe(false);
    expect(cnIdValid("11010519491231002X")).toBe(true);
    expect(cnIdValid("110105194912310021")).toBe(false);
  });
});

describe("redaction", () => {
  it("redacts several items of different lengths in one message without leaking fragments", () => {
    const msg =
      "Card 4111 1111 1111 1111 and amex 378282246310005, IBAN GB82 WEST 1234 5698 7654 32, " +
      "ID 11010519491231002X, call +44 7700 900123 or 13800138000, mail li.wei@example.com, acct 12345678 sort 20-00-00.";
    const r = createPiiVault().redact(msg);
    for (const leaked of [
      "4111",
      "378282",
      "WEST",
      "11010519",
      "7700",
      "13800138000",
      "li.wei",
      "12345678",
      "20-00-00",
    ]) {
      expect(r.text).not.toContain(leaked);
    }
    expect(r.text).toBe(
      "Card [CARD_1] and amex [CARD_2], IBAN [IBAN_1], ID [CN_ID_1], call [PHONE_1] or [PHONE_2], mail [EMAIL_1], acct [ACCOUNT_1] sort [SORT_CODE_1].",
    );
  });

  it("gives the same value the same placeholder and resolves it from the vault", () => {
    const vault = createPiiVault();
    const a = vault.redact("my card is 5500-0000-0000-0004");
    const b = vault.redact("again: 5500 0000 0000 0004");
    expect(a.text).toBe("my card is [CARD_1]");
    expect(b.text).toBe("again: [CARD_1]");
    expect(vault.resolve("[CARD_1]")?.value.replace(/\D/g, "")).toBe("5500000000000004");
  });

  it("leaves amounts, dates, last-four digits and the bank's public numbers alone", () => {
    const text = "I paid £1,250.00 on 2026-11-03 with the card ending 4821; I called 0800 123 4567.";
    expect(redactPii(text, { publicNumbers: BANK_LINES })).toBe(text);
  });

  it("does not mistake a text-relay phone number for a card", () => {
    expect(detectPii("call 18001 0800 123 4567").filter((x) => x.kind === "card")).toEqual([]);
  });

  it("does not mistake ids that contain eight digits for account numbers", () => {
    expect(redactPii("check tx-00012345 and T-12345678")).toBe("check tx-00012345 and T-12345678");
  });

  it("does not mistake a Luhn-invalid long number for a card", () => {
    expect(detectPii("order 4111111111111112").filter((s) => s.kind === "card")).toEqual([]);
  });

  it("redacts Chinese text with mixed items", () => {
    const r = createPiiVault().redact("我的身份证11010519491231002X，手机+86 138 0013 8000，卡号4111111111111111");
    expect(r.text).toBe("我的身份证[CN_ID_1]，手机[PHONE_1]，卡号[CARD_1]");
  });
});
