// Fits the answer ranker: a listwise logistic regression (softmax over one question's candidates, the candidates that
// state a required fact being the positives) by full-batch gradient descent with L2, from zero weights for a fixed
// number of steps, so the same data always gives the same weights. Candidates stating a superseded figure never count
// as positives, so the model learns to pass over "in 2025 it cost £20".
import { ANSWER_FEATURES } from "./answer-features.js";
import { statesFact, statesStale, type AnswerPair } from "./answer-pairs.js";
import type { AnswerRanker } from "./answer-ranker.js";
import { answerTokens } from "./answer-type.js";
import {
  answerablePassages,
  questionView,
  rankableCandidates,
  scoreCandidates,
  type PassageReadings,
  type RankableCandidate,
} from "./rank-candidates.js";
import type { TrainingQuestion } from "./answer-training-set.js";

/** One question's candidates as rows of features, with which of them state a required fact. */
export interface TrainingGroup {
  id: string;
  rows: number[][];
  positive: boolean[];
}

/** Gradient descent settings. */
export interface FitOptions {
  iterations?: number;
  learningRate?: number;
  l2?: number;
}

/** The candidates a question's answer is chosen from, exactly as the live extractor would see them. */
export function questionCandidates(question: TrainingQuestion, readings: PassageReadings): RankableCandidate[] {
  const pool = answerablePassages(question.passages, question.pair.locale, Number.POSITIVE_INFINITY);
  return rankableCandidates(pool, readings);
}

/** True when a candidate states a required fact and no superseded figure. */
export function isAnswer(text: string, pair: AnswerPair): boolean {
  return pair.facts.some((f) => statesFact(text, f)) && !statesStale(text, pair.stale);
}

/** The training group of a question: its candidates' features (for the whole question) and their labels. */
export function toTrainingGroup(question: TrainingQuestion, readings: PassageReadings): TrainingGroup {
  const { pair } = question;
  const view = questionView(pair.question, answerTokens(pair.question), pair.locale);
  const blank: AnswerRanker = {
    format: 1,
    features: [...ANSWER_FEATURES],
    weights: [],
    dataHash: "",
    trainedOn: 0,
    crossValidatedTop1: null,
  };
  const scored = scoreCandidates(view, questionCandidates(question, readings), blank);
  return { id: pair.id, rows: scored.map((c) => c.features), positive: scored.map((c) => isAnswer(c.text, pair)) };
}

/** True when a group can teach something: at least one candidate answers and one does not. */
export function isInformative(group: TrainingGroup): boolean {
  return group.positive.some(Boolean) && group.positive.some((p) => !p);
}

// A group packed for the inner loop: the non-zero features of each row (most features are 0/1 flags) and 0/1 labels.
interface PackedGroup {
  start: Uint32Array;
  index: Uint8Array;
  value: Float64Array;
  positive: Uint8Array;
  rows: number;
}

function pack(g: TrainingGroup): PackedGroup {
  const index: number[] = [];
  const value: number[] = [];
  const start = new Uint32Array(g.rows.length + 1);
  g.rows.forEach((row, i) => {
    row.forEach((x, j) => {
      if (x === 0) return;
      index.push(j);
      value.push(x);
    });
    start[i + 1] = index.length;
  });
  return {
    start,
    index: Uint8Array.from(index),
    value: Float64Array.from(value),
    positive: Uint8Array.from(g.positive, (p) => (p ? 1 : 0)),
    rows: g.rows.length,
  };
}

/** Fits weights (in ANSWER_FEATURES order) to the groups, by gradient descent with Nesterov momentum. */
export function fitAnswerWeights(groups: readonly TrainingGroup[], options: FitOptions = {}): number[] {
  const iterations = options.iterations ?? 200;
  const rate = options.learningRate ?? 1;
  const l2 = options.l2 ?? 0.003;
  const momentum = 0.9;
  const dim = ANSWER_FEATURES.length;
  const w = new Float64Array(dim);
  const velocity = new Float64Array(dim);
  const ahead = new Float64Array(dim);
  const grad = new Float64Array(dim);
  const useful = groups.filter(isInformative).map(pack);
  if (useful.length === 0) return [...w];
  const scores = new Float64Array(Math.max(...useful.map((g) => g.rows)));
  for (let step = 0; step < iterations; step++) {
    for (let j = 0; j < dim; j++) ahead[j] = (w[j] as number) + momentum * (velocity[j] as number);
    grad.fill(0);
    for (const g of useful) accumulateGradient(g, ahead, grad, scores);
    for (let j = 0; j < dim; j++) {
      const a = ahead[j] as number;
      velocity[j] = momentum * (velocity[j] as number) - rate * ((grad[j] as number) / useful.length + l2 * a);
      w[j] = (w[j] as number) + (velocity[j] as number);
    }
  }
  return [...w].map((x) => Number(x.toFixed(4)) || 0);
}

// Gradient of -log(Σ_pos e^s / Σ_all e^s): the expected features under all candidates minus under the positives.
function accumulateGradient(g: PackedGroup, w: Float64Array, grad: Float64Array, scores: Float64Array): void {
  let top = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < g.rows; i++) {
    let s = 0;
    for (let k = g.start[i] as number; k < (g.start[i + 1] as number); k++) {
      s += (g.value[k] as number) * (w[g.index[k] as number] as number);
    }
    scores[i] = s;
    if (s > top) top = s;
  }
  let all = 0;
  let pos = 0;
  for (let i = 0; i < g.rows; i++) {
    const e = Math.exp((scores[i] as number) - top);
    scores[i] = e;
    all += e;
    if (g.positive[i]) pos += e;
  }
  for (let i = 0; i < g.rows; i++) {
    const e = scores[i] as number;
    const coef = e / all - (g.positive[i] ? e / pos : 0);
    if (coef === 0) continue;
    for (let k = g.start[i] as number; k < (g.start[i + 1] as number); k++) {
      const j = g.index[k] as number;
      grad[j] = (grad[j] as number) + coef * (g.value[k] as number);
    }
  }
}
