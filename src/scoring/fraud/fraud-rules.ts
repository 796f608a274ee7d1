// A small rules layer for hard signals the bank wants acted on whatever the model says; rules can only raise a level.
import { F } from "./fraud-features.js";
import type { FraudReasonCode } from "./fraud-reasons.js";

/** Risk levels in increasing severity. */
export type FraudLevel = "none" | "review" | "block";

/** A rule that fired on a transaction and the minimum level it imposes. */
export interface FiredRule {
  code: FraudReasonCode;
  level: Exclude<FraudLevel, "none">;
}

/** Evaluates the hard-signal rules on one feature row. */
export function evaluateFraudRules(x: ArrayLike<number>): FiredRule[] {
  const v = (j: number): number => x[j] as number;
  const fired: FiredRule[] = [];
  if (v(F.CUSTOMER_NB_TX_10MIN) >= 4 && v(F.CUSTOMER_NB_NEW_TERMINAL_1H) >= 4 && v(F.TX_AMOUNT) <= 5) {
    fired.push({ code: "card_testing_rule", level: "block" });
  }
  if (v(F.AMOUNT_TO_CUSTOMER_AVG_30D) >= 8 && v(F.TX_AMOUNT) >= 200)
    fired.push({ code: "large_unusual_amount_rule", level: "review" });
  if (v(F.TERMINAL_ID_RISK_7DAY_WINDOW) >= 0.5 && v(F.TERMINAL_ID_NB_TX_7DAY_WINDOW) >= 3)
    fired.push({ code: "compromised_terminal_rule", level: "review" });
  return fired;
}

const RANK: Record<FraudLevel, number> = { none: 0, review: 1, block: 2 };

/** The more severe of two levels. */
export function maxLevel(a: FraudLevel, b: FraudLevel): FraudLevel {
  return RANK[a] >= RANK[b] ? a : b;
}
