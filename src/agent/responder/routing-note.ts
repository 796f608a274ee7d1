// The routing note: what the router understood about this turn, embedded in the system prompt as a tagged JSON
// block. A real LLM reads it as context; the local responder reads it to decide its tool calls.
import { TurnPlanSchema, type TurnPlan } from "../turn-plan.js";

/** The routing note's content (being replaced by the plan in the runtime context). */
export const RoutingNoteSchema = TurnPlanSchema;
/** The routing note. */
export type RoutingNote = TurnPlan;

const OPEN = "<routing>";
const CLOSE = "</routing>";

/** Renders the note as the block appended to the system prompt. */
export function renderRoutingNote(note: RoutingNote): string {
  return `${OPEN}${JSON.stringify(note)}${CLOSE}`;
}

/** Reads the note back from a system prompt; undefined when absent or malformed. */
export function parseRoutingNote(systemPrompt: string): RoutingNote | undefined {
  const start = systemPrompt.lastIndexOf(OPEN);
  const end = systemPrompt.lastIndexOf(CLOSE);
  if (start < 0 || end < start) return undefined;
  try {
    const parsed = RoutingNoteSchema.safeParse(JSON.parse(systemPrompt.slice(start + OPEN.length, end)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
