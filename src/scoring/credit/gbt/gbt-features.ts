// Turns scorecard characteristics into numeric tree inputs with a monotone direction each: numeric trends come
// from the scorecard's domain knowledge, categories become smoothed training log-odds of default (riskier = higher).
import type { FeatureRow, FeatureSpec, FeatureValue, LabelledTable } from "../feature-table.js";
import type { GbtFeature, Monotone } from "./credit-gbt-artefact.js";

/** Pseudo-rows at the overall bad rate that shrink a rare category's code towards 0. */
const CATEGORY_SMOOTHING = 20;

/** The monotone direction a characteristic's trend implies (categories are coded so that higher means riskier). */
export function monotoneFor(spec: FeatureSpec): Monotone {
  if (spec.kind === "categorical") return 1;
  if (spec.trend === "ascending") return 1;
  if (spec.trend === "descending") return -1;
  return 0;
}

const isMissing = (v: FeatureValue | undefined): boolean =>
  v === null || v === undefined || v === "" || (typeof v === "number" && !Number.isFinite(v));

/** Smoothed log-odds of default per category, relative to the overall log-odds. */
function categoryCodes(
  values: readonly (FeatureValue | undefined)[],
  labels: readonly number[],
): Record<string, number> {
  const counts = new Map<string, { n: number; bads: number }>();
  let total = 0;
  let bads = 0;
  values.forEach((v, i) => {
    if (isMissing(v)) return;
    const key = String(v);
    const c = counts.get(key) ?? { n: 0, bads: 0 };
    c.n += 1;
    c.bads += labels[i] as number;
    counts.set(key, c);
    total += 1;
    bads += labels[i] as number;
  });
  const p = Math.min(Math.max(bads / Math.max(1, total), 1e-3), 1 - 1e-3);
  const prior = Math.log(p / (1 - p));
  const codes: Record<string, number> = {};
  for (const [key, c] of [...counts.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const rate = (c.bads + CATEGORY_SMOOTHING * p) / (c.n + CATEGORY_SMOOTHING);
    codes[key] = Math.log(rate / (1 - rate)) - prior;
  }
  return codes;
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Encodes one raw value: a number, a category code, or NaN when missing or a special "not applicable" value. */
export function encodeValue(feature: GbtFeature, v: FeatureValue | undefined): number {
  if (isMissing(v)) return Number.NaN;
  if (feature.kind === "categorical") return feature.categoryCodes?.[String(v)] ?? 0;
  if (typeof v !== "number") {
    const parsed = Number(v);
    return Number.isFinite(parsed) ? parsed : Number.NaN;
  }
  return feature.specialValues.includes(v) ? Number.NaN : v;
}

/** Encodes a feature row as a vector in model feature order (NaN = missing). */
export function encodeRow(features: readonly GbtFeature[], row: FeatureRow): Float64Array {
  const out = new Float64Array(features.length);
  features.forEach((f, j) => (out[j] = encodeValue(f, row[f.name])));
  return out;
}

/** Fits the encoding of every characteristic on training rows only (codes and medians never see test rows). */
export function fitGbtFeatures(
  table: LabelledTable,
  overrides: Readonly<Record<string, Monotone>> = {},
): { features: GbtFeature[]; matrix: Float64Array[] } {
  const features: GbtFeature[] = table.specs.map((spec) => {
    const base = {
      name: spec.name,
      kind: spec.kind,
      format: spec.format,
      label: spec.label,
      ...(spec.categoryLabels ? { categoryLabels: spec.categoryLabels } : {}),
      monotone: overrides[spec.name] ?? monotoneFor(spec),
      specialValues: spec.specialValues,
      median: null,
    };
    return spec.kind === "categorical"
      ? {
          ...base,
          categoryCodes: categoryCodes(
            table.rows.map((r) => r[spec.name]),
            table.labels,
          ),
        }
      : base;
  });
  const matrix = table.rows.map((r) => encodeRow(features, r));
  features.forEach((f, j) => {
    f.median = median(matrix.map((x) => x[j] as number).filter((v) => !Number.isNaN(v)));
  });
  return { features, matrix };
}
