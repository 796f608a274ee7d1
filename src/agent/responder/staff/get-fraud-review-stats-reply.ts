// The staff reply to get_fraud_review_stats: the period's flagged, confirmed-fraud, false-positive and unreviewed
// counts, and the precision over the reviewed ones, in the staff member's language.
import type { Locale } from "../../../shared/locale.js";
import type { ToolResult } from "../../tools/tool-results.js";
import { isStandIn, standInSentence, fill } from "./staff-reply-parts.js";

const T: Record<Locale, Record<string, string>> = {
  en: {
    period: "Fraud review over the last {days} days (since {since}):",
    periodToday: "Fraud review over the last 24 hours (since {since}):",
    flagged: "• Flagged by the fraud model: {n}",
    confirmed: "• Confirmed fraud by analysts: {n}",
    falsePositives: "• False positives (labelled legitimate): {n}",
    unreviewed: "• Not yet reviewed: {n}",
    precision: "Precision on reviewed flags: {pct} ({confirmed} of {labelled}); false positive rate {fpr}.",
    noLabels: "No flagged transaction in this period has been reviewed yet, so there is no precision figure.",
    none: "No transactions were flagged in the last {days} days: 0 flagged, 0 confirmed fraud, 0 false positives, 0 awaiting review.",
  },
  "zh-CN": {
    period: "最近 {days} 天（自 {since} 起）的欺诈审核情况：",
    periodToday: "最近 24 小时（自 {since} 起）的欺诈审核情况：",
    flagged: "• 被反欺诈模型标记：{n} 笔",
    confirmed: "• 经分析师确认的欺诈：{n} 笔",
    falsePositives: "• 误报（确认为正常交易）：{n} 笔",
    unreviewed: "• 尚未审核：{n} 笔",
    precision: "已审核标记的精确率：{pct}（{labelled} 笔中 {confirmed} 笔为欺诈）；误报率 {fpr}。",
    noLabels: "本期被标记的交易尚未审核，暂无精确率。",
    none: "最近 {days} 天没有被标记的交易：标记 0 笔，确认欺诈 0 笔，误报 0 笔，待审核 0 笔。",
  },
};

function sinceDate(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return locale === "zh-CN"
    ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
    : d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Renders a get_fraud_review_stats result for a member of staff. */
export function renderGetFraudReviewStatsReply(result: ToolResult<"get_fraud_review_stats">, locale: Locale): string {
  if (isStandIn(result)) return standInSentence(result, locale);
  if (result.status === "forbidden") return standInSentence(result, locale);
  const t = T[locale];
  if (result.flagged === 0) return fill(t["none"], { days: result.days });
  const labelled = result.confirmedFraud + result.falsePositives;
  return [
    fill(result.days === 1 ? t["periodToday"] : t["period"], {
      days: result.days,
      since: sinceDate(result.since, locale),
    }),
    fill(t["flagged"], { n: result.flagged }),
    fill(t["confirmed"], { n: result.confirmedFraud }),
    fill(t["falsePositives"], { n: result.falsePositives }),
    fill(t["unreviewed"], { n: result.unreviewed }),
    result.precision !== undefined && labelled > 0
      ? fill(t["precision"], {
          pct: pct(result.precision),
          confirmed: result.confirmedFraud,
          labelled,
          fpr: pct(result.falsePositives / labelled),
        })
      : fill(t["noLabels"], {}),
  ].join("\n");
}
