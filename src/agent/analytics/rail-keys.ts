// Names which rails fired in a turn: each guardrail type, each output rail that blocked a sentence
// (`output_rail:grounding`), and the fallback where the local responder answered instead of the model.
import type { GuardrailEvent } from "../../conversations/turn-trace.js";

/** The detail the turn pipeline writes when the local responder replaced the model's reply. */
export const FALLBACK_MARK = "the local responder answered instead";

/** True when a turn's guardrail events include the local-responder fallback. */
export function isFallbackTurn(events: readonly GuardrailEvent[]): boolean {
  return events.some((e) => e.type === "output_rail" && e.detail.includes(FALLBACK_MARK));
}

/** The distinct rail keys that fired in one turn. */
export function railKeysOf(events: readonly GuardrailEvent[]): Set<string> {
  const keys = new Set<string>();
  for (const e of events) {
    if (e.type !== "output_rail") {
      keys.add(e.type);
      continue;
    }
    if (e.detail.includes(FALLBACK_MARK)) continue;
    const head = /^([a-z_+]+):/.exec(e.detail)?.[1];
    if (!head) keys.add("output_rail");
    else for (const rail of head.split("+")) keys.add(`output_rail:${rail}`);
  }
  return keys;
}
