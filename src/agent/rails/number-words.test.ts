import { describe, expect, it } from "vitest";
import { findEnglishNumbers, parseZhNumber } from "./number-words.js";

describe("parseZhNumber", () => {
  it.each([
    ["一", 1],
    ["十五", 15],
    ["二十", 20],
    ["一百二十", 120],
    ["一千二百", 1200],
    ["两万五千", 25000],
    ["一万五", 15000],
    ["三千五", 3500],
    ["一百零五", 105],
    ["八万五千", 85000],
    ["二〇二六", 2026],
    ["三十九点九", 39.9],
    ["二点七五", 2.75],
  ])("reads %s as %d", (text, value) => {
    expect(parseZhNumber(text)).toBe(value);
  });

  it("rejects text that is not a numeral", () => {
    expect(parseZhNumber("点五")).toBeUndefined();
    expect(parseZhNumber("")).toBeUndefined();
  });
});

describe("findEnglishNumbers", () => {
  it("reads number words, hyphenated tens and 'a hundred and …'", () => {
    const found = findEnglishNumbers("a hundred and fifty pounds within twenty-five days, ten thousand in total");
    expect(found.map((f) => f.value)).toEqual([150, 25, 10000]);
  });

  it("keeps two numbers joined by 'and' apart unless a scale comes first", () => {
    expect(findEnglishNumbers("seven and eight").map((f) => f.value)).toEqual([7, 8]);
    expect(findEnglishNumbers("one thousand and two").map((f) => f.value)).toEqual([1002]);
  });

  it("ignores a scale word on its own", () => {
    expect(findEnglishNumbers("hundred")).toEqual([]);
  });

  it("reads spoken fractions and decimals", () => {
    const values = (text: string): number[] => findEnglishNumbers(text).map((f) => f.value);
    expect(values("two and a half per cent")).toEqual([2.5]);
    expect(values("one and three quarters")).toEqual([1.75]);
    expect(values("four point four nine percent")).toEqual([4.49]);
    expect(values("nought point five")).toEqual([0.5]);
    expect(values("half a percent")).toEqual([0.5]);
    expect(values("half a million")).toEqual([500000]);
  });
});
