// The turn plan: what the router understood about this turn and what was retrieved for it. It reaches the local
// responder through the agent's runtime context, never through the prompt; a real model reads it as prose.
import { z } from "zod";
import { LocaleSchema } from "../shared/locale.js";
import { PassageSchema } from "./passages.js";
import { StaffCallSchema } from "./staff/staff-call.js";

/** The slots the router found, as the plan carries them. */
export const PlanSlotsSchema = z.object({
  amounts: z.array(z.object({ value: z.number(), currency: z.string().nullable() })).default([]),
  termsMonths: z.array(z.number().int().positive()).default([]),
  dates: z.array(z.string()).default([]),
  cardLastFour: z.array(z.string()).default([]),
  merchants: z.array(z.string()).default([]),
  transactionRefs: z.array(z.string()).default([]),
});
/** Plan slots. */
export type PlanSlots = z.infer<typeof PlanSlotsSchema>;

/** The plan of one turn. */
export const TurnPlanSchema = z.object({
  intent: z.string(),
  route: z.string(),
  locale: LocaleSchema,
  role: z.enum(["anonymous", "customer", "staff"]),
  confidence: z.number(),
  slots: PlanSlotsSchema,
  focusTransactionId: z.string().optional(),
  /** An action waits for the customer's approval, so this turn may not start another one. */
  actionPending: z.boolean().optional(),
  allowedTools: z.array(z.string()).default([]),
  today: z.string(),
  /** Passages retrieved before the model was called (two-step RAG); empty when the intent states no bank facts. */
  passages: z.array(PassageSchema).default([]),
  /** Staff only: the one tool call the staff router read from the question. */
  staffCall: StaffCallSchema.optional(),
});
/** The plan of one turn. */
export type TurnPlan = z.infer<typeof TurnPlanSchema>;
