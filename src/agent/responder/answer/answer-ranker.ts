// The answer ranker: a linear score over the answer features, trained as a listwise logistic regression (a softmax
// over each question's candidates). Its artefact names its features, so a model trained on another feature set is
// refused rather than misread; the fallback weights serve when no training data is at hand.
import { z } from "zod";
import { ANSWER_FEATURES, type AnswerFeature } from "./answer-features.js";

/** The saved ranker: weights by feature name, with what it was trained on and how well it did. */
export const AnswerRankerSchema = z.object({
  format: z.literal(1),
  features: z.array(z.string()).describe("feature names, in the order of `weights`"),
  weights: z.array(z.number()).describe("one weight per feature"),
  dataHash: z.string().describe("fingerprint of the dev pairs and knowledge folder it was trained on; '' if hand-set"),
  trainedOn: z.number().int().nonnegative().describe("how many questions had a candidate stating a required fact"),
  crossValidatedTop1: z.number().nullable().describe("k-fold (by question) top-1 accuracy; null if not measured"),
});
/** A saved answer ranker. */
export type AnswerRanker = z.infer<typeof AnswerRankerSchema>;

// The weights served when no dev pairs are at hand: the full dev fit of `npm run train:answers` (2026-12-01, 313
// questions; 5-fold cross-validated top-1 0.671, against 0.601 for the first hand-set vector), rounded to two decimals.
// Refresh them from the artefact that command writes whenever the features or the dev pairs change.
const FALLBACK: Record<AnswerFeature, number> = {
  overlap: 1.58,
  idfOverlap: 2.93,
  phraseOverlap: -0.02,
  overlapCount: 1.26,
  headingOverlap: 0.97,
  titleOverlap: 0.36,
  typeMatch: 0.93,
  typeMiss: -1.25,
  feeAsLimit: -0.2,
  limitAsFee: -0.1,
  numberAsked: 1.88,
  amountInRange: 2.42,
  amountStated: 1.42,
  headingType: -0.07,
  match_fee: 0.02,
  match_limit: 0.74,
  match_rate: 0.1,
  match_duration: -0.08,
  match_deadline: 0.45,
  match_phone: 0.15,
  match_steps: 0.32,
  match_eligibility: 0.69,
  match_yesno: -0.62,
  match_comparison: 0.43,
  preferred: -0.25,
  rank: 1.79,
  scoreShare: -0.28,
  firstInSection: -0.24,
  position: 0.34,
  shortText: 0.53,
  longText: 0.06,
  sameLocale: 0,
  kindItem: -0.8,
  kindList: 1.64,
  kindRow: 0.08,
  intro: -1.02,
};

/** The ranker served when no dev pairs are available to train one. */
export function fallbackAnswerRanker(): AnswerRanker {
  return {
    format: 1,
    features: [...ANSWER_FEATURES],
    weights: ANSWER_FEATURES.map((f) => FALLBACK[f]),
    dataHash: "",
    trainedOn: 0,
    crossValidatedTop1: null,
  };
}

/** True when the ranker's weights line up with today's feature list. */
export function fitsFeatures(ranker: AnswerRanker): boolean {
  return (
    ranker.features.length === ANSWER_FEATURES.length &&
    ranker.weights.length === ANSWER_FEATURES.length &&
    ranker.features.every((f, i) => f === ANSWER_FEATURES[i])
  );
}

/** The ranker's score of one feature vector. */
export function scoreFeatures(weights: readonly number[], features: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < features.length; i++) s += (weights[i] ?? 0) * (features[i] ?? 0);
  return s;
}
