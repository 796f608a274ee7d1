// Retrains the fraud model on the bank's own history: analyst verdicts override reported labels, the label delay
// keeps the newest week out of training, and stored assessments can be refreshed with the new model.
import { computeFeatureMatrix } from "../scoring/fraud/batch-features.js";
import { DAY_SECONDS, DEFAULT_LABEL_DELAY_DAYS, FEATURE_COUNT } from "../scoring/fraud/fraud-features.js";
import { createFraudScorer } from "../scoring/fraud/fraud-scorer.js";
import type { FraudModelArtefact, FraudThresholds } from "../scoring/fraud/fraud-model-artefact.js";
import {
  defaultValidationFolds,
  trainFraudModel,
  type FraudCandidate,
  type TrainFraudResult,
} from "../scoring/fraud/train-fraud-model.js";
import type { FraudAssessment } from "./bank-schemas.js";
import type { BankStore } from "./bank-store.js";

/** Options of a retraining run. */
export interface TrainFromStoreOptions {
  candidates?: FraudCandidate[];
  thresholds?: FraudThresholds;
  /** Days of the final training window (ending where labels stop being known). */
  trainDays?: number;
  now?: Date;
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** The store's history as feature-ready columns. */
interface StoreLog {
  ids: string[];
  epoch: Float64Array;
  customer: Int32Array;
  terminal: Int32Array;
  amount: Float64Array;
  fraud: Uint8Array;
  day: Int32Array;
  startDate: string;
  X: Float32Array;
}

/** Reads and featurises every stored transaction (labels: analyst verdict, else reported). */
export function featuriseStore(store: BankStore, delayDays = DEFAULT_LABEL_DELAY_DAYS): StoreLog {
  const ids: string[] = [];
  const epochs: number[] = [];
  const cust: number[] = [];
  const term: number[] = [];
  const amounts: number[] = [];
  const labels: number[] = [];
  const customerIds = new Map<string, number>();
  const terminalIds = new Map<string, number>();
  const intern = (m: Map<string, number>, k: string): number => {
    let v = m.get(k);
    if (v === undefined) m.set(k, (v = m.size));
    return v;
  };
  store.forEachFeatureRow((r) => {
    ids.push(r.id);
    epochs.push(r.epoch);
    cust.push(intern(customerIds, r.customerId));
    term.push(intern(terminalIds, r.terminalId));
    amounts.push(r.amount);
    labels.push(r.fraud);
  });
  const locs = store.merchantLocations();
  const xs = new Float64Array(terminalIds.size);
  const ys = new Float64Array(terminalIds.size);
  for (const [id, k] of terminalIds) {
    const l = locs.get(id) ?? { x: 0, y: 0 };
    xs[k] = l.x;
    ys[k] = l.y;
  }
  const n = ids.length;
  const log = {
    length: n,
    epoch: Float64Array.from(epochs),
    customer: Int32Array.from(cust),
    terminal: Int32Array.from(term),
    amount: Float64Array.from(amounts),
    fraudLabel: Uint8Array.from(labels),
  };
  const first = n > 0 ? Math.floor((log.epoch[0] as number) / DAY_SECONDS) : 0;
  const day = new Int32Array(n);
  for (let i = 0; i < n; i++) day[i] = Math.floor((log.epoch[i] as number) / DAY_SECONDS) - first;
  const X = computeFeatureMatrix(log, { x: xs, y: ys }, { delayDays });
  return {
    ids,
    epoch: log.epoch,
    customer: log.customer,
    terminal: log.terminal,
    amount: log.amount,
    fraud: log.fraudLabel,
    day,
    startDate: new Date(first * DAY_SECONDS * 1000).toISOString().slice(0, 10),
    X,
  };
}

/** Trains a model on the store's labelled history; the artefact records how many analyst labels it used. */
export function trainFraudModelFromStore(
  store: BankStore,
  options: TrainFromStoreOptions = {},
): TrainFraudResult & { log: StoreLog } {
  const log = featuriseStore(store);
  options.onProgress?.("features", 1, 1);
  const n = log.ids.length;
  if (n === 0) throw new Error("trainFraudModelFromStore: the store has no transactions; seed it first (npm run seed)");
  const nDays = (log.day[n - 1] as number) + 1;
  const delay = DEFAULT_LABEL_DELAY_DAYS;
  const trainDays = Math.min(options.trainDays ?? 28, Math.max(1, nDays - delay));
  const labelFeedbackCount = countLabelledTransactions(store, new Set(log.ids));
  const result = trainFraudModel(
    {
      length: n,
      X: log.X,
      day: log.day,
      customer: log.customer,
      fraud: log.fraud,
      amount: log.amount,
      startDate: log.startDate,
    },
    {
      validationFolds: defaultValidationFolds(nDays, { trainDays: 14, delayDays: delay, folds: 3 }),
      finalTrainDays: { start: nDays - delay - trainDays, days: trainDays },
      ...(options.candidates ? { candidates: options.candidates } : {}),
      ...(options.thresholds ? { thresholds: options.thresholds } : {}),
      ...(options.now ? { now: options.now } : {}),
      labelFeedbackCount,
      onProgress: (d, t, label) => options.onProgress?.(`select: ${label}`, d, t),
    },
  );
  return { ...result, log };
}

/** Re-scores every stored transaction with a model (batch path) and saves the assessments. */
export function rescoreStore(
  store: BankStore,
  model: FraudModelArtefact,
  log: StoreLog = featuriseStore(store, model.labelDelayDays),
): { flagged: number } {
  const scorer = createFraudScorer(model);
  const n = log.ids.length;
  const probs = scorer.probabilities(log.X, n);
  const row = new Float32Array(FEATURE_COUNT);
  let flagged = 0;
  const batch: FraudAssessment[] = [];
  for (let i = 0; i < n; i++) {
    row.set(log.X.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT));
    const p = probs[i] as number;
    const level = scorer.level(p, row);
    const transactionId = log.ids[i] as string;
    if (level === "none")
      batch.push({ transactionId, probability: p, level, reasons: [], modelVersion: model.modelVersion });
    else {
      flagged++;
      batch.push({ transactionId, ...scorer.score(row), modelVersion: model.modelVersion });
    }
    if (batch.length >= 50_000) store.saveAssessments(batch.splice(0));
  }
  store.saveAssessments(batch);
  return { flagged };
}

function countLabelledTransactions(store: BankStore, known: Set<string>): number {
  const seen = new Set<string>();
  for (const l of store.listFraudLabels({ limit: 1_000_000 }))
    if (known.has(l.transactionId)) seen.add(l.transactionId);
  return seen.size;
}
