// `npm run lint:knowledge`: every English knowledge document has a Chinese counterpart with the same facts and
// dates. Part of `npm test`, so a translation that drops or changes a figure fails the build.
import { loadKnowledgeDocuments } from "../knowledge/load-documents.js";
import { lintCounterparts } from "../knowledge/lint-counterparts.js";
import { fail, parseCli, printJsonLine } from "./cli-kit.js";

const args = parseCli({
  name: "lint:knowledge",
  summary: "check that every English document has a zh-CN counterpart stating the same facts and dates",
  usage: "npm run lint:knowledge -- [--dir knowledge]",
  options: { dir: { type: "string", default: "knowledge", description: "knowledge folder" } },
});
const dir = String(args.values["dir"]);
const loaded = await loadKnowledgeDocuments(dir).catch((e: unknown) => fail(`cannot read ${dir}: ${String(e)}`));
for (const s of loaded.skipped) console.log(`${s.path}: skipped: ${s.problem}`);
const report = lintCounterparts(loaded.documents);
for (const p of report.problems) console.log(`${p.path}: ${p.problem}`);
printJsonLine({
  english: report.english,
  pairs: report.pairs,
  problems: report.problems.length,
  skipped: loaded.skipped.length,
});
if (report.problems.length || loaded.skipped.length) process.exitCode = 1;
