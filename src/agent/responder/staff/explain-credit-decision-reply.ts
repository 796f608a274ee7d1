// The staff reply to explain_credit_decision: the customer, the loan asked about, the decision, grade, points and
// probability of default, the ranked reasons and the points table, in the staff member's language.
import type { Locale } from "../../../shared/locale.js";
import type { ToolResult } from "../../tools/tool-results.js";
import { formatMoney } from "../reply-templates.js";
import { isStandIn, standInSentence, fill } from "./staff-reply-parts.js";

const T = {
  en: {
    headCustomer: "Credit pre-qualification, customer {customer}: {amount} over {term} months.",
    head: "Credit pre-qualification: {amount} over {term} months.",
    result: "Decision: {decision}. Grade {grade}, {points} points.",
    pd: "Probability of default: {pd}.",
    reasons: "Main reasons (points lost):",
    reason: "• {text} (−{lost} points)",
    noReasons: "No characteristic lost points against its best bin.",
    table: "Points table:",
    row: "• {label}: {value} (bin {bin}): {points} points",
    notice: "This is a pre-qualification estimate, not a credit decision.",
    notFoundCustomer: "Customer {customer} has no credit profile on file, so no estimate can be made.",
    notFound: "There is no credit profile on file, so no estimate can be made.",
    invalid: "Which customer? Give their customer id (for example demo2).",
    needsSignIn: "The customer has to sign in before an estimate can be explained.",
  },
  "zh-CN": {
    headCustomer: "客户 {customer} 的信用预审：贷款 {amount}，期限 {term} 个月。",
    head: "信用预审：贷款 {amount}，期限 {term} 个月。",
    result: "结论：{decision}。评级 {grade}，评分 {points} 分。",
    pd: "违约概率：{pd}。",
    reasons: "主要原因（扣分）：",
    reason: "• {text}（扣 {lost} 分）",
    noReasons: "各项特征均处于最优区间，没有扣分。",
    table: "评分明细：",
    row: "• {label}：{value}（区间 {bin}）：{points} 分",
    notice: "此为预审估算，并非最终信贷决定。",
    notFoundCustomer: "客户 {customer} 没有信用档案，无法估算。",
    notFound: "没有信用档案，无法估算。",
    invalid: "请问是哪位客户？请提供客户编号（例如 demo2）。",
    needsSignIn: "客户需先登录，才能解释其信用估算。",
  },
} as const satisfies Record<Locale, Record<string, string>>;

const DECISIONS: Record<Locale, Record<"approve" | "refer" | "decline", string>> = {
  en: { approve: "approve", refer: "refer for manual review", decline: "decline" },
  "zh-CN": { approve: "批准", refer: "转人工审核", decline: "拒绝" },
};

/** The decision word a reply uses, e.g. "refer for manual review" / "转人工审核". */
export function creditDecisionWord(decision: "approve" | "refer" | "decline", locale: Locale): string {
  return DECISIONS[locale][decision];
}

/** Renders an explain_credit_decision result for a member of staff. */
export function renderExplainCreditDecisionReply(
  result: ToolResult<"explain_credit_decision">,
  locale: Locale,
): string {
  if (isStandIn(result)) return standInSentence(result, locale);
  const t = T[locale];
  switch (result.status) {
    case "invalid":
      return t.invalid;
    case "needs_sign_in":
      return t.needsSignIn;
    case "not_found":
      return result.customerId ? fill(t.notFoundCustomer, { customer: result.customerId }) : t.notFound;
    case "ok":
      break;
  }
  const amount = formatMoney(result.amount, "GBP", locale);
  const lines = [
    result.customerId
      ? fill(t.headCustomer, { customer: result.customerId, amount, term: result.termMonths })
      : fill(t.head, { amount, term: result.termMonths }),
    fill(t.result, {
      decision: creditDecisionWord(result.decision, locale),
      grade: result.grade,
      points: Math.round(result.points),
    }),
  ];
  if (result.probabilityOfDefault !== undefined) {
    lines.push(fill(t.pd, { pd: `${(result.probabilityOfDefault * 100).toFixed(1)}%` }));
  }
  if (result.reasons.length) {
    lines.push(
      t.reasons,
      ...result.reasons.map((r) => fill(t.reason, { text: r.text, lost: Math.round(r.pointsLost) })),
    );
  } else lines.push(t.noReasons);
  if (result.pointsTable?.length) {
    lines.push(
      t.table,
      ...result.pointsTable.map((p) =>
        fill(t.row, { label: p.label, value: p.value, bin: p.bin, points: Math.round(p.points) }),
      ),
    );
  }
  lines.push(t.notice);
  return lines.join("\n");
}
