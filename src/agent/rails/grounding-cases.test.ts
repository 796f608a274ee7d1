import { describe, expect, it } from "vitest";
import { type GroundingCase, scoreGrounding } from "./rails-eval.js";

// Replies written apart from the extractor, to probe classes of invention: a changed limit, period, count, date range,
// opening day, address or spelled-out amount, against paraphrases in the other language or in words.
const CASES: GroundingCase[] = [
  {
    sources: [
      "Daily ATM cash withdrawal: £500, which you can raise in the app to £1,000. Contactless: up to £100 per transaction.",
    ],
    reply: "You can take out up to £500 a day from cash machines, or £1,000 if you raise the limit in the app.",
    locale: "en",
    label: "grounded",
  },
  {
    sources: [
      "Daily ATM cash withdrawal: £500, which you can raise in the app to £1,000. Contactless: up to £100 per transaction.",
    ],
    reply: "Contactless payments are limited to £45 per transaction.",
    locale: "en",
    label: "invented",
  },
  {
    sources: ["Daily ATM cash withdrawal: £500, which you can raise in the app to £1,000."],
    reply: "You can withdraw up to £500 a week at ATMs.",
    locale: "en",
    label: "invented",
  },
  {
    sources: [
      "The Harbor app will be unavailable from Saturday 12 September to Monday 14 September 2026 for planned maintenance.",
    ],
    reply: "The app will be down for maintenance from 12 to 14 September 2026.",
    locale: "en",
    label: "grounded",
  },
  {
    sources: [
      "The Harbor app will be unavailable from Saturday 12 September to Monday 14 September 2026 for planned maintenance.",
    ],
    reply: "Planned maintenance runs from 19 to 21 September 2026.",
    locale: "en",
    label: "invented",
  },
  {
    sources: ["If the wrong PIN is entered 3 times, your Harbor card PIN is blocked to protect you."],
    reply: "Your PIN is blocked after five wrong attempts.",
    locale: "en",
    label: "invented",
  },
  {
    sources: ["If the wrong PIN is entered 3 times, your Harbor card PIN is blocked to protect you."],
    reply: "After three wrong attempts, the PIN is blocked.",
    locale: "en",
    label: "grounded",
  },
  {
    sources: ["For Mandarin, call 0345 600 7088, Monday to Friday, 9am–6pm."],
    reply: "The Mandarin line is open Monday to Saturday.",
    locale: "en",
    label: "invented",
  },
  {
    sources: ["For Mandarin, call 0345 600 7088, Monday to Friday, 9am–6pm."],
    reply: "普通话热线0345 600 7088，周一至周五上午九点到下午六点。",
    locale: "zh-CN",
    label: "grounded",
  },
  {
    sources: ["Forward suspicious e-mails to phishing@harborbank.example."],
    reply: "请把可疑邮件转发到 phishing@harbor-bank.example。",
    locale: "zh-CN",
    label: "invented",
  },
  {
    sources: ["Everyday Saver: 3.10% AER variable, instant access, interest paid monthly."],
    reply: "Everyday Saver的利率是3.1% AER（浮动），利息每月支付。",
    locale: "zh-CN",
    label: "grounded",
  },
  {
    sources: ["Everyday Saver: 3.10% AER variable, instant access, interest paid monthly."],
    reply: "Everyday Saver的年利率为百分之三点五。",
    locale: "zh-CN",
    label: "invented",
  },
  {
    sources: ["You can repay early; we may charge up to 58 days' interest."],
    reply: "If you repay early we may charge up to 28 days' interest.",
    locale: "en",
    label: "invented",
  },
  {
    sources: ["You can repay early; we may charge up to 58 days' interest."],
    reply: "提前还款最多可能收取58天的利息。",
    locale: "zh-CN",
    label: "grounded",
  },
  {
    sources: ["Receiving an international payment: free up to £100, £7 above £100."],
    reply: "Incoming international payments over £100 cost £7 each.",
    locale: "en",
    label: "grounded",
  },
  {
    sources: ["Receiving an international payment: free up to £100, £7 above £100."],
    reply: "Incoming international payments over £100 cost seventeen pounds.",
    locale: "en",
    label: "invented",
  },
  {
    sources: ["Visit harborbank.example/help for more."],
    reply: "More help is at https://harborbank.example/help/.",
    locale: "en",
    label: "grounded",
  },
  {
    sources: ["Visit harborbank.example/help for more."],
    reply: "More help is at harborbank-support.example/help.",
    locale: "en",
    label: "invented",
  },
];

describe("grounding rail on wider cases", () => {
  it("catches every invented reply and passes every grounded one", () => {
    const score = scoreGrounding(CASES);
    expect(score.errors).toEqual([]);
  });
});
