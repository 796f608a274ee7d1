// Turns per-feature contributions into a few plain-language reasons in English and Chinese, quoting the numbers
// that drove the score (amount ratio, terminal frauds, burst size, distance).
import { z } from "zod";
import { BilingualTextSchema } from "../../shared/locale.js";
import { F, FRAUD_FEATURES, type FraudFeatureName } from "./fraud-features.js";

/** Machine-readable reason codes. */
export const FraudReasonCodeSchema = z.enum([
  "amount_vs_average",
  "terminal_recent_frauds",
  "rapid_payments",
  "new_merchant",
  "far_from_usual_area",
  "night_time",
  "weekend",
  "card_testing_rule",
  "large_unusual_amount_rule",
  "compromised_terminal_rule",
]);
/** A reason code. */
export type FraudReasonCode = z.infer<typeof FraudReasonCodeSchema>;

/** One reason with its bilingual text and its share of the score (log-odds units; rules use 0). */
export const FraudReasonSchema = z.object({
  code: FraudReasonCodeSchema,
  text: BilingualTextSchema,
  contribution: z.number(),
});
/** One reason. */
export type FraudReason = z.infer<typeof FraudReasonSchema>;

const GROUP: Record<FraudFeatureName, FraudReasonCode | undefined> = {
  TX_AMOUNT: "amount_vs_average",
  TX_DURING_WEEKEND: "weekend",
  TX_DURING_NIGHT: "night_time",
  CUSTOMER_ID_NB_TX_1DAY_WINDOW: "rapid_payments",
  CUSTOMER_ID_AVG_AMOUNT_1DAY_WINDOW: "amount_vs_average",
  CUSTOMER_ID_NB_TX_7DAY_WINDOW: undefined,
  CUSTOMER_ID_AVG_AMOUNT_7DAY_WINDOW: "amount_vs_average",
  CUSTOMER_ID_NB_TX_30DAY_WINDOW: undefined,
  CUSTOMER_ID_AVG_AMOUNT_30DAY_WINDOW: "amount_vs_average",
  TERMINAL_ID_NB_TX_1DAY_WINDOW: "terminal_recent_frauds",
  TERMINAL_ID_RISK_1DAY_WINDOW: "terminal_recent_frauds",
  TERMINAL_ID_NB_TX_7DAY_WINDOW: "terminal_recent_frauds",
  TERMINAL_ID_RISK_7DAY_WINDOW: "terminal_recent_frauds",
  TERMINAL_ID_NB_TX_30DAY_WINDOW: "terminal_recent_frauds",
  TERMINAL_ID_RISK_30DAY_WINDOW: "terminal_recent_frauds",
  AMOUNT_TO_CUSTOMER_AVG_30D: "amount_vs_average",
  CUSTOMER_NB_TX_10MIN: "rapid_payments",
  CUSTOMER_NB_TX_1H: "rapid_payments",
  LOG_SECONDS_SINCE_PREV_TX: "rapid_payments",
  NEW_TERMINAL_30D: "new_merchant",
  CUSTOMER_NB_NEW_TERMINAL_1H: "new_merchant",
  DISTANCE_FROM_USUAL_AREA: "far_from_usual_area",
};

/** Smallest log-odds contribution worth telling a customer or analyst about. */
const MIN_CONTRIBUTION = 0.1;

/** The top reasons (at most `max`) behind a score, from the feature row and per-feature contributions. */
export function explainContributions(x: ArrayLike<number>, contributions: ArrayLike<number>, max = 3): FraudReason[] {
  const byCode = new Map<FraudReasonCode, number>();
  FRAUD_FEATURES.forEach((name, j) => {
    const code = GROUP[name];
    if (code) byCode.set(code, (byCode.get(code) ?? 0) + (contributions[j] as number));
  });
  return [...byCode.entries()]
    .filter(([code, c]) => c >= MIN_CONTRIBUTION && applies(code, x))
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([code, c]) => ({ code, text: reasonText(code, x), contribution: Math.round(c * 1000) / 1000 }));
}

