// The staff reply to staff_open_dispute: the dispute opened (or already open) for the customer and who opened it, or
// why none was (no such transaction, cancelled at the confirmation card), in the staff member's language.
import type { Locale } from "../../../shared/locale.js";
import type { ToolResult } from "../../tools/tool-results.js";
import { formatDate, formatMoney } from "../reply-templates.js";
import { dataText } from "./data-text.js";
import { isStandIn, fill } from "./staff-reply-parts.js";
import { actionStandInSentence } from "./staff-action-stand-in.js";

const T = {
  en: {
    opened:
      "Done: opened dispute {dispute} for transaction {id} ({merchant}, {amount} on {date}) of customer {customer}. Recorded as opened by {actor}.",
    alreadyOpen:
      "Transaction {id} ({merchant}, {amount} on {date}) of customer {customer} is already under dispute ({dispute}); no second dispute was opened.",
    notFound: "No transaction has the id {id}; no dispute was opened.",
  },
  "zh-CN": {
    opened:
      "已完成：已为客户 {customer} 的交易 {id}（{merchant}，{amount}，{date}）发起争议，争议编号 {dispute}。操作人记录为 {actor}。",
    alreadyOpen: "客户 {customer} 的交易 {id}（{merchant}，{amount}，{date}）已有处理中的争议 {dispute}，未重复提交。",
    notFound: "没有编号为 {id} 的交易，未发起争议。",
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** Renders a staff_open_dispute result for the member of staff who asked for it. */
export function renderStaffOpenDisputeReply(result: ToolResult<"staff_open_dispute">, locale: Locale): string {
  if (result.status === "forbidden" || isStandIn(result)) return actionStandInSentence(result, locale);
  const t = T[locale];
  if (result.status === "not_found") return fill(t.notFound, { id: result.transactionId });
  const tx = result.transaction;
  return fill(result.alreadyOpen ? t.alreadyOpen : t.opened, {
    dispute: result.dispute.id,
    id: tx.id,
    merchant: dataText(tx.merchant, locale),
    amount: formatMoney(tx.amount, tx.currency, locale),
    date: formatDate(tx.date, locale),
    customer: result.customerId,
    actor: result.actedBy,
  });
}
