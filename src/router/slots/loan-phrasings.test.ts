// Issue 12: loan amounts without a currency and loan terms, in every phrasing customers use in both languages, and
// the numbers that are not money (years, phone and account numbers, PINs, card digits, times, percentages, counts).
import { describe, expect, it } from "vitest";
import { extractAmounts } from "./extract-amounts.js";
import { extractSlots } from "./extract-slots.js";
import { extractTerms } from "./extract-terms.js";

const REF = new Date("2026-03-18T10:00:00Z");

type Row = [message: string, amount: [number, string | null] | null, termMonths: number | null];

const ROWS: Row[] = [
  // English amounts
  ["Could I get a personal loan of 8000 over 3 years?", [8000, null], 36],
  ["8000 over 3 years", [8000, null], 36],
  ["can I borrow 8k", [8000, null], null],
  ["8k", [8000, null], null],
  ["I'd like to borrow £8,000", [8000, "GBP"], null],
  ["8 grand for a car", [8000, "GBP"], null],
  ["borrow 8,000 for 36 months", [8000, null], 36],
  ["loan of 12,500 over five years please", [12500, null], 60],
  ["I want to borrow 10000 over 36 months at 5% interest", [10000, null], 36],
  ["borrow 2000 over 2 years", [2000, null], 24],
  ["a loan of 2000 in 2026", [2000, null], null],
  ["need a 15k loan over 3yrs", [15000, null], 36],
  ["8k over 18 mths", [8000, null], 18],
  ["can I borrow 5000 for two years", [5000, null], 24],
  ["loan 7500, thirty-six months", [7500, null], 36],
  ["borrow 9000 over two and a half years", [9000, null], 30],
  ["3000 for a year and a half", [3000, null], 18],
  ["loan of 20000 over 84 months", [20000, null], 84],
  // Chinese amounts
  ["我想借5万块，分三十六期", [50000, null], 36],
  ["借五万，三年", [50000, null], 36],
  ["五万", [50000, null], null],
  ["贷款两万，两年半", [20000, null], 30],
  ["额度3.5万", [35000, null], null],
  ["想借八千，半年", [8000, null], 6],
  ["我想借一万五，分24个月", [15000, null], 24],
  ["借两万分三年还", [20000, null], 36],
  ["借3万，36期", [30000, null], 36],
  ["贷款一万英镑，五年", [10000, "GBP"], 60],
  ["借款8000元，分12期", [8000, "CNY"], 12],
  ["一年期贷款3万", [30000, null], 12],
  // Terms alone
  ["over 3 years", null, 36],
  ["36 months", null, 36],
  ["a 36-month loan", null, 36],
  ["half a year", null, 6],
  ["三年", null, 36],
  ["两年半", null, 30],
  ["24个月", null, 24],
  // Not money, not a term
  ["I took a loan in 2019", null, null],
  ["my loan started in 2026年", null, null],
  ["call me on 07700 900123 about a loan", null, null],
  ["+44 7700 900123 loan", null, null],
  ["my PIN is 1234, I want a loan", null, null],
  ["my card ending 4821 for the loan", null, null],
  ["account number 12345678, transfer please", null, null],
  ["sort code 12-34-56, send money", null, null],
  ["pay at 3pm", null, null],
  ["pay at 15:30", null, null],
  ["can I pay at 10", null, null],
  ["loan at 5% APR", null, null],
  ["loan rate 6.9 percent", null, null],
  ["I have 3 cards and want a loan", null, null],
  ["3 years ago I borrowed", null, null],
  ["三年前借过钱", null, null],
  ["第3期还款", null, null],
  ["利率百分之十五的贷款", null, null],
  ["万一贷款没批怎么办", null, null],
  ["下午3点去借钱", null, null],
  ["借钱 3月5日", null, null],
  ["卡尾号4821，借款", null, null],
  ["电话13800138000，贷款", null, null],
  ["I have 2 accounts", null, null],
];

describe("loan phrasings", () => {
  it("covers at least forty phrasings", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ROWS)("reads %s", (message, amount, termMonths) => {
    const slots = extractSlots(message, REF);
    expect(slots.amounts.map((a) => [a.value, a.currency])).toEqual(amount ? [amount] : []);
    expect(slots.terms.map((t) => t.months)).toEqual(termMonths ? [termMonths] : []);
  });
});

describe("bare amounts", () => {
  it("reads a bare number as money when the conversation is already about money", () => {
    expect(extractAmounts("8000")).toEqual([]);
    expect(extractAmounts("8000", { moneyContext: true })).toEqual([{ value: 8000, currency: null, text: "8000" }]);
  });

  it("still refuses years, phone numbers and times when told the conversation is about money", () => {
    for (const text of ["in 2026", "07700 900123", "at 15:30", "5%", "3 cards"])
      expect(extractAmounts(text, { moneyContext: true })).toEqual([]);
  });

  it("keeps the words of the message each amount was read from", () => {
    expect(extractAmounts("借两万，两年半")).toEqual([{ value: 20000, currency: null, text: "两万" }]);
    expect(extractAmounts("need a 15k loan")).toEqual([{ value: 15000, currency: null, text: "15k" }]);
  });
});

describe("terms", () => {
  it("keeps the words each term was read from", () => {
    expect(extractTerms("8000 over 3 years, or maybe 三十六期")).toEqual([
      { months: 36, text: "3 years" },
      { months: 36, text: "三十六期" },
    ]);
  });

  it("refuses counts no loan runs for and calendar years", () => {
    expect(extractTerms("500 years")).toEqual([]);
    expect(extractTerms("2026年")).toEqual([]);
  });
});
