import { describe, expect, it } from "vitest";
import { createPiiPolicy, maskOutputPii } from "./pii-output-rail.js";

const policy = createPiiPolicy(["0800 123 4567", "+44 20 7946 0000", "0345 600 7000", "phishing@harborbank.example"]);

describe("PII output rail", () => {
  it("masks card numbers, phone numbers, e-mail addresses and IBANs that are not published, keeping the last four", () => {
    const { text, masked } = maskOutputPii(
      "Card 4111 1111 1111 1111, mobile 07700 900123, mail alex@example.com, IBAN GB82WEST12345698765432.",
      policy,
    );
    expect(text).toBe("Card ••••1111, mobile ••••0123, mail a•••@example.com, IBAN ••••5432.");
    expect(masked).toEqual(["card", "phone", "email", "iban"]);
  });

  it("leaves the bank's published numbers and addresses as they are, in any spelling", () => {
    const sentence =
      "Call 0800 123 4567, 020 7946 0000 or +44 345 600 7000, or forward it to phishing@harborbank.example.";
    expect(maskOutputPii(sentence, policy)).toEqual({ text: sentence, masked: [], values: [] });
  });

  it("masks a Chinese resident ID", () => {
    expect(maskOutputPii("身份证号 11010519491231002X 已核实。", policy).text).toBe("身份证号 ••••002X 已核实。");
  });

  it("shows vault placeholders as the vault masks them, or neutrally, never raw", () => {
    const known = createPiiPolicy([], (p) => (p === "[CARD_1]" ? "card ending 1234" : undefined));
    expect(maskOutputPii("Your [CARD_1] and [PHONE_2] and [EMAIL_1].", known).text).toBe(
      "Your card ending 1234 and •••• and •••@•••.",
    );
    expect(maskOutputPii("See [2] and [NOT_A_LABEL_1].", known).text).toBe("See [2] and [NOT_A_LABEL_1].");
  });
});
