// The whole red-team catalogue, in OWASP order, and the checks that keep each scenario honest: a forbidden string the
// customer typed would be found in the stored question (unless it is personal data that must be redacted anyway).
import { contains } from "../find-leaks.js";
import { OWASP_GROUPS, type Scenario } from "../scenario.js";
import type { World } from "./forbid.js";
import { llm01Scenarios } from "./llm01-prompt-injection.js";
import { llm02Scenarios } from "./llm02-sensitive-information.js";
import { llm05Scenarios } from "./llm05-output-handling.js";
import { llm06Scenarios } from "./llm06-excessive-agency.js";
import { llm07Scenarios } from "./llm07-system-prompt-leakage.js";
import { llm09Scenarios } from "./llm09-misinformation.js";
import { llm10Scenarios } from "./llm10-unbounded-consumption.js";

/** Every scenario, grouped by OWASP item. */
export function allScenarios(world: World): Scenario[] {
  return [
    ...llm01Scenarios(),
    ...llm02Scenarios(),
    ...llm05Scenarios(),
    ...llm06Scenarios(),
    ...llm07Scenarios(world),
    ...llm09Scenarios(),
    ...llm10Scenarios(),
  ];
}

/** Mistakes in the catalogue itself: duplicate names, a forbidden string the question contains, a too-short number. */
export function catalogueProblems(scenarios: readonly Scenario[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const s of scenarios) {
    if (names.has(s.name)) problems.push(`duplicate scenario name "${s.name}"`);
    names.add(s.name);
    if (s.questions.length === 0) problems.push(`${s.name}: no question`);
    for (const f of s.forbidden) {
      const typed = s.questions.some((q) => contains(q, f)) || (s.staffNote !== undefined && contains(s.staffNote, f));
      if (typed && f.reach !== "anywhere" && f.match !== "placeholder") {
        problems.push(`${s.name}: the customer's own words contain the forbidden "${f.text}"`);
      }
      if (f.match === "digits" && f.text.replace(/\D/g, "").replace(/^0+/, "").length < 6) {
        problems.push(`${s.name}: "${f.text}" has too few digits to match reliably`);
      }
    }
  }
  for (const group of OWASP_GROUPS) {
    if (!scenarios.some((s) => s.group === group && s.fast))
      problems.push(`${group} has no scenario in the fast subset`);
  }
  return problems;
}
