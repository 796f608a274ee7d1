import { describe, expect, it } from "vitest";
import { rocAuc } from "../../shared/metrics.js";
import { createRng } from "../../shared/random.js";
import { cardPrecisionAtK, foldRows } from "./fraud-evaluation.js";
import { F, FEATURE_COUNT, FRAUD_FEATURES } from "./fraud-features.js";
import { parseFraudModel, type FraudModelArtefact } from "./fraud-model-artefact.js";
import { createFraudScorer } from "./fraud-scorer.js";
import { trainGbdt, predictGbdt, contributionsGbdt } from "./gradient-boosted-trees.js";
import { trainLogistic, predictLogistic } from "./logistic-regression.js";

/** Synthetic rows where fraud depends on a large amount ratio or a risky terminal (an interaction trees must find). */
function synthetic(n: number, seed: number): { X: Float32Array; y: Uint8Array } {
  const rng = createRng(seed);
  const X = new Float32Array(n * FEATURE_COUNT);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < FEATURE_COUNT; j++) X[i * FEATURE_COUNT + j] = rng.next();
    const ratio = rng.uniform(0, 8);
    const risk = rng.next() < 0.1 ? rng.uniform(0.5, 1) : 0;
    X[i * FEATURE_COUNT + F.AMOUNT_TO_CUSTOMER_AVG_30D] = ratio;
    X[i * FEATURE_COUNT + F.TERMINAL_ID_RISK_7DAY_WINDOW] = risk;
    X[i * FEATURE_COUNT + F.TERMINAL_ID_NB_TX_7DAY_WINDOW] = 4;
    y[i] = (ratio > 6 || risk > 0.6) && rng.next() < 0.9 ? 1 : 0;
  }
  return { X, y };
}

const train = synthetic(6000, 1);
const test = synthetic(3000, 2);

describe("models", () => {
  it("gradient-boosted trees learn the pattern and explain it with the right features", () => {
    const model = trainGbdt(train.X, train.y, FEATURE_COUNT, { trees: 40, maxDepth: 3, learningRate: 0.2 });
    const scores = Array.from({ length: test.y.length }, (_, i) => predictGbdt(model, test.X, i, FEATURE_COUNT));
    expect(rocAuc(test.y, scores)).toBeGreaterThan(0.9);
    const row = test.X.subarray(0, FEATURE_COUNT).slice();
    row[F.AMOUNT_TO_CUSTOMER_AVG_30D] = 7.5;
    row[F.TERMINAL_ID_RISK_7DAY_WINDOW] = 0;
    const contrib = contributionsGbdt(model, row, FEATURE_COUNT);
    const top = contrib.indexOf(Math.max(...contrib));
    expect(FRAUD_FEATURES[top]).toBe("AMOUNT_TO_CUSTOMER_AVG_30D");
  });

  it("logistic regression ranks better than chance on the same data", () => {
    const model = trainLogistic(train.X, train.y, FEATURE_COUNT, { C: 1 });
    const scores = Array.from({ length: test.y.length }, (_, i) => predictLogistic(model, test.X, i, FEATURE_COUNT));
    expect(rocAuc(test.y, scores)).toBeGreaterThan(0.75);
  });
});

function artefactWith(members: FraudModelArtefact["members"]): FraudModelArtefact {
  return {
    format: "harbor-fraud-model",
    artefactVersion: 1,
    modelVersion: "fraud-test",
    createdAt: "2024-01-01T00:00:00.000Z",
    candidate: "test",
    features: [...FRAUD_FEATURES],
    labelDelayDays: 7,
    members,
    thresholds: { review: 0.3, block: 0.8 },
    metrics: { validation: { auc: 0.9, ap: 0.5, cpk: null }, candidates: [] },
    training: {
      dataHash: "x",
      rows: 1,
      frauds: 1,
      labelFeedbackCount: 0,
      firstDay: "2024-01-01",
      lastDay: "2024-01-02",
    },
  };
}

describe("fraud model artefact", () => {
  const gbdt = trainGbdt(train.X, train.y, FEATURE_COUNT, { trees: 10, maxDepth: 3, learningRate: 0.3 });
  const good = artefactWith([{ weight: 1, model: gbdt }]);

  it("round-trips through JSON and scores with reasons in English and Chinese", () => {
    const parsed = parseFraudModel(JSON.stringify(good));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const scorer = createFraudScorer(parsed.value);
    const row = new Float32Array(FEATURE_COUNT);
    row[F.TX_AMOUNT] = 250;
    row[F.AMOUNT_TO_CUSTOMER_AVG_30D] = 6.2;
    const s = scorer.score(row);
    expect(s.probability).toBeGreaterThan(0.3);
    expect(s.level).not.toBe("none");
    const amount = s.reasons.find((r) => r.code === "amount_vs_average");
    expect(amount?.text.en).toBe("amount is 6.2× this customer's 30-day average");
    expect(amount?.text["zh-CN"]).toContain("6.2倍");
  });

  it("refuses corrupt JSON with a clear error", () => {
    const r = parseFraudModel(JSON.stringify(good).slice(0, 200));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/not valid JSON/);
  });

  it("refuses an artefact trained on another feature list", () => {
    const r = parseFraudModel(JSON.stringify({ ...good, features: [...FRAUD_FEATURES].reverse() }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/trained on features/);
  });

  it("refuses a wrong format version or a tree pointing at an unknown feature", () => {
    const v = parseFraudModel(JSON.stringify({ ...good, artefactVersion: 99 }));
    expect(v.ok).toBe(false);
    const bad = structuredClone(good);
    const tree = (bad.members[0]?.model as typeof gbdt).trees[0];
    if (tree) tree.feature[0] = FEATURE_COUNT + 3;
    const t = parseFraudModel(JSON.stringify(bad));
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.error).toMatch(/unknown feature/);
  });
});

describe("Handbook evaluation protocol", () => {
  it("computes card precision per day over cards and drops cards found on earlier days", () => {
    // day 0: cards 1 (fraud) and 2; day 1: card 1 again (fraud, already found) and card 3 (fraud)
    const cols = { length: 5, day: [0, 0, 1, 1, 0], customer: [1, 2, 1, 3, 1], fraud: [1, 0, 1, 1, 0] };
    const rows = [0, 1, 2, 3, 4];
    const scores = [0.9, 0.8, 0.99, 0.1, 0.2];
    // k = 1: day 0 top card is 1 (fraud) → 1; day 1 card 1 removed, top is 3 (fraud) → 1
    expect(cardPrecisionAtK(rows, cols, scores, 1)).toBe(1);
    expect(cardPrecisionAtK(rows, cols, scores, 2)).toBeCloseTo((0.5 + 0.5) / 2);
  });

  it("removes test transactions of cards already known to be compromised", () => {
    const cols = { length: 4, day: [0, 3, 3, 3], customer: [7, 7, 8, 9], fraud: [1, 0, 0, 1] };
    const { train: tr, test: te } = foldRows(cols, { trainStart: 0, trainDays: 1, delayDays: 2, testDays: 1 });
    expect(Array.from(tr)).toEqual([0]);
    expect(Array.from(te)).toEqual([2, 3]);
  });
});
