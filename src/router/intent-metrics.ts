// Accuracy, macro-F1 and per-group accuracy for intent evaluations, plus a prediction-latency probe.

/** Share of predictions equal to the gold label. */
export function accuracy(gold: readonly string[], predicted: readonly string[]): number {
  let ok = 0;
  gold.forEach((g, i) => {
    if (predicted[i] === g) ok++;
  });
  return gold.length === 0 ? Number.NaN : ok / gold.length;
}

/** Unweighted mean of per-label F1 over the gold labels. */
export function macroF1(gold: readonly string[], predicted: readonly string[]): number {
  const labels = [...new Set(gold)];
  let sum = 0;
  for (const label of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === label && g === label) tp++;
      else if (p === label) fp++;
      else if (g === label) fn++;
    });
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return labels.length === 0 ? Number.NaN : sum / labels.length;
}

/** Accuracy per group (e.g. per route or per language), with the group size. */
export function accuracyByGroup(
  groups: readonly string[],
  correct: readonly boolean[],
): Map<string, { n: number; accuracy: number }> {
  const tally = new Map<string, { n: number; ok: number }>();
  groups.forEach((g, i) => {
    const t = tally.get(g) ?? { n: 0, ok: 0 };
    t.n++;
    if (correct[i]) t.ok++;
    tally.set(g, t);
  });
  return new Map(
    [...tally.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([g, t]) => [g, { n: t.n, accuracy: t.ok / t.n }]),
  );
}

/** Mean and 99th-percentile wall time (ms) of one prediction, measured over the given texts. */
export function measureLatency(
  texts: readonly string[],
  predict: (text: string) => unknown,
): { meanMs: number; p99Ms: number } {
  const times: number[] = [];
  for (const t of texts.slice(0, 50)) predict(t); // warm-up so JIT compilation is not counted
  for (const t of texts) {
    const start = process.hrtime.bigint();
    predict(t);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
  return { meanMs: mean, p99Ms: times[Math.min(times.length - 1, Math.floor(0.99 * times.length))] ?? 0 };
}
