// Running per-customer and per-terminal history so one new transaction is featurised in microseconds, by walking
// back through linked lists of that customer's and terminal's recent transactions.
import {
  DAY_SECONDS,
  DEFAULT_LABEL_DELAY_DAYS,
  F,
  FEATURE_COUNT,
  NO_PREVIOUS_TX_LOG_SECONDS,
  isNight,
  isWeekend,
  type FeatureTransaction,
  type TerminalLocations,
} from "./fraud-features.js";

/** Live feature state: featurise a transaction from history, then append it (with its label when known). */
export interface OnlineFeatureState {
  /** Features of `tx` given everything added so far (does not add it). */
  featurise(tx: FeatureTransaction, out?: Float32Array): Float32Array;
  /** Appends a transaction to history; `fraudLabel` feeds terminal risk once older than the label delay. Returns its index. */
  add(tx: FeatureTransaction, fraudLabel: number): number;
  /** Records a label that arrived later (analyst feedback, chargeback). */
  setLabel(index: number, fraudLabel: number): void;
  /** Number of transactions in history. */
  size(): number;
}

/** Creates an empty state; transactions must be added in time order. */
export function createOnlineFeatureState(options: {
  locations: TerminalLocations;
  delayDays?: number;
  capacity?: number;
}): OnlineFeatureState {
  const delay = (options.delayDays ?? DEFAULT_LABEL_DELAY_DAYS) * DAY_SECONDS;
  const { locations } = options;
  let cap = Math.max(64, options.capacity ?? 1024);
  let epoch = new Float64Array(cap);
  let amount = new Float64Array(cap);
  let terminal = new Int32Array(cap);
  let label = new Uint8Array(cap);
  let newTerm = new Uint8Array(cap);
  let prevCust = new Int32Array(cap);
  let prevTerm = new Int32Array(cap);
  let n = 0;
  const lastCust = new Map<number, number>();
  const lastTerm = new Map<number, number>();

  const grow = (): void => {
    cap *= 2;
    const g = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (k: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    epoch = g(epoch, (k) => new Float64Array(k));
    amount = g(amount, (k) => new Float64Array(k));
    terminal = g(terminal, (k) => new Int32Array(k));
    label = g(label, (k) => new Uint8Array(k));
    newTerm = g(newTerm, (k) => new Uint8Array(k));
    prevCust = g(prevCust, (k) => new Int32Array(k));
    prevTerm = g(prevTerm, (k) => new Int32Array(k));
  };

  /** Walks the customer's last 30 days; returns whether the terminal is new and fills the customer features. */
  const customerPart = (tx: FeatureTransaction, out: Float32Array): boolean => {
    const t = tx.epoch;
    let c1 = 1,
      s1 = tx.amount,
      c7 = 1,
      s7 = tx.amount,
      c30 = 1,
      s30 = tx.amount;
    let n10m = 0,
      n1h = 0,
      newIn1h = 0,
      sx = 0,
      sy = 0,
      seen = false;
    let sincePrev = -1;
    for (let i = lastCust.get(tx.customer) ?? -1; i >= 0; i = prevCust[i] as number) {
      const e = epoch[i] as number;
      if (e <= t - 30 * DAY_SECONDS) break;
      const a = amount[i] as number;
      const dt = t - e;
      if (sincePrev < 0) sincePrev = dt;
      c30++;
      s30 += a;
      if (e > t - 7 * DAY_SECONDS) {
        c7++;
        s7 += a;
      }
      if (e > t - DAY_SECONDS) {
        c1++;
        s1 += a;
      }
      if (e > t - 3600) {
        n1h++;
        newIn1h += newTerm[i] as number;
      }
      if (e > t - 600) n10m++;
      const term = terminal[i] as number;
      if (term === tx.terminal) seen = true;
      sx += locations.x[term] as number;
      sy += locations.y[term] as number;
    }
    const prev = c30 - 1;
    out[F.CUSTOMER_ID_NB_TX_1DAY_WINDOW] = c1;
    out[F.CUSTOMER_ID_AVG_AMOUNT_1DAY_WINDOW] = s1 / c1;
    out[F.CUSTOMER_ID_NB_TX_7DAY_WINDOW] = c7;
    out[F.CUSTOMER_ID_AVG_AMOUNT_7DAY_WINDOW] = s7 / c7;
    out[F.CUSTOMER_ID_NB_TX_30DAY_WINDOW] = c30;
    out[F.CUSTOMER_ID_AVG_AMOUNT_30DAY_WINDOW] = s30 / c30;
    out[F.AMOUNT_TO_CUSTOMER_AVG_30D] = ratioToAverage(tx.amount, s30 - tx.amount, prev);
    out[F.CUSTOMER_NB_TX_10MIN] = n10m;
    out[F.CUSTOMER_NB_TX_1H] = n1h;
    out[F.LOG_SECONDS_SINCE_PREV_TX] = sincePrev < 0 ? NO_PREVIOUS_TX_LOG_SECONDS : Math.log1p(sincePrev);
    out[F.NEW_TERMINAL_30D] = seen ? 0 : 1;
    out[F.CUSTOMER_NB_NEW_TERMINAL_1H] = newIn1h + (seen ? 0 : 1);
    out[F.DISTANCE_FROM_USUAL_AREA] = prev > 0 ? distance(tx.terminal, sx / prev, sy / prev, locations) : 0;
    return !seen;
  };

  const terminalPart = (tx: FeatureTransaction, out: Float32Array): void => {
    const upper = tx.epoch - delay;
    let n1 = 0,
      f1 = 0,
      n7 = 0,
      f7 = 0,
      n30 = 0,
      f30 = 0;
    for (let j = lastTerm.get(tx.terminal) ?? -1; j >= 0; j = prevTerm[j] as number) {
      const e = epoch[j] as number;
      if (e <= upper - 30 * DAY_SECONDS) break;
      if (e > upper) continue;
      const l = label[j] as number;
      n30++;
      f30 += l;
      if (e > upper - 7 * DAY_SECONDS) {
        n7++;
        f7 += l;
      }
      if (e > upper - DAY_SECONDS) {
        n1++;
        f1 += l;
      }
    }
    out[F.TERMINAL_ID_NB_TX_1DAY_WINDOW] = n1;
    out[F.TERMINAL_ID_RISK_1DAY_WINDOW] = n1 > 0 ? f1 / n1 : 0;
    out[F.TERMINAL_ID_NB_TX_7DAY_WINDOW] = n7;
    out[F.TERMINAL_ID_RISK_7DAY_WINDOW] = n7 > 0 ? f7 / n7 : 0;
    out[F.TERMINAL_ID_NB_TX_30DAY_WINDOW] = n30;
    out[F.TERMINAL_ID_RISK_30DAY_WINDOW] = n30 > 0 ? f30 / n30 : 0;
  };

  return {
    featurise(tx, out = new Float32Array(FEATURE_COUNT)) {
      out[F.TX_AMOUNT] = tx.amount;
      out[F.TX_DURING_WEEKEND] = isWeekend(tx.epoch) ? 1 : 0;
      out[F.TX_DURING_NIGHT] = isNight(tx.epoch) ? 1 : 0;
      customerPart(tx, out);
      terminalPart(tx, out);
      return out;
    },
    add(tx, fraudLabel) {
      const scratch = new Float32Array(FEATURE_COUNT);
      const isNew = customerPart(tx, scratch);
      if (n === cap) grow();
      const i = n++;
      epoch[i] = tx.epoch;
      amount[i] = tx.amount;
      terminal[i] = tx.terminal;
      label[i] = fraudLabel;
      newTerm[i] = isNew ? 1 : 0;
      prevCust[i] = lastCust.get(tx.customer) ?? -1;
      prevTerm[i] = lastTerm.get(tx.terminal) ?? -1;
      lastCust.set(tx.customer, i);
      lastTerm.set(tx.terminal, i);
      return i;
    },
    setLabel(index, fraudLabel) {
      if (index < 0 || index >= n) throw new RangeError(`no transaction at index ${index}`);
      label[index] = fraudLabel;
    },
    size: () => n,
  };
}

/** Amount over the mean of the customer's earlier amounts; 1 when there is no history to compare with. */
export function ratioToAverage(amount: number, previousSum: number, previousCount: number): number {
  if (previousCount <= 0) return 1;
  const avg = previousSum / previousCount;
  return avg > 0.01 ? amount / avg : amount / 0.01;
}

function distance(term: number, cx: number, cy: number, loc: TerminalLocations): number {
  return Math.hypot((loc.x[term] as number) - cx, (loc.y[term] as number) - cy);
}
