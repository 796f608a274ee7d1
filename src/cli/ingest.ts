// `npm run ingest`: validates the knowledge folder, embeds new or changed chunks and publishes a new index version.
import { createSystemClock } from "../shared/clock.js";
import { createJsonLogger } from "../shared/logger.js";
import { createLocalEmbeddings } from "../knowledge/local-embeddings.js";
import { createOpenAIEmbeddings } from "../knowledge/openai-embeddings.js";
import { ingestKnowledge } from "../knowledge/ingest-knowledge.js";
import type { Embeddings } from "../knowledge/embeddings-port.js";
import { createProgress, fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";

const args = parseCli({
  name: "ingest",
  summary: "Build or update the knowledge index (incremental, atomic)",
  usage: "npm run ingest -- [--knowledge knowledge] [--index var/index] [--provider local|openai] [--dim 1024]",
  options: {
    knowledge: { type: "string", default: "knowledge", description: "Knowledge folder (en/, zh-CN/)" },
    index: { type: "string", default: "var/index", description: "Index root folder" },
    provider: { type: "string", default: "local", description: "Embeddings provider: local | openai" },
    dim: { type: "string", default: "1024", description: "Embedding dimension (local provider)" },
    model: { type: "string", default: "text-embedding-3-small", description: "Model (openai provider)" },
    "base-url": { type: "string", description: "OpenAI-compatible base URL (openai provider; API key from --api-key)" },
    "api-key": { type: "string", description: "API key (openai provider)" },
    refit: { type: "boolean", default: false, description: "Refit corpus statistics and re-embed everything" },
    strict: { type: "boolean", default: false, description: "Exit non-zero when any file is skipped" },
  },
});

const dim = Number(args.values["dim"]);
if (!Number.isInteger(dim) || dim < 16 || dim > 8192)
  fail(`--dim must be an integer between 16 and 8192, got "${String(args.values["dim"])}"`);
const provider = String(args.values["provider"]);
let embeddings: Embeddings;
if (provider === "local") embeddings = createLocalEmbeddings({ dim });
else if (provider === "openai") {
  const apiKey = args.values["api-key"] as string | undefined;
  const baseUrl = args.values["base-url"] as string | undefined;
  embeddings = createOpenAIEmbeddings({
    model: String(args.values["model"]),
    ...(apiKey ? { apiKey } : {}),
    ...(baseUrl ? { baseUrl } : {}),
  });
} else fail(`--provider must be local or openai, got "${provider}"`);

let bar: ReturnType<typeof createProgress> | undefined;
const started = Date.now();
try {
  const report = await ingestKnowledge({
    knowledgeDir: String(args.values["knowledge"]),
    indexRoot: String(args.values["index"]),
    embeddings,
    clock: createSystemClock(),
    logger: createJsonLogger({ level: "warn" }),
    refit: args.values["refit"] === true,
    onProgress: (done, total) => {
      if (total === 0) return;
      bar ??= createProgress("embedding chunks", total);
      bar.update(done);
    },
  });
  bar?.stop();
  console.log(
    renderTable(
      ["index version", "added", "updated", "removed", "unchanged", "chunks", "embedded", "refitted", "skipped"],
      [
        [
          report.version,
          report.added,
          report.updated,
          report.removed,
          report.unchanged,
          report.totalChunks,
          report.embeddedChunks,
          String(report.refitted),
          report.skipped.length,
        ],
      ],
    ),
  );
  for (const s of report.skipped) console.log(`skipped ${s.path}: ${s.problem}`);
  console.log(`embeddings ${embeddings.id}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  printJsonLine(report);
  if (args.values["strict"] === true && report.skipped.length > 0) process.exit(1);
} catch (e) {
  bar?.stop();
  fail((e as Error).message);
}
