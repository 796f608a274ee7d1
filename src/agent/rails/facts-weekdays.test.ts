import { describe, expect, it } from "vitest";
import { extractWeekdays } from "./facts-weekdays.js";

describe("weekdays", () => {
  it("reads ranges, single days and weekends in both languages", () => {
    expect(extractWeekdays("Monday to Saturday, and Sundays").map((f) => f.fact.keys[0])).toEqual(["wd:1-6", "wd:7"]);
    expect(extractWeekdays("周一至周五，周六，周末").map((f) => f.fact.keys[0])).toEqual(["wd:1-5", "wd:6", "wd:6-7"]);
  });

  it("lets a range support each of its days", () => {
    expect(extractWeekdays("Monday to Friday")[0]?.fact.implied).toEqual(["wd:1", "wd:2", "wd:3", "wd:4", "wd:5"]);
  });
});
