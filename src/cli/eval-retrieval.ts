// `npm run eval:retrieval`: builds an index from the knowledge folder and measures recall@1, recall@5 and MRR on the
// labelled customer questions, overall and per locale (and per retrieval mode with --mode all).
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { createFixedClock, createSystemClock, toIsoDay, type Clock } from "../shared/clock.js";
import { LocaleSchema } from "../shared/locale.js";
import { round } from "../shared/metrics.js";
import { createKnowledgeBase, type RetrievalMode } from "../knowledge/knowledge-base.js";
import { ingestKnowledge } from "../knowledge/ingest-knowledge.js";
import { createLocalEmbeddings } from "../knowledge/local-embeddings.js";
import { createProgress, fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";

const EvalQuestionSchema = z.object({
  id: z.string(),
  locale: LocaleSchema,
  question: z.string().min(1),
  relevant: z.array(z.string()).min(1),
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

const args = parseCli({
  name: "eval:retrieval",
  summary: "Measure retrieval quality on labelled customer questions",
  usage:
    "npm run eval:retrieval -- [--fixture test/fixtures/retrieval-eval.jsonl] [--knowledge knowledge] [--today YYYY-MM-DD]",
  options: {
    fixture: { type: "string", default: "test/fixtures/retrieval-eval.jsonl", description: "Questions (JSON lines)" },
    knowledge: { type: "string", default: "knowledge", description: "Knowledge folder" },
    index: { type: "string", default: "var/eval-index", description: "Index root built for the evaluation" },
    dim: { type: "string", default: "128", description: "Local embedding dimension (LSA components)" },
    mode: { type: "string", default: "hybrid", description: "hybrid | vector | lexical | all" },
    today: {
      type: "string",
      description: "Day the knowledge must be in force (default: the clock's day); a question's own `today` wins",
    },
    "vector-weight": { type: "string", default: "0.35", description: "Weight of the vector score in hybrid fusion" },
    "document-weight": {
      type: "string",
      default: "0.2",
      description: "Share of whole-document BM25 in the fused score",
    },
    misses: {
      type: "boolean",
      default: false,
      description: "List questions whose relevant document is not in the top 5",
    },
  },
});

async function readQuestions(path: string): Promise<EvalQuestion[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    fail(`cannot read ${path}: ${(e as Error).message}`);
  }
  return text
    .split("\n")
    .filter((l) => l.trim().length > 0)
    .map((line, i) => {
      const parsed = EvalQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        fail(`${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
      return parsed.data;
    });
}

const today = args.values["today"] as string | undefined;
if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) fail(`--today must be YYYY-MM-DD, got "${today}"`);
const dim = Number(args.values["dim"]);
if (!Number.isInteger(dim) || dim < 16) fail(`--dim must be an integer ≥ 16`);
const modeArg = String(args.values["mode"]);
const modes: RetrievalMode[] = modeArg === "all" ? ["vector", "lexical", "hybrid"] : [modeArg as RetrievalMode];
if (!modes.every((m) => ["vector", "lexical", "hybrid"].includes(m)))
  fail(`--mode must be hybrid, vector, lexical or all`);

const questions = await readQuestions(String(args.values["fixture"]));
const embeddings = createLocalEmbeddings({ dim });
const ingest = await ingestKnowledge({
  knowledgeDir: String(args.values["knowledge"]),
  indexRoot: String(args.values["index"]),
  embeddings,
});
if (ingest.skipped.length > 0)
  console.log(
    `warning: ${ingest.skipped.length} knowledge files skipped: ${ingest.skipped.map((s) => s.path).join(", ")}`,
  );

const defaultDay = today ?? toIsoDay(createSystemClock().now());
let currentDay = defaultDay;
const clock: Clock = { now: () => createFixedClock(`${currentDay}T12:00:00Z`).now() };

interface Tally {
  n: number;
  r1: number;
  r5: number;
  rr: number;
}
const empty = (): Tally => ({ n: 0, r1: 0, r5: 0, rr: 0 });
const summary = (t: Tally): { n: number; "recall@1": number; "recall@5": number; mrr: number } => ({
  n: t.n,
  "recall@1": round(t.r1 / Math.max(1, t.n), 4),
  "recall@5": round(t.r5 / Math.max(1, t.n), 4),
  mrr: round(t.rr / Math.max(1, t.n), 4),
});

let final: ReturnType<typeof summary> | undefined;
const rows: (string | number)[][] = [];
for (const mode of modes) {
  const kb = await createKnowledgeBase({
    indexRoot: String(args.values["index"]),
    embeddings,
    clock,
    mode,
    vectorWeight: Number(args.values["vector-weight"]),
    documentWeight: Number(args.values["document-weight"]),
  });
  const byLocale = new Map<string, Tally>([
    ["all", empty()],
    ["en", empty()],
    ["zh-CN", empty()],
  ]);
  const misses: string[] = [];
  const bar = createProgress(`eval ${mode}`, questions.length);
  for (const q of questions) {
    currentDay = q.today ?? defaultDay;
    const hits = await kb.search(q.question, { k: 10, locale: q.locale });
    const docs = hits.map((h) => h.docId);
    // A translation of a relevant document is as relevant: it states the same facts (npm run lint:knowledge).
    const rank = hits.findIndex((h) => q.relevant.includes(h.docId) || q.relevant.includes(h.topic)) + 1;
    for (const key of ["all", q.locale]) {
      const t = byLocale.get(key) as Tally;
      t.n++;
      if (rank === 1) t.r1++;
      if (rank >= 1 && rank <= 5) t.r5++;
      if (rank >= 1) t.rr += 1 / rank;
    }
    if (rank === 0 || rank > 5)
      misses.push(
        `${q.id} [${q.locale}] ${q.question.slice(0, 70)} → want ${q.relevant.join("|")}, got ${[...new Set(docs)].slice(0, 5).join(", ")}`,
      );
    bar.tick();
  }
  bar.stop();
  await kb.close();
  for (const [key, t] of byLocale) {
    const s = summary(t);
    rows.push([mode, key, s.n, s["recall@1"], s["recall@5"], s.mrr]);
  }
  if (args.values["misses"] === true) for (const m of misses) console.log(`miss (${mode}) ${m}`);
  final = summary(byLocale.get("all") as Tally);
}
console.log(
  `index ${ingest.version} (${ingest.totalChunks} chunks, ${embeddings.id}); day ${defaultDay}; ${questions.length} questions`,
);
console.log(renderTable(["mode", "locale", "n", "recall@1", "recall@5", "mrr"], rows));
if (final) printJsonLine(final);
