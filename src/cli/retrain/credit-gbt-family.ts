// The monotone gradient-boosted-trees credit challenger (src/scoring/credit/gbt) as a family the credit retrainer can
// train and score; risk is the model's log-odds of default, summed over the trees without the (slower) TreeSHAP
// reasons, which ranking applicants for AUC and KS does not need.
import { err, ok } from "../../shared/result.js";
import {
  parseCreditGbt,
  serialiseCreditGbt,
  trainCreditChallengerOnApplicants,
} from "../../scoring/credit/gbt/index.js";
import { encodeRow } from "../../scoring/credit/gbt/gbt-features.js";
import { predictTree } from "../../scoring/credit/gbt/grow-monotone-tree.js";
import { toFeatureRow } from "../../scoring/credit/native-features.js";
import type { CreditFamily } from "./credit-retrainer.js";

/** Gradient-boosted trees with exact TreeSHAP reasons. */
export const GBT_FAMILY: CreditFamily = {
  name: "gbt",
  train(entries, options) {
    try {
      const model = trainCreditChallengerOnApplicants(entries, {
        createdAt: options.createdAt,
        params: { seed: options.seed },
      });
      return ok(serialiseCreditGbt(model));
    } catch (e) {
      return err((e as Error).message);
    }
  },
  load(text) {
    const parsed = parseCreditGbt(text);
    if (!parsed.ok) return parsed;
    const model = parsed.value;
    const risk = (a: Parameters<typeof toFeatureRow>[0]): number => {
      const x = encodeRow(model.features, toFeatureRow(a));
      return model.trees.reduce((sum, tree) => sum + predictTree(tree, x), model.bias);
    };
    return ok({ risk, inputs: model.features.map((f) => f.name) });
  },
};
