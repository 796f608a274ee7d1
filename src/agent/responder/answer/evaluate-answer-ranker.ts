// Measures a ranker on labelled questions it was not trained on: k-fold cross-validation split by question (a
// question's candidates never sit on both sides), reporting top-1 accuracy and whether the composed reply states
// every required fact and no superseded figure, per language. Training-set accuracy is never reported.
import { sha256 } from "../../../shared/hash.js";
import { factsStated, statesStale } from "./answer-pairs.js";
import { ANSWER_FEATURES } from "./answer-features.js";
import type { AnswerRanker } from "./answer-ranker.js";
import { answerTokens } from "./answer-type.js";
import { composeAnswer } from "./compose-answer.js";
import type { PassageReadings } from "./rank-candidates.js";
import { questionView, scoreCandidates } from "./rank-candidates.js";
import type { TrainingQuestion } from "./answer-training-set.js";
import {
  fitAnswerWeights,
  isAnswer,
  questionCandidates,
  toTrainingGroup,
  type FitOptions,
} from "./train-answer-ranker.js";

/** Scores of one set of questions. */
export interface AnswerScores {
  questions: number;
  /** Questions with at least one candidate stating a required fact. */
  answerable: number;
  /** Share of all questions whose best-ranked candidate states a required fact. */
  top1: number;
  /** The same share among answerable questions. */
  top1Answerable: number;
  /** Share of questions whose composed reply states every required fact. */
  replyAllFacts: number;
  /** Share of questions whose composed reply states at least one required fact. */
  replyAnyFact: number;
  /** Share of questions whose composed reply states a superseded figure. */
  replyStale: number;
}

/** Scores overall and per language. */
export interface AnswerEvaluation extends AnswerScores {
  byLocale: Record<string, AnswerScores>;
}

interface Outcome {
  locale: string;
  answerable: boolean;
  top1: boolean;
  allFacts: boolean;
  anyFact: boolean;
  stale: boolean;
}

/** Builds a ranker from fitted weights. */
export function rankerFromWeights(
  weights: number[],
  dataHash: string,
  trainedOn: number,
  cv: number | null,
): AnswerRanker {
  return { format: 1, features: [...ANSWER_FEATURES], weights, dataHash, trainedOn, crossValidatedTop1: cv };
}

/** How one question fares with a ranker. */
function judge(question: TrainingQuestion, ranker: AnswerRanker, readings: PassageReadings): Outcome {
  const { pair } = question;
  const candidates = questionCandidates(question, readings);
  const view = questionView(pair.question, answerTokens(pair.question), pair.locale);
  const best = scoreCandidates(view, candidates, ranker)[0];
  const reply = composeAnswer(pair.question, question.passages, {
    locale: pair.locale,
    ranker,
    maxPassages: Number.POSITIVE_INFINITY,
    readings,
  })
    .parts.flatMap((p) => p.sentences)
    .join(" ");
  const stated = factsStated(reply, pair.facts);
  return {
    locale: pair.locale,
    answerable: candidates.some((c) => isAnswer(c.text, pair)),
    top1: best !== undefined && isAnswer(best.text, pair),
    allFacts: stated === pair.facts.length,
    anyFact: stated > 0,
    stale: statesStale(reply, pair.stale),
  };
}

function summarise(outcomes: readonly Outcome[]): AnswerScores {
  const share = (n: number, of: number): number => (of === 0 ? 0 : Number((n / of).toFixed(4)));
  const count = (f: (o: Outcome) => boolean): number => outcomes.filter(f).length;
  const answerable = count((o) => o.answerable);
  return {
    questions: outcomes.length,
    answerable,
    top1: share(
      count((o) => o.top1),
      outcomes.length,
    ),
    top1Answerable: share(
      count((o) => o.top1 && o.answerable),
      answerable,
    ),
    replyAllFacts: share(
      count((o) => o.allFacts),
      outcomes.length,
    ),
    replyAnyFact: share(
      count((o) => o.anyFact),
      outcomes.length,
    ),
    replyStale: share(
      count((o) => o.stale),
      outcomes.length,
    ),
  };
}

function evaluation(outcomes: readonly Outcome[]): AnswerEvaluation {
  const locales = [...new Set(outcomes.map((o) => o.locale))].sort();
  return {
    ...summarise(outcomes),
    byLocale: Object.fromEntries(locales.map((l) => [l, summarise(outcomes.filter((o) => o.locale === l))])),
  };
}

/** Scores one fixed ranker (hand-set, or trained elsewhere) on the questions. */
export function evaluateRanker(
  questions: readonly TrainingQuestion[],
  ranker: AnswerRanker,
  readings: PassageReadings,
): AnswerEvaluation {
  return evaluation(questions.map((q) => judge(q, ranker, readings)));
}

/** The fold of a question: by a hash of its id, so folds do not follow the file's order and never change. */
function foldOf(id: string, k: number): number {
  return parseInt(sha256(id).slice(0, 8), 16) % k;
}

/** k-fold cross-validation by question: each fold is scored by a ranker fitted on the other folds only. */
export function crossValidateRanker(
  questions: readonly TrainingQuestion[],
  readings: PassageReadings,
  k = 5,
  fit: FitOptions = {},
): AnswerEvaluation {
  const groups = questions.map((q) => toTrainingGroup(q, readings));
  const outcomes: Outcome[] = [];
  for (let fold = 0; fold < k; fold++) {
    const train = groups.filter((g) => foldOf(g.id, k) !== fold);
    const ranker = rankerFromWeights(fitAnswerWeights(train, fit), "", train.length, null);
    for (const q of questions) if (foldOf(q.pair.id, k) === fold) outcomes.push(judge(q, ranker, readings));
  }
  return evaluation(outcomes);
}
