// Scores two rails on labelled cases: the commitment rail on single sentences (commitment or safe) and the grounding
// rail on whole replies against their sources (grounded or invented). Pure: the CLI reads the files, this only counts.
import { z } from "zod";
import { LocaleSchema } from "../../shared/locale.js";
import { parseJsonLines } from "../../shared/parse-jsonl.js";
import type { Result } from "../../shared/result.js";
import { BANK_PUBLIC_NUMBERS } from "../bank-public-numbers.js";
import { checkSentence } from "./check-sentence.js";
import { findCommitment } from "./commitment-rail.js";
import { createEvidenceCaches, prepareEvidence } from "./prepare-evidence.js";
import { splitSentences } from "./split-sentences.js";

/** One labelled sentence for the commitment rail. */
export const CommitmentCaseSchema = z.object({
  text: z.string().min(1).describe("A reply sentence"),
  locale: LocaleSchema.describe("The customer's language"),
  label: z.enum(["commitment", "safe"]).describe("Whether the sentence promises an outcome"),
  class: z.string().optional().describe("The kind of promise or look-alike, for the breakdown"),
});
/** One labelled sentence. */
export type CommitmentCase = z.infer<typeof CommitmentCaseSchema>;

/** One labelled reply for the grounding rail. */
export const GroundingCaseSchema = z.object({
  sources: z.array(z.string()).describe("What the reply may draw on"),
  reply: z.string().min(1).describe("The reply to check"),
  locale: LocaleSchema.describe("The customer's language"),
  label: z.enum(["grounded", "invented"]).describe("Whether the reply states a fact the sources do not hold"),
  class: z.string().optional(),
  note: z.string().optional(),
});
/** One labelled reply. */
export type GroundingCase = z.infer<typeof GroundingCaseSchema>;

/** Detection counts for one rail, the flagged label being the positive class. */
export interface RailScore {
  n: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  recall: number;
  precision: number;
  /** The cases scored wrongly, for --errors. */
  errors: { text: string; label: string; why?: string }[];
}

/** Parses JSONL cases with a schema; the first malformed line is reported with its number. */
export function parseCases<S extends z.ZodTypeAny>(jsonl: string, schema: S): Result<z.infer<S>[]> {
  return parseJsonLines(jsonl, schema);
}

function score(
  results: readonly { flagged: boolean; positive: boolean; text: string; label: string; why?: string }[],
): RailScore {
  const count = (flagged: boolean, positive: boolean): number =>
    results.filter((r) => r.flagged === flagged && r.positive === positive).length;
  const tp = count(true, true);
  const fp = count(true, false);
  const fn = count(false, true);
  const tn = count(false, false);
  return {
    n: results.length,
    positives: tp + fn,
    tp,
    fp,
    fn,
    tn,
    // With nothing to find, nothing was missed; with nothing flagged, nothing was flagged wrongly.
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    errors: results
      .filter((r) => r.flagged !== r.positive)
      .map(({ text, label, why }) => ({ text, label, ...(why ? { why } : {}) })),
  };
}

/** Scores the commitment rail: a positive is a sentence labelled "commitment". */
export function scoreCommitments(cases: readonly CommitmentCase[]): RailScore {
  return score(
    cases.map((c) => {
      const why = findCommitment(c.text);
      return {
        flagged: why !== undefined,
        positive: c.label === "commitment",
        text: c.text,
        label: c.label,
        ...(why ? { why } : {}),
      };
    }),
  );
}

/** Scores the grounding rail: a reply is flagged when any sentence fails grounding; a positive is labelled "invented". */
export function scoreGrounding(
  cases: readonly GroundingCase[],
  publishedContacts: readonly string[] = BANK_PUBLIC_NUMBERS,
): RailScore {
  const caches = createEvidenceCaches();
  return score(
    cases.map((c) => {
      const prepared = prepareEvidence(
        { locale: c.locale, sources: c.sources, passageIds: [], publishedContacts, protectedTexts: [] },
        caches,
      );
      const reasons = splitSentences(c.reply)
        .map((s) => checkSentence(s, prepared))
        .filter((v) => v.failed.includes("grounding"))
        .flatMap((v) => v.reasons.filter((r) => r.startsWith("grounding")));
      const why = reasons.join("; ");
      return {
        flagged: reasons.length > 0,
        positive: c.label === "invented",
        text: c.reply,
        label: c.label,
        ...(why ? { why } : {}),
      };
    }),
  );
}
