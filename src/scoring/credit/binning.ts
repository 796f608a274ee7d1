// Optimal binning of one feature: pre-bins, then the IV-maximising grouping under a monotonic constraint,
// a minimum bin size and a maximum number of bins, with missing and special values in bins of their own.
import { z } from "zod";
import type { FeatureSpec, FeatureValue } from "./feature-table.js";
import { binInformationValue, weightOfEvidence } from "./woe.js";

/** One bin: a half-open range [lower, upper), a set of categories, a special value, or "missing". */
export const BinSchema = z.object({
  type: z.enum(["range", "categories", "special", "missing"]),
  lower: z.number().nullable().optional(),
  upper: z.number().nullable().optional(),
  categories: z.array(z.string()).optional(),
  value: z.number().optional(),
  count: z.number().int().nonnegative(),
  bads: z.number().int().nonnegative(),
  woe: z.number().finite(),
});
/** One bin. */
export type Bin = z.infer<typeof BinSchema>;

/** The binning of one feature and its information value. */
export interface FeatureBinning {
  feature: string;
  trend: "ascending" | "descending" | "none";
  bins: Bin[];
  iv: number;
}

/** Binning limits. */
export interface BinningOptions {
  /** Smallest share of all rows a regular bin may hold. */
  minBinShare: number;
  /** Most regular bins (missing and special bins come on top). */
  maxBins: number;
  /** Number of quantile pre-bins the optimiser groups. */
  maxPreBins: number;
  /** Pseudo-rows at the overall bad rate added to each bin's WoE, shrinking small bins towards 0 (0 = plain WoE). */
  woePseudoCount?: number;
}

/** Defaults suited to a few thousand rows. */
export const DEFAULT_BINNING: BinningOptions = { minBinShare: 0.05, maxBins: 6, maxPreBins: 20 };

interface Cell {
  goods: number;
  bads: number;
}

const isMissing = (v: FeatureValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v)) || v === "";

/** Index of the bin a value falls in; unseen categories and unusable values go to the missing bin. */
export function findBin(binning: Pick<FeatureBinning, "bins">, value: FeatureValue | undefined): number {
  const bins = binning.bins;
  const missingIndex = bins.findIndex((b) => b.type === "missing");
  if (isMissing(value)) return missingIndex;
  if (typeof value === "number") {
    const special = bins.findIndex((b) => b.type === "special" && b.value === value);
    if (special >= 0) return special;
    const range = bins.findIndex(
      (b) => b.type === "range" && (b.lower == null || value >= b.lower) && (b.upper == null || value < b.upper),
    );
    if (range >= 0) return range;
  }
  const key = String(value);
  const cat = bins.findIndex((b) => b.type === "categories" && (b.categories ?? []).includes(key));
  return cat >= 0 ? cat : missingIndex;
}

