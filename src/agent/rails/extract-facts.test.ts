import { describe, expect, it } from "vitest";
import { extractFacts } from "./extract-facts.js";

const keys = (text: string): string[] => extractFacts(text).flatMap((f) => f.keys);

describe("extractFacts normalises one fact written many ways to one key", () => {
  it.each([
    [
      "amounts",
      [
        "£1,000",
        "£1000",
        "1000英镑",
        "一千英镑",
        "１，０００英镑",
        "GBP 1,000",
        "£1k",
        "1,000 pounds",
        "one thousand pounds",
        "a grand",
      ],
      "m:GBP:1000",
    ],
    ["pounds and pence", ["£9.99", "nine pounds ninety-nine", "9英镑99便士", "九英镑九十九便士"], "m:GBP:9.99"],
    ["small amounts", ["£10", "ten pounds", "a tenner", "十英镑", "10英鎊"], "m:GBP:10"],
    ["fractional rates", ["2.5%", "two and a half per cent", "百分之二点五", "2 and a half percent"], "p:2.5"],
    ["half a percent", ["0.5%", "half a percent", "半个百分点", "千分之五", "nought point five per cent"], "p:0.5"],
    ["an hour", ["60 minutes", "within an hour", "within the hour", "一小时", "1 hour"], "d:min:60"],
    ["tomorrow", ["tomorrow", "明天", "明日"], "rel:day:1"],
    ["next Monday", ["next Monday", "下周一", "下星期一"], "rel:wd:1:1"],
    ["pence", ["50p", "£0.50", "50便士"], "m:GBP:0.5"],
    ["Chinese multipliers", ["8.5万英镑", "£85,000", "八万五千英镑"], "m:GBP:85000"],
    ["percentages", ["5%", "5 per cent", "5 percent", "百分之五", "５％"], "p:5"],
    ["decimal rates", ["39.9%", "百分之三十九点九"], "p:39.9"],
    [
      "working days",
      ["3 working days", "3 business days", "三个工作日", "three business days", "3个工作日"],
      "d:day:3",
    ],
    [
      "day ranges",
      ["1–4 business days", "1 to 4 days", "1-4 days", "1到4个工作日", "between 1 and 4 days"],
      "d:day:1-4",
    ],
    ["hours and minutes", ["2 hours", "two hours", "120 minutes", "两小时", "2个小时"], "d:min:120"],
    ["years and months", ["1 to 7 years", "12 to 84 months"], "d:mon:12-84"],
    ["times", ["2pm", "14:00", "下午2点", "下午两点", "14点", "2 p.m.", "2:00pm"], "t:14:00"],
    ["half hours", ["9:30am", "上午9:30", "half past nine in the morning", "上午9点半", "上午９：３０"], "t:09:30"],
    [
      "dates",
      ["2026-03-01", "1 March 2026", "March 1, 2026", "2026年3月1日", "1st March 2026", "01/03/2026"],
      "date:2026-03-01",
    ],
    [
      "phones",
      ["0345 600 7000", "0345-600-7000", "+44 345 600 7000", "03456007000", "+44 (0)345 600 7000"],
      "tel:03456007000",
    ],
    [
      "web addresses",
      ["harborbank.example/fees", "https://www.HarborBank.example/Fees/", "HARBORBANK.EXAMPLE/FEES"],
      "url:harborbank.example/fees",
    ],
    [
      "e-mail addresses",
      ["complaints@harborbank.example", "Complaints@HarborBank.example"],
      "mail:complaints@harborbank.example",
    ],
    ["weekday ranges", ["Monday to Friday", "Mon–Fri", "周一至周五", "星期一到星期五", "weekdays"], "wd:1-5"],
  ])("%s", (_kind, spellings, key) => {
    for (const s of spellings) expect(keys(s), s).toContain(key);
  });
});

describe("extractFacts keeps distinct facts apart", () => {
  it("never reads £150 as £15", () => {
    expect(keys("£150")).toEqual(["m:GBP:150"]);
    expect(keys("£15")).toEqual(["m:GBP:15"]);
  });

  it("tells a pound amount from a euro amount, and 14:00 from 2 hours", () => {
    expect(keys("€15")).toEqual(["m:EUR:15"]);
    expect(keys("at 2pm within 2 hours")).toEqual(["t:14:00", "d:min:120"]);
  });

  it("gives a time without am or pm both halves of the day", () => {
    expect(keys("8点")).toEqual(["t:08:00", "t:20:00"]);
  });
});

describe("extractFacts leaves out numbers that state nothing", () => {
  it.each([
    ["citation markers", "It costs £15 [1][2], see [3, 4] and 【5】."],
    ["vault placeholders", "Your card [CARD_1] and phone [PHONE_2]."],
    ["list numbers", "1. Log in\n2) Choose a payee\n(3) Confirm"],
    ["always open", "The line is open 24/7, 24 hours a day, 7 days a week; 24小时热线。"],
    ["small counts", "There are 2 ways and 3 steps."],
    ["ordinals and deictics", "第一天，前一天，第1步。"],
    ["product names", "Use 2FA and 3D Secure."],
    ["Chinese words with numerals", "一定一般统一万一十分一点"],
  ])("%s", (_kind, text) => {
    expect(keys(text).filter((k) => !k.startsWith("m:"))).toEqual([]);
  });

  it("still checks bare numbers above ten", () => {
    expect(keys("forward scam texts to 7726")).toEqual(["n:7726"]);
  });

  it("reads 'the next business day' as one day and counts as counts", () => {
    expect(keys("It arrives the next business day.")).toEqual(["d:day:1"]);
    expect(keys("输错3次")).toEqual(["x:times:3"]);
  });

  it("tags an amount with what it is counted per, to catch a daily limit told as monthly", () => {
    expect(extractFacts("£25,000 a day")[0]?.conflicts?.own).toBe("per:m:GBP:25000:day");
    expect(extractFacts("每月£12")[0]?.conflicts?.own).toBe("per:m:GBP:12:month");
  });
});
