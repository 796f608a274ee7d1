// Trains the credit challenger: logistic-loss gradient boosting of shallow monotone trees with shrinkage and
// seeded row subsampling, refusing protected characteristics, packaged as a versioned artefact.
import { createRng } from "../../../shared/random.js";
import type { Applicant } from "../applicant-schema.js";
import { toNativeTable } from "../default-scorecard.js";
import type { LabelledTable } from "../feature-table.js";
import { isProtectedAttribute } from "../protected-attributes.js";
import { createScaling, DEFAULT_SCALING, type ScalingSettings } from "../scaling.js";
import type { DatasetKind } from "../scorecard-artefact.js";
import {
  CreditGbtModelSchema,
  GbtParamsSchema,
  type CreditGbtModel,
  type GbtParams,
  type GbtTree,
  type Monotone,
} from "./credit-gbt-artefact.js";
import { fitGbtFeatures } from "./gbt-features.js";
import { binMatrix, growMonotoneTree, predictTree } from "./grow-monotone-tree.js";
import { expectedTreeValue } from "./tree-shap.js";

/** How a challenger is trained and labelled. */
export interface TrainCreditChallengerOptions {
  /** Boosting settings (defaults: 300 trees, depth 3, rate 0.05, 20-row leaves, 80% subsample). */
  params?: Partial<GbtParams>;
  /** Per-feature monotone directions replacing those implied by the scorecard trends. */
  monotone?: Readonly<Record<string, Monotone>>;
  scaling?: ScalingSettings;
  dataset?: DatasetKind;
  createdAt?: string;
  version?: string;
}

/** Thrown when a protected characteristic is offered as an input: a caller bug, never a data condition. */
export class ProtectedAttributeError extends Error {
  override readonly name = "ProtectedAttributeError";
}

const sigmoid = (m: number): number => 1 / (1 + Math.exp(-m));

/** Trains monotone-constrained gradient-boosted trees on a labelled table (label 1 = defaulted). */
export function trainCreditChallenger(
  table: LabelledTable,
  options: TrainCreditChallengerOptions = {},
): CreditGbtModel {
  const refused = table.specs.filter((s) => isProtectedAttribute(s.name)).map((s) => s.name);
  if (refused.length > 0)
    throw new ProtectedAttributeError(`protected characteristics cannot be credit inputs: ${refused.join(", ")}`);
  const n = table.rows.length;
  if (n === 0) throw new Error("cannot train the credit challenger on an empty table");
  const params = GbtParamsSchema.parse(options.params ?? {});
  const { features, matrix } = fitGbtFeatures(table, options.monotone);
  const data = binMatrix(matrix, features.length, params.maxBins);
  const monotone = features.map((f) => f.monotone);
  const bads = table.labels.reduce((s, l) => s + l, 0);
  const prior = Math.min(Math.max(bads / n, 1e-6), 1 - 1e-6);
  const bias = Math.log(prior / (1 - prior));
  const margin = new Float64Array(n).fill(bias);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const rng = createRng(params.seed);
  const sampleSize = Math.max(1, Math.round(params.subsample * n));
  const all = Array.from({ length: n }, (_, i) => i);
  const trees: GbtTree[] = [];
  for (let t = 0; t < params.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(margin[i] as number);
      grad[i] = p - (table.labels[i] as number);
      hess[i] = Math.max(p * (1 - p), 1e-12);
    }
    const rows =
      sampleSize >= n ? Int32Array.from(all) : Int32Array.from(rng.shuffle([...all]).slice(0, sampleSize)).sort();
    const tree = growMonotoneTree(data, grad, hess, rows, monotone, params);
    for (let i = 0; i < n; i++) margin[i] = (margin[i] as number) + predictTree(tree, matrix[i] as Float64Array);
    trees.push(tree);
  }
  const createdAt = options.createdAt ?? new Date().toISOString();
  const dataset = options.dataset ?? "native";
  return CreditGbtModelSchema.parse({
    kind: "harbor-credit-gbt",
    formatVersion: 1,
    version: options.version ?? `gbt-${dataset}-${createdAt.slice(0, 19).replace(/[-:T]/g, "")}`,
    dataset,
    createdAt,
    params,
    scaling: createScaling(options.scaling ?? DEFAULT_SCALING),
    bias,
    expectedLogOdds: trees.reduce((s, tr) => s + expectedTreeValue(tr), bias),
    features,
    trees,
    trainingData: { rows: n, badRate: bads / n },
  });
}

/** Trains the challenger on the bank's own applicants and their outcomes (1 = defaulted). */
export function trainCreditChallengerOnApplicants(
  entries: readonly { applicant: Applicant; defaulted: number }[],
  options: TrainCreditChallengerOptions = {},
): CreditGbtModel {
  return trainCreditChallenger(toNativeTable(entries), { dataset: "native", ...options });
}
