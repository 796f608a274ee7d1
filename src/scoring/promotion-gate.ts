// The promotion gate: a retrained challenger replaces the champion only when it is strictly better on the target
// metric of the frozen held-out set, no worse beyond a tolerance on the target of every other set, no worse beyond
// each guard's tolerance on every set, and breaks no hard constraint (e.g. a protected attribute among its inputs).

/** A metric compared by the gate (higher is better) and how much the challenger may lose on it. */
export interface GateMetric {
  name: string;
  tolerance: number;
}

/** What a model is judged on. */
export interface GatePolicy {
  target: GateMetric;
  guards: readonly GateMetric[];
}

/** Both models' metrics on one evaluation set; the first set given is the frozen held-out set. */
export interface EvaluationSet {
  name: string;
  n: number;
  champion: Readonly<Record<string, number>>;
  challenger: Readonly<Record<string, number>>;
}

/** The gate's verdict, with every failed check spelled out. */
export interface GateDecision {
  promote: boolean;
  reason: string;
  failures: string[];
}

const fmt = (v: number): string => (Number.isFinite(v) ? v.toFixed(4) : "n/a");

function compare(set: EvaluationSet, metric: GateMetric): string | undefined {
  const a = set.champion[metric.name] ?? Number.NaN;
  const b = set.challenger[metric.name] ?? Number.NaN;
  if (!Number.isFinite(a)) return undefined; // undefined for the champion too (e.g. no positives): nothing to compare
  if (!Number.isFinite(b)) return `${set.name} ${metric.name} is undefined for the challenger`;
  if (b < a - metric.tolerance)
    return `${set.name} ${metric.name} ${fmt(b)} is worse than the champion's ${fmt(a)} by more than ${metric.tolerance}`;
  return undefined;
}

/** Decides whether the challenger may replace the champion. */
export function decidePromotion(
  policy: GatePolicy,
  sets: readonly EvaluationSet[],
  constraintViolations: readonly string[] = [],
): GateDecision {
  const failures: string[] = [...constraintViolations];
  const heldOut = sets[0];
  if (!heldOut || heldOut.n === 0) failures.push("the frozen held-out set is empty");
  for (const set of sets.filter((s) => s.n > 0)) {
    for (const metric of [policy.target, ...policy.guards]) {
      const problem = compare(set, metric);
      if (problem) failures.push(problem);
    }
  }
  if (heldOut && heldOut.n > 0) {
    const a = heldOut.champion[policy.target.name] ?? Number.NaN;
    const b = heldOut.challenger[policy.target.name] ?? Number.NaN;
    if (!(b > a))
      failures.push(
        `${heldOut.name} ${policy.target.name} ${fmt(b)} is not better than the champion's ${fmt(a)} (the target must improve)`,
      );
  }
  if (failures.length > 0) return { promote: false, reason: `refused: ${failures.join("; ")}`, failures };
  const a = heldOut?.champion[policy.target.name] ?? Number.NaN;
  const b = heldOut?.challenger[policy.target.name] ?? Number.NaN;
  return {
    promote: true,
    reason: `promoted: ${heldOut?.name} ${policy.target.name} ${fmt(a)} → ${fmt(b)}, no guard worse beyond its tolerance`,
    failures,
  };
}

/** Flattens the sets into "<set>.<role>.<metric>" values for the audit and the CLI's JSON line (null when undefined). */
export function flattenMetrics(sets: readonly EvaluationSet[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const r = (v: number): number | null => (Number.isFinite(v) ? Math.round(v * 10000) / 10000 : null);
  for (const set of sets) {
    out[`${set.name}.n`] = set.n;
    for (const [role, values] of [
      ["champion", set.champion],
      ["challenger", set.challenger],
    ] as const)
      for (const [k, v] of Object.entries(values)) out[`${set.name}.${role}.${k}`] = r(v);
  }
  return out;
}
