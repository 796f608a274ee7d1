import { describe, expect, it } from "vitest";
import { readBankingWords, segmentChinese } from "./segment-chinese.js";

describe("Chinese word segmentation", () => {
  it("keeps the banking word list's terms whole where the general dictionary splits them", () => {
    expect(segmentChinese("非接触式支付限额")).toEqual(["非接触式", "支付", "限额"]);
    expect(segmentChinese("信用评分怎么提高")).toEqual(["信用评分", "怎么", "提高"]);
    expect(segmentChinese("国际汇款没收到")).toEqual(["国际汇款", "没收到"]);
  });

  it("gives every character of a run back, in order", () => {
    const run = "我想把定期存款提前取出来";
    expect(segmentChinese(run).join("")).toBe(run);
  });

  it("reads the word list without comments or blank lines", () => {
    expect(readBankingWords("# note\n手续费 5000\n\n  透支 3000  \n")).toBe("手续费 5000\n透支 3000");
  });
});
