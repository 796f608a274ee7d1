// The audit record of one chat turn: what was understood, retrieved, called and checked, and how long it took.
// Everything in it is already redacted; the regression-dialogue tooling replays from it.
import { z } from "zod";
import { LocaleSchema } from "../shared/locale.js";

/** One recorded LLM call (the cassette of a turn): what the model answered. */
export const ModelCallSchema = z.object({
  provider: z.string(),
  model: z.string(),
  ms: z.number(),
  fallback: z.boolean().default(false),
  error: z.string().optional(),
  output: z.object({
    content: z.string(),
    toolCalls: z.array(z.object({ id: z.string().optional(), name: z.string(), args: z.record(z.unknown()) })),
  }),
});
/** One recorded LLM call. */
export type ModelCall = z.infer<typeof ModelCallSchema>;

/** A guardrail that fired during a turn. */
export const GuardrailEventSchema = z.object({
  type: z.enum([
    "pii_redacted",
    "injection_user",
    "injection_passage",
    "ungrounded_answer",
    "scope_refusal",
    "scope_rescued",
    "policy_violation",
    "anonymous_data_request",
    "ownership_denied",
    "llm_fallback",
    "tool_limit",
    "tool_denied",
    "confirmation_cancelled",
    "output_rail",
    "retrieval",
  ]),
  detail: z.string(),
});
/** A guardrail event. */
export type GuardrailEvent = z.infer<typeof GuardrailEventSchema>;

/** The full trace of a turn. */
export const TurnTraceSchema = z.object({
  traceId: z.string(),
  sessionId: z.string(),
  turn: z.number().int(),
  startedAt: z.string(),
  identity: z.enum(["anonymous", "customer", "staff"]),
  locale: LocaleSchema,
  kind: z.enum(["message", "confirmation"]),
  message: z.string(),
  intent: z.object({
    name: z.string(),
    route: z.string(),
    confidence: z.number(),
    top: z.array(z.object({ intent: z.string(), probability: z.number() })),
    outOfScope: z.boolean(),
    lowConfidence: z.boolean(),
  }),
  slots: z.record(z.unknown()),
  retrieved: z.array(z.object({ docId: z.string(), version: z.string(), chunkId: z.string(), score: z.number() })),
  toolCalls: z.array(
    z.object({
      name: z.string(),
      args: z.record(z.unknown()),
      status: z.string(),
      summary: z.string(),
      ms: z.number(),
    }),
  ),
  guardrails: z.array(GuardrailEventSchema),
  provider: z.string(),
  model: z.string(),
  modelCalls: z.array(ModelCallSchema),
  reply: z.string(),
  citations: z.array(z.object({ docId: z.string(), title: z.string(), version: z.string() })),
  pendingConfirmation: z.object({ id: z.string(), action: z.string(), summary: z.string() }).optional(),
  handoffTicketId: z.string().optional(),
  latencyMs: z.object({ route: z.number(), agent: z.number(), total: z.number() }),
});
/** The full trace of a turn. */
export type TurnTrace = z.infer<typeof TurnTraceSchema>;
