// npm run seed: builds a deterministic synthetic bank (customers, cards, six months of transactions, fraud scores).
import fs from "node:fs";
import { createProgress, fail, parseCli, printJsonLine } from "./cli-kit.js";
import { createSqliteBankStore } from "../bank/sqlite-bank-store.js";
import { seedBank } from "../bank/seed-bank.js";
import { loadFraudModelFile, saveFraudModelFile } from "../scoring/fraud/fraud-model-artefact.js";

const args = parseCli({
  name: "seed",
  summary: "Seed a synthetic bank database from a seed (replaces an existing file with --force)",
  usage:
    "npm run seed -- [--db var/bank.sqlite] [--seed 42] [--customers 2000] [--days 183] [--today YYYY-MM-DD] [--model var/models/fraud-model.json] [--force]",
  options: {
    db: { type: "string", default: "var/bank.sqlite", description: "SQLite file to create" },
    seed: { type: "string", default: "42", description: "Random seed" },
    customers: { type: "string", default: "2000", description: "Number of customers (demo1 and demo2 included)" },
    days: { type: "string", default: "183", description: "Days of history" },
    today: { type: "string", description: "Date the history ends before (default: today, UTC)" },
    model: {
      type: "string",
      default: "var/models/fraud-model.json",
      description: "Fraud model to score with; trained and written here if missing",
    },
    force: { type: "boolean", default: false, description: "Delete an existing database first" },
  },
});
const db = String(args.values["db"]);
const seed = Number(args.values["seed"]);
const customers = Number(args.values["customers"]);
const days = Number(args.values["days"]);
const today = typeof args.values["today"] === "string" ? args.values["today"] : new Date().toISOString().slice(0, 10);
if (!Number.isInteger(seed)) fail("--seed must be an integer");
if (!Number.isInteger(customers) || customers < 10) fail("--customers must be an integer of at least 10");
if (!Number.isInteger(days) || days < 60) fail("--days must be an integer of at least 60");
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) fail("--today must be YYYY-MM-DD");
if (fs.existsSync(db)) {
  if (!args.values["force"]) fail(`${db} already exists; pass --force to replace it`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
}
const modelPath = String(args.values["model"]);
let model;
if (fs.existsSync(modelPath)) {
  const r = loadFraudModelFile(modelPath);
  if (!r.ok) fail(r.error);
  model = r.value;
}
const store = createSqliteBankStore(db);
const bars = new Map<string, ReturnType<typeof createProgress>>();
const result = seedBank({
  store,
  seed,
  customers,
  days,
  today,
  ...(model ? { model } : {}),
  onProgress: (stage, done, total) => {
    let bar = bars.get(stage);
    if (!bar) bars.set(stage, (bar = createProgress(stage, total)));
    bar.update(done);
    if (done >= total) bar.stop();
  },
});
if (!model) saveFraudModelFile(modelPath, result.model);
const counts = store.counts();
store.close();
console.log(
  `Seeded ${db}: ${counts.customers} customers, ${counts.transactions} transactions, ${counts.flagged} flagged; demo1 flagged payment ${result.demo1FlaggedTransactionId}; model ${result.model.modelVersion} (${model ? "loaded" : `trained, written to ${modelPath}`}) in ${result.seconds.toFixed(1)} s`,
);
printJsonLine({
  db,
  customers: counts.customers,
  transactions: counts.transactions,
  flagged: counts.flagged,
  demo1_flagged_tx: result.demo1FlaggedTransactionId,
  model_version: result.model.modelVersion,
  seconds: Math.round(result.seconds * 10) / 10,
});
