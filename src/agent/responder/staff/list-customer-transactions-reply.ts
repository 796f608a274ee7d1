// The staff reply to list_customer_transactions: how many transactions the customer made in the window and how many
// were flagged, then the most recent ones, each with its fraud risk, in the staff member's language.
import type { Locale } from "../../../shared/locale.js";
import type { ToolResult } from "../../tools/tool-results.js";
import { formatMoney } from "../reply-templates.js";
import { codeName, formatDateTime, formatPercent, isStandIn, standInSentence, fill } from "./staff-reply-parts.js";

const T: Record<Locale, Record<string, string>> = {
  en: {
    head: "{id} made {total} transactions in the last {days} days; {flagged} flagged by the fraud model.",
    shown: "The {count} most recent:",
    row: "• {id} {date}: {merchant}, {amount}, {channel}{card}; fraud risk {risk}",
    card: ", card ending {last4}",
    risk: "{pct} ({level})",
    unscored: "not scored",
    none: "{id} made no transactions in the last {days} days.",
    notFound: "No customer has the id {id}. Check the id, or search by name.",
  },
  "zh-CN": {
    head: "客户 {id} 最近 {days} 天共有 {total} 笔交易，其中 {flagged} 笔被反欺诈模型标记。",
    shown: "最近 {count} 笔：",
    row: "• {id}，{date}：{merchant}，{amount}，{channel}{card}；欺诈风险 {risk}",
    card: "，尾号 {last4} 的卡",
    risk: "{pct}（{level}）",
    unscored: "未评分",
    none: "客户 {id} 最近 {days} 天没有交易。",
    notFound: "没有客户编号为 {id} 的客户。请核对编号，或按姓名查找。",
  },
};

/** Renders a list_customer_transactions result for a member of staff. */
export function renderListCustomerTransactionsReply(
  result: ToolResult<"list_customer_transactions">,
  locale: Locale,
): string {
  if (isStandIn(result)) return standInSentence(result, locale);
  const t = T[locale];
  if (result.status === "not_found") return fill(t["notFound"], { id: result.customerId });
  if (result.status === "forbidden") return standInSentence(result, locale);
  if (result.transactions.length === 0) return fill(t["none"], { id: result.customerId, days: result.days });
  const rows = result.transactions.map((x) =>
    fill(t["row"], {
      id: x.id,
      date: formatDateTime(x.date, locale),
      merchant: x.merchant,
      amount: formatMoney(x.amount, x.currency, locale),
      channel: codeName(x.channel, locale),
      card: x.cardLast4 ? fill(t["card"], { last4: x.cardLast4 }) : "",
      risk: x.risk
        ? fill(t["risk"], { pct: formatPercent(x.risk.probability), level: codeName(x.risk.level, locale) })
        : fill(t["unscored"], {}),
    }),
  );
  return [
    fill(t["head"], { id: result.customerId, total: result.total, days: result.days, flagged: result.flagged }),
    fill(t["shown"], { count: rows.length }),
    ...rows,
  ].join("\n");
}
