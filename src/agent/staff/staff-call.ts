// Turns the staff router's decision into the one tool call that answers the question, with its arguments filled
// from the message's slots (never from the model), or names what the question lacks so the assistant can ask.
import { z } from "zod";
import type { StaffRouteDecision } from "../../router/index.js";

/** An argument a staff tool needs and the question did not give. */
export const MissingArgumentSchema = z.enum(["customerId", "transactionId", "name"]);
/** A missing argument. */
export type MissingArgument = z.infer<typeof MissingArgumentSchema>;

/** The tool call a staff question asks for. */
export const StaffCallSchema = z.object({
  intent: z.string().describe("the staff intent"),
  tool: z.string().describe("the staff tool to call"),
  args: z.record(z.unknown()).describe("its arguments, read from the message"),
  missing: z.array(MissingArgumentSchema).describe("arguments the question lacks; the assistant asks for them"),
  /** The loan amount or term was not said, so the estimate uses the standard one and says so. */
  defaulted: z.array(z.enum(["amount", "termMonths"])).default([]),
});
/** The tool call a staff question asks for. */
export type StaffCall = z.infer<typeof StaffCallSchema>;

/** The amount and term a credit estimate uses when the question names none (the console's defaults). */
export const DEFAULT_LOAN = { amount: 10_000, termMonths: 60 } as const;

// Loan amounts the scorecard estimates (the tool's own bounds); anything else in the message is not the loan.
const loanSized = (n: number): boolean => n >= 1000 && n <= 35_000;

