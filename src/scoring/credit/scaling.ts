// Turns model log-odds into integer scorecard points: a base score at base odds, and points to double the odds.
import { z } from "zod";

/** Points scaling: score = offset + factor · ln(odds good:bad), factor = pdo / ln 2. */
export const ScalingSchema = z.object({
  basePoints: z.number(),
  baseOdds: z.number().positive(),
  pdo: z.number().positive(),
  factor: z.number().positive(),
  offset: z.number(),
});
/** Points scaling. */
export type Scaling = z.infer<typeof ScalingSchema>;

/** Scaling settings a bank chooses. */
export interface ScalingSettings {
  basePoints: number;
  baseOdds: number;
  pdo: number;
}

/** The industry-usual default: 600 points at odds 50:1, 20 points to double the odds. */
export const DEFAULT_SCALING: ScalingSettings = { basePoints: 600, baseOdds: 50, pdo: 20 };

/** Derives factor and offset from the chosen base points, base odds and PDO. */
export function createScaling(settings: ScalingSettings = DEFAULT_SCALING): Scaling {
  const factor = settings.pdo / Math.LN2;
  return { ...settings, factor, offset: settings.basePoints - factor * Math.log(settings.baseOdds) };
}

/** True when factor and offset agree with base points, odds and PDO (guards hand-edited artefacts). */
export function isScalingConsistent(s: Scaling): boolean {
  const expected = createScaling(s);
  return Math.abs(expected.factor - s.factor) < 1e-6 && Math.abs(expected.offset - s.offset) < 1e-6;
}

/** Points for a log-odds of default (higher points = safer). */
export function logOddsToPoints(logOddsBad: number, s: Scaling): number {
  return s.offset - s.factor * logOddsBad;
}

/** Probability of default implied by a points total. */
export function pointsToProbabilityOfDefault(points: number, s: Scaling): number {
  const logOddsBad = (s.offset - points) / s.factor;
  return 1 / (1 + Math.exp(-logOddsBad));
}

/** Points total at which the probability of default equals pd. */
export function probabilityOfDefaultToPoints(pd: number, s: Scaling): number {
  return logOddsToPoints(Math.log(pd / (1 - pd)), s);
}

/** Integer points of one attribute bin: its share of the intercept and offset, plus its WoE contribution. */
export function binPoints(
  coefficient: number,
  woe: number,
  intercept: number,
  featureCount: number,
  s: Scaling,
): number {
  return Math.round(-s.factor * (coefficient * woe + intercept / featureCount) + s.offset / featureCount);
}
