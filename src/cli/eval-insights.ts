// `npm run eval:insights`: how well the insights clustering recovers planted topics in synthetic logs of badly
// handled messages (6 topics, paraphrases with typos, half Chinese); the last line is one JSON object with the ARIs.
import { evaluatePlantedTopics } from "../agent/insights/evaluate-planted.js";
import { fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";

const TARGET_ARI = 0.8;

const args = parseCli({
  name: "eval:insights",
  summary:
    "Adjusted Rand index of the insights topic clustering on planted synthetic logs, per language (target ≥ 0.8)",
  usage: "npm run eval:insights -- [--seeds 10] [--per-topic 40] [--check]",
  options: {
    seeds: { type: "string", default: "10", description: "how many seeded logs to average over" },
    "per-topic": { type: "string", default: "40", description: "messages per planted topic (half in Chinese)" },
    check: { type: "boolean", default: false, description: "exit 1 when a language misses the target" },
  },
});

const seeds = Number(args.values["seeds"]);
const perTopic = Number(args.values["per-topic"]);
if (!Number.isInteger(seeds) || seeds < 1 || seeds > 100) fail("--seeds must be an integer from 1 to 100", 2);
if (!Number.isInteger(perTopic) || perTopic < 4 || perTopic > 400) fail("--per-topic must be from 4 to 400", 2);

const scores = evaluatePlantedTopics(
  Array.from({ length: seeds }, (_, i) => i + 1),
  perTopic,
);
console.log(
  renderTable(
    ["language", "mean ARI", "lowest ARI", "mean topics found (6 planted)"],
    (["en", "zh-CN"] as const).map((l) => [l, scores[l].meanAri, scores[l].minAri, scores[l].meanTopics]),
  ),
);
const passed = scores.en.meanAri >= TARGET_ARI && scores["zh-CN"].meanAri >= TARGET_ARI;
printJsonLine({
  eval: "insights",
  seeds,
  perTopic,
  target: TARGET_ARI,
  passed,
  en: scores.en,
  "zh-CN": scores["zh-CN"],
});
if (args.values["check"] && !passed) process.exit(1);
