// The staff assistant's own sentences, in both languages: what it asks when a question lacks an argument, the note
// on a credit estimate made for the standard loan, and the lead-ins of knowledge answers and drafts.
import type { Locale } from "../../../shared/locale.js";
import type { MissingArgument } from "../../staff/staff-call.js";

const STRINGS = {
  en: {
    missing: {
      customerId: "Which customer? Give their customer id (for example demo1 or c000012).",
      transactionId: "Which transaction? Give its id (for example tx-00005926).",
      name: "Which customer should I look for? Give a name or a customer id.",
    },
    defaultedLoan: "No {what} was given, so this is for the standard {amount} over {term} months.",
    amountWord: "amount",
    termWord: "term",
    bothWord: "amount or term",
    knowledgeNone: "I found nothing on that in the bank's guides.",
    draftLead: "Suggested reply to the customer (review before sending):",
  },
  "zh-CN": {
    missing: {
      customerId: "请问是哪位客户？请提供客户编号（例如 demo1 或 c000012）。",
      transactionId: "请问是哪笔交易？请提供交易编号（例如 tx-00005926）。",
      name: "要查找哪位客户？请提供姓名或客户编号。",
    },
    defaultedLoan: "问题中未给出{what}，以下按标准的 {amount}、{term} 个月估算。",
    amountWord: "金额",
    termWord: "期限",
    bothWord: "金额和期限",
    knowledgeNone: "银行指南中没有找到相关内容。",
    draftLead: "给客户的建议回复（发送前请审核）：",
  },
} as const;

/** The question the assistant asks for the first missing argument. */
export function askForMissing(missing: MissingArgument, locale: Locale): string {
  return STRINGS[locale].missing[missing];
}

/** The note that a credit estimate uses the standard amount and/or term. */
export function defaultedLoanNote(
  defaulted: readonly ("amount" | "termMonths")[],
  loan: { amount: string; termMonths: number },
  locale: Locale,
): string {
  const s = STRINGS[locale];
  const what = defaulted.length === 2 ? s.bothWord : defaulted[0] === "amount" ? s.amountWord : s.termWord;
  return s.defaultedLoan
    .replace("{what}", what)
    .replace("{amount}", loan.amount)
    .replace("{term}", String(loan.termMonths));
}

/** The staff assistant's fixed sentences. */
export function staffText(key: "knowledgeNone" | "draftLead", locale: Locale): string {
  return STRINGS[locale][key];
}
