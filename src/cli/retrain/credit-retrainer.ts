// Retraining the credit model on applicant outcomes: a fixed synthetic book (its own seed, so the default
// scorecard never saw it) split once into training and a frozen held-out quarter, and a later, slightly riskier
// cohort as the recent window. The challenger must beat the champion on held-out AUC without losing KS, and may
// not use a protected attribute.
import { ksStatistic, rocAuc } from "../../shared/metrics.js";
import { createRng } from "../../shared/random.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { Applicant } from "../../scoring/credit/applicant-schema.js";
import { scoreFeatureRow } from "../../scoring/credit/apply-scorecard.js";
import { trainNativeScorecard } from "../../scoring/credit/default-scorecard.js";
import { toFeatureRow } from "../../scoring/credit/native-features.js";
import { isProtectedAttribute } from "../../scoring/credit/protected-attributes.js";
import { parseScorecard, serialiseScorecard } from "../../scoring/credit/scorecard-artefact.js";
import { generateApplicantBook, type BookEntry } from "../../scoring/credit/synthetic-book.js";
import type { EvaluationSet, GatePolicy } from "../../scoring/promotion-gate.js";
import type { Retrainer } from "./run-retrain.js";

/** The applicant-outcome data: book size and seed, the frozen held-out share, and the recent cohort. */
export const CREDIT_DATA = {
  book: { size: 20_000, seed: 1515 },
  heldOutShare: 0.25,
  splitSeed: 15,
  recent: { size: 4_000, seed: 1516, riskShift: 0.15 },
} as const;

/** Target: held-out AUC; guard: KS. */
export const CREDIT_POLICY: GatePolicy = {
  target: { name: "auc", tolerance: 0.005 },
  guards: [{ name: "ks", tolerance: 0.02 }],
};

/** A credit model family the retrainer can train and score: risk grows with the score. */
export interface CreditFamily {
  name: string;
  train(entries: readonly BookEntry[], options: { seed: number; createdAt: string }): Result<string>;
  /** A risk scorer and the model's input names, or an error value when the text is not this family's artefact. */
  load(text: string): Result<{ risk: (applicant: Applicant) => number; inputs: string[] }>;
}

/** The additive scorecard as a family (risk = minus points). */
export const SCORECARD_FAMILY: CreditFamily = {
  name: "scorecard",
  train(entries, options) {
    try {
      return ok(serialiseScorecard(trainNativeScorecard(entries, options).scorecard));
    } catch (e) {
      return err((e as Error).message);
    }
  },
  load(text) {
    const parsed = parseScorecard(text, { dataset: "native" });
    if (!parsed.ok) return parsed;
    const sc = parsed.value;
    return ok({ risk: (a) => -scoreFeatureRow(sc, toFeatureRow(a)).points, inputs: sc.features.map((f) => f.name) });
  },
};

/** Splits the book once: a seeded quarter is held out from every model. */
export function splitBook(book: readonly BookEntry[]): { train: BookEntry[]; heldOut: BookEntry[] } {
  const order = createRng(CREDIT_DATA.splitSeed).shuffle(book.map((_, i) => i));
  const cut = Math.round(book.length * CREDIT_DATA.heldOutShare);
  const held = new Set(order.slice(0, cut));
  return { train: book.filter((_, i) => !held.has(i)), heldOut: book.filter((_, i) => held.has(i)) };
}

// A deliberately degraded challenger: seven in ten outcomes are shuffled among themselves.
function degrade(entries: readonly BookEntry[]): BookEntry[] {
  const rng = createRng(7);
  const picked = entries.map((_, i) => i).filter(() => rng.next() < 0.7);
  const labels = rng.shuffle(picked.map((i) => (entries[i] as BookEntry).defaulted));
  const out = [...entries];
  picked.forEach((i, k) => (out[i] = { ...(entries[i] as BookEntry), defaulted: labels[k] ?? 0 }));
  return out;
}

function measure(risk: (a: Applicant) => number, entries: readonly BookEntry[]): Record<string, number> {
  const labels = entries.map((e) => e.defaulted);
  const scores = entries.map((e) => risk(e.applicant));
  return { auc: rocAuc(labels, scores), ks: ksStatistic(labels, scores) };
}

/** Builds the credit retrainer: `families` load any champion; the first one trains the challenger. */
export function createCreditRetrainer(deps: {
  baseline: () => Result<string>;
  families: readonly CreditFamily[];
  book?: readonly BookEntry[];
  recent?: readonly BookEntry[];
  now?: () => Date;
}): Retrainer {
  const book = deps.book ?? generateApplicantBook(CREDIT_DATA.book);
  const recent = deps.recent ?? generateApplicantBook(CREDIT_DATA.recent);
  const split = splitBook(book);
  const load = (text: string): Result<{ risk: (a: Applicant) => number; inputs: string[] }> => {
    const problems: string[] = [];
    for (const f of deps.families) {
      const r = f.load(text);
      if (r.ok) return r;
      problems.push(`${f.name}: ${r.error}`);
    }
    return err(`no model family reads this artefact (${problems.join("; ")})`);
  };
  return {
    policy: CREDIT_POLICY,
    baseline() {
      const text = deps.baseline();
      return text.ok ? ok({ text: text.value, reason: "baseline: today's default scorecard" }) : text;
    },
    challenger(forceWorse) {
      const family = deps.families[0];
      if (!family) return err("no credit model family to train");
      const rows = forceWorse ? degrade(split.train) : split.train;
      return family.train(rows, { seed: CREDIT_DATA.splitSeed, createdAt: (deps.now?.() ?? new Date()).toISOString() });
    },
    evaluate(championText, challengerText) {
      const a = load(championText);
      if (!a.ok) return err(`champion: ${a.error}`);
      const b = load(challengerText);
      if (!b.ok) return err(`challenger: ${b.error}`);
      const sets: EvaluationSet[] = [
        {
          name: "held_out",
          n: split.heldOut.length,
          champion: measure(a.value.risk, split.heldOut),
          challenger: measure(b.value.risk, split.heldOut),
        },
        {
          name: "recent",
          n: recent.length,
          champion: measure(a.value.risk, recent),
          challenger: measure(b.value.risk, recent),
        },
      ];
      const banned = b.value.inputs.filter(isProtectedAttribute);
      return ok({
        sets,
        violations: banned.length ? [`the challenger uses protected attributes: ${banned.join(", ")}`] : [],
      });
    },
  };
}