function freezeReason(text: string): string {
  if (/stolen|被盗|偷/i.test(text)) return "stolen";
  if (/\b(?:lost|missing|misplaced|can'?t\s{1,4}find)\b|丢|遗失|挂失|找不到|不见/i.test(text)) return "lost";
  if (/temporar|临时|暂时/i.test(text)) return "temporary";
  return "suspicious_activity";
}

// What a draft request says before the customer's question ("draft a reply to a customer asking about …").
const DRAFT_LEAD =
  /^\s{0,8}(?:pls\s{1,8}|please\s{1,8}|can\s{1,8}you\s{1,8})?(?:draft|write|suggest|compose|prepare)\s{1,8}(?:me\s{1,8})?(?:a\s{1,8}|an\s{1,8})?(?:quick\s{1,8}|short\s{1,8})?(?:reply|response|answer|message|email)?\s{0,8}(?:to|for)?\s{0,8}(?:a\s{1,8}|the\s{1,8})?(?:customer|client|cust)?\s{0,8}(?:asking|who\s{1,8}asks|who\s{1,8}asked|about|re|on|:)?\s{0,8}(?:about\s{1,8})?/i;

const DRAFT_LEAD_ZH =
  /^\s{0,4}(?:请|麻烦)?(?:你)?(?:帮我|帮忙)?(?:起草|草拟|拟|写|准备|编辑)(?:一下)?(?:一段|一条|一个|一封|个|段|条)?(?:给客户的|给用户的)?(?:回复|答复|回覆|话术|消息|邮件)?(?:草稿)?[:：，,\s]{0,4}(?:客户问|客户咨询|客户想知道|客户询问|客户说|用户问)?[:：，,\s]{0,4}/;

// What a draft request says after the customer's question ("…, draft a reply pls", "…，给我拟个回复").
const DRAFT_TAIL =
  /[,.;:，。；：\s]{0,3}(?:(?:pls|please|can\s{1,8}you)\s{1,8})?(?:draft|write|suggest|compose)\s{1,8}(?:me\s{1,8})?(?:a\s{1,8}|an\s{1,8})?(?:quick\s{1,8}|short\s{1,8})?(?:reply|response|answer)(?:\s{1,8}(?:pls|please|for\s{1,8}(?:me|them|him|her)))?[.!?]?\s{0,8}$/i;
const DRAFT_TAIL_ZH =
  /[,，。；\s]{0,3}(?:请|麻烦)?(?:你)?(?:帮我|给我|帮忙)?(?:拟|写|起草|草拟|准备)(?:一下)?(?:一)?(?:个|段|条|份)?(?:回复|答复|话术|回覆)(?:吧|一下)?[。！!]?\s{0,4}$/;

// "the customer asks …" / "客户问…" before the question itself.
const ASKER_LEAD =
  /^\s{0,8}(?:a\s{1,8}|the\s{1,8})?(?:customer|client|cust)\s{1,8}(?:asks|asked|asking|wants\s{1,8}to\s{1,8}know|wonders)\s{0,8}(?:about\s{1,8})?/i;
const ASKER_LEAD_ZH = /^\s{0,4}(?:有)?(?:客户|用户)(?:问|咨询|想知道|询问|说)[:：，,\s]{0,4}/;

/** The staff tool call for a routed message; the text is the (redacted) message itself. */
export function toStaffCall(decision: StaffRouteDecision, text: string): StaffCall {
  const { slots } = decision;
  const customerId = slots.customerIds[0];
  const transactionId = slots.transactionIds[0];
  const base = { intent: decision.intent, tool: decision.tool, defaulted: [] as ("amount" | "termMonths")[] };
  const needs = (value: string | undefined, name: MissingArgument): MissingArgument[] => (value ? [] : [name]);
  switch (decision.tool) {
    case "lookup_customer": {
      const query = slots.nameQuery ?? customerId;
      return { ...base, args: query ? { query } : {}, missing: needs(query, "name") };
    }
    case "get_customer_overview":
    case "list_customer_conversations":
      return { ...base, args: customerId ? { customerId } : {}, missing: needs(customerId, "customerId") };
    case "list_customer_transactions":
      return {
        ...base,
        args: { ...(customerId ? { customerId } : {}), ...(slots.periodDays ? { days: slots.periodDays } : {}) },
        missing: needs(customerId, "customerId"),
      };
    case "check_transaction_risk":
      return { ...base, args: transactionId ? { transactionId } : {}, missing: needs(transactionId, "transactionId") };
    case "staff_open_dispute":
      return { ...base, args: transactionId ? { transactionId } : {}, missing: needs(transactionId, "transactionId") };
    case "explain_credit_decision": {
      const amount = slots.amounts.find(loanSized);
      const termMonths = slots.termsMonths.find((m) => m >= 12 && m <= 84);
      const defaulted = [
        ...(amount === undefined ? ["amount" as const] : []),
        ...(termMonths === undefined ? ["termMonths" as const] : []),
      ];
      return {
        ...base,
        defaulted,
        args: {
          ...(customerId ? { customerId } : {}),
          amount: amount ?? DEFAULT_LOAN.amount,
          termMonths: termMonths ?? DEFAULT_LOAN.termMonths,
        },
        missing: needs(customerId, "customerId"),
      };
    }
    case "staff_freeze_card": {
      // "freeze her card 6777": a lone four-digit number in a card action is the card's last four.
      const cardLast4 = slots.cardLastFour[0] ?? slots.fourDigitNumbers[0];
      return {
        ...base,
        args: {
          ...(customerId ? { customerId } : {}),
          ...(cardLast4 ? { cardLast4 } : {}),
          reason: freezeReason(text),
        },
        missing: needs(customerId, "customerId"),
      };
    }
    case "get_fraud_review_stats":
      return { ...base, args: { days: slots.periodDays ?? 7 }, missing: [] };
    case "list_flagged_transactions":
      return { ...base, args: { limit: 10 }, missing: [] };
    case "get_handoff_queue":
      return { ...base, args: {}, missing: [] };
    case "draft_customer_reply": {
      const question =
        [DRAFT_LEAD, DRAFT_LEAD_ZH, DRAFT_TAIL, DRAFT_TAIL_ZH, ASKER_LEAD, ASKER_LEAD_ZH]
          .reduce((t, pattern) => t.replace(pattern, ""), text)
          .trim() || text;
      return { ...base, args: { question }, missing: [] };
    }
    default:
      return { ...base, tool: "search_knowledge", args: { query: text }, missing: [] };
  }
}
