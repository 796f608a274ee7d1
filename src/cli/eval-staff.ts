// `npm run eval:staff -- --split test`: every question of a split of the staff question set goes through the whole
// offline chat engine with a staff token (staff router, staff tools, local responder, output rails); a staff action
// awaiting confirmation is confirmed. Each answer is scored on the tool called, its arguments, the facts stated
// (the question's own and the key figures of the right tool's result) and language purity.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { StructuredToolInterface } from "@langchain/core/tools";
import { createApp } from "../app.js";
import { createAgentTools } from "../agent/tools/agent-tools.js";
import { loadConfig } from "../config/load-config.js";
import { loadStaffIntentCatalogue } from "../router/index.js";
import { round } from "../shared/metrics.js";
import { createPiiVault } from "../shared/pii-vault.js";
import { createProgress, fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";
import { loadStaffQuestions, type StaffQuestion } from "./staff/load-staff-questions.js";
import { scoreStaffAnswer, type StaffScore } from "./staff/score-staff-reply.js";

const TARGETS = { tool_accuracy: 0.95, param_accuracy: 0.95, facts_right: 0.95, language_purity: 0.95 };
// Tools whose result is not computed ahead: actions (it would do them twice) and knowledge answers (the question's
// own facts, taken from the documents, are what they must state).
const NOT_PRECOMPUTED = new Set([
  "staff_freeze_card",
  "staff_open_dispute",
  "search_knowledge",
  "draft_customer_reply",
]);

const args = parseCli({
  name: "eval:staff",
  summary: "run a split of the staff question set through the offline chat engine as staff and score every answer",
  usage: "npm run eval:staff -- [--split dev|test] [--dir data/staff] [--report reports/staff-test.json]",
  options: {
    split: { type: "string", default: "dev", description: "dev (tune on it) or test (frozen, blind)" },
    dir: { type: "string", default: "data/staff", description: "folder of <split>.jsonl" },
    today: { type: "string", default: "2026-11-29", description: "the bank's today (the seeded data depends on it)" },
    report: { type: "string", description: "write every question with its answer and score to this JSON file" },
  },
});
const split = String(args.values["split"]);
if (!/^[a-z0-9-]{1,40}$/.test(split)) fail("--split must be a name like dev or test");
const today = String(args.values["today"]);
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) fail("--today must be YYYY-MM-DD");
const catalogue = loadStaffIntentCatalogue("data/staff-intents");
if (!catalogue.ok) fail(catalogue.error);
const utterances = catalogue.value.catalogue.intents.flatMap((i) => [...i.utterances.en, ...i.utterances["zh-CN"]]);
const loaded = loadStaffQuestions(String(args.values["dir"]), split, utterances);
if (!loaded.ok) fail(loaded.error);
const { questions, removed } = loaded.value;
if (questions.length === 0) fail("no questions left to evaluate");

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-eval-staff-"));
const config = loadConfig({
  DATA_DIR: dataDir,
  LOG_LEVEL: "silent",
  BANK_CUSTOMERS: "20",
  KNOWLEDGE_WATCH: "false",
  KNOWLEDGE_TODAY: today,
  RATE_LIMIT_PER_MINUTE: "1000000",
});
const built = await createApp(config, { skipBrowserAssets: true });
// The bank's own clock is the system clock (its history ends yesterday), so the expected results use it too.
const now = () => new Date();
const toolList: StructuredToolInterface[] = createAgentTools(built.agentPorts, { now });
const tools = new Map(toolList.map((t) => [t.name, t]));
const identity = { kind: "staff" as const, staffId: "eval-staff" };

/** Runs the expected tool with the expected arguments, as the right answer's source of figures. */
async function expectedResult(q: StaffQuestion): Promise<unknown> {
  const tool = tools.get(q.tool);
  if (!tool || NOT_PRECOMPUTED.has(q.tool)) return undefined;
  const context = { identity, sessionId: `eval-${q.id}`, locale: q.locale, vault: createPiiVault() };
  const out: unknown = await tool.invoke(q.params, { context });
  return typeof out === "string" ? JSON.parse(out) : undefined;
}

