// Scores an applicant with the credit challenger and explains it: exact TreeSHAP values in log-odds, scaled to
// scorecard points so base points + Σ contributions = points; reasons are the contributions that cost most points.
import type { BilingualText } from "../../../shared/locale.js";
import { ApplicantSchema } from "../applicant-schema.js";
import type { FeatureRow } from "../feature-table.js";
import { toFeatureRow } from "../native-features.js";
import { reasonCode, reasonText, type ReasonDirection } from "../reason-texts.js";
import { logOddsToPoints } from "../scaling.js";
import type { CreditGbtModel, GbtFeature } from "./credit-gbt-artefact.js";
import { encodeRow } from "./gbt-features.js";
import { predictTree } from "./grow-monotone-tree.js";
import { addTreeShap } from "./tree-shap.js";

/** One reason an applicant lost points, in both languages. */
export interface CreditGbtReason {
  code: string;
  text: BilingualText;
  pointsLost: number;
}

/** A scored applicant: points, probability of default, reasons, and the full additive breakdown. */
export interface CreditGbtScore {
  points: number;
  probability: number;
  reasons: CreditGbtReason[];
  /** Points of an applicant with nothing known (the model's expected output). */
  basePoints: number;
  /** Every feature's signed points contribution; basePoints + Σ points = points. */
  contributions: { feature: string; points: number }[];
}

/** Log-odds of default of an encoded row (no explanation). */
export function predictLogOdds(model: CreditGbtModel, x: ArrayLike<number>): number {
  return model.trees.reduce((sum, tree) => sum + predictTree(tree, x), model.bias);
}

/** Exact SHAP values (log-odds of default) of the whole ensemble for an encoded row, and the row's log-odds. */
export function explainLogOdds(model: CreditGbtModel, x: ArrayLike<number>): { logOdds: number; phi: Float64Array } {
  const phi = new Float64Array(model.features.length);
  let logOdds = model.bias;
  for (const tree of model.trees) {
    logOdds += predictTree(tree, x);
    addTreeShap(tree, x, phi);
  }
  return { logOdds, phi };
}

function direction(feature: GbtFeature, encoded: number): ReasonDirection {
  if (Number.isNaN(encoded)) return "missing";
  if (feature.kind === "categorical") return "category";
  if (feature.monotone !== 0) return feature.monotone === 1 ? "high" : "low";
  return feature.median !== null && encoded < feature.median ? "low" : "high";
}

function wording(feature: GbtFeature, raw: FeatureRow[string] | undefined, encoded: number): CreditGbtReason {
  const dir = direction(feature, encoded);
  const described = {
    name: feature.name,
    kind: feature.kind,
    format: feature.format,
    label: feature.label,
    ...(feature.categoryLabels ? { categoryLabels: feature.categoryLabels } : {}),
    trend: "none" as const,
    iv: 0,
    coefficient: 0,
    bins: [],
  };
  return { code: reasonCode(feature.name, dir), text: reasonText(described, dir, raw), pointsLost: 0 };
}

/** Turns an applicant (or an already-derived feature row) into the model's feature row. */
function toRow(applicant: unknown): FeatureRow {
  const parsed = ApplicantSchema.safeParse(applicant);
  if (parsed.success) return toFeatureRow(parsed.data);
  const row: FeatureRow = {};
  if (typeof applicant === "object" && applicant !== null)
    for (const [k, v] of Object.entries(applicant))
      if (v === null || typeof v === "number" || typeof v === "string") row[k] = v;
  return row;
}

/** Scores an applicant (a full Applicant or a feature row) with up to maxReasons reasons, most points lost first. */
export function scoreCreditGbt(model: CreditGbtModel, applicant: unknown, maxReasons = 4): CreditGbtScore {
  const row = toRow(applicant);
  const x = encodeRow(model.features, row);
  const { logOdds, phi } = explainLogOdds(model, x);
  const s = model.scaling;
  const contributions = model.features.map((f, j) => ({ feature: f.name, points: -s.factor * (phi[j] as number) }));
  const reasons = model.features
    .map((f, j) => ({ f, j, points: (contributions[j] as { points: number }).points }))
    .filter((c) => c.points < 0)
    .sort((a, b) => a.points - b.points)
    .slice(0, maxReasons)
    .map(({ f, j, points }) => ({ ...wording(f, row[f.name], x[j] as number), pointsLost: -points }));
  return {
    points: logOddsToPoints(logOdds, s),
    probability: 1 / (1 + Math.exp(-logOdds)),
    reasons,
    basePoints: logOddsToPoints(model.expectedLogOdds, s),
    contributions,
  };
}