/** Partitions ordered cells into contiguous groups maximising IV; returns group end indices (exclusive). */
export function optimalGroups(
  cells: readonly Cell[],
  totals: { goods: number; bads: number },
  constraint: "ascending" | "descending" | "none",
  minCount: number,
  maxBins: number,
): { ends: number[]; iv: number } {
  const m = cells.length;
  if (m === 0) return { ends: [], iv: 0 };
  const pg = [0];
  const pb = [0];
  for (const c of cells) {
    pg.push((pg[pg.length - 1] as number) + c.goods);
    pb.push((pb[pb.length - 1] as number) + c.bads);
  }
  const group = (j: number, i: number): Cell => ({
    goods: (pg[i] as number) - (pg[j] as number),
    bads: (pb[i] as number) - (pb[j] as number),
  });
  const rate = (c: Cell): number => (c.bads + 0.5) / (c.goods + c.bads + 1);
  const iv = (c: Cell): number => binInformationValue(c, totals.goods, totals.bads);
  const size = m + 1;
  const K = Math.max(1, maxBins);
  const dp = new Float64Array((K + 1) * size * size).fill(Number.NEGATIVE_INFINITY);
  const parent = new Int32Array((K + 1) * size * size).fill(-1);
  const at = (k: number, j: number, i: number): number => (k * size + j) * size + i;
  const fits = (j: number, i: number): boolean => {
    const c = group(j, i);
    return c.goods + c.bads >= minCount;
  };
  for (let i = 1; i <= m; i++) if (fits(0, i)) dp[at(1, 0, i)] = iv(group(0, i));
  for (let k = 2; k <= K; k++) {
    for (let j = 1; j < m; j++) {
      for (let i = j + 1; i <= m; i++) {
        if (!fits(j, i)) continue;
        const cur = group(j, i);
        const rc = rate(cur);
        let best = Number.NEGATIVE_INFINITY;
        let arg = -1;
        for (let h = 0; h < j; h++) {
          const prev = dp[at(k - 1, h, j)] as number;
          if (prev === Number.NEGATIVE_INFINITY) continue;
          const rp = rate(group(h, j));
          if (constraint === "ascending" && !(rc > rp)) continue;
          if (constraint === "descending" && !(rc < rp)) continue;
          if (prev > best) {
            best = prev;
            arg = h;
          }
        }
        if (arg >= 0) {
          dp[at(k, j, i)] = best + iv(cur);
          parent[at(k, j, i)] = arg;
        }
      }
    }
  }
  let bestIv = Number.NEGATIVE_INFINITY;
  let bestK = 0;
  let bestJ = 0;
  for (let k = 1; k <= K; k++) {
    for (let j = 0; j < m; j++) {
      const v = dp[at(k, j, m)] as number;
      if (v > bestIv + 1e-12) {
        bestIv = v;
        bestK = k;
        bestJ = j;
      }
    }
  }
  if (bestK === 0) return { ends: [m], iv: iv(group(0, m)) };
  const ends: number[] = [m];
  let k = bestK;
  let j = bestJ;
  let i = m;
  while (k > 1) {
    const h = parent[at(k, j, i)] as number;
    ends.unshift(j);
    i = j;
    j = h;
    k--;
  }
  return { ends, iv: bestIv };
}

function preBinCuts(sorted: readonly number[], maxPreBins: number): number[] {
  const cuts: number[] = [];
  const n = sorted.length;
  for (let q = 1; q < maxPreBins; q++) {
    // Three significant digits keep cut points readable in a points table without changing the grouping much.
    const v = Number((sorted[Math.floor((q * n) / maxPreBins)] as number).toPrecision(3));
    if (v > (sorted[0] as number) && (cuts.length === 0 || v > (cuts[cuts.length - 1] as number))) cuts.push(v);
  }
  return cuts;
}

