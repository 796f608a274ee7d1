// The tabular form every data source (synthetic book, German, Taiwan) is turned into before binning.
import { z } from "zod";
import { BilingualTextSchema } from "../../shared/locale.js";

/** How risk is allowed to move with a numeric value: ascending = riskier as the value grows. */
export const TrendSchema = z.enum(["ascending", "descending", "auto", "none"]);
/** A monotonic constraint for binning. */
export type Trend = z.infer<typeof TrendSchema>;

/** How a feature's value is shown to a person in reasons and tables. */
export const ValueFormatSchema = z.enum(["number", "percent", "gbp", "months", "count", "category"]);
/** A display format. */
export type ValueFormat = z.infer<typeof ValueFormatSchema>;

/** One model input: its name, kind, binning constraint and human label. */
export const FeatureSpecSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(["numeric", "categorical"]),
  trend: TrendSchema,
  specialValues: z.array(z.number()).default([]),
  label: BilingualTextSchema,
  format: ValueFormatSchema,
  categoryLabels: z.record(BilingualTextSchema).optional(),
});
/** One model input. */
export type FeatureSpec = z.infer<typeof FeatureSpecSchema>;
/** The input shape of a feature spec (defaults optional). */
export type FeatureSpecInput = z.input<typeof FeatureSpecSchema>;

/** A single feature value: a number, a category, or missing. */
export type FeatureValue = number | string | null;
/** One applicant as feature values keyed by feature name. */
export type FeatureRow = Record<string, FeatureValue>;

/** A labelled training table: label 1 = bad (defaulted), 0 = good. */
export interface LabelledTable {
  specs: FeatureSpec[];
  rows: FeatureRow[];
  labels: number[];
}

/** Builds full feature specs from compact declarations. */
export function defineFeatures(inputs: FeatureSpecInput[]): FeatureSpec[] {
  return inputs.map((i) => FeatureSpecSchema.parse(i));
}

/** Selects rows of a table by index (for folds and hold-out splits). */
export function subsetTable(table: LabelledTable, indices: readonly number[]): LabelledTable {
  return {
    specs: table.specs,
    rows: indices.map((i) => table.rows[i] as FeatureRow),
    labels: indices.map((i) => table.labels[i] as number),
  };
}

/** Stratified assignment of row indices to k folds, shuffled with the given random source. */
export function stratifiedFolds(labels: readonly number[], k: number, shuffle: <T>(items: T[]) => T[]): number[][] {
  const folds: number[][] = Array.from({ length: k }, () => []);
  for (const cls of [0, 1]) {
    const idx = shuffle(labels.map((l, i) => (l === cls ? i : -1)).filter((i) => i >= 0));
    idx.forEach((rowIndex, n) => (folds[n % k] as number[]).push(rowIndex));
  }
  return folds;
}
