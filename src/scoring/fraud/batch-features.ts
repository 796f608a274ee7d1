// Batch feature computation for a whole transaction log: groups by customer and terminal and slides windows with
// two pointers (O(n)); must give the same values as the online state (tested).
import {
  DAY_SECONDS,
  DEFAULT_LABEL_DELAY_DAYS,
  F,
  FEATURE_COUNT,
  NO_PREVIOUS_TX_LOG_SECONDS,
  isNight,
  isWeekend,
  type TerminalLocations,
} from "./fraud-features.js";
import { ratioToAverage } from "./online-feature-state.js";

/** A time-ordered transaction log as columns; `fraudLabel` is what is known (used only through the delay). */
export interface FeatureLog {
  length: number;
  epoch: ArrayLike<number>;
  customer: ArrayLike<number>;
  terminal: ArrayLike<number>;
  amount: ArrayLike<number>;
  fraudLabel: ArrayLike<number>;
}

/** Computes the row-major feature matrix (length × FEATURE_COUNT) of a time-ordered log. */
export function computeFeatureMatrix(
  log: FeatureLog,
  locations: TerminalLocations,
  options: { delayDays?: number } = {},
): Float32Array {
  const n = log.length;
  const X = new Float32Array(n * FEATURE_COUNT);
  for (let i = 0; i < n; i++) {
    const e = log.epoch[i] as number;
    X[i * FEATURE_COUNT + F.TX_AMOUNT] = log.amount[i] as number;
    X[i * FEATURE_COUNT + F.TX_DURING_WEEKEND] = isWeekend(e) ? 1 : 0;
    X[i * FEATURE_COUNT + F.TX_DURING_NIGHT] = isNight(e) ? 1 : 0;
  }
  customerFeatures(log, locations, X);
  terminalFeatures(log, (options.delayDays ?? DEFAULT_LABEL_DELAY_DAYS) * DAY_SECONDS, X);
  return X;
}

/** Stable counting sort of row indices by a non-negative integer key, keeping time order inside each group. */
function groupBy(keys: ArrayLike<number>, n: number): { order: Int32Array; starts: Int32Array } {
  let maxKey = 0;
  for (let i = 0; i < n; i++) maxKey = Math.max(maxKey, keys[i] as number);
  const starts = new Int32Array(maxKey + 2);
  for (let i = 0; i < n; i++) starts[(keys[i] as number) + 1] = (starts[(keys[i] as number) + 1] as number) + 1;
  for (let k = 1; k < starts.length; k++) starts[k] = (starts[k] as number) + (starts[k - 1] as number);
  const fill = starts.slice();
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i] as number;
    order[fill[k] as number] = i;
    fill[k] = (fill[k] as number) + 1;
  }
  return { order, starts };
}

