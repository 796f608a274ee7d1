import { describe, expect, it } from "vitest";
import { extractAmounts } from "./extract-amounts.js";
import { extractDates } from "./extract-dates.js";
import { extractSlots } from "./extract-slots.js";
import { SlotsSchema } from "./slot-schema.js";
import { parseChineseNumber } from "./chinese-numerals.js";

// Wednesday 18 March 2026.
const REF = new Date("2026-03-18T10:00:00Z");

describe("amounts", () => {
  it.each([
    ["can i borrow £1.2k", 1200, "GBP"],
    ["they took $300 off me", 300, "USD"],
    ["charged €45.50 twice", 45.5, "EUR"],
    ["sent 1,500 pounds to my landlord", 1500, "GBP"],
    ["paid 20 quid for nothing", 20, "GBP"],
    ["我想转一万五千元回国", 15000, "CNY"],
    ["昨天汇了15,000 RMB", 15000, "CNY"],
    ["想借3千英镑", 3000, "GBP"],
    ["GBP 250 went missing", 250, "GBP"],
    ["1.5万人民币", 15000, "CNY"],
    ["两千五百元", 2500, "CNY"],
  ])("reads %s", (text, value, currency) => {
    expect(extractAmounts(text)).toEqual([expect.objectContaining({ value, currency })]);
  });

  it("leaves the currency open for 块, which UK customers say for pounds as well as yuan", () => {
    expect(extractAmounts("被扣了五百块")).toEqual([{ value: 500, currency: null, text: "五百块" }]);
  });

  it("does not treat a plain count as money", () => {
    expect(extractAmounts("I have 3 cards and 2 accounts")).toEqual([]);
  });

  it("reads spoken Chinese shorthand numbers", () => {
    expect(parseChineseNumber("一万五")).toBe(15000);
    expect(parseChineseNumber("两千五")).toBe(2500);
    expect(parseChineseNumber("十二")).toBe(12);
    expect(parseChineseNumber("hello")).toBeUndefined();
  });
});

describe("dates", () => {
  it.each([
    ["yesterday", "2026-03-17", true],
    ["it happened last Friday", "2026-03-13", true],
    ["on 3 March", "2026-03-03", false],
    ["on March 20th", "2025-03-20", false],
    ["2 days ago", "2026-03-16", true],
    ["on 12/03/2026", "2026-03-12", false],
    ["昨天", "2026-03-17", true],
    ["上周五", "2026-03-13", true],
    ["3月5日", "2026-03-05", false],
    ["前天", "2026-03-16", true],
    ["2025年12月25日", "2025-12-25", false],
  ])("resolves %s", (text, date, relative) => {
    expect(extractDates(text, REF)).toEqual([expect.objectContaining({ date, relative })]);
  });

  it("reads 上周五 as Friday of the previous calendar week even on a Saturday", () => {
    const saturday = new Date("2026-03-21T09:00:00Z");
    expect(extractDates("上周五", saturday)[0]?.date).toBe("2026-03-13");
    expect(extractDates("last friday", saturday)[0]?.date).toBe("2026-03-20");
  });
});

describe("extractSlots", () => {
  it("pulls every slot out of a long English complaint", () => {
    const s = extractSlots(
      "I was charged £45.50 at Tesco Express yesterday on my card ending 4821, ref TX-88421-QK, and again $12 from Netflix on 3 March",
      REF,
    );
    expect(SlotsSchema.parse(s)).toEqual(s);
    expect(s.amounts.map((a) => [a.value, a.currency])).toEqual([
      [45.5, "GBP"],
      [12, "USD"],
    ]);
    expect(s.dates.map((d) => d.date)).toEqual(["2026-03-17", "2026-03-03"]);
    expect(s.cardLastFour).toEqual(["4821"]);
    expect(s.transactionRefs).toEqual(["TX-88421-QK"]);
    expect(s.merchants).toEqual(expect.arrayContaining(["Tesco", "Netflix"]));
  });

  it("pulls every slot out of a Chinese message with a merchant after 在…消费", () => {
    const s = extractSlots("上周五我的卡尾号4821在星巴克消费了五百块，交易号TX20260313A，不是我本人", REF);
    expect(s.dates[0]?.date).toBe("2026-03-13");
    expect(s.cardLastFour).toEqual(["4821"]);
    expect(s.merchants).toEqual(["Starbucks"]);
    expect(s.amounts).toEqual([{ value: 500, currency: null, text: "五百块" }]);
    expect(s.transactionRefs).toEqual(["TX20260313A"]);
  });

  it("handles mixed Chinese–English with an unknown merchant and a reference number", () => {
    const s = extractSlots("3月5日在Bella Italia消费了£80，reference ABC12345，card ending in 9931", REF);
    expect(s.merchants).toEqual(["Bella Italia"]);
    expect(s.amounts[0]).toEqual(expect.objectContaining({ value: 80, currency: "GBP" }));
    expect(s.transactionRefs).toEqual(["ABC12345"]);
    expect(s.cardLastFour).toEqual(["9931"]);
    expect(s.dates[0]?.date).toBe("2026-03-05");
  });

  it("does not mistake card digits or reference numbers for amounts or dates", () => {
    const s = extractSlots("last four digits 2024, ref 123456", REF);
    expect(s.cardLastFour).toEqual(["2024"]);
    expect(s.amounts).toEqual([]);
    expect(s.dates).toEqual([]);
  });

  it("finds a capitalised merchant after 'at' and ignores weekdays", () => {
    const s = extractSlots("a payment at Joe's Coffee on Monday", REF);
    expect(s.merchants).toEqual(["Joe's Coffee"]);
    expect(s.dates[0]?.date).toBe("2026-03-16");
  });

  it("returns empty lists for a plain question", () => {
    expect(extractSlots("how do I open an account?", REF)).toEqual({
      amounts: [],
      terms: [],
      dates: [],
      cardLastFour: [],
      merchants: [],
      transactionRefs: [],
    });
  });
});
