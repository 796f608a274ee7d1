// The versioned scorecard artefact: its zod schema, and saving/loading with a checksum so corrupt or
// hand-edited files (or a scorecard for another data schema) are refused instead of silently scoring.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { BilingualTextSchema } from "../../shared/locale.js";
import { sha256 } from "../../shared/hash.js";
import { err, ok, type Result } from "../../shared/result.js";
import { BinSchema } from "./binning.js";
import { ValueFormatSchema } from "./feature-table.js";
import { isProtectedAttribute } from "./protected-attributes.js";
import { isScalingConsistent, ScalingSchema } from "./scaling.js";

/** Data schemas a scorecard can be trained on. */
export const DatasetKindSchema = z.enum(["native", "german", "taiwan"]);
/** A data schema. */
export type DatasetKind = z.infer<typeof DatasetKindSchema>;

/** A bin with its integer points. */
export const ScoredBinSchema = BinSchema.extend({ points: z.number().int() });
/** A bin with its points. */
export type ScoredBin = z.infer<typeof ScoredBinSchema>;

/** One scorecard characteristic: its bins, points, WoE coefficient and information value. */
export const ScorecardFeatureSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(["numeric", "categorical"]),
  format: ValueFormatSchema,
  label: BilingualTextSchema,
  categoryLabels: z.record(BilingualTextSchema).optional(),
  trend: z.enum(["ascending", "descending", "none"]),
  iv: z.number(),
  coefficient: z.number().finite(),
  bins: z.array(ScoredBinSchema).min(1),
});
/** One scorecard characteristic. */
export type ScorecardFeature = z.infer<typeof ScorecardFeatureSchema>;

/** Discrimination figures. */
export const DiscriminationSchema = z.object({
  rows: z.number().int().nonnegative(),
  badRate: z.number(),
  auc: z.number(),
  ks: z.number(),
  gini: z.number(),
});
/** Discrimination figures. */
export type Discrimination = z.infer<typeof DiscriminationSchema>;

/** The whole scorecard, as saved. */
export const ScorecardSchema = z
  .object({
    kind: z.literal("harbor-credit-scorecard"),
    formatVersion: z.literal(1),
    version: z.string().min(1),
    dataset: DatasetKindSchema,
    createdAt: z.string(),
    intercept: z.number().finite(),
    scaling: ScalingSchema,
    features: z.array(ScorecardFeatureSchema).min(1),
    metrics: z.object({ training: DiscriminationSchema, holdout: DiscriminationSchema.nullable() }),
    trainingData: z.object({
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      rows: z.number().int().positive(),
      badRate: z.number(),
    }),
    scoreDistribution: z.object({ edges: z.array(z.number()), shares: z.array(z.number().min(0).max(1)) }),
    settings: z.object({
      minBinShare: z.number(),
      maxBins: z.number().int(),
      minIv: z.number(),
      maxCorrelation: z.number(),
      l2: z.number(),
    }),
  })
  .superRefine((s, ctx) => {
    for (const f of s.features) {
      if (isProtectedAttribute(f.name))
        ctx.addIssue({
          code: "custom",
          path: ["features"],
          message: `protected characteristic "${f.name}" cannot be a scorecard input`,
        });
      if (f.bins.filter((b) => b.type === "missing").length !== 1)
        ctx.addIssue({ code: "custom", path: ["features", f.name], message: "needs exactly one missing bin" });
    }
    if (!isScalingConsistent(s.scaling))
      ctx.addIssue({
        code: "custom",
        path: ["scaling"],
        message: "factor/offset disagree with base points, odds and PDO",
      });
    if (s.scoreDistribution.shares.length !== s.scoreDistribution.edges.length + 1) {
      ctx.addIssue({
        code: "custom",
        path: ["scoreDistribution"],
        message: "shares must have one more entry than edges",
      });
    }
  });
/** A trained points scorecard. */
export type Scorecard = z.infer<typeof ScorecardSchema>;

const FileSchema = z.object({ checksum: z.string(), scorecard: z.unknown() });

/** Checksum of a scorecard's canonical JSON (after schema parsing, so key order is the schema's). */
export function scorecardChecksum(scorecard: Scorecard): string {
  return sha256(JSON.stringify(ScorecardSchema.parse(scorecard)));
}

/** Serialises a scorecard with its checksum. */
export function serialiseScorecard(scorecard: Scorecard): string {
  const parsed = ScorecardSchema.parse(scorecard);
  return JSON.stringify({ checksum: sha256(JSON.stringify(parsed)), scorecard: parsed }, null, 1) + "\n";
}

/** Parses and verifies a scorecard file's text; the expected dataset, when given, must match. */
export function parseScorecard(text: string, expected?: { dataset?: DatasetKind }): Result<Scorecard, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return err(`scorecard file is not valid JSON (corrupt?): ${(e as Error).message}`);
  }
  const file = FileSchema.safeParse(raw);
  if (!file.success) return err("scorecard file lacks a checksum or scorecard body");
  const body = ScorecardSchema.safeParse(file.data.scorecard);
  if (!body.success) {
    return err(
      `scorecard failed validation: ${body.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ")}`,
    );
  }
  if (sha256(JSON.stringify(body.data)) !== file.data.checksum)
    return err("scorecard checksum mismatch: the file was modified or corrupted");
  if (expected?.dataset && body.data.dataset !== expected.dataset) {
    return err(`scorecard was trained on "${body.data.dataset}" data, expected "${expected.dataset}"`);
  }
  return ok(body.data);
}

/** Writes a scorecard atomically (temp file + rename). */
export async function saveScorecard(path: string, scorecard: Scorecard): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, serialiseScorecard(scorecard), "utf8");
  await rename(tmp, path);
}

/** Reads and verifies a scorecard file; a missing, corrupt or mismatched file is an error value. */
export async function loadScorecard(
  path: string,
  expected?: { dataset?: DatasetKind },
): Promise<Result<Scorecard, string>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    return err(`cannot read scorecard ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseScorecard(text, expected);
}
