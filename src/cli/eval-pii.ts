// `npm run eval:pii`: precision and recall of the PII detector per kind on the labelled corpus in data/pii (dev is the
// tuning split, test the frozen one); the last line is one JSON object with the figures.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  evaluatePii,
  parsePiiCorpus,
  type KindScore,
  type PiiCorpusLine,
  type PiiEvalReport,
} from "../agent/guardrails/pii-eval.js";
import { round } from "../shared/metrics.js";
import { fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";

const SPLITS = ["dev", "test"] as const;
const TARGET = { recall: 1, precision: 0.98 };

const args = parseCli({
  name: "eval:pii",
  summary:
    "Precision and recall of PII detection per kind on data/pii/{dev,test}.jsonl (targets: recall 1.0, precision ≥ 0.98)",
  usage: "npm run eval:pii -- [--split dev|test|all] [--dir data/pii] [--errors] [--check]",
  options: {
    split: { type: "string", default: "all", description: "dev, test or all (each split, then both together)" },
    dir: { type: "string", default: "data/pii", description: "folder holding dev.jsonl and test.jsonl" },
    errors: { type: "boolean", default: false, description: "list every missed entity and false positive" },
    check: { type: "boolean", default: false, description: "exit 1 when a split misses the targets" },
  },
});

const split = String(args.values["split"]);
if (split !== "all" && !(SPLITS as readonly string[]).includes(split))
  fail(`--split must be dev, test or all, not "${split}"`, 2);
const dir = String(args.values["dir"]);
const wanted = split === "all" ? [...SPLITS] : [split];

const corpora = new Map<string, PiiCorpusLine[]>();
for (const name of wanted) {
  const file = join(dir, `${name}.jsonl`);
  if (!existsSync(file)) {
    if (split === "all") continue;
    fail(`${file} does not exist`);
  }
  const parsed = parsePiiCorpus(readFileSync(file, "utf8"));
  if (!parsed.ok) fail(`${file}: ${parsed.error}`);
  corpora.set(name, parsed.value);
}
if (corpora.size === 0) fail(`no corpus found in ${dir}`);

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
const row = (label: string, s: KindScore): string[] => [
  label,
  String(s.entities),
  String(s.recalled),
  pct(s.recall),
  String(s.detected),
  String(s.falsePositives),
  pct(s.precision),
];
const meets = (r: PiiEvalReport): boolean =>
  r.overall.recall >= TARGET.recall && r.overall.precision >= TARGET.precision;

const reports = new Map<string, PiiEvalReport>();
for (const [name, lines] of corpora) reports.set(name, evaluatePii(lines));
if (corpora.size > 1) reports.set("all", evaluatePii([...corpora.values()].flat()));

for (const [name, report] of reports) {
  console.log(`\n${name}: ${report.n} strings, ${report.overall.entities} entities`);
  const kinds = Object.entries(report.perKind).map(([kind, s]) => row(kind, s));
  console.log(
    renderTable(
      ["kind", "entities", "recalled", "recall", "detected", "false pos.", "precision"],
      [...kinds, row("overall", report.overall)],
    ),
  );
  if (args.values["errors"])
    for (const e of report.errors)
      console.log(`  ${e.type.padEnd(14)} ${e.id.padEnd(10)} ${e.kind.padEnd(13)} ${JSON.stringify(e.text)}`);
}

const final = reports.get(
  split === "all" && reports.has("all") ? "all" : ([...reports.keys()][0] ?? ""),
) as PiiEvalReport;
const perKind = Object.fromEntries(
  Object.entries(final.perKind).map(([kind, s]) => [
    kind,
    { entities: s.entities, recall: round(s.recall, 4), detected: s.detected, precision: round(s.precision, 4) },
  ]),
);
const splits = Object.fromEntries(
  [...corpora.keys()].map((name) => {
    const r = reports.get(name) as PiiEvalReport;
    return [
      name,
      {
        n: r.n,
        recall: round(r.overall.recall, 4),
        precision: round(r.overall.precision, 4),
        missed: r.overall.entities - r.overall.recalled,
        false_positives: r.overall.falsePositives,
      },
    ];
  }),
);
const targetsMet = [...corpora.keys()].every((name) => meets(reports.get(name) as PiiEvalReport));
if (args.values["check"] && !targetsMet) process.exitCode = 1;
printJsonLine({
  split: reports.has("all") && split === "all" ? "all" : [...corpora.keys()][0],
  n: final.n,
  entities: final.overall.entities,
  recall: round(final.overall.recall, 4),
  precision: round(final.overall.precision, 4),
  per_kind: perKind,
  splits,
  targets_met: targetsMet,
});
