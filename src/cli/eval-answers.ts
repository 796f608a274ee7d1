// `npm run eval:answers -- --split test`: every question of a split of the answers eval set goes through the whole
// offline chat engine (router, retrieval, local responder, rails) as an anonymous customer, and the reply is scored
// on what the customer needed: the required facts, the right citation, no superseded figure, no refusal of an
// answerable question, one language.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApp } from "../app.js";
import { loadConfig } from "../config/load-config.js";
import { loadKnowledgeDocuments } from "../knowledge/load-documents.js";
import { loadIntentCatalogue } from "../router/intent-catalogue.js";
import { round } from "../shared/metrics.js";
import { SYNONYMS } from "../shared/text/index.js";
import { loadAnswerQuestions, type AnswerQuestion } from "./answers/load-questions.js";
import { normaliseForFacts, scoreReply, statesFact, type ReplyScore } from "./answers/score-reply.js";
import { createProgress, fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";

const TARGETS = { facts_right: 0.9, stale: 0, mixed_language: 0, in_scope_refusals: 0.03 };

const args = parseCli({
  name: "eval:answers",
  summary: "run a split of the answers eval set through the whole offline chat engine and score every reply",
  usage: "npm run eval:answers -- [--split dev|test] [--dir data/answers] [--report reports/answers-test.json]",
  options: {
    split: { type: "string", default: "dev", description: "dev (tune on it) or test (frozen, blind)" },
    dir: { type: "string", default: "data/answers", description: "folder of <split>.jsonl / <split>-*.jsonl files" },
    knowledge: { type: "string", default: "knowledge", description: "knowledge folder (for counterpart ids)" },
    today: { type: "string", default: "2026-11-29", description: "the day the answers must be right on" },
    report: { type: "string", description: "write every question with its reply and score to this JSON file" },
  },
});
const split = String(args.values["split"]);
if (!/^[a-z0-9-]{1,40}$/.test(split)) fail("--split must be a name like dev or test");
const catalogue = loadIntentCatalogue("data/intents");
if (!catalogue.ok) fail(catalogue.error);
const loaded = loadAnswerQuestions(String(args.values["dir"]), split, {
  utterances: catalogue.value.intents.flatMap((i) => [...(i.utterances.en ?? []), ...(i.utterances["zh-CN"] ?? [])]),
  glossary: SYNONYMS.map((s) => s.written),
});
if (!loaded.ok) fail(loaded.error);
const { questions, removed } = loaded.value;
if (questions.length === 0) fail("no questions left to evaluate");

const knowledge = await loadKnowledgeDocuments(String(args.values["knowledge"]));
// A citation is right when it names the source (or its translation), or any document that states every required
// fact: several documents carry the same figure, and citing any of them supports the answer.
const bodies = knowledge.documents.map((d) => ({ id: d.meta.id, text: normaliseForFacts(d.body) }));
const counterparts = new Map<string, string[]>();
for (const d of knowledge.documents) {
  if (d.meta.counterpart)
    counterparts.set(d.meta.counterpart, [...(counterparts.get(d.meta.counterpart) ?? []), d.meta.id]);
}
const supportingDocs = (q: AnswerQuestion): string[] => [
  q.source,
  ...(counterparts.get(q.source) ?? []),
  ...bodies.filter((b) => q.facts.every((alts) => alts.some((a) => statesFact(b.text, a)))).map((b) => b.id),
];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-eval-answers-"));
const config = loadConfig({
  DATA_DIR: dataDir,
  LOG_LEVEL: "silent",
  BANK_CUSTOMERS: "20",
  KNOWLEDGE_WATCH: "false",
  KNOWLEDGE_TODAY: String(args.values["today"]),
  RATE_LIMIT_PER_MINUTE: "1000000",
});
const built = await createApp(config, { skipBrowserAssets: true });
type Row = AnswerQuestion & { score: ReplyScore; route: string; intent: string; cited: string[]; reply: string };
const rows: Row[] = [];
const progress = createProgress(`answers ${split}`, questions.length);
try {
  for (const q of questions) {
    const r = await built.chat.handleMessage({
      identity: { kind: "anonymous" },
      message: q.question,
      locale: q.locale,
    });
    const cited = r.reply.citations.map((c) => c.docId);
    const score = scoreReply(
      { text: r.reply.text, citedDocs: cited },
      { locale: q.locale, facts: q.facts, stale: q.stale, sources: supportingDocs(q) },
    );
    rows.push({ ...q, score, route: r.intent.route, intent: r.intent.name, cited, reply: r.reply.text });
    progress.tick();
  }
} finally {
  progress.stop();
  await built.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const share = (xs: Row[], f: (r: Row) => boolean): number =>
  xs.length ? round(xs.filter(f).length / xs.length, 4) : 0;
const figures = (xs: Row[]) => ({
  n: xs.length,
  facts_right: share(xs, (r) => r.score.factsRight),
  citation_right: share(xs, (r) => r.score.citationRight),
  stale: xs.filter((r) => r.score.stale).length,
  in_scope_refusals: share(xs, (r) => r.score.refusal),
  mixed_language: xs.filter((r) => r.score.mixedLanguage).length,
});
const groups: [string, Row[]][] = [
  ["all", rows],
  ["en", rows.filter((r) => r.locale === "en")],
  ["zh-CN", rows.filter((r) => r.locale === "zh-CN")],
  ["changed figure", rows.filter((r) => r.changed)],
  ["multi-part", rows.filter((r) => r.facts.length > 1)],
];
console.log(
  renderTable(
    ["group", "n", "facts right", "citation right", "stale", "in-scope refusals", "mixed language"],
    groups.map(([name, xs]) => {
      const f = figures(xs);
      return [name, f.n, f.facts_right, f.citation_right, f.stale, f.in_scope_refusals, f.mixed_language];
    }),
  ),
);
if (removed.length)
  console.log(`\ntaken out (${removed.length}): ${removed.map((r) => `${r.id} (${r.why})`).join(", ")}`);
const misses = rows.filter((r) => !r.score.factsRight).slice(0, 12);
if (misses.length)
  console.log(
    `\nfirst misses:\n${misses.map((m) => `  ${m.id} [${m.intent}/${m.route}] ${m.question.slice(0, 70)} → cited ${m.cited.join(",") || "nothing"} (wanted ${m.source})`).join("\n")}`,
  );
if (args.values["report"]) {
  const out = String(args.values["report"]);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(rows, null, 2));
}
const byLocale = { en: figures(groups[1]?.[1] ?? []), "zh-CN": figures(groups[2]?.[1] ?? []) };
const met =
  Object.values(byLocale).every((f) => f.facts_right >= TARGETS.facts_right) &&
  figures(rows).stale === TARGETS.stale &&
  figures(rows).mixed_language === TARGETS.mixed_language &&
  figures(rows).in_scope_refusals <= TARGETS.in_scope_refusals;
printJsonLine({ split, ...figures(rows), removed: removed.length, per_language: byLocale, targets_met: met });
