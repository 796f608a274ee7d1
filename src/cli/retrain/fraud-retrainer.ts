// Retraining the fraud model on the bank's history with the analysts' verdicts (fraud_labels override reported
// labels). The frozen held-out set is the simulated history's tail: the last label-delay days, which no model trains
// on. The recent window is every analyst-labelled transaction; verdicts older than the delay also train the
// challenger, so that window flatters it and the frozen tail is the fair comparison.
import type { BankStore } from "../../bank/bank-store.js";
import { SEED_CANDIDATES } from "../../bank/seed-bank.js";
import { featuriseStore, trainFraudModelFromStore } from "../../bank/train-fraud-from-store.js";
import { DEFAULT_LABEL_DELAY_DAYS } from "../../scoring/fraud/fraud-features.js";
import { parseFraudModel, type FraudModelArtefact } from "../../scoring/fraud/fraud-model-artefact.js";
import { createFraudScorer } from "../../scoring/fraud/fraud-scorer.js";
import { takeRows } from "../../scoring/fraud/train-fraud-model.js";
import type { EvaluationSet, GatePolicy } from "../../scoring/promotion-gate.js";
import { averagePrecision, rocAuc } from "../../shared/metrics.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { Retrainer } from "./run-retrain.js";

/** Target: average precision; guards: AUC and precision among transactions at or over the review threshold. */
export const FRAUD_POLICY: GatePolicy = {
  target: { name: "ap", tolerance: 0.01 },
  guards: [
    { name: "auc", tolerance: 0.01 },
    { name: "precision_at_review", tolerance: 0.05 },
  ],
};

// A deliberately degraded challenger: every member's evidence is turned upside down.
function degrade(a: FraudModelArtefact): FraudModelArtefact {
  return {
    ...a,
    modelVersion: `${a.modelVersion}-degraded`,
    members: a.members.map((m) => ({
      weight: m.weight,
      model:
        m.model.kind === "logistic"
          ? { ...m.model, weights: m.model.weights.map((w) => -w), intercept: -m.model.intercept }
          : {
              ...m.model,
              base: -m.model.base,
              trees: m.model.trees.map((t) => ({ ...t, value: t.value.map((v) => -v) })),
            },
    })),
  };
}

/** Builds the fraud retrainer over an open bank store and today's artefact text (the first champion). */
export function createFraudRetrainer(deps: {
  store: BankStore;
  baseline: () => Result<string>;
  now?: () => Date;
  onProgress?: (stage: string, done: number, total: number) => void;
}): Retrainer {
  const log = featuriseStore(deps.store);
  const n = log.ids.length;
  const lastDay = n > 0 ? (log.day[n - 1] as number) : 0;
  const tail: number[] = [];
  for (let i = 0; i < n; i++) if ((log.day[i] as number) > lastDay - DEFAULT_LABEL_DELAY_DAYS) tail.push(i);
  const labelled = new Set(deps.store.listFraudLabels({ limit: 1_000_000 }).map((l) => l.transactionId));
  const recent: number[] = [];
  log.ids.forEach((id, i) => {
    if (labelled.has(id)) recent.push(i);
  });
  const data = { ...log, length: n, startDate: log.startDate };
  const measure = (model: FraudModelArtefact, rows: readonly number[]): Record<string, number> => {
    const { X, y } = takeRows(data, rows);
    const p = createFraudScorer(model).probabilities(X, rows.length);
    let flagged = 0;
    let hits = 0;
    p.forEach((v, k) => {
      if (v >= model.thresholds.review) {
        flagged++;
        hits += y[k] ?? 0;
      }
    });
    return { ap: averagePrecision(y, p), auc: rocAuc(y, p), precision_at_review: flagged === 0 ? 0 : hits / flagged };
  };
  return {
    policy: FRAUD_POLICY,
    baseline() {
      const text = deps.baseline();
      return text.ok ? ok({ text: text.value, reason: "baseline: today's fraud model" }) : text;
    },
    challenger(forceWorse) {
      if (n === 0) return err("the bank has no transactions; run npm run seed first");
      const trained = trainFraudModelFromStore(deps.store, {
        candidates: SEED_CANDIDATES,
        ...(deps.now ? { now: deps.now() } : {}),
        ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
      }).artefact;
      return ok(JSON.stringify(forceWorse ? degrade(trained) : trained));
    },
    evaluate(championText, challengerText) {
      const a = parseFraudModel(championText);
      if (!a.ok) return err(`champion: ${a.error}`);
      const b = parseFraudModel(challengerText);
      if (!b.ok) return err(`challenger: ${b.error}`);
      const sets: EvaluationSet[] = [
        { name: "held_out", n: tail.length, champion: measure(a.value, tail), challenger: measure(b.value, tail) },
        { name: "recent", n: recent.length, champion: measure(a.value, recent), challenger: measure(b.value, recent) },
      ];
      return ok({ sets, violations: [] });
    },
  };
}