/** Fits the optimal binning of one feature on labelled values (label 1 = bad). */
export function fitFeatureBinning(
  spec: FeatureSpec,
  values: readonly FeatureValue[],
  labels: readonly number[],
  options: BinningOptions = DEFAULT_BINNING,
): FeatureBinning {
  let totalBads = 0;
  for (const l of labels) totalBads += l;
  const totals = { goods: labels.length - totalBads, bads: totalBads };
  const minCount = Math.max(1, Math.ceil(options.minBinShare * labels.length));
  const missing: Cell = { goods: 0, bads: 0 };
  const specials = new Map<number, Cell>();
  const regular: { v: FeatureValue; y: number }[] = [];
  values.forEach((v, i) => {
    const y = labels[i] as number;
    const bump = (c: Cell): void => void (y === 1 ? c.bads++ : c.goods++);
    if (isMissing(v)) bump(missing);
    else if (spec.kind === "numeric" && typeof v === "number" && spec.specialValues.includes(v)) {
      const c = specials.get(v) ?? { goods: 0, bads: 0 };
      bump(c);
      specials.set(v, c);
    } else regular.push({ v, y });
  });

  const a = options.woePseudoCount ?? 0;
  const n = Math.max(1, labels.length);
  const shrunk = (c: Cell): number =>
    a > 0 && c.goods + c.bads > 0
      ? Math.log((c.goods + (a * totals.goods) / n) / totals.goods / ((c.bads + (a * totals.bads) / n) / totals.bads))
      : weightOfEvidence(c, totals.goods, totals.bads);
  const toBin = (c: Cell, shape: Omit<Bin, "count" | "bads" | "woe">): Bin => ({
    ...shape,
    count: c.goods + c.bads,
    bads: c.bads,
    woe: shrunk(c),
  });
  let regularBins: Bin[];
  let trend: FeatureBinning["trend"] = "none";

  if (spec.kind === "numeric") {
    const pairs = regular.map((r) => ({ v: Number(r.v), y: r.y })).filter((r) => Number.isFinite(r.v));
    pairs.sort((a, b) => a.v - b.v);
    const cuts = preBinCuts(
      pairs.map((p) => p.v),
      options.maxPreBins,
    );
    const cells: Cell[] = Array.from({ length: cuts.length + 1 }, () => ({ goods: 0, bads: 0 }));
    let c = 0;
    for (const p of pairs) {
      while (c < cuts.length && p.v >= (cuts[c] as number)) c++;
      const cell = cells[c] as Cell;
      if (p.y === 1) cell.bads++;
      else cell.goods++;
    }
    const tried = (
      spec.trend === "auto"
        ? (["ascending", "descending"] as const)
        : ([spec.trend === "none" ? "none" : spec.trend] as const)
    ).map((t) => ({ t, r: optimalGroups(cells, totals, t, minCount, options.maxBins) }));
    const best = tried.reduce((a, b) => (b.r.iv > a.r.iv ? b : a));
    trend = best.r.ends.length > 1 ? best.t : "none";
    let start = 0;
    regularBins = best.r.ends.map((end) => {
      const cell = cells
        .slice(start, end)
        .reduce((a, x) => ({ goods: a.goods + x.goods, bads: a.bads + x.bads }), { goods: 0, bads: 0 });
      const bin = toBin(cell, {
        type: "range",
        lower: start === 0 ? null : (cuts[start - 1] as number),
        upper: end >= cells.length ? null : (cuts[end - 1] as number),
      });
      start = end;
      return bin;
    });
    if (pairs.length === 0) regularBins = [toBin({ goods: 0, bads: 0 }, { type: "range", lower: null, upper: null })];
  } else {
    const byCat = new Map<string, Cell>();
    for (const r of regular) {
      const key = String(r.v);
      const cell = byCat.get(key) ?? { goods: 0, bads: 0 };
      if (r.y === 1) cell.bads++;
      else cell.goods++;
      byCat.set(key, cell);
    }
    const cats = [...byCat.entries()].sort(
      ([, a], [, b]) => (a.bads + 0.5) / (a.goods + a.bads + 1) - (b.bads + 0.5) / (b.goods + b.bads + 1),
    );
    const { ends } = optimalGroups(
      cats.map(([, c]) => c),
      totals,
      "none",
      minCount,
      options.maxBins,
    );
    let start = 0;
    regularBins = ends.map((end) => {
      const members = cats.slice(start, end);
      start = end;
      const cell = members.reduce((a, [, x]) => ({ goods: a.goods + x.goods, bads: a.bads + x.bads }), {
        goods: 0,
        bads: 0,
      });
      return toBin(cell, { type: "categories", categories: members.map(([k]) => k) });
    });
  }

  const specialBins = [...specials.entries()]
    .sort(([a], [b]) => a - b)
    .map(([value, cell]) => toBin(cell, { type: "special", value }));
  const bins = [...regularBins, ...specialBins, toBin(missing, { type: "missing" })];
  const iv = bins.reduce(
    (s, b) => s + binInformationValue({ goods: b.count - b.bads, bads: b.bads }, totals.goods, totals.bads),
    0,
  );
  return { feature: spec.name, trend, bins, iv };
}
