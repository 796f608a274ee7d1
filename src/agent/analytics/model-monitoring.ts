// Model monitoring for the dashboard: the router's confidence distribution and out-of-scope rate over the window's
// customer messages, the fraud flag rate with analyst-confirmed precision, and credit PSI/CSI of the customer base.
import type { TurnTrace } from "../../conversations/turn-trace.js";
import {
  ApplicantProfileSchema,
  ApplicantSchema,
  type ApplicantProfile,
} from "../../scoring/credit/applicant-schema.js";
import { generateLoanRequest } from "../../scoring/credit/synthetic-book.js";
import { createRng, seedFromString } from "../../shared/random.js";
import { toFeatureRow } from "../../scoring/credit/native-features.js";
import type { Scorecard } from "../../scoring/credit/scorecard-artefact.js";
import { buildStabilityReport } from "../../scoring/credit/stability-report.js";
import type { ModelMonitoring } from "./analytics-schema.js";
import { ratio } from "./percentile.js";

/** Fraud counts of a window, as the bank store reports them. */
export interface FraudWindowCounts {
  transactions: number;
  flagged: number;
  fraud: number;
  legitimate: number;
  unlabelled: number;
}

// A profile holds no loan request: each gets one drawn from the development book's request distribution, seeded by
// its position, so the loan characteristics (purpose, debt-to-income) compare like with like and stay reproducible.
const requestFor = (profile: ApplicantProfile, i: number) =>
  generateLoanRequest(createRng(seedFromString(`analytics-credit:${i}`)), profile);

/** The router panel: confidence histogram in tenths per language, out-of-scope and low-confidence rates. */
export function buildRouterMonitoring(traces: readonly TurnTrace[]): ModelMonitoring["router"] {
  const histogram = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, en: 0, "zh-CN": 0 }));
  const messages = traces.filter((t) => t.kind === "message");
  for (const t of messages) {
    const bin = histogram[Math.min(9, Math.max(0, Math.floor(t.intent.confidence * 10)))];
    if (bin) bin[t.locale]++;
  }
  return {
    histogram,
    messages: messages.length,
    outOfScopeRate: ratio(messages.filter((t) => t.intent.outOfScope).length, messages.length),
    lowConfidenceRate: ratio(messages.filter((t) => t.intent.lowConfidence).length, messages.length),
  };
}

/** The fraud panel: flag rate, and precision among flags an analyst has reviewed. */
export function buildFraudMonitoring(c: FraudWindowCounts): ModelMonitoring["fraud"] {
  return {
    transactions: c.transactions,
    flagged: c.flagged,
    flagRate: ratio(c.flagged, c.transactions),
    confirmedFraud: c.fraud,
    confirmedLegitimate: c.legitimate,
    unlabelled: c.unlabelled,
    precision: ratio(c.fraud, c.fraud + c.legitimate),
  };
}

/** The credit panel: score PSI and CSI per characteristic of the current profiles against the development sample. */
export function buildCreditMonitoring(scorecard: Scorecard, profiles: readonly unknown[]): ModelMonitoring["credit"] {
  const rows = profiles.flatMap((p, i) => {
    const profile = ApplicantProfileSchema.safeParse(p);
    if (!profile.success) return [];
    const applicant = ApplicantSchema.safeParse({ ...profile.data, ...requestFor(profile.data, i) });
    return applicant.success ? [toFeatureRow(applicant.data)] : [];
  });
  if (rows.length === 0) return null;
  const report = buildStabilityReport(scorecard, rows);
  const strip = (e: { name: string; index: number; band: "stable" | "investigate" | "significant_shift" }) => ({
    name: e.name,
    index: e.index,
    band: e.band,
  });
  return {
    scorecardVersion: report.scorecardVersion,
    profiles: rows.length,
    psi: strip(report.score),
    csi: report.features.map(strip),
  };
}
