import { describe, expect, it } from "vitest";
import { extractDates, extractTimes } from "./facts-datetime.js";

const timeKeys = (text: string): string[][] => extractTimes(text).map((f) => f.fact.keys);
const dateKeys = (text: string): string[][] => extractDates(text).map((f) => f.fact.keys);

describe("times of day", () => {
  it("reads English and Chinese times to 24-hour keys", () => {
    expect(timeKeys("8am–8pm")).toEqual([["t:08:00"], ["t:20:00"]]);
    expect(timeKeys("晚上11点59分")).toEqual([["t:23:59"]]);
    expect(timeKeys("noon or midnight")).toEqual([["t:12:00"], ["t:00:00"]]);
    expect(timeKeys("quarter to ten")).toEqual([["t:09:45", "t:21:45"]]);
  });

  it("reads an hour and its minutes written in words", () => {
    expect(timeKeys("nine am")).toEqual([["t:09:00"]]);
    expect(timeKeys("nine thirty p.m.")).toEqual([["t:21:30"]]);
    expect(timeKeys("six fifteen in the evening")).toEqual([["t:18:15"]]);
  });

  it("does not read a Chinese decimal or 'a little' as a time", () => {
    expect(extractTimes("二点七五")).toEqual([]);
    expect(extractTimes("快一点")).toEqual([]);
  });
});

describe("dates", () => {
  it("keeps a day and month without a year as a partial date", () => {
    expect(dateKeys("on 3月1日")).toEqual([["md:03-01"]]);
    expect(dateKeys("in March 2026")).toEqual([["ym:2026-03"]]);
  });

  it("gives a date the year of the date it runs to", () => {
    const [first] = extractDates("from Saturday 12 September to Monday 14 September 2026");
    expect(first?.fact.keys).toEqual(["date:2026-09-12"]);
  });

  it("reads a Chinese day range as two dates", () => {
    expect(dateKeys("2026年9月12日至15日")).toEqual([["date:2026-09-12"], ["date:2026-09-15"]]);
  });

  it("does not take 'may' the verb for a month", () => {
    expect(extractDates("you may 5 times")).toEqual([]);
  });
});