function customerFeatures(log: FeatureLog, loc: TerminalLocations, X: Float32Array): void {
  const n = log.length;
  const { order, starts } = groupBy(log.customer, n);
  // columns gathered in group order so every window scan reads contiguous memory
  const time = new Float64Array(n);
  const amt = new Float64Array(n);
  const term = new Int32Array(n);
  const tx = new Float64Array(n);
  const ty = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const i = order[p] as number;
    time[p] = log.epoch[i] as number;
    amt[p] = log.amount[i] as number;
    const t = log.terminal[i] as number;
    term[p] = t;
    tx[p] = loc.x[t] as number;
    ty[p] = loc.y[t] as number;
  }
  const newTerm = new Uint8Array(n);
  const W1 = DAY_SECONDS,
    W7 = 7 * DAY_SECONDS,
    W30 = 30 * DAY_SECONDS;
  for (let g = 0; g + 1 < starts.length; g++) {
    const p0 = starts[g] as number,
      p1 = starts[g + 1] as number;
    if (p0 === p1) continue;
    let lo1 = p0,
      lo7 = p0,
      lo30 = p0,
      lo1h = p0,
      lo10m = p0;
    let s1 = 0,
      s7 = 0,
      s30 = 0,
      sx = 0,
      sy = 0,
      new1h = 0;
    for (let p = p0; p < p1; p++) {
      const t = time[p] as number;
      const a = amt[p] as number;
      const tm = term[p] as number;
      // slide every window so it holds this customer's earlier rows with time > t - w
      for (; lo30 < p && (time[lo30] as number) <= t - W30; lo30++) {
        s30 -= amt[lo30] as number;
        sx -= tx[lo30] as number;
        sy -= ty[lo30] as number;
      }
      for (; lo7 < p && (time[lo7] as number) <= t - W7; lo7++) s7 -= amt[lo7] as number;
      for (; lo1 < p && (time[lo1] as number) <= t - W1; lo1++) s1 -= amt[lo1] as number;
      for (; lo1h < p && (time[lo1h] as number) <= t - 3600; lo1h++) new1h -= newTerm[lo1h] as number;
      while (lo10m < p && (time[lo10m] as number) <= t - 600) lo10m++;
      const prev = p - lo30;
      let isNew = 1;
      for (let q = lo30; q < p; q++) {
        if ((term[q] as number) === tm) {
          isNew = 0;
          break;
        }
      }
      newTerm[p] = isNew;
      const row = (order[p] as number) * FEATURE_COUNT;
      X[row + F.AMOUNT_TO_CUSTOMER_AVG_30D] = ratioToAverage(a, s30, prev);
      X[row + F.CUSTOMER_NB_TX_10MIN] = p - lo10m;
      X[row + F.CUSTOMER_NB_TX_1H] = p - lo1h;
      X[row + F.LOG_SECONDS_SINCE_PREV_TX] =
        prev > 0 ? Math.log1p(t - (time[p - 1] as number)) : NO_PREVIOUS_TX_LOG_SECONDS;
      X[row + F.NEW_TERMINAL_30D] = isNew;
      X[row + F.CUSTOMER_NB_NEW_TERMINAL_1H] = new1h + isNew;
      X[row + F.DISTANCE_FROM_USUAL_AREA] =
        prev > 0 ? Math.hypot((tx[p] as number) - sx / prev, (ty[p] as number) - sy / prev) : 0;
      s1 += a;
      s7 += a;
      s30 += a;
      sx += tx[p] as number;
      sy += ty[p] as number;
      new1h += isNew;
      const c1 = p - lo1 + 1,
        c7 = p - lo7 + 1,
        c30 = p - lo30 + 1;
      X[row + F.CUSTOMER_ID_NB_TX_1DAY_WINDOW] = c1;
      X[row + F.CUSTOMER_ID_AVG_AMOUNT_1DAY_WINDOW] = s1 / c1;
      X[row + F.CUSTOMER_ID_NB_TX_7DAY_WINDOW] = c7;
      X[row + F.CUSTOMER_ID_AVG_AMOUNT_7DAY_WINDOW] = s7 / c7;
      X[row + F.CUSTOMER_ID_NB_TX_30DAY_WINDOW] = c30;
      X[row + F.CUSTOMER_ID_AVG_AMOUNT_30DAY_WINDOW] = s30 / c30;
    }
  }
}

function terminalFeatures(log: FeatureLog, delay: number, X: Float32Array): void {
  const n = log.length;
  const { order, starts } = groupBy(log.terminal, n);
  // times and cumulative fraud counts in group order, so the window scans read contiguous memory
  const time = new Float64Array(n);
  const frauds = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) time[p] = log.epoch[order[p] as number] as number;
  const W1 = DAY_SECONDS,
    W7 = 7 * DAY_SECONDS,
    W30 = 30 * DAY_SECONDS;
  for (let g = 0; g + 1 < starts.length; g++) {
    const p0 = starts[g] as number,
      p1 = starts[g + 1] as number;
    if (p0 === p1) continue;
    for (let p = p0; p < p1; p++)
      frauds[p + 1] = (frauds[p] as number) + ((log.fraudLabel[order[p] as number] as number) > 0 ? 1 : 0);
    let hi = p0,
      lo1 = p0,
      lo7 = p0,
      lo30 = p0;
    for (let p = p0; p < p1; p++) {
      const i = order[p] as number;
      const upper = (time[p] as number) - delay;
      while (hi < p && (time[hi] as number) <= upper) hi++;
      while (lo30 < hi && (time[lo30] as number) <= upper - W30) lo30++;
      while (lo7 < hi && (time[lo7] as number) <= upper - W7) lo7++;
      while (lo1 < hi && (time[lo1] as number) <= upper - W1) lo1++;
      const row = i * FEATURE_COUNT;
      const fHi = frauds[hi] as number;
      const nb1 = hi - lo1,
        nb7 = hi - lo7,
        nb30 = hi - lo30;
      X[row + F.TERMINAL_ID_NB_TX_1DAY_WINDOW] = nb1;
      X[row + F.TERMINAL_ID_RISK_1DAY_WINDOW] = nb1 > 0 ? (fHi - (frauds[lo1] as number)) / nb1 : 0;
      X[row + F.TERMINAL_ID_NB_TX_7DAY_WINDOW] = nb7;
      X[row + F.TERMINAL_ID_RISK_7DAY_WINDOW] = nb7 > 0 ? (fHi - (frauds[lo7] as number)) / nb7 : 0;
      X[row + F.TERMINAL_ID_NB_TX_30DAY_WINDOW] = nb30;
      X[row + F.TERMINAL_ID_RISK_30DAY_WINDOW] = nb30 > 0 ? (fHi - (frauds[lo30] as number)) / nb30 : 0;
    }
  }
}
