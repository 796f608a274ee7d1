// Trains the product intent router from data/intents and saves the artefact under var/models
// (skips training when the artefact is already up to date, unless --force).
import { rmSync } from "node:fs";
import { join } from "node:path";
import { round } from "../shared/metrics.js";
import { fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";
import { ensureRouterModel } from "../router/ensure-router-model.js";

const args = parseCli({
  name: "train:intents",
  summary: "Train the intent router on the intent catalogue and save the JSON artefact",
  usage: "npm run train:intents -- [--intents data/intents] [--models var/models] [--force]",
  options: {
    intents: { type: "string", default: "data/intents", description: "intent catalogue directory" },
    models: { type: "string", default: "var/models", description: "directory of the model artefacts" },
    force: { type: "boolean", default: false, description: "retrain even if the artefact is up to date" },
  },
});

const intentsDir = String(args.values["intents"]);
const modelsDir = String(args.values["models"]);
if (args.values["force"]) rmSync(join(modelsDir, "intent-router.json"), { force: true });
const start = performance.now();
const result = ensureRouterModel({ intentsDir, modelsDir, onProgress: (m) => process.stderr.write(`${m}\n`) });
if (!result.ok) fail(result.error);
const seconds = (performance.now() - start) / 1000;
const { model, path, trained } = result.value;
const perRoute = new Map<string, number>();
for (const i of model.intents) perRoute.set(i.route, (perRoute.get(i.route) ?? 0) + 1);
console.log(
  renderTable(
    ["route", "intents"],
    [...perRoute.entries()].sort().map(([r, n]) => [r, n]),
  ),
);
console.log(`\n${trained ? "trained" : "up to date"}: ${path}`);
console.log(
  `${model.classifier.vectorizer.terms.length} features; temperature ${model.classifier.temperature.toFixed(4)}; thresholds out-of-scope ${model.classifier.thresholds.outOfScope.toFixed(3)}, low-confidence ${model.classifier.thresholds.lowConfidence.toFixed(3)}`,
);
printJsonLine({
  artefact: path,
  trained,
  intents: model.intents.length,
  features: model.classifier.vectorizer.terms.length,
  data_hash: model.dataHash,
  seconds: round(seconds, 2),
});
