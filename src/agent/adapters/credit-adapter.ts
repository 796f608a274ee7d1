// Adapts the credit scorecard to the agent's credit port: the customer's stored profile plus the loan they ask about.
import { ApplicantProfileSchema, LoanPurposeSchema, toApplicant } from "../../scoring/credit/applicant-schema.js";
import type { CreditScorer } from "../../scoring/credit/credit-scorer.js";
import { err, ok } from "../../shared/result.js";
import type { CreditPort } from "../agent-ports.js";

/** The agent's view of the scorecard; `getProfile` reads the stored lending profile of a customer. */
export function toCreditPort(scorer: CreditScorer, getProfile: (customerId: string) => unknown): CreditPort {
  return {
    prequalify(customerId, request) {
      const profile = ApplicantProfileSchema.safeParse(getProfile(customerId));
      if (!profile.success) return err("no_profile");
      const purpose = LoanPurposeSchema.safeParse(request.purpose);
      const score = scorer.score(
        toApplicant(profile.data, {
          amount: request.amount,
          termMonths: request.termMonths,
          purpose: purpose.success ? purpose.data : "other",
        }),
      );
      return ok({
        points: score.points,
        grade: score.grade,
        probabilityOfDefault: score.probabilityOfDefault,
        decision: score.decision,
        reasons: score.reasons.map((r) => ({ code: r.code, text: r.text, pointsLost: r.pointsLost })),
        pointsTable: score.pointsTable.map((r) => ({
          feature: r.feature,
          label: r.label,
          value: r.value,
          bin: r.bin,
          points: r.points,
        })),
        scorecardVersion: score.scorecardVersion,
      });
    },
  };
}
