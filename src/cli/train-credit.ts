// `npm run train:credit`: trains a points scorecard from a labelled file (or the seeded synthetic book) and saves it.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { writeApplicantCsv } from "../scoring/credit/applicant-file.js";
import { sha256 } from "../shared/hash.js";
import { round } from "../shared/metrics.js";
import {
  DEFAULT_BOOK_SIZE,
  DEFAULT_SCORECARD_FILE,
  trainNativeScorecard,
} from "../scoring/credit/default-scorecard.js";
import { readLabelledFile } from "../scoring/credit/datasets/load-dataset.js";
import { describeBin } from "../scoring/credit/reason-texts.js";
import { DatasetKindSchema, saveScorecard, type Scorecard } from "../scoring/credit/scorecard-artefact.js";
import { generateApplicantBook } from "../scoring/credit/synthetic-book.js";
import {
  DEFAULT_SETTINGS,
  trainScorecard,
  type ScorecardSettings,
  type TrainProgress,
} from "../scoring/credit/train-scorecard.js";
import type { Rejection } from "../scoring/credit/feature-selection.js";
import { createProgress, fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";

const args = parseCli({
  name: "train:credit",
  summary: "Train a points scorecard (optimal binning, WoE, logistic regression, points scaling)",
  usage: "npm run train:credit -- [--data <file> --schema native|german|taiwan] [--out <file>]",
  options: {
    data: { type: "string", description: "Labelled training file; omitted = the seeded synthetic applicant book" },
    schema: {
      type: "string",
      default: "native",
      description: "Data schema: native (our applicant CSV), german, taiwan",
    },
    out: {
      type: "string",
      description: `Where to save the scorecard (default var/models/${DEFAULT_SCORECARD_FILE} for native, var/models/credit-scorecard-<schema>.json otherwise)`,
    },
    seed: { type: "string", default: "42", description: "Seed for the synthetic book and the hold-out split" },
    size: { type: "string", default: String(DEFAULT_BOOK_SIZE), description: "Synthetic book size" },
    "export-book": {
      type: "string",
      description: "Also write the generated synthetic book as applicant CSV to this file",
    },
    "risk-shift": {
      type: "string",
      default: "0",
      description: "Latent-risk shift of the generated book (e.g. 0.5 for a riskier intake)",
    },
    holdout: { type: "string", default: "0.25", description: "Stratified hold-out share for the reported metrics" },
    "base-points": { type: "string", default: "600", description: "Points at the base odds" },
    "base-odds": { type: "string", default: "50", description: "Base odds (good:bad)" },
    pdo: { type: "string", default: "20", description: "Points to double the odds" },
    "min-bin-share": {
      type: "string",
      default: String(DEFAULT_SETTINGS.binning.minBinShare),
      description: "Smallest bin as a share of rows",
    },
    "max-bins": {
      type: "string",
      default: String(DEFAULT_SETTINGS.binning.maxBins),
      description: "Most regular bins per characteristic",
    },
  },
});

const num = (name: string): number => {
  const v = Number(args.values[name]);
  if (!Number.isFinite(v)) fail(`--${name} must be a number`);
  return v;
};
const schema = DatasetKindSchema.safeParse(args.values["schema"]);
if (!schema.success) fail(`--schema must be native, german or taiwan`);
const seed = num("seed");
const settings: ScorecardSettings = {
  ...DEFAULT_SETTINGS,
  binning: { ...DEFAULT_SETTINGS.binning, minBinShare: num("min-bin-share"), maxBins: num("max-bins") },
  scaling: { basePoints: num("base-points"), baseOdds: num("base-odds"), pdo: num("pdo") },
};
if (settings.scaling.baseOdds <= 0 || settings.scaling.pdo <= 0) fail("--base-odds and --pdo must be positive");
const holdoutShare = num("holdout");
const out =
  (args.values["out"] as string | undefined) ??
  join("var", "models", schema.data === "native" ? DEFAULT_SCORECARD_FILE : `credit-scorecard-${schema.data}.json`);
const createdAt = new Date().toISOString();

let progressBar: ReturnType<typeof createProgress> | undefined;
const onProgress: TrainProgress = (stage, done, total) => {
  if (stage !== "binning") return;
  if (!progressBar) progressBar = createProgress("binning characteristics", total);
  progressBar.update(done);
  progressBar.tick(0);
  if (done === total) progressBar.stop();
};

let result: { scorecard: Scorecard; rejected: Rejection[] };
const dataPath = args.values["data"] as string | undefined;
if (!dataPath) {
  if (schema.data !== "native") fail("--data is required for the german and taiwan schemas");
  const size = num("size");
  process.stderr.write(`generating synthetic applicant book: ${size} applicants, seed ${seed}\n`);
  const book = generateApplicantBook({ size, seed, riskShift: num("risk-shift") });
  const exportPath = args.values["export-book"] as string | undefined;
  if (exportPath) {
    await mkdir(dirname(exportPath), { recursive: true });
    await writeFile(exportPath, writeApplicantCsv(book), "utf8");
    process.stderr.write(`wrote ${book.length} applicants to ${exportPath}\n`);
  }
  result = trainNativeScorecard(book, { seed, createdAt, settings, onProgress, holdoutShare });
} else {
  const read = await readLabelledFile(dataPath, schema.data);
  if (!read.ok) fail(read.error);
  process.stderr.write(`read ${read.value.table.rows.length} rows from ${dataPath}\n`);
  result = trainScorecard(read.value.table, {
    dataset: schema.data,
    dataHash: sha256(read.value.text),
    createdAt,
    seed,
    holdoutShare,
    settings,
    onProgress,
  });
}

const { scorecard, rejected } = result;
await saveScorecard(out, scorecard);
console.log(
  `Scorecard ${scorecard.version} (${scorecard.dataset}) — ${scorecard.features.length} characteristics, saved to ${out}\n`,
);
console.log(
  renderTable(
    ["characteristic", "IV", "coef", "bin", "n", "bad rate", "WoE", "points"],
    scorecard.features.flatMap((f) =>
      f.bins.map((b, i) => [
        i === 0 ? f.name : "",
        i === 0 ? round(f.iv, 3) : "",
        i === 0 ? round(f.coefficient, 3) : "",
        describeBin(b, f, "en"),
        b.count,
        b.count ? `${((b.bads / b.count) * 100).toFixed(1)}%` : "-",
        round(b.woe, 3),
        b.points,
      ]),
    ),
  ),
);
if (rejected.length > 0) console.log(`\nNot used: ${rejected.map((r) => `${r.name} (${r.reason})`).join("; ")}`);
const m = scorecard.metrics;
console.log(
  `\nScaling: ${scorecard.scaling.basePoints} points at ${scorecard.scaling.baseOdds}:1, ${scorecard.scaling.pdo} PDO`,
);
console.log(
  `Training rows ${m.training.rows}: AUC ${round(m.training.auc)}, KS ${round(m.training.ks)}, Gini ${round(m.training.gini)}`,
);
if (m.holdout)
  console.log(
    `Hold-out rows ${m.holdout.rows}: AUC ${round(m.holdout.auc)}, KS ${round(m.holdout.ks)}, Gini ${round(m.holdout.gini)}`,
  );
printJsonLine({
  dataset: scorecard.dataset,
  version: scorecard.version,
  out,
  features: scorecard.features.length,
  auc: round(m.holdout?.auc ?? m.training.auc),
  ks: round(m.holdout?.ks ?? m.training.ks),
  gini: round(m.holdout?.gini ?? m.training.gini),
});
