import { describe, expect, it } from "vitest";
import { createRng } from "../../../shared/random.js";
import { defineFeatures, type LabelledTable } from "../feature-table.js";
import type { CreditGbtModel, GbtTree } from "./credit-gbt-artefact.js";
import { encodeRow } from "./gbt-features.js";
import { explainLogOdds } from "./score-credit-gbt.js";
import { trainCreditChallenger } from "./train-credit-gbt.js";
import { addTreeShap, expectedTreeValue } from "./tree-shap.js";

/** E[tree | x_S]: follow x on features in S, average children by training cover elsewhere. */
function conditionalValue(tree: GbtTree, x: Float64Array, known: ReadonlySet<number>, k = 0): number {
  const f = tree.feature[k] as number;
  if (f < 0) return tree.value[k] as number;
  const l = tree.left[k] as number;
  const r = tree.right[k] as number;
  if (known.has(f)) {
    const v = x[f] as number;
    const left = Number.isNaN(v) ? (tree.missingLeft[k] as boolean) : v <= (tree.threshold[k] as number);
    return conditionalValue(tree, x, known, left ? l : r);
  }
  const c = tree.cover[k] as number;
  const cl = tree.cover[l] as number;
  const cr = tree.cover[r] as number;
  return (cl * conditionalValue(tree, x, known, l) + cr * conditionalValue(tree, x, known, r)) / c;
}

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/** Shapley values by enumerating every coalition (exponential: only for a handful of features). */
function bruteForceShap(model: CreditGbtModel, x: Float64Array): number[] {
  const m = model.features.length;
  const value = (mask: number): number => {
    const known = new Set<number>();
    for (let j = 0; j < m; j++) if (mask & (1 << j)) known.add(j);
    return model.trees.reduce((s, t) => s + conditionalValue(t, x, known), 0);
  };
  const phi = new Array<number>(m).fill(0);
  for (let i = 0; i < m; i++) {
    for (let mask = 0; mask < 1 << m; mask++) {
      if (mask & (1 << i)) continue;
      let size = 0;
      for (let j = 0; j < m; j++) if (mask & (1 << j)) size++;
      const weight = (factorial(size) * factorial(m - size - 1)) / factorial(m);
      phi[i] = (phi[i] as number) + weight * (value(mask | (1 << i)) - value(mask));
    }
  }
  return phi;
}

function syntheticTable(rows: number, seed: number): LabelledTable {
  const rng = createRng(seed);
  const specs = defineFeatures([
    { name: "debt", kind: "numeric", trend: "ascending", label: { en: "d", "zh-CN": "d" }, format: "number" },
    { name: "savings", kind: "numeric", trend: "descending", label: { en: "s", "zh-CN": "s" }, format: "number" },
    { name: "tenure", kind: "numeric", trend: "auto", label: { en: "t", "zh-CN": "t" }, format: "number" },
    { name: "noise", kind: "numeric", trend: "none", label: { en: "n", "zh-CN": "n" }, format: "number" },
    { name: "region", kind: "categorical", trend: "none", label: { en: "r", "zh-CN": "r" }, format: "category" },
    { name: "enquiries", kind: "numeric", trend: "ascending", label: { en: "e", "zh-CN": "e" }, format: "count" },
  ]);
  const data = Array.from({ length: rows }, () => {
    const row = {
      debt: rng.next(),
      savings: rng.next() < 0.1 ? null : rng.uniform(0, 10),
      tenure: rng.uniform(0, 5),
      noise: rng.normal(),
      region: rng.pick(["north", "south", "east"]),
      enquiries: rng.int(6),
    };
    const z =
      3 * row.debt -
      0.3 * (row.savings ?? 2) +
      Math.sin(row.tenure) +
      (row.region === "south" ? 0.8 : 0) +
      0.3 * row.enquiries;
    return { row, y: rng.next() < 1 / (1 + Math.exp(-(z - 1))) ? 1 : 0 };
  });
  return { specs, rows: data.map((d) => d.row), labels: data.map((d) => d.y) };
}

describe("exact TreeSHAP", () => {
  const table = syntheticTable(800, 5);
  const model = trainCreditChallenger(table, { params: { trees: 12, maxDepth: 3, minLeafRows: 10, seed: 3 } });

  it("equals brute-force Shapley values over all coalitions of six features on random applicants", () => {
    expect(model.features).toHaveLength(6);
    for (const row of table.rows.slice(0, 25)) {
      const x = encodeRow(model.features, row);
      const { phi } = explainLogOdds(model, x);
      const brute = bruteForceShap(model, x);
      brute.forEach((b, j) => expect(phi[j]).toBeCloseTo(b, 9));
    }
  });

  it("handles a path that splits the same feature twice", () => {
    const tree: GbtTree = {
      feature: [0, 0, -1, -1, 1, -1, -1],
      threshold: [5, 2, 0, 0, 1, 0, 0],
      missingLeft: [false, false, false, false, true, false, false],
      left: [1, 2, -1, -1, 5, -1, -1],
      right: [4, 3, -1, -1, 6, -1, -1],
      value: [0, 0, -1, 0.5, 0, 2, 3],
      cover: [100, 60, 20, 40, 40, 10, 30],
    };
    const single = { ...model, trees: [tree], features: model.features.slice(0, 2) };
    for (const x of [
      [1, 0],
      [3, 5],
      [7, 0.5],
      [7, Number.NaN],
    ]) {
      const v = Float64Array.from(x);
      const phi = new Float64Array(2);
      addTreeShap(tree, v, phi);
      bruteForceShap(single, v).forEach((b, j) => expect(phi[j]).toBeCloseTo(b, 12));
    }
  });

  it("adds up to the prediction minus the expected output", () => {
    const expected = model.trees.reduce((s, t) => s + expectedTreeValue(t), model.bias);
    expect(model.expectedLogOdds).toBeCloseTo(expected, 12);
    for (const row of table.rows.slice(0, 50)) {
      const { logOdds, phi } = explainLogOdds(model, encodeRow(model.features, row));
      expect(phi.reduce((s, p) => s + p, model.expectedLogOdds)).toBeCloseTo(logOdds, 10);
    }
  });
});
