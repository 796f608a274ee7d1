import { describe, expect, it } from "vitest";
import { extractWordedQuantities, findSlangAmounts } from "./facts-worded.js";

const keys = (text: string): string[] => extractWordedQuantities(text).facts.flatMap((f) => f.keys);

describe("worded quantities", () => {
  it("reads durations written without a number", () => {
    expect(keys("We'll call you within the hour.")).toEqual(["d:min:60"]);
    expect(keys("It takes about an hour and a half.")).toEqual(["d:min:90"]);
    expect(keys("Allow a quarter of an hour.")).toEqual(["d:min:15"]);
    expect(keys("It arrives within a month.")).toEqual(["d:mon:1"]);
    expect(keys("It arrives the following business day.")).toEqual(["d:day:1"]);
    expect(keys("下个工作日送达，半小时内回电")).toEqual(["d:min:30", "d:day:1"]);
  });

  it("reads half a percentage point in Chinese", () => {
    expect(keys("利率下调半个百分点")).toEqual(["p:0.5"]);
  });

  it("blanks what it read, so the words are not read again", () => {
    expect(extractWordedQuantities("within the hour").rest).toBe("\u0001".repeat(15));
  });

  it("finds slang amounts but not a grand total or a pound sign", () => {
    expect(findSlangAmounts("a tenner, a fiver, a grand, a quid").map((s) => s.value)).toEqual([10, 5, 1000, 1]);
    expect(findSlangAmounts("a grand total, a pound sign")).toEqual([]);
  });
});
