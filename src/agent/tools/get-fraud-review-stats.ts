// get_fraud_review_stats (staff only): fraud review figures over a period: transactions flagged, confirmed fraud,
// false positives and those not yet reviewed, with the model's precision on the reviewed ones.
import { tool } from "langchain";
import { z } from "zod";
import type { StaffToolsPort } from "../agent-ports.js";
import { contextOf } from "./tool-context.js";
import { ForbiddenSchema, toolOutput } from "./tool-output.js";

const DAY_MS = 86_400_000;

const SCHEMA = z.object({
  days: z
    .number()
    .int()
    .min(1)
    .max(365)
    .default(7)
    .describe("The period in days: today 1, this or past week 7, this or past month 30 (default 7)."),
});

/** What get_fraud_review_stats returns: the period's review figures. */
export const GetFraudReviewStatsOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("The figures were counted."),
      days: z.number().int().describe("The period in days."),
      since: z.string().describe("Start of the period, as an ISO timestamp."),
      flagged: z
        .number()
        .int()
        .min(0)
        .describe("Transactions in the period the fraud model flagged (review or block)."),
      confirmedFraud: z.number().int().min(0).describe("Flagged transactions an analyst confirmed as fraud."),
      falsePositives: z.number().int().min(0).describe("Flagged transactions an analyst labelled legitimate."),
      unreviewed: z.number().int().min(0).describe("Flagged transactions no analyst has labelled yet."),
      precision: z
        .number()
        .min(0)
        .max(1)
        .optional()
        .describe("confirmed / (confirmed + false positives), three decimals; absent when none is labelled."),
    }),
    ForbiddenSchema,
  ])
  .describe("get_fraud_review_stats output");
/** A get_fraud_review_stats result. */
export type GetFraudReviewStatsOutput = z.infer<typeof GetFraudReviewStatsOutputSchema>;

/** Builds the staff fraud review figures tool; the period ends at the injected clock's now. */
export function createGetFraudReviewStatsTool(staff: StaffToolsPort, now: () => Date) {
  return tool(
    async ({ days }, runtime) => {
      if (contextOf(runtime).identity.kind !== "staff") {
        return toolOutput(GetFraudReviewStatsOutputSchema, { status: "forbidden" });
      }
      const since = new Date(now().getTime() - days * DAY_MS).toISOString();
      const s = staff.fraudReviewStats(since);
      const labelled = s.confirmedFraud + s.falsePositives;
      return toolOutput(GetFraudReviewStatsOutputSchema, {
        status: "ok",
        days,
        since,
        flagged: s.flagged,
        confirmedFraud: s.confirmedFraud,
        falsePositives: s.falsePositives,
        unreviewed: s.unreviewed,
        ...(labelled > 0 ? { precision: Number((s.confirmedFraud / labelled).toFixed(3)) } : {}),
      });
    },
    {
      name: "get_fraud_review_stats",
      description:
        "Staff only: fraud review figures over the last `days` (default 7): flagged, confirmed fraud, false positives, not yet reviewed.",
      schema: SCHEMA,
    },
  );
}
