// `npm run eval:rails`: recall and precision of the commitment rail (data/rails/commitments-<split>.jsonl) and the
// grounding rail (data/rails/grounding-<split>.jsonl); dev is the tuning split, test the frozen blind one. The last
// line is one JSON object with the figures; the targets (recall and precision ≥ 0.95) are judged on test.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CommitmentCaseSchema,
  GroundingCaseSchema,
  parseCases,
  type RailScore,
  scoreCommitments,
  scoreGrounding,
} from "../agent/rails/rails-eval.js";
import { round } from "../shared/metrics.js";
import { fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";

const SPLITS = ["dev", "test"] as const;
const TARGET = { recall: 0.95, precision: 0.95 };

const args = parseCli({
  name: "eval:rails",
  summary: "Recall and precision of the commitment and grounding output rails (targets: both ≥ 0.95 on test)",
  usage: "npm run eval:rails -- [--split dev|test|all] [--dir data/rails] [--errors] [--check]",
  options: {
    split: { type: "string", default: "all", description: "dev, test or all (each split present)" },
    dir: {
      type: "string",
      default: "data/rails",
      description: "folder holding commitments-<split>.jsonl and grounding-<split>.jsonl",
    },
    errors: { type: "boolean", default: false, description: "list every case scored wrongly, with the rail's reason" },
    check: { type: "boolean", default: false, description: "exit 1 when the targets are not met" },
  },
  allowPositionals: true,
});

const split = String(args.values["split"]);
if (split !== "all" && !(SPLITS as readonly string[]).includes(split))
  fail(`--split must be dev, test or all, not "${split}"`, 2);
if (args.positionals.length > 1) fail(`expected at most one data folder, got ${args.positionals.length}`, 2);
const dir = args.positionals[0] ?? String(args.values["dir"]);
if (!existsSync(dir)) fail(`${dir} does not exist`);
const wanted = split === "all" ? [...SPLITS] : [split];

function load<S extends typeof CommitmentCaseSchema | typeof GroundingCaseSchema>(file: string, schema: S) {
  const parsed = parseCases(readFileSync(file, "utf8"), schema);
  if (!parsed.ok) fail(`${file}: ${parsed.error}`);
  return parsed.value;
}

const reports = new Map<string, { commitment: RailScore; grounding: RailScore }>();
for (const name of wanted) {
  const commitments = join(dir, `commitments-${name}.jsonl`);
  const grounding = join(dir, `grounding-${name}.jsonl`);
  const missing = [commitments, grounding].filter((f) => !existsSync(f));
  if (missing.length > 0) {
    if (split === "all" && missing.length === 2) continue;
    fail(`${missing.join(" and ")} not found`);
  }
  reports.set(name, {
    commitment: scoreCommitments(load(commitments, CommitmentCaseSchema)),
    grounding: scoreGrounding(load(grounding, GroundingCaseSchema)),
  });
}
if (reports.size === 0) fail(`no split found in ${dir}`);

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
const row = (rail: string, s: RailScore): string[] => [
  rail,
  String(s.n),
  String(s.positives),
  String(s.tp),
  String(s.fp),
  String(s.fn),
  pct(s.recall),
  pct(s.precision),
];
for (const [name, r] of reports) {
  console.log(`\n${name}`);
  console.log(
    renderTable(
      ["rail", "cases", "positives", "caught", "false pos.", "missed", "recall", "precision"],
      [row("commitment", r.commitment), row("grounding", r.grounding)],
    ),
  );
  if (args.values["errors"]) {
    for (const [rail, s] of Object.entries(r))
      for (const e of s.errors)
        console.log(
          `  ${rail.padEnd(10)} ${e.label.padEnd(10)} ${JSON.stringify(e.text)}${e.why ? `  (${e.why})` : ""}`,
        );
  }
}

const summary = (s: RailScore) => ({
  n: s.n,
  positives: s.positives,
  recall: round(s.recall, 4),
  precision: round(s.precision, 4),
  missed: s.fn,
  false_positives: s.fp,
});
// The targets are judged on test; when test was not run, the figures are those of the split that was.
const judged = reports.has("test") ? "test" : ([...reports.keys()].pop() as string);
const final = reports.get(judged) as { commitment: RailScore; grounding: RailScore };
const meets = (s: RailScore): boolean => s.recall >= TARGET.recall && s.precision >= TARGET.precision;
const targetsMet = meets(final.commitment) && meets(final.grounding);
if (args.values["check"] && !targetsMet) process.exitCode = 1;
printJsonLine({
  splits: Object.fromEntries(
    [...reports].map(([name, r]) => [name, { commitment: summary(r.commitment), grounding: summary(r.grounding) }]),
  ),
  commitment_recall: round(final.commitment.recall, 4),
  commitment_precision: round(final.commitment.precision, 4),
  grounding_recall: round(final.grounding.recall, 4),
  grounding_precision: round(final.grounding.precision, 4),
  targets_split: judged,
  targets_met: targetsMet,
});
