// npm run rollback: restores a model's previous champion in the registry (audited); the last line is JSON.
import { userInfo } from "node:os";
import { join, resolve } from "node:path";
import { createModelRegistry, ModelNameSchema } from "../scoring/model-registry.js";
import { fail, parseCli, printJsonLine } from "./cli-kit.js";
import { publishChampionIfShared } from "./publish-champion.js";

const args = parseCli({
  name: "rollback",
  summary:
    "Restore a model's previous champion (with DATABASE_URL every instance swaps to it; otherwise at its next start)",
  usage: "npm run rollback -- --model router|fraud|credit [--data-dir var] [--reason text]",
  options: {
    model: { type: "string", description: "router, fraud or credit" },
    "data-dir": { type: "string", default: "var", description: "data directory (models/ inside it)" },
    reason: { type: "string", default: "manual rollback", description: "why, for the audit history" },
  },
});

const model = ModelNameSchema.safeParse(args.values["model"]);
if (!model.success) fail("--model must be router, fraud or credit", 2);
const registry = createModelRegistry({ modelsDir: join(resolve(String(args.values["data-dir"])), "models") });
const result = registry.rollback(model.data, { actor: userInfo().username, reason: String(args.values["reason"]) });
if (!result.ok) fail(result.error);
console.log(`${model.data}: champion ${result.value.from} → ${result.value.to}`);
const published = await publishChampionIfShared(registry, model.data);
if (published) console.log(published);
printJsonLine({ model: model.data, rolledBack: true, from: result.value.from, champion: result.value.to });
