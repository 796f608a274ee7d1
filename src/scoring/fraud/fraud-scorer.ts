// Scores feature rows with a loaded artefact: probability, level (model thresholds raised by rules) and reasons.
import { z } from "zod";
import { FEATURE_COUNT } from "./fraud-features.js";
import type { FraudModelArtefact, FraudThresholds } from "./fraud-model-artefact.js";
import { explainContributions, reasonText, FraudReasonSchema } from "./fraud-reasons.js";
import { compileGbdt, contributionsGbdt } from "./gradient-boosted-trees.js";
import { compileLogistic, contributionsLogistic } from "./logistic-regression.js";
import { evaluateFraudRules, maxLevel, type FraudLevel } from "./fraud-rules.js";

/** Risk level of a transaction. */
export const FraudLevelSchema = z.enum(["none", "review", "block"]);

/** What scoring one transaction yields (before it is tied to a stored transaction id). */
export const FraudScoreSchema = z.object({
  probability: z.number().min(0).max(1),
  level: FraudLevelSchema,
  reasons: z.array(FraudReasonSchema),
});
/** A scored transaction. */
export type FraudScore = z.infer<typeof FraudScoreSchema>;

/** Scores feature rows with one artefact. */
export interface FraudScorer {
  /** The artefact's model version, recorded with every stored assessment. */
  readonly modelVersion: string;
  /** Probability of fraud for row `row` of a row-major matrix (default: a single row). */
  probability(X: Float32Array, row?: number): number;
  /** Probabilities for the first n rows of a matrix (the batch path). */
  probabilities(X: Float32Array, n: number): Float64Array;
  /** Level from a probability and the rules fired on the row. */
  level(probability: number, x: ArrayLike<number>): FraudLevel;
  /** Probability, level and up to three reasons for one feature row. */
  score(x: Float32Array): FraudScore;
}

/** Builds a scorer; `thresholds` override the artefact's cut-offs (e.g. from config). */
export function createFraudScorer(artefact: FraudModelArtefact, thresholds?: Partial<FraudThresholds>): FraudScorer {
  const t = { ...artefact.thresholds, ...thresholds };
  const members = artefact.members;
  const compiled = members.map((m) => ({
    weight: m.weight,
    predict: m.model.kind === "gbdt" ? compileGbdt(m.model, FEATURE_COUNT) : compileLogistic(m.model, FEATURE_COUNT),
  }));
  const probability = (X: Float32Array, row = 0): number => {
    let p = 0;
    for (const m of compiled) p += m.weight * m.predict(X, row);
    return p;
  };
  const level = (p: number, x: ArrayLike<number>): FraudLevel => {
    let lv: FraudLevel = p >= t.block ? "block" : p >= t.review ? "review" : "none";
    for (const r of evaluateFraudRules(x)) lv = maxLevel(lv, r.level);
    return lv;
  };
  return {
    modelVersion: artefact.modelVersion,
    probability,
    probabilities(X, n) {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = probability(X, i);
      return out;
    },
    level,
    score(x) {
      const p = probability(x, 0);
      const contrib = new Float64Array(FEATURE_COUNT);
      for (const m of members) {
        const c =
          m.model.kind === "gbdt"
            ? contributionsGbdt(m.model, x, FEATURE_COUNT)
            : contributionsLogistic(m.model, x, FEATURE_COUNT);
        for (let j = 0; j < FEATURE_COUNT; j++) contrib[j] = (contrib[j] as number) + m.weight * (c[j] as number);
      }
      const reasons = explainContributions(x, contrib);
      for (const r of evaluateFraudRules(x)) {
        if (!reasons.some((q) => q.code === r.code))
          reasons.push({ code: r.code, text: reasonText(r.code, x), contribution: 0 });
      }
      return { probability: Math.min(1, Math.max(0, p)), level: level(p, x), reasons };
    },
  };
}
