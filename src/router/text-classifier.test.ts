import { describe, expect, it } from "vitest";
import { trainTextClassifier, type LabeledText } from "./text-classifier.js";

const examples: LabeledText[] = [
  ...["card blocked", "card not working", "card declined at shop", "card refused"].map((text) => ({
    text,
    label: "card_declined",
  })),
  ...["new card pin", "forgot card pin", "change my pin", "pin locked"].map((text) => ({ text, label: "card_pin" })),
  ...["loan rate", "loan interest", "apr on a loan", "loan repayments"].map((text) => ({ text, label: "loan_rates" })),
];
const routes = new Map([
  ["card_declined", "cards"],
  ["card_pin", "cards"],
  ["loan_rates", "credit"],
]);

describe("route-level model", () => {
  it("folds into the label model, so the classifier keeps one weight per feature and label", () => {
    const plain = trainTextClassifier(examples, { calibration: examples, labelGroups: routes });
    const grouped = trainTextClassifier(examples, { calibration: examples, labelGroups: routes, groupWeight: 0.5 });
    expect(grouped.model.weights.length).toBe(plain.model.weights.length);
    expect(grouped.model.weights).not.toEqual(plain.model.weights);
  });

  it("still ranks the right label first on its own training phrases", () => {
    const clf = trainTextClassifier(examples, { calibration: examples, labelGroups: routes, groupWeight: 0.5 });
    const best = (text: string): string => {
      const p = clf.predict(text);
      return clf.labels[p.indexOf(Math.max(...p))] as string;
    };
    expect(best("card declined at shop")).toBe("card_declined");
    expect(best("forgot card pin")).toBe("card_pin");
    expect(best("loan interest")).toBe("loan_rates");
  });
});
