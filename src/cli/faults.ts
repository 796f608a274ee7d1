// `npm run faults`: proves the service keeps answering (degraded where it must), loses no committed turn and leaves no
// half-written state under faults: LLM failures, a locked or read-only database, corrupt artefacts, and kill -9.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";
import { runClusterScenarios } from "./faults/cluster-scenarios.js";
import type { ScenarioResult } from "./faults/fault-checks.js";
import { runInProcessScenarios } from "./faults/in-process-scenarios.js";

const args = parseCli({
  name: "faults",
  summary: "Run the fault scenarios against the real service and report, per scenario, whether it degraded cleanly",
  usage: "npm run faults -- [--skip-cluster] [--entry dist/main.js]",
  options: {
    "skip-cluster": {
      type: "boolean",
      default: false,
      description: "only the in-process scenarios (no npm start cluster)",
    },
    entry: {
      type: "string",
      default: "dist/main.js",
      description: "server entry for the cluster scenarios (TypeScript runs with --import tsx)",
    },
    "startup-timeout": { type: "string", default: "300", description: "seconds to wait for the cluster to listen" },
  },
});

const startupTimeoutS = Number(args.values["startup-timeout"]);
if (!Number.isInteger(startupTimeoutS) || startupTimeoutS <= 0) fail("--startup-timeout must be a positive integer", 2);

const results: ScenarioResult[] = [];
process.stderr.write("in-process scenarios (LLM faults, database locked / read-only, corrupt artefacts)…\n");
results.push(...(await runInProcessScenarios()));
if (args.values["skip-cluster"] !== true) {
  process.stderr.write("cluster scenarios (kill -9 mid-turn and mid-ingest)…\n");
  const root = mkdtempSync(join(tmpdir(), "harbor-faults-cluster-"));
  try {
    cpSync("knowledge", join(root, "knowledge"), { recursive: true });
    results.push(
      ...(await runClusterScenarios({
        entry: String(args.values["entry"]),
        dataDir: join(root, "data"),
        knowledgeDir: join(root, "knowledge"),
        startupTimeoutS,
        log: (l) => process.stderr.write(`${l}\n`),
      })),
    );
  } catch (e) {
    results.push({
      scenario: "cluster scenarios",
      passed: false,
      details: (e as Error).message.slice(0, 300),
      lostTurns: 0,
      halfWritten: 0,
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

console.log(
  renderTable(
    ["scenario", "outcome", "details"],
    results.map((r) => [r.scenario, r.passed ? "pass" : "FAIL", r.details]),
  ),
);
const failed = results.filter((r) => !r.passed).length;
printJsonLine({
  scenarios: results.length,
  passed: results.length - failed,
  failed,
  lost_turns: results.reduce((s, r) => s + r.lostTurns, 0),
  half_written: results.reduce((s, r) => s + r.halfWritten, 0),
});
process.exit(failed > 0 ? 1 : 0);
