// Measures whether the offline assistant actually helps: every question of the retrieval eval set goes through the
// full chat engine (router, agent, local responder, guardrails) and the reply must cite a document that answers it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { createApp } from "../app.js";
import { loadConfig } from "../config/load-config.js";
import { round } from "../shared/metrics.js";
import { createProgress, fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";

const QuestionSchema = z.object({
  id: z.string(),
  locale: z.enum(["en", "zh-CN"]),
  question: z.string(),
  relevant: z.array(z.string()).min(1),
  today: z.string().optional(),
});

const args = parseCli({
  name: "eval:answers",
  summary: "run the eval questions through the whole offline chat engine and score the answers",
  usage: "npm run eval:answers -- [--questions test/fixtures/retrieval-eval.jsonl] [--report reports/answers.json]",
  options: {
    questions: {
      type: "string",
      default: "test/fixtures/retrieval-eval.jsonl",
      description: "JSONL questions with relevant doc ids",
    },
    report: { type: "string", description: "Write every question with its reply to this JSON file" },
  },
});
const file = String(args.values["questions"]);
if (!fs.existsSync(file)) fail(`no such file: ${file}`);
const questions = fs
  .readFileSync(file, "utf8")
  .split("\n")
  .map((line, i) => ({ line, i }))
  .filter(({ line }) => line.trim())
  .map(({ line, i }) => {
    const parsed = QuestionSchema.safeParse(JSON.parse(line));
    if (!parsed.success)
      fail(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
    return parsed.data;
  })
  .filter((q) => !q.today);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-eval-answers-"));
const config = loadConfig({
  DATA_DIR: dataDir,
  LOG_LEVEL: "silent",
  BANK_CUSTOMERS: "20",
  KNOWLEDGE_WATCH: "false",
  KNOWLEDGE_TODAY: "2026-11-29",
  RATE_LIMIT_PER_MINUTE: "100000",
});
const built = await createApp(config, { skipBrowserAssets: true });
const progress = createProgress("answers", questions.length);
type Row = {
  id: string;
  locale: string;
  question: string;
  route: string;
  cited: string[];
  relevant: string[];
  ok: boolean;
  answered: boolean;
  grounded: boolean;
  reply: string;
};
const rows: Row[] = [];
for (const q of questions) {
  const r = await built.chat.handleMessage({ identity: { kind: "anonymous" }, message: q.question, locale: q.locale });
  const trace = built.conversations.getTrace(r.traceId);
  const cited = r.reply.citations.map((c) => c.docId);
  const grounded = !(trace?.guardrails ?? []).some((g) => g.type === "ungrounded_answer");
  const answered = r.reply.text.length > 0 && cited.length > 0;
  rows.push({
    id: q.id,
    locale: q.locale,
    question: q.question,
    route: r.intent.route,
    cited,
    relevant: q.relevant,
    answered,
    grounded,
    ok: answered && cited.some((d) => q.relevant.includes(d)),
    reply: r.reply.text,
  });
  progress.tick();
}
progress.stop();
await built.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const share = (xs: Row[], f: (r: Row) => boolean): number =>
  xs.length ? round(xs.filter(f).length / xs.length, 4) : 0;
const groups: [string, Row[]][] = [
  ["all", rows],
  ["en", rows.filter((r) => r.locale === "en")],
  ["zh-CN", rows.filter((r) => r.locale === "zh-CN")],
];
console.log(
  renderTable(
    ["locale", "n", "answered", "cites relevant doc", "grounded"],
    groups.map(([name, xs]) => [
      name,
      xs.length,
      share(xs, (r) => r.answered),
      share(xs, (r) => r.ok),
      share(xs, (r) => r.grounded),
    ]),
  ),
);
const misses = rows.filter((r) => !r.ok).slice(0, 15);
if (misses.length)
  console.log(
    `\nfirst misses:\n${misses.map((m) => `  ${m.id} [${m.route}] ${m.question.slice(0, 60)} → cited ${m.cited.join(",") || "nothing"} (wanted ${m.relevant.join(",")})`).join("\n")}`,
  );
if (args.values["report"]) {
  const out = String(args.values["report"]);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(rows, null, 2));
}
printJsonLine({
  n: rows.length,
  answered: share(rows, (r) => r.answered),
  cites_relevant: share(rows, (r) => r.ok),
  grounded: share(rows, (r) => r.grounded),
});
