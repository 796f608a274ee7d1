// The Handbook's evaluation protocol: train/delay/test windows by day, removal of cards already known compromised,
// and Card Precision@k computed per day over cards.
import { averagePrecision, rocAuc } from "../../shared/metrics.js";

/** Day indices of one fold: [trainStart, trainStart+trainDays) train, then `delayDays` skipped, then the test days. */
export interface Fold {
  trainStart: number;
  trainDays: number;
  delayDays: number;
  testDays: number;
}

/** Columns the protocol needs: day index, card (customer) id, ground-truth label. */
export interface EvalColumns {
  length: number;
  day: ArrayLike<number>;
  customer: ArrayLike<number>;
  fraud: ArrayLike<number>;
}

/** Row indices of a fold's training days and its filtered test days (known-compromised cards removed, as the book does). */
export function foldRows(cols: EvalColumns, fold: Fold): { train: Int32Array; test: Int32Array } {
  const trainEnd = fold.trainStart + fold.trainDays;
  const testStart = trainEnd + fold.delayDays;
  const known = new Set<number>();
  const train: number[] = [];
  const byDay = new Map<number, number[]>();
  for (let i = 0; i < cols.length; i++) {
    const d = cols.day[i] as number;
    if (d >= fold.trainStart && d < trainEnd) {
      train.push(i);
      if (cols.fraud[i] === 1) known.add(cols.customer[i] as number);
    }
    if (d >= trainEnd - 1 && d < testStart + fold.testDays) {
      const list = byDay.get(d) ?? [];
      list.push(i);
      byDay.set(d, list);
    }
  }
  const test: number[] = [];
  for (let k = 0; k < fold.testDays; k++) {
    // frauds of the day `delay + 1` days before the test day have been reported by now
    for (const i of byDay.get(trainEnd + k - 1) ?? []) if (cols.fraud[i] === 1) known.add(cols.customer[i] as number);
    for (const i of byDay.get(testStart + k) ?? []) if (!known.has(cols.customer[i] as number)) test.push(i);
  }
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}

/** Card Precision@k: per day, rank cards by their highest score, precision among the top k; cards found earlier are dropped. */
export function cardPrecisionAtK(
  rows: ArrayLike<number>,
  cols: EvalColumns,
  scores: ArrayLike<number>,
  k = 100,
): number {
  const days = new Map<number, number[]>();
  for (let r = 0; r < rows.length; r++) {
    const d = cols.day[rows[r] as number] as number;
    const list = days.get(d) ?? [];
    list.push(r);
    days.set(d, list);
  }
  const detected = new Set<number>();
  const precisions: number[] = [];
  for (const d of [...days.keys()].sort((a, b) => a - b)) {
    const cards = new Map<number, { score: number; fraud: number }>();
    for (const r of days.get(d) ?? []) {
      const i = rows[r] as number;
      const c = cols.customer[i] as number;
      if (detected.has(c)) continue;
      const s = scores[r] as number;
      const cur = cards.get(c);
      if (!cur) cards.set(c, { score: s, fraud: cols.fraud[i] as number });
      else {
        cur.score = Math.max(cur.score, s);
        cur.fraud = Math.max(cur.fraud, cols.fraud[i] as number);
      }
    }
    const top = [...cards.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, k);
    let hits = 0;
    for (const [c, v] of top) {
      if (v.fraud === 1) {
        hits++;
        detected.add(c);
      }
    }
    precisions.push(hits / k);
  }
  return precisions.length ? precisions.reduce((a, b) => a + b, 0) / precisions.length : Number.NaN;
}

/** AUC ROC, average precision and CP@k of scores over a row subset. */
export function fraudMetrics(
  rows: ArrayLike<number>,
  cols: EvalColumns,
  scores: ArrayLike<number>,
  k = 100,
): { auc: number; ap: number; cpk: number } {
  const labels = new Uint8Array(rows.length);
  for (let r = 0; r < rows.length; r++) labels[r] = cols.fraud[rows[r] as number] as number;
  return {
    auc: rocAuc(labels, scores),
    ap: averagePrecision(labels, scores),
    cpk: cardPrecisionAtK(rows, cols, scores, k),
  };
}

/** Prequential folds as in the book's Chapter 5: `count` folds whose training starts shift back by `testDays` each. */
export function prequentialFolds(firstTrainStart: number, count: number, base: Omit<Fold, "trainStart">): Fold[] {
  return Array.from({ length: count }, (_, i) => ({ ...base, trainStart: firstTrainStart - i * base.testDays }));
}
