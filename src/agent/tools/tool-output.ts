// What every tool shares on the way out: the statuses several tools report, the check that a result matches the
// tool's own output schema before the model reads it, and the screen that masks data text carrying instructions.
import { z } from "zod";
import { screenDataText } from "../guardrails/injection-screen.js";

/** The caller has to sign in as a customer before the tool can answer. */
export const NeedsSignInSchema = z.object({
  status: z.literal("needs_sign_in").describe("The caller must sign in as a customer first."),
});

/** The tool is for staff and the caller is not. */
export const ForbiddenSchema = z.object({
  status: z.literal("forbidden").describe("Only a member of staff may use this tool."),
});

/** How many free-text values of a result were masked; the field is absent when none was. */
export const InjectionRemovedSchema = z
  .number()
  .int()
  .positive()
  .optional()
  .describe("How many free-text values were replaced by a marker because they read as instructions.");

/**
 * Serialises a tool result after checking it against the tool's output schema. A result that does not match is a bug
 * in the tool, so it throws; fields the schema does not name never reach the model.
 */
export function toolOutput<S extends z.ZodTypeAny>(schema: S, value: z.input<S>): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`${schema.description ?? "tool output"} does not match its schema: ${issues}`);
  }
  return JSON.stringify(parsed.data);
}

/** Masks the free-text values of one result and counts them, for the result's `injectionRemoved` field. */
export interface FreeTextScreen {
  /** The value, or the neutral marker when it carries an instruction. */
  clean(text: string): string;
  /** `{ injectionRemoved: n }` once any value was masked, otherwise nothing, so clean results keep their shape. */
  removed(): { injectionRemoved?: number };
}

/** Creates the screen for one tool result. */
export function createFreeTextScreen(): FreeTextScreen {
  let count = 0;
  return {
    clean(text) {
      const screened = screenDataText(text);
      if (screened.flagged) count++;
      return screened.text;
    },
    removed: () => (count > 0 ? { injectionRemoved: count } : {}),
  };
}
