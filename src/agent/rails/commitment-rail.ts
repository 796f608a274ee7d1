// The commitment rail: a reply must never promise credit approval, a rate, a refund, a fee waiver or a case outcome.
// Two checks: an outcome the reply asserts for the customer is a promise unless something takes it back (see
// commitment-assertion.ts), and a certainty cue ("guaranteed", "一定") next to an outcome is one even under a condition.
// Clauses the sources say word for word are policy, not promises.
import { trimTrailing } from "../../shared/linear-text.js";
import { blankHits, findAll, type PatternHit as Hit } from "./bilingual-pattern.js";
import { findAssertedOutcome, type QuotedCheck } from "./commitment-assertion.js";
import {
  CLAUSE_OPENERS,
  CLAUSE_PUNCTUATION,
  CONSEQUENCE,
  CUE_WORDS,
  OUTCOME_OBJECT,
  PROMISE_CUE,
  REASSURANCE,
  STRONG_CUE,
  TRUE_CONDITION,
} from "./commitment-lexicon.js";
import { CONDITION, HEDGE, NEGATION, PROCESS, PROCESS_ZH, REPORTED } from "./commitment-takebacks.js";

export type { QuotedCheck } from "./commitment-assertion.js";

interface Clause {
  text: string;
  question: boolean;
  /** The clause states a condition proper ("if", "unless", "如果"), not just a time ("once", "after"). */
  conditional: boolean;
}

