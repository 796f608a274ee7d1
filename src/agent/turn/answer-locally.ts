// The local responder's answer for a turn whose model reply failed the output rails: composed from the same
// passages and tool results the model had, so the customer still gets the grounded fact.
import { say } from "../responder/reply-templates.js";
import { answerFromKnowledge, planTurn } from "../responder/plan-turn.js";
import { readToolOutcome, type ToolOutcome } from "../tools/tool-results.js";
import { outcomesWithPlan } from "../responder/plan-outcomes.js";
import type { RecordedToolCall } from "../turn-recorder.js";
import type { TurnPlan } from "../turn-plan.js";

/** Composes the local responder's reply from this turn's evidence, without running any further tool. */
export function answerLocally(plan: TurnPlan, userText: string, calls: readonly RecordedToolCall[]): string {
  const done: ToolOutcome[] = calls.flatMap((c) =>
    c.result === undefined ? [] : (readToolOutcome(c.name, c.result) ?? []),
  );
  const outcomes = outcomesWithPlan(plan, done);
  const step = planTurn(plan, userText, outcomes);
  if (step.kind === "reply" && step.text.trim()) return step.text;
  const search = outcomes.find((o) => o.name === "search_knowledge");
  return (
    answerFromKnowledge(userText, search, plan.locale) ??
    say(plan.locale, plan.passages.length ? "ungrounded" : "unavailable")
  );
}
