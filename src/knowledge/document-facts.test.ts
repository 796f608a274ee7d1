import { describe, expect, it } from "vitest";
import { documentFacts } from "./document-facts.js";

const facts = (text: string): string[] => [...documentFacts(text)].sort();

describe("documentFacts", () => {
  it("reads the same facts from an English sentence and its Chinese translation", () => {
    const en = "A SWIFT payment costs **£15** and arrives in 1–4 working days if you send it before 3:30pm. Call 0345 600 7000.";
    const zh = "SWIFT汇款每笔**£15**，在15:30前提交，1至4个工作日到账。请致电0345 600 7000。";
    expect(facts(en)).toEqual(facts(zh));
    expect(facts(en)).toEqual(["money:£15", "phone:03456007000", "time:15:30", "wd:1-4"]);
  });

  it("notices a figure that differs between the languages", () => {
    expect(facts("The fee is £25.")).not.toEqual(facts("费用为£20。"));
    expect(facts("Cash withdrawals cost 2.75% + £1.50.")).toEqual(["money:£1.50", "rate:2.75%"]);
  });

  it("reads number words, clock words and 24-hour times", () => {
    expect(facts("within three working days, open until midnight")).toEqual(["time:00:00", "wd:3"]);
    expect(facts("下午5:30前")).toEqual(["time:17:30"]);
    expect(facts("8am–8pm")).toEqual(facts("8:00至20:00"));
  });

  it("does not read a calendar year or a date as a duration", () => {
    expect(facts("自2026年1月1日起")).toEqual([]);
    expect(facts("from 1 January 2026")).toEqual([]);
    expect(facts("第1年：5%；第12年")).toEqual(["rate:5%"]);
  });

  it("reads counted spans in both languages", () => {
    expect(facts("24 hours a day, 7 days a week, for up to 13 months")).toEqual(facts("每周7天、每天24小时，最长13个月"));
  });
});
