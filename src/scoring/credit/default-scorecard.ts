// The scorecard a fresh install uses: trained from the seeded synthetic book and saved under the models directory.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "../../shared/hash.js";
import { quarantineFile } from "../../shared/quarantine-file.js";
import { ok, type Result } from "../../shared/result.js";
import { writeApplicantCsv } from "./applicant-file.js";
import type { LabelledTable } from "./feature-table.js";
import { NATIVE_FEATURES, toFeatureRow } from "./native-features.js";
import { loadScorecard, saveScorecard, type Scorecard } from "./scorecard-artefact.js";
import { generateApplicantBook, type BookEntry } from "./synthetic-book.js";
import { trainScorecard, type ScorecardSettings, type TrainProgress } from "./train-scorecard.js";
import type { Rejection } from "./feature-selection.js";

/** File name of the default scorecard inside the models directory. */
export const DEFAULT_SCORECARD_FILE = "credit-scorecard.json";
/** Applicants in the default synthetic book. */
export const DEFAULT_BOOK_SIZE = 20_000;

/** Turns applicant/outcome pairs into a labelled native table. */
export function toNativeTable(
  entries: readonly { applicant: BookEntry["applicant"]; defaulted: number }[],
): LabelledTable {
  return {
    specs: NATIVE_FEATURES,
    rows: entries.map((e) => toFeatureRow(e.applicant)),
    labels: entries.map((e) => e.defaulted),
  };
}

/** Trains a native scorecard on labelled applicants, fingerprinting the data by its CSV form. */
export function trainNativeScorecard(
  entries: readonly { applicant: BookEntry["applicant"]; defaulted: number }[],
  run: {
    seed: number;
    createdAt: string;
    settings?: ScorecardSettings;
    onProgress?: TrainProgress;
    holdoutShare?: number;
  },
): { scorecard: Scorecard; rejected: Rejection[] } {
  return trainScorecard(toNativeTable(entries), {
    dataset: "native",
    dataHash: sha256(writeApplicantCsv(entries)),
    createdAt: run.createdAt,
    seed: run.seed,
    holdoutShare: run.holdoutShare ?? 0.25,
    ...(run.settings ? { settings: run.settings } : {}),
    ...(run.onProgress ? { onProgress: run.onProgress } : {}),
  });
}

/**
 * Loads the default scorecard from `modelsDir`, training it from the seeded synthetic book (a few seconds) when
 * it is missing. A file that fails verification (truncated, garbage, wrong schema) is never served: it is moved
 * aside as `<file>.corrupt-<time>` (never overwritten) and the default is retrained, with a warning.
 */
export async function ensureDefaultScorecard(options: {
  modelsDir: string;
  seed: number;
  size?: number;
  now?: () => Date;
  onWarning?: (message: string, fields: Record<string, unknown>) => void;
}): Promise<Result<{ scorecard: Scorecard; path: string; trained: boolean; quarantined?: string }, string>> {
  const path = join(options.modelsDir, DEFAULT_SCORECARD_FILE);
  let quarantined: string | undefined;
  if (existsSync(path)) {
    const loaded = await loadScorecard(path, { dataset: "native" });
    if (loaded.ok) return ok({ scorecard: loaded.value, path, trained: false });
    quarantined = quarantineFile(path, options.now?.());
    options.onWarning?.("credit scorecard artefact is corrupt: moved aside, retraining the default", {
      path,
      problem: loaded.error,
      movedTo: quarantined,
    });
  }
  const book = generateApplicantBook({ size: options.size ?? DEFAULT_BOOK_SIZE, seed: options.seed });
  const { scorecard } = trainNativeScorecard(book, {
    seed: options.seed,
    createdAt: (options.now?.() ?? new Date()).toISOString(),
  });
  await saveScorecard(path, scorecard);
  return ok({ scorecard, path, trained: true, ...(quarantined ? { quarantined } : {}) });
}
