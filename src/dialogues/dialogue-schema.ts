// The regression-dialogue file format (current version 2): metadata, turns, structured per-turn expectations and
// cassettes (the model outputs recorded with the conversation, so a dialogue replays without the real model).
import { z } from "zod";
import { LocaleSchema } from "../shared/locale.js";

/** The schema version written by this code; older versions are upgraded on load. */
export const CURRENT_SCHEMA_VERSION = 2;

const SPEAKER_RE = /^(?:anonymous|customer:demo[12]|staff:[A-Za-z0-9_.-]{1,40})$/;

/** Who speaks in a dialogue: an anonymous visitor, a demo customer or a named member of staff. */
export const SpeakerSchema = z
  .string()
  .regex(SPEAKER_RE, 'must be "anonymous", "customer:demo1", "customer:demo2" or "staff:<name>"')
  .describe("Whose token the messages are sent with.");
/** A speaker. */
export type Speaker = z.infer<typeof SpeakerSchema>;

/** The routes the intent router may choose (mirrors the chat API's closed set). */
export const ExpectedRouteSchema = z.enum([
  "knowledge",
  "cards",
  "fraud",
  "credit",
  "account",
  "handoff",
  "smalltalk",
  "out_of_scope",
  "staff",
]);

/** Guardrail event types a turn may be expected to raise (mirrors the turn trace). */
export const ExpectedGuardrailSchema = z.enum([
  "pii_redacted",
  "injection_user",
  "injection_passage",
  "ungrounded_answer",
  "scope_refusal",
  "policy_violation",
  "anonymous_data_request",
  "ownership_denied",
  "llm_fallback",
  "tool_limit",
]);

const oneOrMany = <T extends z.ZodTypeAny>(item: T) => z.union([item, z.array(item).min(1)]);

/** One recorded model answer: its text and the tool calls it asked for. */
export const CassetteEntrySchema = z
  .object({
    content: z.string().default(""),
    toolCalls: z
      .array(
        z
          .object({ id: z.string().optional(), name: z.string().min(1), args: z.record(z.unknown()).default({}) })
          .strict(),
      )
      .default([]),
  })
  .strict();
/** One recorded model answer. */
export type CassetteEntry = z.infer<typeof CassetteEntrySchema>;

/** A tool call the turn must make: its name, a subset of its arguments and optionally its status. */
export const ExpectedToolCallSchema = z
  .object({
    name: z.string().min(1),
    args: z
      .record(z.unknown())
      .optional()
      .describe("Each key must be present with an equal value; other keys are ignored."),
    status: z.string().optional(),
  })
  .strict();

/** Structural and text expectations for one turn. */
export const TurnExpectationSchema = z
  .object({
    intent: z
      .object({ name: oneOrMany(z.string().min(1)).optional(), route: oneOrMany(ExpectedRouteSchema).optional() })
      .strict()
      .optional(),
    tools: z
      .object({
        calls: z
          .array(ExpectedToolCallSchema)
          .default([])
          .describe("Must appear in this order (others may be interleaved)."),
        order: z.enum(["in_order", "any"]).default("in_order"),
        exact: z.boolean().default(false).describe("No tool other than those listed may be called."),
        notCalled: z.array(z.string().min(1)).default([]),
        none: z.boolean().default(false).describe("No tool at all may be called."),
      })
      .strict()
      .optional(),
    citations: z
      .object({
        include: z.array(z.string().min(1)).default([]),
        none: z.boolean().default(false),
        exclude: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
    confirmation: z.object({ requested: z.boolean(), action: z.string().optional() }).strict().optional(),
    handoff: z.boolean().optional(),
    noPii: z
      .boolean()
      .optional()
      .describe("The reply shows no card, IBAN or resident id, nor any personal data the user typed."),
    guardrails: z
      .object({
        include: z.array(ExpectedGuardrailSchema).default([]),
        exclude: z.array(ExpectedGuardrailSchema).default([]),
      })
      .strict()
      .optional(),
    text: z
      .object({
        contains: z.array(z.string().min(1)).default([]),
        notContains: z.array(z.string().min(1)).default([]),
        regex: z.array(z.string().min(1)).default([]),
        mode: z.enum(["any", "all"]).default("all").describe("Whether any or all of contains/regex must match."),
        caseInsensitive: z.boolean().default(true),
        strict: z
          .boolean()
          .default(false)
          .describe("Count a text miss as a failure rather than only in the pass rate."),
      })
      .strict()
      .superRefine((t, ctx) => {
        t.regex.forEach((r, i) => {
          try {
            new RegExp(r);
          } catch (e) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: ["regex", i],
              message: `invalid regular expression: ${(e as Error).message}`,
            });
          }
        });
      })
      .optional(),
    latencyMs: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Budget for the turn's wall time as the client sees it."),
  })
  .strict();
/** Expectations for one turn. */
export type TurnExpectation = z.infer<typeof TurnExpectationSchema>;

/** What happened when the dialogue was recorded (filled by export; used by reports and fine-tuning). */
export const RecordedTurnSchema = z
  .object({
    reply: z.string(),
    tools: z
      .array(
        z
          .object({
            name: z.string(),
            args: z.record(z.unknown()).default({}),
            status: z.string(),
            summary: z.string().default(""),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/** One turn: a user message or a decision on the pending confirmation. */
export const DialogueTurnSchema = z
  .object({
    say: z.string().min(1).optional().describe("The user's message."),
    decide: z
      .enum(["approve", "reject"])
      .optional()
      .describe("The decision on the confirmation the previous turn requested."),
    locale: LocaleSchema.optional().describe("Overrides the dialogue's locale for this message."),
    note: z.string().optional(),
    expect: TurnExpectationSchema.default({}),
    cassette: z.array(CassetteEntrySchema).optional(),
    recorded: RecordedTurnSchema.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if ((t.say === undefined) === (t.decide === undefined)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'a turn needs exactly one of "say" or "decide"' });
    }
  });
/** One turn. */
export type DialogueTurn = z.infer<typeof DialogueTurnSchema>;

/** Dialogue metadata. */
export const DialogueMetaSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().optional(),
    tags: z.array(z.string().min(1)).default([]),
    locale: LocaleSchema,
    speaker: SpeakerSchema,
    recordedWith: z
      .object({ provider: z.string().min(1), model: z.string().min(1) })
      .strict()
      .default({ provider: "local", model: "local-responder" }),
    isolated: z
      .boolean()
      .optional()
      .describe("Replay on a fresh app instance (set automatically when a turn approves an action)."),
    fixtures: z
      .object({
        knowledge: z
          .array(z.string().min(1))
          .default([])
          .describe("Extra knowledge documents (paths relative to the dialogue file)."),
      })
      .strict()
      .optional(),
  })
  .strict();

/** A version-2 dialogue file. */
export const DialogueSchema = z
  .object({
    schemaVersion: z.literal(2),
    meta: DialogueMetaSchema,
    turns: z.array(DialogueTurnSchema).min(1, "a dialogue needs at least one turn"),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.turns[0]?.decide !== undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["turns", 0, "decide"],
        message: "the first turn cannot be a decision: nothing is pending yet",
      });
    }
  });
/** A dialogue (current version). */
export type Dialogue = z.infer<typeof DialogueSchema>;
/** A dialogue as written by hand (defaults not yet applied). */
export type DialogueInput = z.input<typeof DialogueSchema>;

/** True when a dialogue should be replayed against its cassettes rather than the local responder. */
export function usesCassettes(d: Dialogue): boolean {
  return d.meta.recordedWith.provider !== "local" && d.turns.some((t) => (t.cassette?.length ?? 0) > 0);
}