/** Whether a reason's sentence is true of this transaction (a group can push the score without being "unusual"). */
function applies(code: FraudReasonCode, x: ArrayLike<number>): boolean {
  const v = (f: FraudFeatureName): number => x[F[f]] as number;
  switch (code) {
    case "amount_vs_average":
      return v("AMOUNT_TO_CUSTOMER_AVG_30D") >= 1.5 || v("TX_AMOUNT") > 220;
    case "terminal_recent_frauds":
      return terminalFrauds(x).count > 0;
    case "rapid_payments":
      return v("CUSTOMER_NB_TX_1H") >= 2;
    case "new_merchant":
      return v("NEW_TERMINAL_30D") === 1;
    case "far_from_usual_area":
      return v("DISTANCE_FROM_USUAL_AREA") >= 10;
    case "night_time":
      return v("TX_DURING_NIGHT") === 1;
    case "weekend":
      return v("TX_DURING_WEEKEND") === 1;
    default:
      return true;
  }
}

/** Confirmed frauds at the terminal in the latest labelled week, falling back to the labelled month. */
export function terminalFrauds(x: ArrayLike<number>): { count: number; window: "week" | "month" } {
  const week = Math.round(
    (x[F.TERMINAL_ID_RISK_7DAY_WINDOW] as number) * (x[F.TERMINAL_ID_NB_TX_7DAY_WINDOW] as number),
  );
  if (week > 0) return { count: week, window: "week" };
  return {
    count: Math.round((x[F.TERMINAL_ID_RISK_30DAY_WINDOW] as number) * (x[F.TERMINAL_ID_NB_TX_30DAY_WINDOW] as number)),
    window: "month",
  };
}

/** The bilingual sentence of a reason, filled with this transaction's numbers. */
export function reasonText(code: FraudReasonCode, x: ArrayLike<number>): { en: string; "zh-CN": string } {
  const v = (f: FraudFeatureName): number => x[F[f]] as number;
  switch (code) {
    case "amount_vs_average": {
      const r = v("AMOUNT_TO_CUSTOMER_AVG_30D");
      return {
        en: `amount is ${r.toFixed(1)}× this customer's 30-day average`,
        "zh-CN": `金额是该客户30天平均消费的${r.toFixed(1)}倍`,
      };
    }
    case "terminal_recent_frauds": {
      const { count, window } = terminalFrauds(x);
      const s = count === 1 ? "" : "s";
      return window === "week"
        ? {
            en: `this terminal had ${count} confirmed fraud${s} last week`,
            "zh-CN": `该终端上周有${count}笔已确认的欺诈交易`,
          }
        : {
            en: `this terminal had ${count} confirmed fraud${s} in the past month`,
            "zh-CN": `该终端过去一个月有${count}笔已确认的欺诈交易`,
          };
    }
    case "rapid_payments": {
      const n = v("CUSTOMER_NB_TX_1H") + 1;
      return { en: `${n} payments on this card within an hour`, "zh-CN": `该卡一小时内有${n}笔付款` };
    }
    case "new_merchant": {
      const n = v("CUSTOMER_NB_NEW_TERMINAL_1H");
      return n >= 2
        ? {
            en: `${n} merchants new to this customer within an hour`,
            "zh-CN": `一小时内出现${n}个该客户从未使用过的商户`,
          }
        : { en: "first payment at this merchant in 30 days", "zh-CN": "30天内首次在该商户付款" };
    }
    case "far_from_usual_area": {
      const km = Math.round(v("DISTANCE_FROM_USUAL_AREA"));
      return {
        en: `merchant is ${km} km from this customer's usual area`,
        "zh-CN": `商户距离该客户常用消费区域${km}公里`,
      };
    }
    case "night_time":
      return { en: "made at night (00:00–06:59)", "zh-CN": "交易发生在夜间（00:00–06:59）" };
    case "weekend":
      return { en: "made at the weekend", "zh-CN": "交易发生在周末" };
    case "card_testing_rule":
      return {
        en: "pattern of tiny test payments at new merchants (card testing)",
        "zh-CN": "在新商户连续小额试刷（疑似盗卡测试）",
      };
    case "large_unusual_amount_rule":
      return {
        en: "very large amount far above this customer's usual spending",
        "zh-CN": "金额远高于该客户平时消费水平",
      };
    case "compromised_terminal_rule":
      return { en: "this terminal is linked to many confirmed frauds", "zh-CN": "该终端与多笔已确认欺诈交易相关" };
  }
}
