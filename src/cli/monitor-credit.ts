// `npm run monitor:credit`: population stability of the score and of each characteristic for recent applicants,
// against the scorecard's training population, as a text report and an HTML page with the distributions plotted.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { round } from "../shared/metrics.js";
import { parseApplicantCsv } from "../scoring/credit/applicant-file.js";
import { DEFAULT_SCORECARD_FILE, ensureDefaultScorecard } from "../scoring/credit/default-scorecard.js";
import { formatProblem } from "../scoring/credit/delimited-file.js";
import { toFeatureRow } from "../scoring/credit/native-features.js";
import { loadScorecard, type Scorecard } from "../scoring/credit/scorecard-artefact.js";
import { buildStabilityReport, renderStabilityHtml, renderStabilityText } from "../scoring/credit/stability-report.js";
import { generateApplicantBook } from "../scoring/credit/synthetic-book.js";
import type { Applicant } from "../scoring/credit/applicant-schema.js";
import { fail, parseCli, printJsonLine } from "./cli-kit.js";

const args = parseCli({
  name: "monitor:credit",
  summary: "PSI of the credit score and CSI per characteristic for recent applicants",
  usage: "npm run monitor:credit -- --recent <applicants.csv> [--scorecard <file>] [--html <file>]",
  options: {
    recent: { type: "string", description: "Recent applicants (our applicant CSV; a defaulted column is ignored)" },
    simulate: {
      type: "string",
      description: "Instead of --recent: simulate this many recent applicants from the synthetic book",
    },
    "risk-shift": {
      type: "string",
      default: "0",
      description: "With --simulate: shift of the latent risk (e.g. 0.5 for a riskier intake)",
    },
    seed: { type: "string", default: "7", description: "Seed for --simulate" },
    scorecard: {
      type: "string",
      default: join("var", "models", DEFAULT_SCORECARD_FILE),
      description: "Scorecard artefact (the default one is trained if missing)",
    },
    html: {
      type: "string",
      default: join("var", "reports", "credit-stability.html"),
      description: "Where to write the HTML page",
    },
  },
});

const scorecardPath = args.values["scorecard"] as string;
let scorecard: Scorecard;
if (scorecardPath === join("var", "models", DEFAULT_SCORECARD_FILE)) {
  const ensured = await ensureDefaultScorecard({ modelsDir: join("var", "models"), seed: 42 });
  if (!ensured.ok) fail(ensured.error);
  scorecard = ensured.value.scorecard;
} else {
  const loaded = await loadScorecard(scorecardPath, { dataset: "native" });
  if (!loaded.ok) fail(loaded.error);
  scorecard = loaded.value;
}

let applicants: Applicant[];
const recentPath = args.values["recent"] as string | undefined;
if (recentPath) {
  let text: string;
  try {
    text = await readFile(recentPath, "utf8");
  } catch (e) {
    fail(`cannot read ${recentPath}: ${(e as Error).message}`);
  }
  const parsed = parseApplicantCsv(text, { requireOutcome: false });
  if (!parsed.ok) fail(formatProblem(parsed.error, recentPath));
  applicants = parsed.value.applicants;
} else if (args.values["simulate"]) {
  const size = Number(args.values["simulate"]);
  const riskShift = Number(args.values["risk-shift"]);
  if (!Number.isInteger(size) || size < 1 || !Number.isFinite(riskShift))
    fail("--simulate needs a positive integer and --risk-shift a number");
  applicants = generateApplicantBook({ size, seed: Number(args.values["seed"]), riskShift }).map((e) => e.applicant);
} else {
  fail("give --recent <file> or --simulate <n>");
}

const report = buildStabilityReport(scorecard, applicants.map(toFeatureRow));
const htmlPath = args.values["html"] as string;
await mkdir(dirname(htmlPath), { recursive: true });
await writeFile(htmlPath, renderStabilityHtml(report), "utf8");
console.log(renderStabilityText(report));
console.log(`\nHTML report: ${htmlPath}`);
printJsonLine({
  scorecardVersion: report.scorecardVersion,
  rows: report.recentRows,
  psi: round(report.score.index),
  band: report.score.band,
  csi: Object.fromEntries(report.features.map((f) => [f.name, round(f.index)])),
});
