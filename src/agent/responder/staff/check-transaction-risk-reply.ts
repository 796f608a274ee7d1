// The staff reply to check_transaction_risk: which transaction (and whose), the fraud risk as a percentage, the
// level word and the model's reasons, in the staff member's language.
import type { Locale } from "../../../shared/locale.js";
import type { ToolResult } from "../../tools/tool-results.js";
import { formatDate, formatMoney } from "../reply-templates.js";
import { dataText } from "./data-text.js";
import { isStandIn, standInSentence, fill } from "./staff-reply-parts.js";

const T = {
  en: {
    headCustomer: "Transaction {id} (customer {customer}): {merchant}, {amount} on {date}.",
    head: "Transaction {id}: {merchant}, {amount} on {date}.",
    risk: "Fraud risk: {pct}, {level}.",
    reasons: "Reasons:",
    reason: "• {text}",
    noReasons: "The model found no strong fraud signal.",
    notFound: "No transaction has the id {id}. Check the id.",
    unavailable: "The fraud model could not score transaction {id} just now. Please try again.",
    needsSignIn: "The customer has to sign in before a transaction can be checked.",
  },
  "zh-CN": {
    headCustomer: "交易 {id}（客户 {customer}）：{merchant}，{amount}，{date}。",
    head: "交易 {id}：{merchant}，{amount}，{date}。",
    risk: "欺诈风险：{pct}，{level}。",
    reasons: "原因：",
    reason: "• {text}",
    noReasons: "模型未发现明显的欺诈信号。",
    notFound: "没有编号为 {id} 的交易，请核对编号。",
    unavailable: "反欺诈模型暂时无法为交易 {id} 评分，请稍后再试。",
    needsSignIn: "客户需先登录，才能检查交易。",
  },
} as const satisfies Record<Locale, Record<string, string>>;

const LEVELS: Record<Locale, Record<"none" | "review" | "block", string>> = {
  en: { none: "low risk", review: "needs review", block: "high risk (blocked)" },
  "zh-CN": { none: "低风险", review: "需人工复核", block: "高风险（已拦截）" },
};

/** The level word of a fraud verdict, e.g. "needs review" / "需人工复核". */
export function riskLevelWord(level: "none" | "review" | "block", locale: Locale): string {
  return LEVELS[locale][level];
}

/** A fraud probability as a percentage with one decimal, e.g. 91.0%. */
export function riskPercent(probability: number): string {
  return `${(probability * 100).toFixed(1)}%`;
}

/** Renders a check_transaction_risk result for a member of staff. */
export function renderCheckTransactionRiskReply(result: ToolResult<"check_transaction_risk">, locale: Locale): string {
  const t = T[locale];
  // The tool's own "unavailable" names the transaction; the stand-in of the same status does not.
  if ("transactionId" in result) {
    return fill(result.status === "not_found" ? t.notFound : t.unavailable, { id: result.transactionId });
  }
  if (isStandIn(result)) return standInSentence(result, locale);
  if (result.status === "needs_sign_in") return t.needsSignIn;
  const { transaction: tx, risk } = result;
  const vars = {
    id: tx.id,
    customer: tx.customerId ?? "",
    merchant: dataText(tx.merchant, locale),
    amount: formatMoney(tx.amount, tx.currency, locale),
    date: formatDate(tx.date, locale),
  };
  const lines = [
    fill(tx.customerId ? t.headCustomer : t.head, vars),
    fill(t.risk, { pct: riskPercent(risk.probability), level: riskLevelWord(risk.level, locale) }),
  ];
  if (risk.reasons.length) lines.push(t.reasons, ...risk.reasons.map((text) => fill(t.reason, { text })));
  else lines.push(t.noReasons);
  return lines.join("\n");
}
