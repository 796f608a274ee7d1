// The retraining flow every model shares: make sure there is a champion (today's model is registered as the baseline
// the first time), train and store a challenger, evaluate both on the same sets, let the gate decide, audit it.
import type { ModelName, ModelRegistry } from "../../scoring/model-registry.js";
import { readChampionArtefact } from "../../scoring/model-registry.js";
import { decidePromotion, flattenMetrics, type EvaluationSet, type GatePolicy } from "../../scoring/promotion-gate.js";
import { err, ok, type Result } from "../../shared/result.js";

/** How one model is retrained and judged; artefacts travel as their JSON text. */
export interface Retrainer {
  policy: GatePolicy;
  /** Today's model as an artefact, registered as the first champion when the registry has none. */
  baseline(): Result<{ text: string; reason: string }>;
  /** Trains a challenger from the latest data; `forceWorse` deliberately degrades it (demo and tests). */
  challenger(forceWorse: boolean): Result<string>;
  /** Evaluates both models on the frozen held-out set (first) and the recent window, with any hard violations. */
  evaluate(championText: string, challengerText: string): Result<{ sets: EvaluationSet[]; violations: string[] }>;
}

/** What a retraining run decided: the CLI's last JSON line. */
export interface RetrainOutcome {
  model: ModelName;
  champion: string;
  challenger: string;
  promoted: boolean;
  metrics: Record<string, number | null>;
  reason: string;
}

/** Runs one retraining through the gate and records the decision in the registry. */
export function runRetrain(
  registry: ModelRegistry,
  model: ModelName,
  retrainer: Retrainer,
  options: { actor: string; forceWorse?: boolean; onStep?: (step: string) => void },
): Result<RetrainOutcome> {
  options.onStep?.("champion");
  const current = readChampionArtefact(registry, model);
  if (!current.ok) return current;
  let champion = current.value;
  if (!champion) {
    const base = retrainer.baseline();
    if (!base.ok) return err(`cannot build the baseline champion: ${base.error}`);
    const version = registry.save(model, base.value.text);
    const promoted = registry.promote(model, version, { actor: options.actor, reason: base.value.reason });
    if (!promoted.ok) return promoted;
    champion = { version, text: base.value.text };
  }
  options.onStep?.("challenger");
  const trained = retrainer.challenger(options.forceWorse ?? false);
  if (!trained.ok) return err(`training the challenger failed: ${trained.error}`);
  const challenger = registry.save(model, trained.value);
  options.onStep?.("evaluate");
  const evaluated = retrainer.evaluate(champion.text, trained.value);
  if (!evaluated.ok) return err(`evaluation failed: ${evaluated.error}`);
  options.onStep?.("decide");
  const decision = decidePromotion(retrainer.policy, evaluated.value.sets, evaluated.value.violations);
  const metrics = flattenMetrics(evaluated.value.sets);
  const reason = options.forceWorse ? `${decision.reason} (deliberately degraded challenger)` : decision.reason;
  if (challenger === champion.version) {
    registry.recordRefusal(model, challenger, { actor: options.actor, reason: "identical to the champion", metrics });
    return ok({
      model,
      champion: champion.version,
      challenger,
      promoted: false,
      metrics,
      reason: "refused: identical to the champion",
    });
  }
  if (decision.promote) {
    const promoted = registry.promote(model, challenger, { actor: options.actor, reason, metrics });
    if (!promoted.ok) return promoted;
  } else registry.recordRefusal(model, challenger, { actor: options.actor, reason, metrics });
  return ok({ model, champion: champion.version, challenger, promoted: decision.promote, metrics, reason });
}
