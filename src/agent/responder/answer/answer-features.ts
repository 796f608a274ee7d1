// The features the answer ranker scores a candidate on: word overlap with the question (after synonym folding), whether
// it states the kind of fact asked for, where it sits (heading, title, passage rank, position) and what it looks like.
// Every value is in [0, 1], so one learning rate fits all and a weight reads as the worth of a full match.
import { ANSWER_TYPES, type AnswerType } from "./answer-type.js";
import type { CandidateKind } from "./passage-candidates.js";

/** The feature names, in the order of a feature vector and of the ranker's weights. */
export const ANSWER_FEATURES = [
  "overlap",
  "idfOverlap",
  "phraseOverlap",
  "overlapCount",
  "headingOverlap",
  "titleOverlap",
  "typeMatch",
  "typeMiss",
  "feeAsLimit",
  "limitAsFee",
  "numberAsked",
  "amountInRange",
  "amountStated",
  "headingType",
  ...ANSWER_TYPES.map((t) => `match_${t}` as const),
  "preferred",
  "rank",
  "scoreShare",
  "firstInSection",
  "position",
  "shortText",
  "longText",
  "sameLocale",
  "kindItem",
  "kindList",
  "kindRow",
  "intro",
] as const;
/** One feature name. */
export type AnswerFeature = (typeof ANSWER_FEATURES)[number];

/** What the features of one question (part) are computed from. */
export interface QuestionView {
  terms: ReadonlySet<string>;
  /** Adjacent term pairs of the question. */
  pairs: ReadonlySet<string>;
  types: readonly AnswerType[];
  /** Asks for a number of any kind ("how many", "多少", "几"). */
  asksNumber: boolean;
  /** Sums of money the question names ("8000 over 3 years", "借五万"). */
  amounts: readonly number[];
  locale?: string;
  /** How telling each term is among the candidates of this question (rarer is more telling). */
  idf?: ReadonlyMap<string, number>;
}

/** What the features of one candidate are computed from. */
export interface CandidateView {
  terms: ReadonlySet<string>;
  pairs: ReadonlySet<string>;
  headingTerms: ReadonlySet<string>;
  titleTerms: ReadonlySet<string>;
  states: ReadonlySet<AnswerType>;
  headingAsks: readonly AnswerType[];
  hasDigit: boolean;
  /** Sums of money the candidate states, and the ranges it states them in ("£5,000–£7,499"). */
  amounts: readonly number[];
  ranges: readonly (readonly [number, number])[];
  kind: CandidateKind;
  /** Length, a Chinese character counting as two Latin ones (so a limit means the same in both languages). */
  chars: number;
  order: number;
  intro: boolean;
  passage: { rank: number; scoreShare: number; preferred: boolean; locale?: string };
}

// The kinds of answer that are facts a sentence states (a number, a time, a phone number), not a manner of answering.
const FACT_TYPES: ReadonlySet<AnswerType> = new Set(["fee", "limit", "rate", "duration", "deadline", "phone"]);

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}

// Question terms found in either set.
function sharedEither(q: ReadonlySet<string>, a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const t of q) if (a.has(t) || b.has(t)) n++;
  return n;
}

// The idf-weighted share of the question's terms (those the candidates use at all) that the candidate shares.
function idfShare(q: QuestionView, c: CandidateView): number {
  if (!q.idf) return 0;
  let all = 0;
  let hit = 0;
  for (const t of q.terms) {
    const w = q.idf.get(t);
    if (w === undefined) continue;
    all += w;
    if (c.terms.has(t) || c.headingTerms.has(t)) hit += w;
  }
  return all > 0 ? hit / all : 0;
}

/** The feature vector of a candidate for a question, in ANSWER_FEATURES order. */
export function answerFeatures(q: QuestionView, c: CandidateView): number[] {
  const qn = Math.max(1, q.terms.size);
  const asked = q.types.filter((t) => t !== "yesno" || q.types.length === 1);
  const askedFacts = asked.filter((t) => FACT_TYPES.has(t));
  const matched = asked.filter((t) => c.states.has(t)).length;
  const statesFact = [...c.states].some((t) => FACT_TYPES.has(t));
  const values: Record<AnswerFeature, number> = {
    overlap: sharedEither(q.terms, c.terms, c.headingTerms) / qn,
    idfOverlap: idfShare(q, c),
    phraseOverlap: q.pairs.size ? Math.min(1, shared(q.pairs, c.pairs) / Math.min(3, q.pairs.size)) : 0,
    overlapCount: Math.min(shared(q.terms, c.terms), 5) / 5,
    headingOverlap: shared(q.terms, c.headingTerms) / qn,
    titleOverlap: shared(q.terms, c.titleTerms) / qn,
    typeMatch: asked.length ? matched / asked.length : 0,
    typeMiss: askedFacts.length > 0 && !askedFacts.some((t) => c.states.has(t)) ? 1 : 0,
    feeAsLimit: q.types.includes("fee") && !q.types.includes("limit") && c.states.has("limit") ? 1 : 0,
    limitAsFee: q.types.includes("limit") && !q.types.includes("fee") && c.states.has("fee") ? 1 : 0,
    numberAsked: (askedFacts.length > 0 || q.asksNumber) && c.hasDigit ? 1 : 0,
    amountInRange: q.amounts.some((a) => c.ranges.some(([lo, hi]) => a >= lo && a <= hi)) ? 1 : 0,
    amountStated: q.amounts.length > 0 && c.amounts.length > 0 ? 1 : 0,
    headingType: asked.some((t) => c.headingAsks.includes(t)) ? 1 : 0,
    ...typeMatches(asked, c.states),
    preferred: c.passage.preferred ? 1 : 0,
    rank: 1 / (1 + c.passage.rank),
    scoreShare: c.passage.scoreShare,
    firstInSection: c.order === 0 ? 1 : 0,
    position: 1 / (1 + c.order),
    shortText: c.chars < 30 ? 1 : 0,
    longText: c.chars > 220 ? 1 : 0,
    sameLocale: q.locale !== undefined && c.passage.locale === q.locale ? 1 : 0,
    kindItem: c.kind === "item" ? 1 : 0,
    kindList: c.kind === "list" ? 1 : 0,
    kindRow: c.kind === "row" ? 1 : 0,
    intro: c.intro && !statesFact ? 1 : 0,
  };
  return ANSWER_FEATURES.map((f) => values[f]);
}

function typeMatches(
  asked: readonly AnswerType[],
  states: ReadonlySet<AnswerType>,
): Record<`match_${AnswerType}`, number> {
  const out = {} as Record<`match_${AnswerType}`, number>;
  for (const t of ANSWER_TYPES) out[`match_${t}`] = asked.includes(t) && states.has(t) ? 1 : 0;
  return out;
}
