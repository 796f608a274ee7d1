// npm run train:fraud: retrains the fraud model on the bank database (analyst labels override reported ones),
// writes the artefact and refreshes stored assessments.
import fs from "node:fs";
import { createProgress, fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";
import { createSqliteBankStore } from "../bank/sqlite-bank-store.js";
import { rescoreStore, trainFraudModelFromStore } from "../bank/train-fraud-from-store.js";
import { saveFraudModelFile } from "../scoring/fraud/fraud-model-artefact.js";
import { DEFAULT_FRAUD_CANDIDATES } from "../scoring/fraud/train-fraud-model.js";

const args = parseCli({
  name: "train:fraud",
  summary: "Train the fraud model on the bank's stored history and write a versioned artefact",
  usage: "npm run train:fraud -- [--db var/bank.sqlite] [--out var/models/fraud-model.json] [--no-rescore]",
  options: {
    db: { type: "string", default: "var/bank.sqlite", description: "Bank SQLite file (create it with npm run seed)" },
    out: { type: "string", default: "var/models/fraud-model.json", description: "Artefact to write" },
    "no-rescore": {
      type: "boolean",
      default: false,
      description: "Do not refresh the stored assessments with the new model",
    },
  },
});
const db = String(args.values["db"]);
if (!fs.existsSync(db)) fail(`${db} does not exist; run npm run seed first`);
const store = createSqliteBankStore(db);
let bar: ReturnType<typeof createProgress> | undefined;
const t0 = performance.now();
const result = trainFraudModelFromStore(store, {
  candidates: DEFAULT_FRAUD_CANDIDATES,
  onProgress: (stage, done, total) => {
    if (stage.startsWith("select")) {
      bar ??= createProgress("model selection", total);
      bar.update(done);
    }
  },
});
bar?.stop();
const out = String(args.values["out"]);
saveFraudModelFile(out, result.artefact);
const a = result.artefact;
let flagged: number | undefined;
if (!args.values["no-rescore"]) flagged = rescoreStore(store, a, result.log).flagged;
store.close();
const f = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : "n/a");
console.log(
  renderTable(
    ["candidate (validation folds)", "AUC", "AP", "CP@100", "fit s/fold"],
    result.candidates.map((c) => [
      c.name,
      f(c.validation.auc),
      f(c.validation.ap),
      f(c.validation.cpk),
      c.fitSeconds.toFixed(2),
    ]),
  ),
);
console.log(
  `\nSelected ${a.candidate}; trained on ${a.training.rows} transactions (${a.training.frauds} frauds, ${a.training.firstDay} … ${a.training.lastDay}), analyst labels used: ${a.training.labelFeedbackCount}; wrote ${out} (${a.modelVersion})${flagged !== undefined ? `; re-scored store: ${flagged} flagged` : ""}`,
);
printJsonLine({
  model_version: a.modelVersion,
  candidate: a.candidate,
  validation: a.metrics.validation,
  label_feedback: a.training.labelFeedbackCount,
  train_s: Math.round(result.trainSeconds * 1000) / 1000,
  total_s: Math.round((performance.now() - t0) / 100) / 10,
  ...(flagged !== undefined ? { flagged } : {}),
});
