import { describe, expect, it } from "vitest";
import { extractEmails, extractPhones, extractUrls, phoneKey, urlParts } from "./facts-contacts.js";

describe("contact facts", () => {
  it("reads UK, international and Chinese phone numbers to one national form", () => {
    expect(extractPhones("call 0800 123 4567 or +44 20 7946 0000").map((f) => f.fact.keys[0])).toEqual([
      "tel:08001234567",
      "tel:02079460000",
    ]);
    expect(extractPhones("0044 20 7946 0000").map((f) => f.fact.keys[0])).toEqual(["tel:02079460000"]);
    expect(extractPhones("+86 138 0013 8000 or 138 0013 8000").map((f) => f.fact.keys[0])).toEqual([
      "tel:13800138000",
      "tel:13800138000",
    ]);
  });

  it("takes the phone number out of a longer digit run, and leaves amounts, dates and short codes alone", () => {
    expect(extractPhones("text relay 18001 0345 600 7000").map((f) => f.fact.raw)).toEqual(["0345 600 7000"]);
    expect(extractPhones("£1,234,567 and 7726 and 60123")).toEqual([]);
  });

  it("builds phone keys so +44 and the leading 0 agree", () => {
    expect(phoneKey("442079460000", true)).toBe(phoneKey("02079460000", false));
  });

  it("finds web addresses with or without a scheme, and skips e.g. and decimals", () => {
    expect(
      extractUrls("see https://www.harborbank.example/help/ or harborbank.example.").map((f) => f.fact.keys[0]),
    ).toEqual(["url:harborbank.example/help", "host:harborbank.example"]);
    expect(extractUrls("e.g. 2.5 or i.e. this")).toEqual([]);
    expect(urlParts("Harborbank.Example/Fees/")).toEqual({ host: "harborbank.example", path: "/fees" });
  });

  it("finds e-mail addresses without a trailing full stop", () => {
    expect(extractEmails("write to complaints@harborbank.example.").map((f) => f.fact.raw)).toEqual([
      "complaints@harborbank.example",
    ]);
  });
});
