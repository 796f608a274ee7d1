// The versioned artefact of the credit challenger (monotone gradient-boosted trees): its zod schema, and
// saving/loading with a checksum so a corrupt, hand-edited or protected-attribute model is refused, not scored.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { sha256 } from "../../../shared/hash.js";
import { BilingualTextSchema } from "../../../shared/locale.js";
import { err, ok, type Result } from "../../../shared/result.js";
import { ValueFormatSchema } from "../feature-table.js";
import { isProtectedAttribute } from "../protected-attributes.js";
import { isScalingConsistent, ScalingSchema } from "../scaling.js";
import { DatasetKindSchema } from "../scorecard-artefact.js";

/** Direction risk must move with a feature: 1 = riskier as it grows, -1 = safer as it grows, 0 = free. */
export const MonotoneSchema = z.union([z.literal(-1), z.literal(0), z.literal(1)]);
/** A monotone direction. */
export type Monotone = z.infer<typeof MonotoneSchema>;

/** One model input: how its raw value becomes a number, and the direction the trees must respect. */
export const GbtFeatureSchema = z.object({
  name: z.string().min(1).describe("Characteristic name, as in the feature row"),
  kind: z.enum(["numeric", "categorical"]).describe("Numeric value or category"),
  format: ValueFormatSchema.describe("How the value is shown in reasons"),
  label: BilingualTextSchema.describe("Human label in English and Chinese"),
  categoryLabels: z.record(BilingualTextSchema).optional().describe("Labels of the categories"),
  monotone: MonotoneSchema.describe("Constraint on the log-odds of default as the encoded value grows"),
  categoryCodes: z
    .record(z.number().finite())
    .optional()
    .describe("Categorical only: smoothed training log-odds of default per category (unseen → 0)"),
  specialValues: z.array(z.number()).default([]).describe("Numeric codes meaning not applicable, treated as missing"),
  median: z.number().nullable().describe("Training median of the encoded value, to word unconstrained reasons"),
});
/** One model input. */
export type GbtFeature = z.infer<typeof GbtFeatureSchema>;

/** One tree, flattened: node k splits feature[k] at threshold[k] (left when x ≤ threshold); feature -1 is a leaf. */
export const GbtTreeSchema = z.object({
  feature: z.array(z.number().int()).describe("Split feature index, -1 at leaves"),
  threshold: z.array(z.number()).describe("Split threshold on the encoded value"),
  missingLeft: z.array(z.boolean()).describe("Whether a missing value goes left"),
  left: z.array(z.number().int()).describe("Left child index, -1 at leaves"),
  right: z.array(z.number().int()).describe("Right child index, -1 at leaves"),
  value: z.array(z.number().finite()).describe("Leaf output in log-odds of default (0 at internal nodes)"),
  cover: z.array(z.number().nonnegative()).describe("Training rows reaching the node (TreeSHAP weights)"),
});
/** One flattened tree. */
export type GbtTree = z.infer<typeof GbtTreeSchema>;

/** Boosting settings. */
export const GbtParamsSchema = z.object({
  trees: z.number().int().min(1).max(5000).default(300).describe("Number of boosting rounds"),
  maxDepth: z.number().int().min(1).max(3).default(3).describe("Tree depth (≤ 3 keeps trees explainable)"),
  learningRate: z.number().positive().max(1).default(0.05).describe("Shrinkage applied to every tree"),
  lambda: z.number().min(0).default(1).describe("L2 penalty on leaf values"),
  minLeafRows: z.number().int().min(1).default(20).describe("Fewest training rows in a leaf"),
  subsample: z.number().positive().max(1).default(0.8).describe("Share of rows drawn for each tree"),
  maxBins: z.number().int().min(4).max(256).default(64).describe("Quantile split candidates per feature"),
  seed: z.number().int().default(1).describe("Seed of the row subsampling"),
});
/** Boosting settings. */
export type GbtParams = z.infer<typeof GbtParamsSchema>;

/** The whole challenger model, as saved. */
export const CreditGbtModelSchema = z
  .object({
    kind: z.literal("harbor-credit-gbt"),
    formatVersion: z.literal(1),
    version: z.string().min(1).describe("Model version id"),
    dataset: DatasetKindSchema.describe("Data schema the model was trained on"),
    createdAt: z.string().describe("ISO time of training"),
    params: GbtParamsSchema,
    scaling: ScalingSchema.describe("Points scaling shared with the scorecard"),
    bias: z.number().finite().describe("Initial log-odds of default (training prior)"),
    expectedLogOdds: z.number().finite().describe("Cover-weighted mean model output: the base of the reasons"),
    features: z.array(GbtFeatureSchema).min(1),
    trees: z.array(GbtTreeSchema),
    trainingData: z.object({ rows: z.number().int().positive(), badRate: z.number() }),
  })
  .superRefine((m, ctx) => {
    for (const f of m.features)
      if (isProtectedAttribute(f.name))
        ctx.addIssue({ code: "custom", path: ["features"], message: `protected characteristic "${f.name}"` });
    if (!isScalingConsistent(m.scaling))
      ctx.addIssue({ code: "custom", path: ["scaling"], message: "factor/offset disagree with base points" });
    m.trees.forEach((t, i) => {
      const n = t.feature.length;
      const sizes = [t.threshold, t.missingLeft, t.left, t.right, t.value, t.cover].map((a) => a.length);
      const inRange = t.feature.every((f) => f >= -1 && f < m.features.length);
      if (sizes.some((s) => s !== n) || n === 0 || !inRange)
        ctx.addIssue({ code: "custom", path: ["trees", i], message: "malformed tree" });
    });
  });
/** A trained credit challenger. */
export type CreditGbtModel = z.infer<typeof CreditGbtModelSchema>;

const FileSchema = z.object({ checksum: z.string(), model: z.unknown() });

/** Serialises a model with the checksum of its canonical JSON. */
export function serialiseCreditGbt(model: CreditGbtModel): string {
  const parsed = CreditGbtModelSchema.parse(model);
  return JSON.stringify({ checksum: sha256(JSON.stringify(parsed)), model: parsed }) + "\n";
}

/** Parses and verifies a saved model; a corrupt or tampered file is an error value. */
export function parseCreditGbt(text: string): Result<CreditGbtModel, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return err(`credit challenger file is not valid JSON: ${(e as Error).message}`);
  }
  const file = FileSchema.safeParse(raw);
  if (!file.success) return err("credit challenger file lacks a checksum or model body");
  const body = CreditGbtModelSchema.safeParse(file.data.model);
  if (!body.success)
    return err(
      `credit challenger failed validation: ${body.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ")}`,
    );
  if (sha256(JSON.stringify(body.data)) !== file.data.checksum)
    return err("credit challenger checksum mismatch: the file was modified or corrupted");
  return ok(body.data);
}

/** Writes a model atomically (temp file + rename). */
export async function saveCreditGbt(path: string, model: CreditGbtModel): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, serialiseCreditGbt(model), "utf8");
  await rename(tmp, path);
}

/** Reads and verifies a saved model; a missing or corrupt file is an error value. */
export async function loadCreditGbt(path: string): Promise<Result<CreditGbtModel, string>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    return err(`cannot read credit challenger ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseCreditGbt(text);
}
