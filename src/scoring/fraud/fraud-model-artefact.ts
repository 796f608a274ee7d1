// The versioned fraud-model artefact: schema, parsing with clear refusals (corrupt JSON, wrong format, feature
// mismatch), and writing under var/.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { err, ok, type Result } from "../../shared/result.js";
import { FEATURE_COUNT, FRAUD_FEATURES } from "./fraud-features.js";
import { GbdtModelSchema } from "./gradient-boosted-trees.js";
import { FraudLogisticModelSchema } from "./logistic-regression.js";

/** Artefact format version; bump when the layout changes so old files are refused instead of misread. */
export const FRAUD_ARTEFACT_VERSION = 1;

/** AUC ROC, average precision and Card Precision@100 of one evaluation. */
export interface FraudMetrics {
  auc: number;
  ap: number;
  cpk: number;
}

/** Metrics as stored: null where undefined (e.g. a fold without frauds). */
export const StoredFraudMetricsSchema = z.object({
  auc: z.number().nullable(),
  ap: z.number().nullable(),
  cpk: z.number().nullable(),
});

/** Probability cut-offs for the review and block levels. */
export const FraudThresholdsSchema = z
  .object({ review: z.number().min(0).max(1), block: z.number().min(0).max(1) })
  .refine((t) => t.review <= t.block, "review threshold must not exceed block threshold");
/** Probability cut-offs. */
export type FraudThresholds = z.infer<typeof FraudThresholdsSchema>;

/** One model of the (possibly single-member) blend: probability = Σ weight × member probability. */
export const BlendMemberSchema = z.object({
  weight: z.number().min(0),
  model: z.discriminatedUnion("kind", [FraudLogisticModelSchema, GbdtModelSchema]),
});

/** The stored model: what it is, how it was chosen and on which data it was trained. */
export const FraudModelArtefactSchema = z.object({
  format: z.literal("harbor-fraud-model"),
  artefactVersion: z.literal(FRAUD_ARTEFACT_VERSION),
  modelVersion: z.string().min(1),
  createdAt: z.string(),
  candidate: z.string(),
  features: z.array(z.string()),
  labelDelayDays: z.number().int().min(0),
  members: z.array(BlendMemberSchema).min(1),
  thresholds: FraudThresholdsSchema,
  metrics: z.object({
    validation: StoredFraudMetricsSchema,
    candidates: z.array(z.object({ name: z.string(), validation: StoredFraudMetricsSchema })),
  }),
  training: z.object({
    dataHash: z.string(),
    rows: z.number().int(),
    frauds: z.number().int(),
    labelFeedbackCount: z.number().int().min(0),
    firstDay: z.string(),
    lastDay: z.string(),
  }),
});
/** The stored fraud model. */
export type FraudModelArtefact = z.infer<typeof FraudModelArtefactSchema>;

/** Parses and checks an artefact's JSON text; refuses corrupt files and models built for another feature list. */
export function parseFraudModel(text: string): Result<FraudModelArtefact, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return err(`fraud model artefact is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = FraudModelArtefactSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    return err(`fraud model artefact failed validation: ${issues.join("; ")}`);
  }
  const a = parsed.data;
  if (a.features.length !== FEATURE_COUNT || a.features.some((f, i) => f !== FRAUD_FEATURES[i])) {
    return err(
      `fraud model artefact was trained on features [${a.features.join(", ")}] but this build computes [${FRAUD_FEATURES.join(", ")}]; retrain with npm run train:fraud`,
    );
  }
  for (const m of a.members) {
    const model = m.model;
    if (
      model.kind === "logistic" &&
      (model.weights.length !== FEATURE_COUNT ||
        model.mean.length !== FEATURE_COUNT ||
        model.scale.length !== FEATURE_COUNT)
    ) {
      return err("fraud model artefact has a logistic member whose weight count does not match the feature list");
    }
    if (model.kind === "gbdt") {
      for (const t of model.trees) {
        const n = t.feature.length;
        const sizes = [t.threshold.length, t.left.length, t.right.length, t.value.length];
        if (n === 0 || sizes.some((s) => s !== n)) return err("fraud model artefact has a malformed tree");
        for (let k = 0; k < n; k++) {
          const f = t.feature[k] as number;
          if (f >= FEATURE_COUNT) return err(`fraud model artefact has a tree splitting on unknown feature ${f}`);
          if (
            f >= 0 &&
            ((t.left[k] as number) <= k ||
              (t.left[k] as number) >= n ||
              (t.right[k] as number) <= k ||
              (t.right[k] as number) >= n)
          ) {
            return err("fraud model artefact has a tree with an invalid child index");
          }
        }
      }
    }
  }
  return ok(a);
}

/** Reads and checks an artefact file. */
export function loadFraudModelFile(file: string): Result<FraudModelArtefact, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    return err(`cannot read fraud model artefact ${file}: ${(e as Error).message}`);
  }
  const r = parseFraudModel(text);
  return r.ok ? r : err(`${file}: ${r.error}`);
}

/** Writes an artefact atomically (temp file then rename), creating folders as needed. */
export function saveFraudModelFile(file: string, artefact: FraudModelArtefact): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(artefact));
  fs.renameSync(tmp, file);
}
