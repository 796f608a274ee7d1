// `npm run fit:rescue`: measures the coverage thresholds (src/agent/match-strength.ts) on the dev split
// of the answers eval set (answerable questions) against the router's out-of-scope and advice training utterances
// (questions the bank does not answer). The test split is never read.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { toKnowledgePort } from "../agent/adapters/knowledge-adapter.js";
import { retrievePassages } from "../agent/passages.js";
import { bestMatch, PARTIAL_MATCH, STRONG_MATCH } from "../agent/match-strength.js";
import { createFixedClock } from "../shared/clock.js";
import { ingestKnowledge } from "../knowledge/ingest-knowledge.js";
import { createKnowledgeBase } from "../knowledge/knowledge-base.js";
import { createLocalEmbeddings } from "../knowledge/local-embeddings.js";
import { loadIntentCatalogue } from "../router/intent-catalogue.js";
import { round } from "../shared/metrics.js";
import { loadAnswerQuestions } from "./answers/load-questions.js";
import { createProgress, fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";

const args = parseCli({
  name: "fit:rescue",
  summary: "measure how well knowledge coverage separates answerable questions from out-of-scope and advice ones",
  usage: "npm run fit:rescue -- [--knowledge knowledge] [--intents data/intents] [--dir data/answers]",
  options: {
    knowledge: { type: "string", default: "knowledge", description: "knowledge folder" },
    intents: { type: "string", default: "data/intents", description: "intent catalogue (negatives)" },
    dir: { type: "string", default: "data/answers", description: "answers eval set folder (dev split only)" },
  },
});
const catalogue = loadIntentCatalogue(String(args.values["intents"]));
if (!catalogue.ok) fail(catalogue.error);
const dev = loadAnswerQuestions(String(args.values["dir"]), "dev", { utterances: [], glossary: [] });
if (!dev.ok) fail(dev.error);
const negatives = catalogue.value.intents
  .filter((i) => i.name === "out_of_scope" || i.name === "advice_request")
  .flatMap((i) => [
    ...i.utterances.en.map((q) => ({ q, locale: "en" as const })),
    ...(i.utterances["zh-CN"] ?? []).map((q) => ({ q, locale: "zh-CN" as const })),
  ]);
const positives = dev.value.questions.map((x) => ({ q: x.question, locale: x.locale }));

const indexRoot = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-fit-rescue-"));
const clock = createFixedClock("2026-11-29T12:00:00Z");
const embeddings = createLocalEmbeddings({ dim: 256 });
await ingestKnowledge({ knowledgeDir: String(args.values["knowledge"]), indexRoot, embeddings, clock });
const kb = await createKnowledgeBase({ indexRoot, embeddings, clock });
const port = toKnowledgePort(kb);
const progress = createProgress("fit:rescue", positives.length + negatives.length);
const strengthOf = async (x: { q: string; locale: "en" | "zh-CN" }): Promise<number> => {
  const passages = await retrievePassages(port, x.q, { locale: x.locale, k: 4 });
  progress.tick();
  return bestMatch(x.q, passages);
};
const pos: number[] = [];
for (const x of positives) pos.push(await strengthOf(x));
const neg: number[] = [];
for (const x of negatives) neg.push(await strengthOf(x));
progress.stop();
await kb.close();
fs.rmSync(indexRoot, { recursive: true, force: true });

const rows = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((t) => [
  t,
  round(pos.filter((s) => s >= t).length / pos.length, 4),
  round(neg.filter((s) => s >= t).length / neg.length, 4),
]);
console.log(renderTable(["threshold", "answerable kept (dev)", "out-of-scope/advice let through"], rows));
const at = (t: number) => ({
  answerable: round(pos.filter((s) => s >= t).length / pos.length, 4),
  refused_let_through: round(neg.filter((s) => s >= t).length / neg.length, 4),
});
printJsonLine({
  positives: pos.length,
  negatives: neg.length,
  answer: { threshold: STRONG_MATCH, ...at(STRONG_MATCH) },
  suggest: { threshold: PARTIAL_MATCH, ...at(PARTIAL_MATCH) },
});
