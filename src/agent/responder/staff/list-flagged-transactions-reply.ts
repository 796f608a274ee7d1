// The staff reply to list_flagged_transactions: the fraud review queue, highest risk first, one line per transaction
// with its customer, merchant, amount, risk and main reasons, in the staff member's language.
import type { Locale } from "../../../shared/locale.js";
import type { ToolResult } from "../../tools/tool-results.js";
import { formatDate, formatMoney } from "../reply-templates.js";
import { riskLevelWord, riskPercent } from "./check-transaction-risk-reply.js";
import { dataText } from "./data-text.js";
import { isStandIn, standInSentence, fill } from "./staff-reply-parts.js";

const T = {
  en: {
    one: "1 transaction is flagged for fraud review:",
    many: "{count} transactions are flagged for fraud review, highest risk first:",
    row: "• {id} (customer {customer}): {merchant}, {amount} on {date}; risk {pct}, {level}{reasons}",
    reasons: "; {reasons}",
    separator: "; ",
    none: "No transactions are flagged for fraud review right now.",
    forbidden: "Only a member of staff can see the fraud review queue.",
  },
  "zh-CN": {
    one: "有 1 笔交易待反欺诈复核：",
    many: "有 {count} 笔交易待反欺诈复核，按风险从高到低：",
    row: "• {id}（客户 {customer}）：{merchant}，{amount}，{date}；风险 {pct}，{level}{reasons}",
    reasons: "；{reasons}",
    separator: "；",
    none: "目前没有待反欺诈复核的交易。",
    forbidden: "只有银行工作人员可以查看反欺诈复核队列。",
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** How many of a transaction's reasons one queue line shows. */
const REASONS_PER_LINE = 2;

/** Renders a list_flagged_transactions result for a member of staff. */
export function renderListFlaggedTransactionsReply(
  result: ToolResult<"list_flagged_transactions">,
  locale: Locale,
): string {
  const t = T[locale];
  if (result.status === "forbidden") return t.forbidden;
  if (isStandIn(result)) return standInSentence(result, locale);
  const txs = result.transactions;
  if (txs.length === 0) return t.none;
  const head = txs.length === 1 ? t.one : fill(t.many, { count: txs.length });
  const rows = txs.map((tx) => {
    const shown = tx.reasons.slice(0, REASONS_PER_LINE);
    return fill(t.row, {
      id: tx.id,
      customer: tx.customerId,
      merchant: dataText(tx.merchant, locale),
      amount: formatMoney(tx.amount, tx.currency, locale),
      date: formatDate(tx.date, locale),
      pct: riskPercent(tx.probability),
      level: riskLevelWord(tx.level, locale),
      reasons: shown.length ? fill(t.reasons, { reasons: shown.join(t.separator) }) : "",
    });
  });
  return [head, ...rows].join("\n");
}
