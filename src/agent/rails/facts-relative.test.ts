import { describe, expect, it } from "vitest";
import { extractFacts } from "./extract-facts.js";
import { extractRelativeDates } from "./facts-relative.js";

const relative = (text: string): string[] =>
  extractFacts(text)
    .filter((f) => f.kind === "date-relative")
    .map((f) => f.keys[0] ?? "");

describe("relative dates", () => {
  it.each([
    ["tomorrow", ["tomorrow", "明天", "明日", "by tomorrow"], "rel:day:1"],
    ["today", ["later today", "今天", "by the end of the day"], "rel:day:0"],
    ["the day after tomorrow", ["the day after tomorrow", "后天"], "rel:day:2"],
    ["tonight", ["tonight", "this evening", "今晚"], "rel:day:0:eve"],
    ["tomorrow afternoon", ["tomorrow afternoon", "明天下午"], "rel:day:1:pm"],
    [
      "by Friday",
      ["by Friday", "before Friday", "this Friday", "周五前", "星期五之前", "本周五", "这周五"],
      "rel:wd:0:5",
    ],
    ["next Monday", ["next Monday", "下周一", "下星期一", "下个礼拜一"], "rel:wd:1:1"],
    ["next week", ["next week", "下周", "下个星期"], "rel:week:1"],
    ["next month", ["next month", "下个月", "下月"], "rel:month:1"],
    ["the end of the month", ["by the end of the month", "end of this month", "月底", "本月底"], "rel:month:0:end"],
  ])("reads %s the same in English and Chinese", (_what, spellings, key) => {
    for (const s of spellings) expect(relative(s), s).toContain(key);
  });

  it("keeps the day of a time apart from the time itself", () => {
    expect(extractFacts("明天下午2点").map((f) => f.keys[0])).toEqual(["rel:day:1", "t:14:00"]);
    expect(extractFacts("明早9点").map((f) => f.keys[0])).toEqual(["rel:day:1", "t:09:00"]);
  });

  it("lets a named part of the day back the day, not the other way round", () => {
    const [fact] = extractRelativeDates("tomorrow morning").map((f) => f.fact);
    expect(fact?.keys).toEqual(["rel:day:1:am"]);
    expect(fact?.implied).toEqual(["rel:day:1"]);
  });

  it.each([
    "How can I help you today?",
    "Is there anything else I can help you with today?",
    "Thanks for contacting Harbor Bank today.",
    "今天还有什么可以帮您的吗？",
    "感谢您今天的来电。",
    "You can check today's rates in the app.",
    "The same-day CHAPS payment costs £25.",
    "It arrives the next day.",
    "次日到账，当天处理。",
    "我们会在前一天提醒您。",
    "以上周一至周五的营业时间适用于所有分行。",
    "该服务按周期收费，每月月底出账单。",
    "请在3月底前提交。",
    "The app will be down before Saturday 12 September 2026.",
    "This Monday-to-Friday line is for Mandarin speakers.",
    "At the end of the day, it's your choice.",
  ])("reads no date counted from now in %s", (text) => {
    expect(relative(text)).toEqual([]);
  });
});
