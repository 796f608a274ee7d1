// One red-team run: start the target, build the catalogue (refusing a malformed one), run the chosen scenarios one
// after another against the same app and hostile model server, and always tear everything down.
import path from "node:path";
import { loadPromptCanaries } from "./prompt-canaries.js";
import { startRedteamTarget } from "./redteam-target.js";
import { runScenario } from "./run-scenario.js";
import type { Scenario, ScenarioResult } from "./scenario.js";
import { allScenarios, catalogueProblems } from "./scenarios/all-scenarios.js";

/** What to run and whom to tell. */
export interface RedteamOptions {
  /** Repository root: knowledge/, prompts/ and var/cache/ are read from it. */
  repoRoot: string;
  /** Which scenarios to run (all by default). */
  select?: (s: Scenario) => boolean;
  /** Called before the run with the number of scenarios chosen. */
  onStart?: (total: number) => void;
  /** Called after each scenario. */
  onResult?: (result: ScenarioResult) => void;
  /** Harness notes (start-up, the model circuit), for stderr. */
  note?: (line: string) => void;
}

/** The catalogue for a repository (its prompts provide the system-prompt canaries). */
export function loadCatalogue(repoRoot: string): Scenario[] {
  const scenarios = allScenarios({ prompts: loadPromptCanaries(path.join(repoRoot, "prompts")) });
  const problems = catalogueProblems(scenarios);
  if (problems.length > 0) throw new Error(`red-team catalogue:\n${problems.join("\n")}`);
  return scenarios;
}

/** Runs the chosen scenarios and returns their results in catalogue order. */
export async function runRedteam(options: RedteamOptions): Promise<ScenarioResult[]> {
  const chosen = loadCatalogue(options.repoRoot).filter(options.select ?? (() => true));
  options.onStart?.(chosen.length);
  options.note?.("starting the app in-process with the hostile model server…");
  const target = await startRedteamTarget(options.repoRoot);
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of chosen) {
      const result = await runScenario(target, scenario, (line) => options.note?.(`${scenario.name}: ${line}`));
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    await target.close();
  }
  return results;
}
