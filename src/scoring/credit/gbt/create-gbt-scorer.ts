// Serves a promoted boosted-trees challenger behind the same CreditScorer interface as the scorecard, so the app,
// the tools and the console need no second code path: points, grade and decision come from the same thresholds, and
// the staff points table lists each characteristic's TreeSHAP contribution, which with the base row adds up to the
// points exactly (whole points, the rounding residue kept on the largest contribution).
import { toFeatureRow } from "../native-features.js";
import { formatValue } from "../reason-texts.js";
import {
  CreditThresholdsSchema,
  DEFAULT_THRESHOLDS,
  decisionFor,
  gradeFor,
  type CreditReason,
  type CreditScorer,
  type CreditThresholds,
  type PointsTableRow,
} from "../credit-scorer.js";
import type { CreditGbtModel } from "./credit-gbt-artefact.js";
import { scoreCreditGbt } from "./score-credit-gbt.js";

const NOTICE = {
  en: "Pre-qualification estimate only: this is not a lending decision or an offer. A full application, affordability and credit checks decide.",
  "zh-CN": "仅为预审估算：并非贷款决定或要约。最终结果以完整申请及还款能力和信用审查为准。",
};

const BASE_LABEL = { en: "Base points (an applicant with nothing known)", "zh-CN": "基础分（无任何信息时）" };
const CONTRIBUTION_BIN = { en: "model contribution", "zh-CN": "模型贡献" };

/** Rounds contributions to whole points so that they still add up to the rounded total. */
function wholePoints(values: readonly number[], total: number): number[] {
  const rounded = values.map((v) => Math.round(v));
  const residue = total - rounded.reduce((a, b) => a + b, 0);
  if (residue !== 0 && rounded.length > 0) {
    let largest = 0;
    for (let i = 1; i < values.length; i++)
      if (Math.abs(values[i] as number) > Math.abs(values[largest] as number)) largest = i;
    rounded[largest] = (rounded[largest] as number) + residue;
  }
  return rounded;
}

/** A CreditScorer over a boosted-trees credit model. */
export function createGbtCreditScorer(deps: {
  model: CreditGbtModel;
  version: string;
  thresholds?: Partial<CreditThresholds>;
}): CreditScorer {
  const thresholds = CreditThresholdsSchema.parse({ ...DEFAULT_THRESHOLDS, ...deps.thresholds });
  const features = deps.model.features;
  return {
    scorecardVersion: deps.version,
    thresholds,
    score(applicant) {
      const row = toFeatureRow(applicant);
      const s = scoreCreditGbt(deps.model, applicant);
      const points = Math.round(s.points);
      const parts = wholePoints([s.basePoints, ...s.contributions.map((c) => c.points)], points);
      const pointsTable: PointsTableRow[] = [
        {
          feature: "base",
          label: BASE_LABEL,
          value: { en: "—", "zh-CN": "—" },
          bin: { en: "—", "zh-CN": "—" },
          points: parts[0] as number,
          maxPoints: parts[0] as number,
        },
        ...features.map((f, j) => ({
          feature: f.name,
          label: f.label,
          value: {
            en: formatValue(row[f.name], f.format, "en", f.categoryLabels),
            "zh-CN": formatValue(row[f.name], f.format, "zh-CN", f.categoryLabels),
          },
          bin: CONTRIBUTION_BIN,
          points: parts[j + 1] as number,
          maxPoints: Math.max(0, parts[j + 1] as number),
        })),
      ];
      const reasons: CreditReason[] = s.reasons
        .map((r) => ({
          code: r.code,
          feature:
            features.find((f) => r.code.startsWith(f.name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()))?.name ??
            r.code,
          pointsLost: Math.max(1, Math.round(r.pointsLost)),
          text: r.text,
        }))
        .slice(0, 4);
      return {
        prequalification: true as const,
        notice: NOTICE,
        scorecardVersion: deps.version,
        points,
        grade: gradeFor(points),
        probabilityOfDefault: s.probability,
        decision: decisionFor(points, thresholds),
        reasons,
        pointsTable,
      };
    },
  };
}
