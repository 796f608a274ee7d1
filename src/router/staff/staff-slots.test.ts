import { describe, expect, it } from "vitest";
import { extractNameQuery } from "../slots/extract-name-query.js";
import { extractPeriodDays } from "../slots/extract-period.js";
import { extractCustomerIds, extractTransactionIds } from "../slots/extract-customer-refs.js";
import { extractStaffSlots } from "./staff-slots.js";

describe("staff slots", () => {
  it("reads the customer, amount and term of a credit question in both languages", () => {
    const en = extractStaffSlots("Explain the credit decision for demo2 for £8,000 over 48 months");
    expect(en).toMatchObject({ customerIds: ["demo2"], amounts: [8000], termsMonths: [48] });
    const zh = extractStaffSlots("客户demo2的信用评估结果如何？贷款两万，期限三年");
    expect(zh).toMatchObject({ customerIds: ["demo2"], amounts: [20000], termsMonths: [36] });
    expect(extractStaffSlots("would c000005 prequalify for 5k over 3 yrs").amounts).toEqual([5000]);
  });

  it("never reads a customer or transaction id as an amount", () => {
    const slots = extractStaffSlots("is tx-00005926 of c000012 fraud?");
    expect(slots.amounts).toEqual([]);
    expect(slots.transactionIds).toEqual(["tx-00005926"]);
    expect(slots.customerIds).toEqual(["c000012"]);
  });

  it("writes transaction ids in the bank's own form", () => {
    expect(extractTransactionIds("check TX-5926 and txn 00707514")).toEqual(["tx-00005926", "tx-00707514"]);
    expect(extractCustomerIds("DEMO1 and c000003, not c12")).toEqual(["demo1", "c000003"]);
  });

  it("reads look-back periods as days", () => {
    const cases: [string, number | undefined][] = [
      ["how many frauds were confirmed this week?", 7],
      ["false positive rate last 30 days", 30],
      ["fraud numbers for today pls", 1],
      ["flagged over the past fortnight", 14],
      ["this month so far", 30],
      ["in the last two weeks", 14],
      ["本月确认了多少笔欺诈", 30],
      ["近三十天的误报", 30],
      ["本周", 7],
      ["今天有几笔被标记", 1],
      ["近两周的交易", 14],
      ["show the fraud queue", undefined],
    ];
    for (const [text, days] of cases) expect(extractPeriodDays(text), text).toBe(days);
  });

  it("finds the name a lookup searches for", () => {
    expect(extractNameQuery("find customer alex morgan")).toBe("alex morgan");
    expect(extractNameQuery("is Chloe Wilson one of ours? need her customer id")).toBe("Chloe Wilson");
    expect(extractNameQuery("any customers called Wood?")).toBe("Wood");
    expect(extractNameQuery("查一下叫刘艳的客户")).toBe("刘艳");
    expect(extractNameQuery("帮我查查李浩然这个客户")).toBe("李浩然");
    expect(extractNameQuery("show the fraud queue please")).toBe("fraud queue");
  });
});
