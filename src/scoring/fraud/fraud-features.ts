// The fraud model's feature contract: names, order, windows and the label delay shared by the batch and online paths.

/** Feature names in model-input order: the Handbook's 15 baseline features, then ours for the new scenarios. */
export const FRAUD_FEATURES = [
  "TX_AMOUNT",
  "TX_DURING_WEEKEND",
  "TX_DURING_NIGHT",
  "CUSTOMER_ID_NB_TX_1DAY_WINDOW",
  "CUSTOMER_ID_AVG_AMOUNT_1DAY_WINDOW",
  "CUSTOMER_ID_NB_TX_7DAY_WINDOW",
  "CUSTOMER_ID_AVG_AMOUNT_7DAY_WINDOW",
  "CUSTOMER_ID_NB_TX_30DAY_WINDOW",
  "CUSTOMER_ID_AVG_AMOUNT_30DAY_WINDOW",
  "TERMINAL_ID_NB_TX_1DAY_WINDOW",
  "TERMINAL_ID_RISK_1DAY_WINDOW",
  "TERMINAL_ID_NB_TX_7DAY_WINDOW",
  "TERMINAL_ID_RISK_7DAY_WINDOW",
  "TERMINAL_ID_NB_TX_30DAY_WINDOW",
  "TERMINAL_ID_RISK_30DAY_WINDOW",
  "AMOUNT_TO_CUSTOMER_AVG_30D",
  "CUSTOMER_NB_TX_10MIN",
  "CUSTOMER_NB_TX_1H",
  "LOG_SECONDS_SINCE_PREV_TX",
  "NEW_TERMINAL_30D",
  "CUSTOMER_NB_NEW_TERMINAL_1H",
  "DISTANCE_FROM_USUAL_AREA",
] as const;

/** One feature name. */
export type FraudFeatureName = (typeof FRAUD_FEATURES)[number];

/** Number of model inputs. */
export const FEATURE_COUNT = FRAUD_FEATURES.length;

/** Column index of each feature, for readable access. */
export const F = Object.fromEntries(FRAUD_FEATURES.map((n, i) => [n, i])) as Record<FraudFeatureName, number>;

/** Days before a fraud label is known; terminal risk only looks at transactions older than this. */
export const DEFAULT_LABEL_DELAY_DAYS = 7;

/** Seconds in a day. */
export const DAY_SECONDS = 86_400;

/** Window lengths (days) of the rolling customer and terminal features. */
export const WINDOW_DAYS = [1, 7, 30] as const;

/** Value of LOG_SECONDS_SINCE_PREV_TX when the customer has no transaction in the last 30 days. */
export const NO_PREVIOUS_TX_LOG_SECONDS = Math.log1p(30 * DAY_SECONDS);

/** Where each terminal sits on the simulator's 100×100 map (index = terminal id). */
export interface TerminalLocations {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/** A transaction as the feature code sees it: integer ids, epoch seconds, amount. */
export interface FeatureTransaction {
  epoch: number;
  customer: number;
  terminal: number;
  amount: number;
}

/** True on Saturday or Sunday (UTC). */
export function isWeekend(epoch: number): boolean {
  const dow = (Math.floor(epoch / DAY_SECONDS) + 4) % 7;
  return dow === 0 || dow === 6;
}

/** True between midnight and 06:59 (UTC), the Handbook's "night". */
export function isNight(epoch: number): boolean {
  const secs = ((epoch % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS;
  return Math.floor(secs / 3600) <= 6;
}
