import { describe, expect, it } from "vitest";
import { createRng } from "../../shared/random.js";
import { findBin, fitFeatureBinning } from "./binning.js";
import { defineFeatures } from "./feature-table.js";

const label = { en: "x", "zh-CN": "x" };

/** Risk that rises with x overall but dips in the middle, so an unconstrained binning would zig-zag. */
function sample(n: number, seed: number): { values: (number | null)[]; labels: number[] } {
  const rng = createRng(seed);
  const values: (number | null)[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(0, 100);
    const p = 0.05 + 0.25 * (x / 100) + (x > 40 && x < 60 ? -0.12 : 0);
    const roll = rng.next();
    values.push(i % 50 === 0 ? null : i % 37 === 0 ? -1 : Math.round(x));
    labels.push(roll < p ? 1 : 0);
  }
  return { values, labels };
}

const badRates = (bins: { type: string; count: number; bads: number }[]): number[] =>
  bins.filter((b) => b.type === "range").map((b) => b.bads / b.count);

describe("optimal binning", () => {
  it("honours an ascending monotonic constraint even when the raw risk dips", () => {
    const { values, labels } = sample(6000, 3);
    const [spec] = defineFeatures([
      { name: "x", kind: "numeric", trend: "ascending", specialValues: [-1], label, format: "number" },
    ]);
    const b = fitFeatureBinning(spec!, values, labels, { minBinShare: 0.05, maxBins: 8, maxPreBins: 20 });
    const rates = badRates(b.bins);
    expect(rates.length).toBeGreaterThan(2);
    for (let i = 1; i < rates.length; i++) expect(rates[i]!).toBeGreaterThan(rates[i - 1]!);
    const woes = b.bins.filter((x) => x.type === "range").map((x) => x.woe);
    for (let i = 1; i < woes.length; i++) expect(woes[i]!).toBeLessThan(woes[i - 1]!);
  });

  it("honours a descending constraint by producing falling bad rates", () => {
    const { values, labels } = sample(6000, 4);
    const [spec] = defineFeatures([{ name: "x", kind: "numeric", trend: "descending", label, format: "number" }]);
    const rates = badRates(
      fitFeatureBinning(
        spec!,
        values.map((v) => (v === null || v < 0 ? v : 100 - v)),
        labels,
      ).bins,
    );
    for (let i = 1; i < rates.length; i++) expect(rates[i]!).toBeLessThan(rates[i - 1]!);
  });

  it("keeps regular bins above the minimum size and gives missing and special values their own bins", () => {
    const { values, labels } = sample(4000, 5);
    const [spec] = defineFeatures([
      { name: "x", kind: "numeric", trend: "auto", specialValues: [-1], label, format: "number" },
    ]);
    const b = fitFeatureBinning(spec!, values, labels, { minBinShare: 0.1, maxBins: 6, maxPreBins: 20 });
    for (const bin of b.bins.filter((x) => x.type === "range")) expect(bin.count).toBeGreaterThanOrEqual(400);
    expect(b.bins.filter((x) => x.type === "range").length).toBeLessThanOrEqual(6);
    expect(b.bins[findBin(b, null)]).toMatchObject({ type: "missing", count: 80 });
    expect(b.bins[findBin(b, -1)]).toMatchObject({ type: "special", value: -1 });
    expect(b.bins[findBin(b, 1e9)]).toMatchObject({ type: "range", upper: null });
  });

  it("sends categories never seen in training to the missing bin", () => {
    const [spec] = defineFeatures([{ name: "c", kind: "categorical", trend: "none", label, format: "category" }]);
    const b = fitFeatureBinning(spec!, ["a", "b", "a", "b"], [0, 1, 0, 0], {
      minBinShare: 0.1,
      maxBins: 4,
      maxPreBins: 20,
    });
    expect(b.bins[findBin(b, "zzz")]?.type).toBe("missing");
  });
});
