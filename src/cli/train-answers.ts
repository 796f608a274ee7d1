// Trains the answer ranker on the dev question–fact pairs (data/answers/dev.jsonl) and the knowledge folder, reports
// k-fold cross-validated figures (split by question), with the served default weights' in-sample figures beside them
// (labelled so), and saves the artefact start-up would build under var/models.
import { existsSync } from "node:fs";
import { round } from "../shared/metrics.js";
import { fallbackAnswerRanker } from "../agent/responder/answer/answer-ranker.js";
import { ensureAnswerRanker, loadTrainingQuestions } from "../agent/responder/answer/ensure-answer-ranker.js";
import {
  crossValidateRanker,
  evaluateRanker,
  type AnswerEvaluation,
} from "../agent/responder/answer/evaluate-answer-ranker.js";
import type { PassageReadings } from "../agent/responder/answer/rank-candidates.js";
import { fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";

const args = parseCli({
  name: "train:answers",
  summary: "Train the answer ranker on the dev pairs, report cross-validated accuracy and save the artefact",
  usage:
    "npm run train:answers -- [--pairs data/answers/dev.jsonl] [--knowledge knowledge] [--models var/models] [--today YYYY-MM-DD] [--folds 5]",
  options: {
    pairs: { type: "string", default: "data/answers/dev.jsonl", description: "JSONL question–fact pairs (dev only)" },
    knowledge: { type: "string", default: "knowledge", description: "knowledge folder" },
    models: { type: "string", default: "var/models", description: "directory of the model artefacts" },
    today: { type: "string", description: "day whose documents are in force (default: today, UTC)" },
    folds: { type: "string", default: "5", description: "cross-validation folds, split by question" },
  },
});

const pairsFile = String(args.values["pairs"]);
const knowledgeDir = String(args.values["knowledge"]);
const today = String(args.values["today"] ?? new Date().toISOString().slice(0, 10));
const folds = Number(args.values["folds"]);
if (!existsSync(pairsFile)) fail(`no such file: ${pairsFile}`);
if (/(^|\/)test[^/]*\.jsonl$/.test(pairsFile)) fail("the ranker is trained and tuned on dev pairs only");
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) fail(`--today must be YYYY-MM-DD, got ${today}`);
if (!Number.isInteger(folds) || folds < 2) fail(`--folds must be an integer of at least 2, got ${folds}`);

const loadStart = performance.now();
const questions = await loadTrainingQuestions({ pairsFile, knowledgeDir, today });
const loadSeconds = (performance.now() - loadStart) / 1000;
const readings: PassageReadings = new Map();
const cv = crossValidateRanker(questions, readings, folds);
const servedDefault = evaluateRanker(questions, fallbackAnswerRanker(), readings);
const trainStart = performance.now();
const ensured = await ensureAnswerRanker({
  pairsFile,
  knowledgeDir,
  modelsDir: String(args.values["models"]),
  today,
  force: true,
});
const trainSeconds = (performance.now() - trainStart) / 1000;

const row = (name: string, e: AnswerEvaluation, locale?: string): (string | number)[] => {
  const s = locale ? e.byLocale[locale] : e;
  if (!s) return [name, locale ?? "all", 0, 0, "-", "-", "-", "-"];
  return [name, locale ?? "all", s.questions, s.answerable, s.top1, s.top1Answerable, s.replyAllFacts, s.replyStale];
};
const locales = Object.keys(cv.byLocale);
console.log(
  renderTable(
    [
      "ranker",
      "locale",
      "questions",
      "answerable",
      "top-1",
      "top-1 (answerable)",
      "reply has all facts",
      "reply stale",
    ],
    [
      ...[undefined, ...locales].map((l) => row(`trained (${folds}-fold CV)`, cv, l)),
      ...[undefined, ...locales].map((l) => row("served default (in-sample)", servedDefault, l)),
    ],
  ),
);
console.log(`\n${ensured.source}: ${ensured.path ?? "(hand-set weights; nothing saved)"}`);
printJsonLine({
  pairs: pairsFile,
  questions: questions.length,
  answerable: cv.answerable,
  folds,
  cv_top1: cv.top1,
  cv_top1_answerable: cv.top1Answerable,
  cv_reply_all_facts: cv.replyAllFacts,
  cv_reply_stale: cv.replyStale,
  cv_by_locale: Object.fromEntries(
    Object.entries(cv.byLocale).map(([l, s]) => [l, { top1: s.top1, reply_all_facts: s.replyAllFacts }]),
  ),
  default_top1_in_sample: servedDefault.top1,
  default_reply_all_facts_in_sample: servedDefault.replyAllFacts,
  artefact: ensured.path ?? null,
  load_seconds: round(loadSeconds, 2),
  train_seconds: round(trainSeconds, 2),
});
