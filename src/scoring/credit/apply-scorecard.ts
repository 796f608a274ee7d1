// Applies a scorecard to one row of feature values: which bin each characteristic falls in, and the points.
import { findBin } from "./binning.js";
import type { FeatureRow } from "./feature-table.js";
import type { Scorecard } from "./scorecard-artefact.js";
import { pointsToProbabilityOfDefault } from "./scaling.js";

/** The points one characteristic contributed. */
export interface FeaturePoints {
  feature: string;
  binIndex: number;
  points: number;
  maxPoints: number;
}

/** A row's total points, probability of default and per-characteristic breakdown. */
export interface RowScore {
  points: number;
  probabilityOfDefault: number;
  breakdown: FeaturePoints[];
}

/** The most points any populated bin of a characteristic gives (the reference for "points lost"). */
export function bestPoints(bins: readonly { count: number; points: number }[]): number {
  const populated = bins.filter((b) => b.count > 0);
  return Math.max(...(populated.length > 0 ? populated : bins).map((b) => b.points));
}

/** Scores a row of feature values with the scorecard's points table. */
export function scoreFeatureRow(scorecard: Pick<Scorecard, "features" | "scaling">, row: FeatureRow): RowScore {
  let points = 0;
  const breakdown = scorecard.features.map((f) => {
    const binIndex = findBin(f, row[f.name]);
    const bin = f.bins[binIndex];
    if (!bin) throw new Error(`scorecard feature ${f.name} has no bin for ${String(row[f.name])}`);
    points += bin.points;
    return { feature: f.name, binIndex, points: bin.points, maxPoints: bestPoints(f.bins) };
  });
  return { points, probabilityOfDefault: pointsToProbabilityOfDefault(points, scorecard.scaling), breakdown };
}
