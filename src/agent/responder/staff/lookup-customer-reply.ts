// The staff reply to lookup_customer: the matching customers, one line each with id, name, region, language and
// cards, in the staff member's language.
import type { Locale } from "../../../shared/locale.js";
import type { ToolResult } from "../../tools/tool-results.js";
import { dataText } from "./data-text.js";
import { codeName, isStandIn, standInSentence, fill } from "./staff-reply-parts.js";

const T = {
  en: {
    one: "Found 1 customer:",
    many: "Found {count} customers:",
    row: "• {id}: {name} (region {region}, prefers {language}); cards: {cards}",
    card: "{last4} {status}",
    noCards: "none",
    separator: ", ",
    notFound: "No customer matches “{query}”. Try another spelling or the customer id.",
    forbidden: "Only a member of staff can look up customers.",
  },
  "zh-CN": {
    one: "找到 1 位客户：",
    many: "找到 {count} 位客户：",
    row: "• {id}：{name}（地区：{region}，偏好语言：{language}）；银行卡：{cards}",
    card: "尾号 {last4} {status}",
    noCards: "无",
    separator: "、",
    notFound: "没有找到与“{query}”匹配的客户。请换一种写法，或使用客户编号查找。",
    forbidden: "只有银行工作人员可以查找客户。",
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** Renders a lookup_customer result for a member of staff. */
export function renderLookupCustomerReply(result: ToolResult<"lookup_customer">, locale: Locale): string {
  const t = T[locale];
  if (result.status === "forbidden") return t.forbidden;
  if (isStandIn(result)) return standInSentence(result, locale);
  if (result.status === "not_found") return fill(t.notFound, { query: result.query });
  const rows = result.customers.map((c) => {
    const cards = c.cards.length
      ? c.cards.map((k) => fill(t.card, { last4: k.last4, status: codeName(k.status, locale) })).join(t.separator)
      : t.noCards;
    return fill(t.row, {
      id: c.id,
      name: dataText(c.name, locale),
      region: codeName(dataText(c.region, locale), locale),
      language: codeName(c.locale, locale),
      cards,
    });
  });
  const head = result.customers.length === 1 ? t.one : fill(t.many, { count: result.customers.length });
  return [head, ...rows].join("\n");
}
