// Scores the PII detector on a labelled corpus (data/pii/*.jsonl): recall per entity, precision per detected span,
// by kind. The detector's kinds map onto the corpus kinds one to one, except a card's expiry and CVV, which the
// corpus labels together as `card_security`.
import { z } from "zod";
import { BANK_PUBLIC_NUMBERS } from "../bank-public-numbers.js";
import { parseJsonLines } from "../../shared/parse-jsonl.js";
import type { Result } from "../../shared/result.js";
import { detectPii, type PiiKind } from "./pii-detect.js";

/** The kinds a corpus line may label. */
export const CorpusKindSchema = z.enum([
  "card",
  "card_security",
  "iban",
  "cn_id",
  "passport",
  "ni_number",
  "phone",
  "email",
  "account",
  "sort_code",
]);
/** A corpus kind. */
export type CorpusKind = z.infer<typeof CorpusKindSchema>;

/** One labelled string: every PII substring with its kind; negatives have no entities. */
export const PiiCorpusLineSchema = z.object({
  id: z.string().min(1).describe("Unique id of the line"),
  lang: z.enum(["en", "zh"]).describe("Language of the text"),
  text: z.string().min(1).describe("The customer's message"),
  entities: z.array(
    z.object({
      kind: CorpusKindSchema.describe("What the substring is"),
      text: z.string().min(1).describe("The exact PII substring"),
    }),
  ),
});
/** One labelled string. */
export type PiiCorpusLine = z.infer<typeof PiiCorpusLineSchema>;

/** Which corpus kind each detector kind counts as. */
export const CORPUS_KIND_OF: Readonly<Record<PiiKind, CorpusKind>> = {
  card: "card",
  card_expiry: "card_security",
  card_cvv: "card_security",
  iban: "iban",
  cn_id: "cn_id",
  passport: "passport",
  ni_number: "ni_number",
  email: "email",
  phone: "phone",
  account: "account",
  sort_code: "sort_code",
};

/** Parses a JSONL corpus; the first malformed line is reported with its number. */
export function parsePiiCorpus(jsonl: string): Result<PiiCorpusLine[]> {
  return parseJsonLines(jsonl, PiiCorpusLineSchema, (line) => {
    const missing = line.entities.find((e) => !line.text.includes(e.text));
    return missing ? `entity "${missing.text}" is not in the text` : undefined;
  });
}

/** Counts for one kind. */
export interface KindScore {
  entities: number;
  recalled: number;
  detected: number;
  falsePositives: number;
  recall: number;
  precision: number;
}

/** One entity missed or one span reported where there is no entity. */
export interface EvalError {
  id: string;
  type: "missed" | "false_positive";
  kind: string;
  text: string;
}

/** The score of a corpus. */
export interface PiiEvalReport {
  n: number;
  overall: KindScore;
  perKind: Partial<Record<CorpusKind, KindScore>>;
  errors: EvalError[];
}

const score = (entities: number, recalled: number, detected: number, falsePositives: number): KindScore => ({
  entities,
  recalled,
  detected,
  falsePositives,
  recall: entities === 0 ? 1 : recalled / entities,
  precision: detected === 0 ? 1 : (detected - falsePositives) / detected,
});

/** Runs the detector over every line: an entity is recalled when one span of its kind covers all of it; a span overlapping no entity is a false positive. */
export function evaluatePii(
  lines: readonly PiiCorpusLine[],
  publicNumbers: readonly string[] = BANK_PUBLIC_NUMBERS,
): PiiEvalReport {
  const counts = new Map<CorpusKind, { entities: number; recalled: number; detected: number; fp: number }>();
  const at = (k: CorpusKind) => {
    let c = counts.get(k);
    if (!c) counts.set(k, (c = { entities: 0, recalled: 0, detected: 0, fp: 0 }));
    return c;
  };
  const errors: EvalError[] = [];
  for (const line of lines) {
    const spans = detectPii(line.text, { publicNumbers }).map((s) => ({ ...s, corpusKind: CORPUS_KIND_OF[s.kind] }));
    // Entities with the same text take its successive occurrences.
    const from = new Map<string, number>();
    const located = line.entities.map((e) => {
      const start = line.text.indexOf(e.text, from.get(e.text) ?? 0);
      from.set(e.text, start + e.text.length);
      return { ...e, start, end: start + e.text.length };
    });
    for (const e of located) {
      const c = at(e.kind);
      c.entities++;
      if (spans.some((s) => s.corpusKind === e.kind && s.start <= e.start && s.end >= e.end)) c.recalled++;
      else errors.push({ id: line.id, type: "missed", kind: e.kind, text: e.text });
    }
    for (const s of spans) {
      const c = at(s.corpusKind);
      c.detected++;
      if (!located.some((e) => s.start < e.end && s.end > e.start)) {
        c.fp++;
        errors.push({ id: line.id, type: "false_positive", kind: s.corpusKind, text: s.value });
      }
    }
  }
  const perKind: Partial<Record<CorpusKind, KindScore>> = {};
  let total = { entities: 0, recalled: 0, detected: 0, fp: 0 };
  for (const kind of CorpusKindSchema.options) {
    const c = counts.get(kind);
    if (!c) continue;
    perKind[kind] = score(c.entities, c.recalled, c.detected, c.fp);
    total = {
      entities: total.entities + c.entities,
      recalled: total.recalled + c.recalled,
      detected: total.detected + c.detected,
      fp: total.fp + c.fp,
    };
  }
  return { n: lines.length, overall: score(total.entities, total.recalled, total.detected, total.fp), perKind, errors };
}
