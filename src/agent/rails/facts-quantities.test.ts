import { describe, expect, it } from "vitest";
import { extractQuantities, extractZhPercents } from "./facts-quantities.js";

const keys = (text: string, mode: "claim" | "evidence" = "claim"): string[] =>
  extractQuantities(text, mode).flatMap((f) => f.keys);

describe("quantities", () => {
  it("reads a range only when it rises and its ends share a unit", () => {
    expect(keys("£1,000–£4,999")).toEqual(["m:GBP:1000-4999"]);
    expect(keys("£15 - 1 day")).toEqual(["m:GBP:15", "d:day:1"]);
  });

  it("keeps small counts out of claims but in evidence", () => {
    expect(keys("2 ways")).toEqual([]);
    expect(keys("2 ways", "evidence")).toEqual(["n:2"]);
  });

  it("reads years as numbers, not durations, and months named in Chinese as no fact", () => {
    expect(keys("2026年")).toEqual(["n:2026"]);
    expect(keys("3年")).toEqual(["d:mon:36"]);
    expect(keys("3月起")).toEqual([]);
    expect(keys("3个月")).toEqual(["d:mon:3"]);
  });

  it("reads thousands and millions only as amounts", () => {
    expect(keys("£25k")).toEqual(["m:GBP:25000"]);
    expect(keys("£2m")).toEqual(["m:GBP:2000000"]);
    expect(keys("5m away")).toEqual([]);
  });

  it("reads amounts in words and slang like their digit forms", () => {
    expect(keys("nine pounds ninety-nine")).toEqual(["m:GBP:9.99"]);
    expect(keys("nine pounds and ninety-nine pence")).toEqual(["m:GBP:9.99"]);
    expect(keys("9英镑99便士")).toEqual(["m:GBP:9.99"]);
    expect(keys("九镑九十九")).toEqual(["m:GBP:9.99"]);
    expect(keys("九块九")).toEqual(["m:CNY:9.9"]);
    expect(keys("a tenner")).toEqual(["m:GBP:10"]);
    expect(keys("two grand")).toEqual(["m:GBP:2000"]);
    expect(keys("half a percent")).toEqual(["p:0.5"]);
    expect(keys("2 and a half per cent")).toEqual(["p:2.5"]);
  });

  it("reads pounds however they are written in Chinese, and other currencies apart", () => {
    for (const s of ["8英镑", "8镑", "8英鎊", "8英磅", "8磅", "八英镑"]) expect(keys(s), s).toEqual(["m:GBP:8"]);
    expect(keys("8欧元")).toEqual(["m:EUR:8"]);
    expect(keys("8美元")).toEqual(["m:USD:8"]);
    expect(keys("8港币")).toEqual(["m:HKD:8"]);
  });

  it("lets only a number written as data is back an amount: not a date part, an ordinal, a count or a word", () => {
    const implied = (text: string): string[] => extractQuantities(text, "evidence").flatMap((f) => f.implied ?? []);
    for (const s of ["我8号丢的卡", "第8步", "家里有8张卡", "I have 8 cards", "eight", "八", "press 8"]) {
      expect(implied(s), s).toEqual([]);
    }
    expect(implied("fee: 15")).toEqual(["b:15"]);
    expect(implied("15 15.00")).toEqual(["b:15", "b:15"]);
  });

  it("reads 百分之 percentages, lets a bare value support them", () => {
    const [pct] = extractZhPercents("百分之二点七五").map((f) => f.fact);
    expect(pct?.keys).toEqual(["p:2.75"]);
    expect(pct?.weakKeys).toContain("b:0.0275");
    expect(extractZhPercents("千分之五").map((f) => f.fact.keys[0])).toEqual(["p:0.5"]);
  });
});