const CONTRACTIONS: readonly [RegExp, string][] = [
  [/\bwon't\b/g, "will not"],
  [/\bcan't\b|\bcannot\b/g, "can not"],
  [/\bshan't\b/g, "shall not"],
  [/n't\b/g, " not"],
  [/'ll\b/g, " will"],
  [/'re\b/g, " are"],
  [/'ve\b/g, " have"],
  [/\bi'm\b/g, "i am"],
  [/'s been\b/g, " has been"],
  [/'d\b/g, " would"],
  [/\b(it|that|there|here|what|he|she|who|this)'s\b/g, "$1 is"],
];

/** Lower-cases, folds full-width forms and quotes, and expands English contractions. */
export function normaliseForCommitment(text: string): string {
  const ascii = /^[\t\n\r\x20-\x7e]*$/.test(text);
  let t = (ascii ? text : text.normalize("NFKC").replace(/[‘’]/g, "'")).toLowerCase().replace(/\s+/g, " ");
  if (t.includes("'")) for (const [re, to] of CONTRACTIONS) t = t.replace(re, to);
  return t;
}

/** Splits a normalised sentence into clauses; the part after a condition word is marked and cut off. */
function clausesOf(sentence: string): Clause[] {
  const cuts: { at: number; skip: number; question: boolean }[] = [];
  for (const m of sentence.matchAll(CLAUSE_PUNCTUATION)) {
    cuts.push({ at: m.index, skip: m[0].length, question: m[0] === "?" });
  }
  for (const m of sentence.matchAll(CLAUSE_OPENERS)) cuts.push({ at: m.index, skip: 0, question: false });
  cuts.sort((a, b) => a.at - b.at);
  const clauses: Clause[] = [];
  let from = 0;
  const tidy = (t: string): string => trimTrailing(t.trim(), ".。…").trim();
  for (const cut of [...cuts, { at: sentence.length, skip: 0, question: false }]) {
    if (cut.at < from) continue;
    const raw = sentence.slice(from, cut.at).trim();
    from = cut.at + cut.skip;
    if (!raw) {
      if (cut.question && clauses.length > 0) (clauses[clauses.length - 1] as Clause).question = true;
      continue;
    }
    const cond = CONDITION.exec(raw);
    const text = tidy(cond ? raw.slice(0, cond.index) : raw);
    clauses.push({ text, question: cut.question, conditional: TRUE_CONDITION.test(raw) });
    const then = cond ? CONSEQUENCE.exec(raw.slice(cond.index + cond[0].length)) : null;
    if (cond && then) {
      const rest = tidy(raw.slice(cond.index + cond[0].length + then.index));
      clauses.push({ text: rest, question: cut.question, conditional: false });
    }
  }
  return clauses;
}

function firstNegation(masked: string): number {
  const m = NEGATION.exec(masked);
  return m ? m.index : Number.POSITIVE_INFINITY;
}

/** Why one clause commits with a cue, or undefined: a cue before any negation reaching an outcome object. */
function cuedClause(clause: Clause): string | undefined {
  const text = clause.text;
  if (clause.question || text.length < 2) return undefined;
  const cues = findAll(STRONG_CUE, text);
  if (cues.length === 0) return undefined;
  const objects = findAll(OUTCOME_OBJECT, text);
  // Cue and outcome phrases are blanked, so "no doubt" or "不用担心" read as no negation.
  const masked = blankHits(text, [...cues, ...objects]);
  if (HEDGE.test(masked)) return undefined;
  const negatedAt = firstNegation(masked);
  const cue = cues[0] as Hit;
  const object = objects[0];
  return object && cue.start < negatedAt && object.start < negatedAt
    ? `promises with "${cue.text}": "${object.text}"`
    : undefined;
}

/** An outcome object a clause asserts: not hedged, not after a negation, not the object of a process step. */
function assertedObject(text: string): string | undefined {
  if (HEDGE.test(text)) return undefined;
  const objects = findAll(OUTCOME_OBJECT, text);
  const negatedAt = firstNegation(blankHits(text, [...objects, ...findAll(STRONG_CUE, text)]));
  const process = PROCESS.exec(text);
  const processAt = process ? process.index : Number.POSITIVE_INFINITY;
  // A Chinese process word reaches only the few characters before the object ("申请退款").
  const processed = (o: Hit): boolean =>
    processAt < o.start || PROCESS_ZH.test(text.slice(Math.max(0, o.start - 12), o.start));
  return objects.find((o) => o.start < negatedAt && !processed(o))?.text;
}

const HAN = /\p{Script=Han}/u;

/** The customer or the bank as a party of the sentence. */
const ADDRESSEE = /\b(?:you|your|yours|we|us|our|i|me|my)\b|您|你|我们|我/;

/** True when a normalised sentence has a word some cue needs; Chinese text is always looked at. */
function mayHaveCue(text: string): boolean {
  if (HAN.test(text) || /100 ?(?:%|per)/.test(text)) return true;
  for (const word of text.split(/[^a-z]+/)) if (CUE_WORDS.has(word)) return true;
  return false;
}

/** A promise made with a certainty cue, in one clause or reaching across the sentence ("…, I promise."). */
function findCuedPromise(text: string, quoted: QuotedCheck): string | undefined {
  if (!mayHaveCue(text) || REPORTED.test(text)) return undefined;
  const clauses = clausesOf(text).filter((c) => !quoted(c.text));
  for (const clause of clauses) {
    const reason = cuedClause(clause);
    if (reason) return reason;
  }
  // A promise or reassurance in one clause reaches an outcome in another, unless the sentence hedges or is conditional.
  if (clauses.some((c) => c.conditional || HEDGE.test(c.text))) return undefined;
  const unnegated = (c: Clause): boolean => firstNegation(blankHits(c.text, findAll(STRONG_CUE, c.text))) === Infinity;
  const promise = clauses.find(
    (c) => !c.question && (PROMISE_CUE.test(c.text) || REASSURANCE.test(c.text)) && unnegated(c),
  );
  if (!promise) return undefined;
  const addressed = ADDRESSEE.test(promise.text);
  const other = clauses.find(
    (c) =>
      c !== promise && !c.question && (addressed || ADDRESSEE.test(c.text)) && assertedObject(c.text) !== undefined,
  );
  return other ? `promises with "${promise.text}": "${other.text}"` : undefined;
}

/** Why a sentence makes a commitment to the customer, or undefined when it makes none. */
export function findCommitment(sentence: string, quoted: QuotedCheck = () => false): string | undefined {
  const text = normaliseForCommitment(sentence);
  return findCuedPromise(text, quoted) ?? findAssertedOutcome(text, quoted);
}
