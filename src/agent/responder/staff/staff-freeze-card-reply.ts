// The staff reply to staff_freeze_card: the frozen card, whose it is and who froze it, or why nothing was frozen
// (no such card, several to choose from, blocked, cancelled at the confirmation card), in the staff member's language.
import type { Locale } from "../../../shared/locale.js";
import type { ToolResult } from "../../tools/tool-results.js";
import { dataText } from "./data-text.js";
import { isStandIn, fill } from "./staff-reply-parts.js";
import { actionStandInSentence } from "./staff-action-stand-in.js";

const T = {
  en: {
    frozen:
      "Done: card ending {last4} of customer {customer} is now frozen (reason: {reason}). Recorded as done by {actor}.",
    alreadyFrozen: "Card ending {last4} of customer {customer} was already frozen; nothing changed.",
    noCustomer: "No customer has the id {customer}; nothing was frozen.",
    noCard: "Customer {customer} has no card matching that; nothing was frozen. Their cards end in {cards}.",
    noUsableCard: "Customer {customer} has no card that can be frozen; nothing changed.",
    ambiguous: "Customer {customer} has several cards (ending {cards}). Which one should be frozen?",
    blocked:
      "Card ending {last4} of customer {customer} is permanently blocked, so it cannot be frozen; nothing changed.",
    separator: ", ",
  },
  "zh-CN": {
    frozen: "已完成：客户 {customer}尾号 {last4} 的银行卡已冻结（原因：{reason}）。操作人记录为 {actor}。",
    alreadyFrozen: "客户 {customer}尾号 {last4} 的银行卡此前已冻结，未做任何更改。",
    noCustomer: "没有客户编号为 {customer} 的客户，未冻结任何银行卡。",
    noCard: "客户 {customer} 没有与之匹配的银行卡，未冻结任何银行卡。该客户的卡尾号为 {cards}。",
    noUsableCard: "客户 {customer} 没有可冻结的银行卡，未做任何更改。",
    ambiguous: "客户 {customer} 有多张银行卡（尾号 {cards}），请问要冻结哪一张？",
    blocked: "客户 {customer} 尾号 {last4} 的银行卡已永久停用，无法冻结，未做任何更改。",
    separator: "、",
  },
} as const satisfies Record<Locale, Record<string, string>>;

const REASONS: Record<Locale, Record<"lost" | "stolen" | "suspicious_activity" | "temporary", string>> = {
  en: { lost: "lost", stolen: "stolen", suspicious_activity: "suspicious activity", temporary: "temporary freeze" },
  "zh-CN": { lost: "挂失", stolen: "被盗", suspicious_activity: "可疑交易", temporary: "临时冻结" },
};

function whoIs(id: string, name: string, locale: Locale): string {
  const shown = dataText(name, locale);
  return locale === "zh-CN" ? `${id}（${shown}）` : `${id} (${shown})`;
}

/** Renders a staff_freeze_card result for the member of staff who asked for it. */
export function renderStaffFreezeCardReply(result: ToolResult<"staff_freeze_card">, locale: Locale): string {
  if (result.status === "forbidden" || isStandIn(result)) return actionStandInSentence(result, locale);
  const t = T[locale];
  switch (result.status) {
    case "ok": {
      const vars = {
        last4: result.last4,
        customer: whoIs(result.customerId, result.customerName, locale),
        reason: REASONS[locale][result.reason],
        actor: result.actedBy,
      };
      return fill(result.alreadyFrozen ? t.alreadyFrozen : t.frozen, vars);
    }
    case "not_found": {
      const vars = { customer: result.customerId, cards: result.cards.join(t.separator) };
      if (!result.customerFound) return fill(t.noCustomer, vars);
      return fill(result.cards.length ? t.noCard : t.noUsableCard, vars);
    }
    case "ambiguous":
      return fill(t.ambiguous, { customer: result.customerId, cards: result.cards.join(t.separator) });
    case "card_blocked":
      return fill(t.blocked, { customer: result.customerId, last4: result.last4 });
  }
}
