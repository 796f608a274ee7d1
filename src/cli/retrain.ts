// npm run retrain: trains a challenger for one model from the latest data, compares it with the champion on the
// frozen held-out set and the recent window, and promotes it only if the gate passes; the last line is JSON.
import { userInfo } from "node:os";
import { join, resolve } from "node:path";
import { createModelRegistry, ModelNameSchema } from "../scoring/model-registry.js";
import { publishChampionIfShared } from "./publish-champion.js";
import { createProgress, fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";
import { CREDIT_FAMILIES, retrainModel } from "./retrain/retrain-command.js";

const args = parseCli({
  name: "retrain",
  summary: "Train a challenger, evaluate it against the champion and promote it only if the gate passes",
  usage: "npm run retrain -- --model router|fraud|credit [--data-dir var] [--family gbt|scorecard] [--force-worse]",
  options: {
    model: { type: "string", description: "router, fraud or credit" },
    "data-dir": { type: "string", default: "var", description: "data directory (models/, bank.sqlite, chat.sqlite)" },
    intents: { type: "string", default: "data/intents", description: "intent catalogue directory (router)" },
    family: { type: "string", default: "gbt", description: "credit challenger: gbt (boosted trees) or scorecard" },
    seed: { type: "string", default: "42", description: "bank seed of the default scorecard (credit baseline)" },
    "force-worse": {
      type: "boolean",
      default: false,
      description: "train a deliberately degraded challenger (shows the gate refusing it)",
    },
  },
});

const model = ModelNameSchema.safeParse(args.values["model"]);
if (!model.success) fail("--model must be router, fraud or credit", 2);
const family = String(args.values["family"]);
if (family !== "gbt" && family !== "scorecard") fail("--family must be gbt or scorecard", 2);
const seed = Number(args.values["seed"]);
if (!Number.isInteger(seed)) fail("--seed must be an integer", 2);
const steps = ["champion", "challenger", "evaluate", "decide"];
const bar = createProgress(`retrain ${model.data}`, steps.length);
const result = await retrainModel({
  model: model.data,
  dataDir: resolve(String(args.values["data-dir"])),
  intentsDir: resolve(String(args.values["intents"])),
  seed,
  forceWorse: args.values["force-worse"] === true,
  creditFamilies: CREDIT_FAMILIES[family],
  actor: userInfo().username,
  onStep: (step) => bar.update(steps.indexOf(step)),
});
bar.update(steps.length);
bar.stop();
if (!result.ok) fail(result.error);
const outcome = result.value;
const rows = Object.entries(outcome.metrics)
  .filter(([k]) => k.includes(".champion."))
  .map(([k, v]) => {
    const [set, , metric] = k.split(".");
    return [`${set} ${metric}`, v ?? "n/a", outcome.metrics[`${set}.challenger.${metric}`] ?? "n/a"];
  });
console.log(renderTable(["set metric", `champion ${outcome.champion}`, `challenger ${outcome.challenger}`], rows));
console.log(`\n${outcome.reason}`);
if (outcome.promoted) {
  const registry = createModelRegistry({ modelsDir: join(resolve(String(args.values["data-dir"])), "models") });
  const published = await publishChampionIfShared(registry, model.data);
  if (published) console.log(published);
}
printJsonLine({ ...outcome });
