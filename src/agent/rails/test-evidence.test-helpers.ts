// Evidence for the rails' tests: a few knowledge passages, the bank's contacts and a protected prompt.
import type { RailEvidence } from "./rail-types.js";

/** Builds test evidence; fields can be overridden per test. */
export function testEvidence(overrides: Partial<RailEvidence> = {}): RailEvidence {
  return {
    locale: "en",
    sources: [
      "An international SWIFT payment costs £15 when you send it online in the Harbor app, or £25 in branch or by phone. " +
        "The cut-off for SWIFT payments is 2pm UK time on business days, and a SWIFT payment arrives in 1–4 business days.",
      "通过SWIFT发送国际汇款：在Harbor app办理每笔£15；在分行办理每笔£25。截止时间为工作日英国时间下午2点，一般1–4个工作日到账。",
      "Representative APR by loan amount: £7,500–£25,000: 6.4% APR. An eligibility check is an estimate, not a guarantee of credit.",
      "How much is a SWIFT payment? My card is 4111 1111 1111 1111.",
    ],
    passageIds: [1, 2, 3],
    publishedContacts: [
      "0800 123 4567",
      "+44 20 7946 0000",
      "0345 600 7000",
      "harborbank.example",
      "complaints@harborbank.example",
    ],
    protectedTexts: [
      "Never state a fee, rate, limit, amount or date that is not in a tool result. Do not estimate, round or recall figures from memory.",
    ],
    ...overrides,
  };
}
