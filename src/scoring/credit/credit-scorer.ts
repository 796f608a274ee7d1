// Scores an applicant with a native scorecard: points, grade, probability of default, decision, the four
// reasons that cost the most points, and the points table staff use to explain a score. A pre-qualification only.
import { z } from "zod";
import { BilingualTextSchema } from "../../shared/locale.js";
import type { Applicant } from "./applicant-schema.js";
import { bestPoints, scoreFeatureRow } from "./apply-scorecard.js";
import { toFeatureRow } from "./native-features.js";
import { describeBin, formatValue, reasonCode, reasonText, type ReasonDirection } from "./reason-texts.js";
import type { Scorecard } from "./scorecard-artefact.js";

/** Grades from best (A) to worst (E). */
export const GradeSchema = z.enum(["A", "B", "C", "D", "E"]);
/** A grade. */
export type Grade = z.infer<typeof GradeSchema>;

/** The indicative outcome. */
export const DecisionSchema = z.enum(["approve", "refer", "decline"]);
/** An indicative outcome. */
export type Decision = z.infer<typeof DecisionSchema>;

/** Lowest points for grades A–D (below D is E): 600 ≈ 2% PD, 580 ≈ 4%, 560 ≈ 7%, 520 ≈ 24% at the default scaling. */
export const GRADE_MIN_POINTS: Record<Exclude<Grade, "E">, number> = { A: 600, B: 580, C: 560, D: 520 };

/** Decision cut-offs in points (config: CREDIT_APPROVE_MIN_POINTS, CREDIT_DECLINE_MAX_POINTS). */
export const CreditThresholdsSchema = z
  .object({ approveMinPoints: z.number().int(), declineMaxPoints: z.number().int() })
  .refine((t) => t.approveMinPoints > t.declineMaxPoints, "approveMinPoints must be above declineMaxPoints");
/** Decision cut-offs. */
export type CreditThresholds = z.infer<typeof CreditThresholdsSchema>;

/** Approve at 560+ (grades A–C), decline at 519 or below (grade E), refer in between. */
export const DEFAULT_THRESHOLDS: CreditThresholds = { approveMinPoints: 560, declineMaxPoints: 519 };

/** One reason code: the characteristic, how many points it cost against its best bin, and the wording. */
export const CreditReasonSchema = z.object({
  code: z.string(),
  feature: z.string(),
  pointsLost: z.number().int().positive(),
  text: BilingualTextSchema,
});
/** One reason code. */
export type CreditReason = z.infer<typeof CreditReasonSchema>;

/** One row of the staff points table. */
export const PointsTableRowSchema = z.object({
  feature: z.string(),
  label: BilingualTextSchema,
  value: BilingualTextSchema,
  bin: BilingualTextSchema,
  points: z.number().int(),
  maxPoints: z.number().int(),
});
/** One row of the points table. */
export type PointsTableRow = z.infer<typeof PointsTableRowSchema>;

/** The full scoring result. */
export const CreditScoreSchema = z.object({
  prequalification: z
    .literal(true)
    .describe("An indicative estimate only; a lending decision needs a full application and checks"),
  notice: BilingualTextSchema,
  scorecardVersion: z.string(),
  points: z.number().int(),
  grade: GradeSchema,
  probabilityOfDefault: z.number().min(0).max(1),
  decision: DecisionSchema,
  reasons: z.array(CreditReasonSchema).max(4),
  pointsTable: z.array(PointsTableRowSchema),
});
/** The full scoring result. */
export type CreditScore = z.infer<typeof CreditScoreSchema>;

/** Scores applicants. */
export interface CreditScorer {
  /** Scores one validated applicant. */
  score(applicant: Applicant): CreditScore;
  readonly scorecardVersion: string;
  readonly thresholds: CreditThresholds;
}

const NOTICE = {
  en: "Pre-qualification estimate only: this is not a lending decision or an offer. A full application, affordability and credit checks decide.",
  "zh-CN": "仅为预审估算：并非贷款决定或要约。最终结果以完整申请及还款能力和信用审查为准。",
};

/** The grade of a points total. */
export function gradeFor(points: number): Grade {
  if (points >= GRADE_MIN_POINTS.A) return "A";
  if (points >= GRADE_MIN_POINTS.B) return "B";
  if (points >= GRADE_MIN_POINTS.C) return "C";
  if (points >= GRADE_MIN_POINTS.D) return "D";
  return "E";
}

/** The indicative decision of a points total under the thresholds. */
export function decisionFor(points: number, t: CreditThresholds): Decision {
  if (points >= t.approveMinPoints) return "approve";
  if (points <= t.declineMaxPoints) return "decline";
  return "refer";
}

/** Creates a scorer over a scorecard trained on the bank's own ("native") applicant data. */
export function createCreditScorer(deps: {
  scorecard: Scorecard;
  thresholds?: Partial<CreditThresholds>;
}): CreditScorer {
  const { scorecard } = deps;
  if (scorecard.dataset !== "native")
    throw new Error(`the applicant scorer needs a native scorecard, got "${scorecard.dataset}"`);
  const thresholds = CreditThresholdsSchema.parse({ ...DEFAULT_THRESHOLDS, ...deps.thresholds });
  return {
    scorecardVersion: scorecard.version,
    thresholds,
    score(applicant) {
      const row = toFeatureRow(applicant);
      const result = scoreFeatureRow(scorecard, row);
      const reasons: CreditReason[] = [];
      const pointsTable: PointsTableRow[] = [];
      result.breakdown.forEach((fp, i) => {
        const feature = scorecard.features[i] as Scorecard["features"][number];
        const bin = feature.bins[fp.binIndex] as Scorecard["features"][number]["bins"][number];
        const value = row[feature.name];
        pointsTable.push({
          feature: feature.name,
          label: feature.label,
          value: {
            en: formatValue(value, feature.format, "en", feature.categoryLabels),
            "zh-CN": formatValue(value, feature.format, "zh-CN", feature.categoryLabels),
          },
          bin: { en: describeBin(bin, feature, "en"), "zh-CN": describeBin(bin, feature, "zh-CN") },
          points: fp.points,
          maxPoints: fp.maxPoints,
        });
        const lost = fp.maxPoints - fp.points;
        if (lost <= 0) return;
        const best = feature.bins.findIndex((b) => b.count > 0 && b.points === bestPoints(feature.bins));
        let direction: ReasonDirection = "category";
        if (bin.type === "missing") direction = "missing";
        else if (bin.type === "range" && feature.bins[best]?.type === "range")
          direction = fp.binIndex > best ? "high" : "low";
        reasons.push({
          code: reasonCode(feature.name, direction),
          feature: feature.name,
          pointsLost: lost,
          text: reasonText(feature, direction, value),
        });
      });
      reasons.sort((a, b) => b.pointsLost - a.pointsLost || a.feature.localeCompare(b.feature));
      return {
        prequalification: true,
        notice: NOTICE,
        scorecardVersion: scorecard.version,
        points: result.points,
        grade: gradeFor(result.points),
        probabilityOfDefault: result.probabilityOfDefault,
        decision: decisionFor(result.points, thresholds),
        reasons: reasons.slice(0, 4),
        pointsTable,
      };
    },
  };
}
