import { describe, expect, it } from "vitest";
import { scoreLinear } from "./linear-svm.js";
import { trainSoftmaxRegression } from "./softmax-regression.js";
import { trainTextClassifier } from "./text-classifier.js";
import type { SparseVector } from "./tfidf-vectorizer.js";

const row = (pairs: [number, number][]): SparseVector => ({
  indices: Int32Array.from(pairs.map(([i]) => i)),
  values: Float32Array.from(pairs.map(([, v]) => v)),
});

describe("softmax regression", () => {
  it("ranks the class whose features a row carries first, for all three classes", () => {
    const xs = [
      row([[0, 1]]),
      row([
        [0, 0.8],
        [3, 0.6],
      ]),
      row([[1, 1]]),
      row([
        [1, 0.7],
        [3, 0.7],
      ]),
      row([[2, 1]]),
      row([
        [2, 0.9],
        [3, 0.4],
      ]),
    ];
    const ys = [0, 0, 1, 1, 2, 2];
    const model = trainSoftmaxRegression(xs, ys, 3, 4, { epochs: 30 });
    for (const [x, y] of [
      [row([[0, 1]]), 0],
      [row([[1, 1]]), 1],
      [row([[2, 1]]), 2],
    ] as const) {
      const s = scoreLinear(model, x);
      expect(s.indexOf(Math.max(...s))).toBe(y);
    }
  });

  it("is deterministic for a seed", () => {
    const xs = [row([[0, 1]]), row([[1, 1]])];
    const a = trainSoftmaxRegression(xs, [0, 1], 2, 2, { seed: 5 });
    const b = trainSoftmaxRegression(xs, [0, 1], 2, 2, { seed: 5 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
  });

  it("fuses into the SVM as one linear model that still separates the classes", () => {
    const examples = [
      ...["my card is lost", "lost my card", "card went missing", "i lost the card"].map((text) => ({
        text,
        label: "lost",
      })),
      ...["what is my balance", "balance please", "how much money do i have", "show balance"].map((text) => ({
        text,
        label: "balance",
      })),
    ];
    const clf = trainTextClassifier(examples, { softmaxWeight: 1, calibration: examples });
    expect(clf.model.weights.length).toBe(clf.vectorizer.terms.length * 2);
    const p = clf.predict("i have lost my card");
    expect(clf.labels[p[0]! > p[1]! ? 0 : 1]).toBe("lost");
  });
});
