// Chooses scorecard characteristics: enough information value, and not a near-copy of a stronger one.

/** A candidate characteristic with its IV and WoE-encoded column. */
export interface Candidate {
  name: string;
  iv: number;
  column: readonly number[];
}

/** Selection limits. */
export interface SelectionOptions {
  minIv: number;
  maxCorrelation: number;
  maxFeatures: number;
}

/** Why a candidate was left out. */
export interface Rejection {
  name: string;
  reason: string;
}

/** Pearson correlation of two equal-length columns (0 when either is constant). */
export function correlation(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}

/** Keeps candidates by descending IV, dropping weak ones and any too correlated with one already kept. */
export function selectFeatures(
  candidates: readonly Candidate[],
  options: SelectionOptions,
): { kept: string[]; rejected: Rejection[] } {
  const kept: Candidate[] = [];
  const rejected: Rejection[] = [];
  for (const c of [...candidates].sort((a, b) => b.iv - a.iv)) {
    if (c.iv < options.minIv) {
      rejected.push({ name: c.name, reason: `IV ${c.iv.toFixed(3)} < ${options.minIv}` });
      continue;
    }
    if (kept.length >= options.maxFeatures) {
      rejected.push({ name: c.name, reason: `beyond the ${options.maxFeatures} strongest` });
      continue;
    }
    const clash = kept.find((k) => Math.abs(correlation(k.column, c.column)) > options.maxCorrelation);
    if (clash) {
      rejected.push({ name: c.name, reason: `correlated with ${clash.name} (|r| > ${options.maxCorrelation})` });
      continue;
    }
    kept.push(c);
  }
  return { kept: kept.map((k) => k.name), rejected };
}
