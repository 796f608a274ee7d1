// The routing note: what the router understood about this turn, embedded in the system prompt as a tagged JSON
// block. A real LLM reads it as context; the local responder reads it to decide its tool calls.
import { z } from "zod";
import { LocaleSchema } from "../../shared/locale.js";

/** The routing note's content. */
export const RoutingNoteSchema = z.object({
  intent: z.string(),
  route: z.string(),
  locale: LocaleSchema,
  role: z.enum(["anonymous", "customer", "staff"]),
  confidence: z.number(),
  slots: z.object({
    amounts: z.array(z.object({ value: z.number(), currency: z.string().nullable() })).default([]),
    dates: z.array(z.string()).default([]),
    cardLastFour: z.array(z.string()).default([]),
    merchants: z.array(z.string()).default([]),
    transactionRefs: z.array(z.string()).default([]),
  }),
  focusTransactionId: z.string().optional(),
  allowedTools: z.array(z.string()).default([]),
  today: z.string(),
});
/** The routing note. */
export type RoutingNote = z.infer<typeof RoutingNoteSchema>;

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
