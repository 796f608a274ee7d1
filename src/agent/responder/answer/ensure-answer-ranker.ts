// Keeps the answer ranker in step with its training data, like the intent router: loads the saved artefact when it was
// trained on the same dev pairs, knowledge folder and feature set, otherwise retrains (about a second) and saves it; a
// corrupt file is moved aside. Without a dev file the hand-set fallback weights serve, so a clean clone still answers.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadKnowledgeDocuments } from "../../../knowledge/load-documents.js";
import { fingerprintPaths } from "../../../shared/cached-build.js";
import { quarantineFile } from "../../../shared/quarantine-file.js";
import { ANSWER_FEATURES } from "./answer-features.js";
import { loadAnswerPairs } from "./answer-pairs.js";
import { AnswerRankerSchema, fallbackAnswerRanker, fitsFeatures, type AnswerRanker } from "./answer-ranker.js";
import { buildTrainingQuestions, type TrainingQuestion } from "./answer-training-set.js";
import { rankerFromWeights } from "./evaluate-answer-ranker.js";
import type { PassageReadings } from "./rank-candidates.js";
import { fitAnswerWeights, isInformative, toTrainingGroup } from "./train-answer-ranker.js";

/** Bumped whenever candidates, features or training change, so an older artefact is retrained, not misread. */
export const ANSWER_RANKER_VERSION = 1;

/** Where the training data is and where the artefact lives. */
export interface EnsureAnswerRankerOptions {
  pairsFile: string;
  knowledgeDir: string;
  modelsDir: string;
  /** The day whose documents are in force (YYYY-MM-DD). */
  today: string;
  fileName?: string;
  /** Retrain even when the artefact is up to date. */
  force?: boolean;
  onProgress?: (message: string) => void;
  onWarning?: (message: string, fields: Record<string, unknown>) => void;
}

/** The ranker and where it came from. */
export interface EnsuredAnswerRanker {
  ranker: AnswerRanker;
  source: "loaded" | "trained" | "fallback";
  path?: string;
}

/** The labelled questions with their passages, for training and measurement alike. */
export async function loadTrainingQuestions(
  options: Pick<EnsureAnswerRankerOptions, "pairsFile" | "knowledgeDir" | "today">,
): Promise<TrainingQuestion[]> {
  const pairs = loadAnswerPairs(options.pairsFile);
  if (!pairs.ok) throw new Error(`${options.pairsFile}: ${pairs.error}`);
  const { documents } = await loadKnowledgeDocuments(options.knowledgeDir);
  return buildTrainingQuestions(pairs.value, documents, options.today);
}

/** Fits a ranker on every question (what start-up serves); `readings` may be shared with an evaluation. */
export function fitAnswerRanker(
  questions: readonly TrainingQuestion[],
  dataHash: string,
  readings: PassageReadings = new Map(),
  crossValidatedTop1: number | null = null,
): AnswerRanker {
  const groups = questions.map((q) => toTrainingGroup(q, readings));
  const used = groups.filter(isInformative).length;
  return rankerFromWeights(fitAnswerWeights(groups), dataHash, used, crossValidatedTop1);
}

/** Loads the answer ranker artefact, retraining and saving it first if it is missing or stale. */
export async function ensureAnswerRanker(options: EnsureAnswerRankerOptions): Promise<EnsuredAnswerRanker> {
  if (!existsSync(options.pairsFile)) return { ranker: fallbackAnswerRanker(), source: "fallback" };
  const path = join(options.modelsDir, options.fileName ?? "answer-ranker.json");
  const dataHash = await fingerprintPaths(
    [options.pairsFile, options.knowledgeDir],
    `answer-ranker:${ANSWER_RANKER_VERSION}:${ANSWER_FEATURES.join(",")}:${options.today}`,
  );
  const existing = readArtefact(path);
  if (!options.force && existing && existing.dataHash === dataHash && fitsFeatures(existing)) {
    return { ranker: existing, source: "loaded", path };
  }
  if (existing === null) {
    const movedTo = quarantineFile(path);
    options.onWarning?.("answer ranker artefact is corrupt: moved aside, retraining", { path, movedTo });
  }
  options.onProgress?.("training the answer ranker");
  const ranker = fitAnswerRanker(await loadTrainingQuestions(options), dataHash);
  if (ranker.trainedOn === 0) {
    options.onWarning?.("no dev question has an answering candidate: using the hand-set answer ranker", { path });
    return { ranker: fallbackAnswerRanker(), source: "fallback" };
  }
  saveArtefact(path, ranker);
  return { ranker, source: "trained", path };
}

/** Saves a ranker atomically (write aside, then rename). */
export function saveArtefact(path: string, ranker: AnswerRanker): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(ranker, null, 2)}\n`);
  renameSync(tmp, path);
}

// The saved ranker; undefined when there is none, null when the file is there but unreadable.
function readArtefact(path: string): AnswerRanker | undefined | null {
  if (!existsSync(path)) return undefined;
  try {
    const parsed = AnswerRankerSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