/** The names of the customer and merchant a question is about (replies may quote them in either language). */
function knownData(q: StaffQuestion): string[] {
  const bank = built.agentPorts.bank;
  const tx = typeof q.params["transactionId"] === "string" ? bank.getTransaction(q.params["transactionId"]) : undefined;
  const customerId = typeof q.params["customerId"] === "string" ? q.params["customerId"] : tx?.customerId;
  const customer = customerId ? bank.getCustomer(customerId) : undefined;
  return [customer?.name, tx?.merchantName, `staff:${identity.staffId}`].filter((x): x is string => Boolean(x));
}

type Row = StaffQuestion & {
  score: StaffScore;
  calledTool?: string;
  calledArgs: Record<string, unknown>;
  reply: string;
};
const rows: Row[] = [];
const progress = createProgress(`staff ${split}`, questions.length);
try {
  for (const q of questions) {
    const expected = await expectedResult(q);
    const first = await built.chat.handleMessage({ identity, message: q.question, locale: q.locale });
    let reply = first.reply.text;
    if (first.pendingConfirmation) {
      const decided = await built.chat.handleConfirmation({
        identity,
        sessionId: first.sessionId,
        confirmationId: first.pendingConfirmation.id,
        decision: "approve",
      });
      reply = `${first.pendingConfirmation.summary}\n${decided.reply.text}`;
    }
    const calls = built.conversations
      .listTraces(first.sessionId)
      .flatMap((t) => t.toolCalls)
      .filter((c) => c.status !== "denied");
    const call = calls[0];
    const score = scoreStaffAnswer(
      q,
      { tool: call?.name, args: call?.args ?? {}, text: reply },
      expected,
      knownData(q),
    );
    rows.push({ ...q, score, ...(call ? { calledTool: call.name } : {}), calledArgs: call?.args ?? {}, reply });
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
  tool_accuracy: share(xs, (r) => r.score.toolRight),
  param_accuracy: share(xs, (r) => r.score.paramsRight),
  facts_right: share(xs, (r) => r.score.factsRight),
  language_purity: share(xs, (r) => r.score.pure),
});
const byTool = [...new Set(rows.map((r) => r.tool))].sort();
console.log(
  renderTable(
    ["group", "n", "tool", "params", "facts", "purity"],
    [
      ["all", rows],
      ["en", rows.filter((r) => r.locale === "en")],
      ["zh-CN", rows.filter((r) => r.locale === "zh-CN")],
      ...byTool.map((t): [string, Row[]] => [t, rows.filter((r) => r.tool === t)]),
    ].map(([name, xs]) => {
      const f = figures(xs as Row[]);
      return [String(name), f.n, f.tool_accuracy, f.param_accuracy, f.facts_right, f.language_purity];
    }),
  ),
);
const wrong = rows.filter((r) => !r.score.toolRight || !r.score.paramsRight || !r.score.factsRight || !r.score.pure);
if (split !== "test" && wrong.length) {
  console.log(`\nnot right (${wrong.length}):`);
  for (const r of wrong) {
    const why = [
      r.score.toolRight ? "" : `tool ${r.calledTool ?? "none"} (want ${r.tool})`,
      r.score.toolRight && !r.score.paramsRight
        ? `args ${JSON.stringify(r.calledArgs)} (want ${JSON.stringify(r.params)})`
        : "",
      r.score.factsRight ? "" : `missing ${r.score.missedFacts.join(", ")}`,
      r.score.pure ? "" : "mixed language",
    ].filter(Boolean);
    console.log(`- ${r.id} ${r.question}\n    ${why.join("; ")}\n    ${r.reply.replace(/\n/g, " ⏎ ").slice(0, 300)}`);
  }
}
if (removed.length) console.log(`\ntaken out as training utterances (${removed.length}): ${removed.join(", ")}`);
const reportPath = args.values["report"];
if (typeof reportPath === "string") {
  fs.mkdirSync(path.dirname(path.resolve(reportPath)), { recursive: true });
  fs.writeFileSync(reportPath, JSON.stringify(rows, null, 2));
}
const all = figures(rows);
const perLanguage = Object.fromEntries(
  (["en", "zh-CN"] as const).map((l) => [l, figures(rows.filter((r) => r.locale === l))]),
);
const targetsMet = (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).every((k) => all[k] >= TARGETS[k]);
printJsonLine({ split, ...all, removed: removed.length, per_language: perLanguage, targets_met: targetsMet });
