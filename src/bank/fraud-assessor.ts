// Assesses a stored transaction with the online feature path: rebuilds the customer's and terminal's recent
// history from the store, featurises the transaction and scores it with the loaded model.
import { err, ok, type Result } from "../shared/result.js";
import { createOnlineFeatureState } from "../scoring/fraud/online-feature-state.js";
import { createFraudScorer } from "../scoring/fraud/fraud-scorer.js";
import type { FraudModelArtefact, FraudThresholds } from "../scoring/fraud/fraud-model-artefact.js";
import type { FraudAssessment } from "./bank-schemas.js";
import type { BankStore, FeatureContext } from "./bank-store.js";

/** Scores stored transactions on demand. */
export interface FraudAssessor {
  /** Probability, level and bilingual reasons for one transaction. */
  assessTransaction(transactionId: string): Result<FraudAssessment, "not_found">;
}

/** Featurises a transaction from its stored context with the same code that scores live payments. */
export function featuriseFromContext(ctx: FeatureContext, delayDays: number): Float32Array {
  const customerIds = new Map<string, number>();
  const terminalIds = new Map<string, number>();
  const xs: number[] = [];
  const ys: number[] = [];
  const idOf = (map: Map<string, number>, key: string): number => {
    let v = map.get(key);
    if (v === undefined) {
      v = map.size;
      map.set(key, v);
    }
    return v;
  };
  const terminal = (id: string): number => {
    const before = terminalIds.size;
    const t = idOf(terminalIds, id);
    if (t === before) {
      const loc = ctx.locations.get(id) ?? { x: 0, y: 0 };
      xs.push(loc.x);
      ys.push(loc.y);
    }
    return t;
  };
  const state = createOnlineFeatureState({ locations: { x: xs, y: ys }, delayDays, capacity: ctx.history.length + 1 });
  for (const r of ctx.history)
    state.add(
      { epoch: r.epoch, customer: idOf(customerIds, r.customerId), terminal: terminal(r.terminalId), amount: r.amount },
      r.fraud,
    );
  const t = ctx.target;
  return state.featurise({
    epoch: t.epoch,
    customer: idOf(customerIds, t.customerId),
    terminal: terminal(t.terminalId),
    amount: t.amount,
  });
}

/** Builds an assessor over a store and a loaded model artefact; `thresholds` override the artefact's. */
export function createFraudAssessor(deps: {
  store: BankStore;
  model: FraudModelArtefact;
  thresholds?: Partial<FraudThresholds>;
}): FraudAssessor {
  const scorer = createFraudScorer(deps.model, deps.thresholds);
  return {
    assessTransaction(transactionId) {
      const ctx = deps.store.getFeatureContext(transactionId, deps.model.labelDelayDays);
      if (!ctx) return err("not_found");
      const s = scorer.score(featuriseFromContext(ctx, deps.model.labelDelayDays));
      return ok({
        transactionId,
        probability: s.probability,
        level: s.level,
        reasons: s.reasons,
        modelVersion: scorer.modelVersion,
      });
    },
  };
}
