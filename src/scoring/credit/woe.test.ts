import { describe, expect, it } from "vitest";
import { fitFeatureBinning } from "./binning.js";
import { defineFeatures } from "./feature-table.js";
import { binInformationValue, informationValue, weightOfEvidence } from "./woe.js";

// Hand-computed: goods 40/30/30 (of 100), bads 10/20/30 (of 60).
// WoE = ln(%g/%b): ln(0.4/0.1667) = ln 2.4 = 0.8754687; ln(0.3/0.3333) = ln 0.9 = -0.1053605; ln(0.3/0.5) = ln 0.6 = -0.5108256.
// IV = 0.2333333·0.8754687 + 0.0333333·0.1053605 + 0.2·0.5108256 = 0.2042760 + 0.0035120 + 0.1021651 = 0.3099531.
const table = [
  { goods: 40, bads: 10 },
  { goods: 30, bads: 20 },
  { goods: 30, bads: 30 },
];

describe("weight of evidence and information value", () => {
  it("match hand-computed values on a tiny table", () => {
    expect(weightOfEvidence(table[0]!, 100, 60)).toBeCloseTo(0.8754687, 6);
    expect(weightOfEvidence(table[1]!, 100, 60)).toBeCloseTo(-0.1053605, 6);
    expect(weightOfEvidence(table[2]!, 100, 60)).toBeCloseTo(-0.5108256, 6);
    expect(binInformationValue(table[0]!, 100, 60)).toBeCloseTo(0.204276, 5);
    expect(informationValue(table)).toBeCloseTo(0.3099531, 6);
  });

  it("keeps a bin without bads finite by adding half a count to both cells", () => {
    // ln((10.5/100) / (0.5/60)) = ln(12.6) = 2.5336968
    expect(weightOfEvidence({ goods: 10, bads: 0 }, 100, 60)).toBeCloseTo(2.5336968, 6);
    expect(weightOfEvidence({ goods: 0, bads: 0 }, 100, 60)).toBe(0);
  });

  it("reproduces the same WoE and IV when a categorical feature is binned", () => {
    const [spec] = defineFeatures([
      { name: "grade", kind: "categorical", trend: "none", label: { en: "g", "zh-CN": "g" }, format: "category" },
    ]);
    const values: string[] = [];
    const labels: number[] = [];
    (["a", "b", "c"] as const).forEach((cat, i) => {
      for (let k = 0; k < table[i]!.goods + table[i]!.bads; k++) {
        values.push(cat);
        labels.push(k < table[i]!.goods ? 0 : 1);
      }
    });
    const binning = fitFeatureBinning(spec!, values, labels, { minBinShare: 0.1, maxBins: 5, maxPreBins: 20 });
    const byCat = Object.fromEntries(
      binning.bins.filter((b) => b.type === "categories").map((b) => [b.categories!.join(), b.woe]),
    );
    expect(byCat["a"]).toBeCloseTo(0.8754687, 6);
    expect(byCat["b"]).toBeCloseTo(-0.1053605, 6);
    expect(byCat["c"]).toBeCloseTo(-0.5108256, 6);
    expect(binning.iv).toBeCloseTo(0.3099531, 6);
    expect(binning.bins.at(-1)).toMatchObject({ type: "missing", count: 0, woe: 0 });
  });
});
