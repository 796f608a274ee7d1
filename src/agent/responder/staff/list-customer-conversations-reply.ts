// The staff reply to list_customer_conversations: each past chat with when it was, its length, what the customer
// asked about, and whether it was handed to a person, in the staff member's language.
import type { Locale } from "../../../shared/locale.js";
import type { ToolResult } from "../../tools/tool-results.js";
import { codeName, formatDateTime, intentTopic, isStandIn, standInSentence, fill } from "./staff-reply-parts.js";

const T: Record<Locale, Record<string, string>> = {
  en: {
    head: "{id} has {count} recent conversations:",
    row: "• {session}: {date}, {messages} messages in {language}, now answered by {mode}{topics}{ticket}",
    topics: "; asked about {list}",
    ticket: "; handoff ticket {ticket} ({status})",
    last: "  Last message: “{text}”",
    none: "{id} has 0 chat conversations with us on record.",
    notFound: "No customer has the id {id}. Check the id, or search by name.",
    sep: ", ",
  },
  "zh-CN": {
    head: "客户 {id} 最近有 {count} 次对话：",
    row: "• {session}：{date}，共 {messages} 条消息，语言{language}，当前由{mode}处理{topics}{ticket}",
    topics: "；咨询了{list}",
    ticket: "；转人工工单 {ticket}（{status}）",
    last: "  最后一条消息：“{text}”",
    none: "客户 {id} 的在线聊天记录共 0 个。",
    notFound: "没有客户编号为 {id} 的客户。请核对编号，或按姓名查找。",
    sep: "、",
  },
};

/** Renders a list_customer_conversations result for a member of staff. */
export function renderListCustomerConversationsReply(
  result: ToolResult<"list_customer_conversations">,
  locale: Locale,
): string {
  if (isStandIn(result)) return standInSentence(result, locale);
  const t = T[locale];
  if (result.status === "not_found") return fill(t["notFound"], { id: result.customerId });
  if (result.status === "forbidden") return standInSentence(result, locale);
  if (result.conversations.length === 0) return fill(t["none"], { id: result.customerId });
  const lines = [fill(t["head"], { id: result.customerId, count: result.conversations.length })];
  for (const c of result.conversations) {
    const topics = c.intents.map((i) => intentTopic(i, locale)).join(t["sep"]);
    lines.push(
      fill(t["row"], {
        session: c.sessionId,
        date: formatDateTime(c.updatedAt, locale),
        messages: c.messageCount,
        language: codeName(c.locale, locale),
        mode: codeName(c.mode, locale),
        topics: topics ? fill(t["topics"], { list: topics }) : "",
        ticket: c.ticket ? fill(t["ticket"], { ticket: c.ticket.id, status: codeName(c.ticket.status, locale) }) : "",
      }),
    );
    // The customer's own words are shown only in a reply of their language's script: a Chinese reply holds no English.
    if (c.lastCustomerMessage && (locale === "en" || !/[A-Za-z]{2,}/.test(c.lastCustomerMessage)))
      lines.push(fill(t["last"], { text: c.lastCustomerMessage }));
  }
  return lines.join("\n");
}
