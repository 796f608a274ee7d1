// The tool outcomes the local responder plans from: this turn's tool results, plus the passages retrieved before
// the model ran, presented as the knowledge search they came from.
import type { TurnPlan } from "../turn-plan.js";
import type { ToolOutcome } from "./plan-turn.js";

/** This turn's outcomes with the plan's passages added as a search_knowledge outcome when none was run by the model. */
export function outcomesWithPlan(plan: TurnPlan, done: readonly ToolOutcome[]): ToolOutcome[] {
  if (plan.passages.length === 0 || done.some((d) => d.name === "search_knowledge")) return [...done];
  return [{ name: "search_knowledge", data: { status: "ok", passages: plan.passages } }, ...done];
}
