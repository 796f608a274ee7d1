// The default of the commitment rail: any outcome a reply asserts for this customer (approval, money back, a fee
// waived, a rate or limit granted, a case won) is a promise, whatever the wording, unless something takes it back: a
// hedge, a condition, a negation, a question, reported words, a disclaimer, a process step or a general rule.
// Everything about a part or a clause is worked out once, so a sentence full of outcome words stays linear.
import { trimTrailing } from "../../shared/linear-text.js";
import { blankHits, findAll, type PatternHit } from "./bilingual-pattern.js";
import { OUTCOME_FAMILIES, type OutcomeFamily } from "./commitment-outcomes.js";
import {
  ABILITY,
  ANAPHORIC_TAIL,
  ANY_SUBJECT,
  ATTRIBUTIVE_AFTER,
  BACKWARD_RESTRICTION,
  BARE_PLURAL_SUBJECT,
  COMMITTED_TO,
  COMPLETED_TENSE,
  CONDITION,
  DISCLAIMER,
  ENUMERATION,
  EXPLAINED_RULE,
  GENERIC_PEOPLE,
  HABITUAL,
  HANDED_ON,
  HEDGE,
  INDEFINITE_SUBJECT,
  INFINITIVE,
  NEGATION,
  NOMINAL_AFTER,
  NOT_NEGATION,
  PROCESS,
  PROCESS_ZH,
  REPORTED,
  SECOND_PERSON,
  SPECIFIC,
  TRIVIAL_CONDITION,
} from "./commitment-takebacks.js";

/** Tells whether a clause (normalised as the rail sees it) is quoted from this turn's sources. */
export type QuotedCheck = (clause: string) => boolean;

interface Span {
  start: number;
  end: number;
}

/** Between strong marks (". ; : ? — 。"): a question mark or a reporting verb governs a whole segment. */
interface Segment extends Span {
  question: boolean;
  /** Where someone else's words begin ("you said …"), or Infinity. */
  reportedAt: number;
}

/** Between contrasts ("but", "但是"): hedges, conditions, negations and disclaimers govern a whole part. */
interface Part extends Span {
  segment: Segment;
  /** The next part reaches back with a restriction ("…, but only if the merchant agrees"). */
  restricted: boolean;
  /** The comma cuts inside the part. */
  cuts: number[];
}

/** What is settled once per part. */
interface PartFacts {
  /** Conditional, general, disclaimed or quoted as a whole: nothing in it stands. */
  void: boolean;
  /** The first hedge or negation, or Infinity: an outcome after it is taken back. */
  hedgedAt: number;
  negatedAt: number;
}

interface OutcomeHit extends PatternHit {
  family: OutcomeFamily;
}

const SEGMENT_BREAK = /[;!?—–。！？；]|(?<!\d):|:(?!\d)| - |：/g;
const CONTRAST = /\b(?:but|however|although|though|whereas)\b|但是|但|不过|然而|可是/g;
const COMMA = /(?<!\d),|,(?!\d)|[，、]/g;
const QUESTION_END = /[?？]$|[吗呢]$/;
const CONDITIONS = new RegExp(CONDITION.source, "g");
// How far a process word reaches forward ("ask them to return the money"), how far back a negation after the outcome
// still takes it back ("a refund isn't …"), and how much of what follows can make it a name ("减免申请").
const PROCESS_REACH = 60;
const TRAILING_NEGATION_REACH = 14;
const AFTER_REACH = 40;
// An outcome needs a thing and a predicate; a sentence this short ("1", "好的。") holds neither, and a reply may be a
// thousand of them.
const MIN_OUTCOME_CHARS = 6;

function firstIndex(re: RegExp, text: string, offset = 0): number {
  const m = re.exec(text);
  return m ? offset + m.index : Number.POSITIVE_INFINITY;
}

function matchesIn(re: RegExp, text: string, from: number, to: number): Span[] {
  return [...text.slice(from, to).matchAll(re)].map((m) => ({
    start: from + m.index,
    end: from + m.index + m[0].length,
  }));
}

/** Splits a normalised sentence into parts, each knowing its segment and the comma cuts inside it. */
function partsOf(text: string): Part[] {
  const parts: Part[] = [];
  let from = 0;
  const breaks = [...text.matchAll(SEGMENT_BREAK)].map((m) => ({ at: m.index, mark: m[0] }));
  for (const { at: end, mark } of [...breaks, { at: text.length, mark: "" }]) {
    const body = text.slice(from, end);
    const question = mark === "?" || mark === "？" || QUESTION_END.test(body.trim());
    const segment: Segment = { start: from, end, question, reportedAt: firstIndex(REPORTED, body, from) };
    const bounds = [from, ...matchesIn(CONTRAST, text, from, end).flatMap((m) => [m.start, m.end]), end];
    const inSegment: Part[] = [];
    for (let i = 0; i + 1 < bounds.length; i += 2) {
      const start = bounds[i] as number;
      const stop = bounds[i + 1] as number;
      const cuts = matchesIn(COMMA, text, start, stop).map((m) => m.end);
      if (stop > start) inSegment.push({ start, end: stop, segment, restricted: false, cuts });
    }
    for (let i = 1; i < inSegment.length; i++) {
      const part = inSegment[i] as Part;
      if (BACKWARD_RESTRICTION.test(text.slice(part.start, part.end))) (inSegment[i - 1] as Part).restricted = true;
    }
    parts.push(...inSegment);
    from = end + mark.length;
  }
  return parts;
}

/** The comma clause of a part that holds a position. */
function clauseAt(part: Part, at: number): Span {
  let start = part.start;
  for (const cut of part.cuts) {
    if (cut > at) return { start, end: cut };
    start = cut;
  }
  return { start, end: part.end };
}

function conditional(text: string): boolean {
  for (const m of text.matchAll(CONDITIONS)) {
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (!TRIVIAL_CONDITION.test(rest)) return true;
  }
  return false;
}

/** A part that states a rule for people in general rather than an outcome for this customer. */
function general(part: string): boolean {
  const t = part.trim();
  const completed = COMPLETED_TENSE.test(t);
  const toYou = SECOND_PERSON.test(t);
  if (HABITUAL.test(t) || EXPLAINED_RULE.test(t)) return true;
  if ((BARE_PLURAL_SUBJECT.test(t) || ANY_SUBJECT.test(t) || ENUMERATION.test(t)) && !completed) return true;
  if (GENERIC_PEOPLE.test(t) && !toYou) return true;
  if (INDEFINITE_SUBJECT.test(t) && !toYou && !completed) return true;
  return !SPECIFIC.test(t);
}

/** A disclaimer in a piece of text: none, one for this piece, or one that points back at the whole sentence. */
function disclaimer(piece: string): "none" | "here" | "all" {
  const m = DISCLAIMER.exec(piece);
  if (!m) return "none";
  return ANAPHORIC_TAIL.test(piece.slice(m.index + m[0].length)) ? "all" : "here";
}

function outcomeHits(text: string): OutcomeHit[] {
  const hits: OutcomeHit[] = [];
  for (const family of OUTCOME_FAMILIES) {
    const found = findAll(family.predicate, text);
    if (found.length === 0 || (family.thing && !family.thing.test(text))) continue;
    for (const h of found) hits.push({ ...h, family });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** One sentence, with what each part, clause and quotation check decides kept after its first use. */
function createSentenceView(text: string, hits: readonly OutcomeHit[], quoted: QuotedCheck) {
  const idioms = matchesIn(new RegExp(NOT_NEGATION.source, "g"), text, 0, text.length);
  const masked = blankHits(text, [...idioms, ...hits]);
  const parts = partsOf(text);
  const partFacts = new Map<Part, PartFacts>();
  const clauseHedged = new Map<number, boolean>();
  const quotedSpans = new Map<string, boolean>();
  const tidy = (s: Span): string => trimTrailing(text.slice(s.start, s.end).trim(), ".。…").trim();
  const isQuoted = (s: Span): boolean => {
    const key = `${s.start}:${s.end}`;
    let q = quotedSpans.get(key);
    if (q === undefined) quotedSpans.set(key, (q = quoted(tidy(s))));
    return q;
  };
  const factsOf = (part: Part): PartFacts => {
    let facts = partFacts.get(part);
    if (facts) return facts;
    const body = text.slice(part.start, part.end);
    const lead = body.length - body.trimStart().length;
    const hedge = Math.min(firstIndex(HEDGE, masked.slice(part.start, part.end).trim(), part.start + lead));
    const void_ =
      part.segment.question ||
      part.restricted ||
      disclaimer(body) !== "none" ||
      conditional(body) ||
      general(body) ||
      isQuoted(part.segment) ||
      isQuoted(part);
    facts = {
      void: void_,
      hedgedAt: Math.min(hedge, firstIndex(ABILITY, body, part.start)),
      negatedAt: firstIndex(NEGATION, masked.slice(part.start, part.end), part.start),
    };
    partFacts.set(part, facts);
    return facts;
  };
  const hedgedClause = (clause: Span): boolean => {
    let h = clauseHedged.get(clause.start);
    if (h === undefined) {
      const plain = text.slice(clause.start, clause.end).trim();
      h = HEDGE.test(masked.slice(clause.start, clause.end).trim()) || ABILITY.test(plain) || isQuoted(clause);
      clauseHedged.set(clause.start, h);
    }
    return h;
  };
  const sweeping = parts.some((p) => disclaimer(text.slice(p.start, p.end)) === "all");
  // Parts are in order and do not overlap: a binary search keeps many hits in many parts linear.
  const partAt = (at: number): Part | undefined => {
    let lo = 0;
    let hi = parts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = parts[mid] as Part;
      if (at < p.start) hi = mid - 1;
      else if (at >= p.end) lo = mid + 1;
      else return p;
    }
    return undefined;
  };
  return { text, masked, sweeping, partAt, factsOf, hedgedClause };
}

type SentenceView = ReturnType<typeof createSentenceView>;

/** Whether one outcome hit stands as a promise, everything that could take it back considered. */
function stands(view: SentenceView, hit: OutcomeHit, otherMoneyAt: number): boolean {
  const { text, masked } = view;
  const part = view.partAt(hit.start);
  if (!part || hit.start >= part.segment.reportedAt) return false;
  const facts = view.factsOf(part);
  if (facts.void || facts.hedgedAt < hit.start || facts.negatedAt < hit.start) return false;
  const clause = clauseAt(part, hit.start);
  if (view.hedgedClause(clause)) return false;
  if (NEGATION.test(masked.slice(hit.end, Math.min(hit.end + TRAILING_NEGATION_REACH, clause.end)))) return false;
  const lead = text.slice(Math.max(clause.start, hit.start - PROCESS_REACH), hit.start);
  if (PROCESS.test(lead) || PROCESS_ZH.test(lead) || (INFINITIVE.test(lead) && !COMMITTED_TO.test(lead))) return false;
  const after = text.slice(hit.end, hit.end + AFTER_REACH);
  if (NOMINAL_AFTER.test(after) || (hit.family.kind === "money" && HANDED_ON.test(after))) return false;
  if (/^[a-z-]+(?:ed|en)$/.test(hit.text) && ATTRIBUTIVE_AFTER.test(after)) return false;
  return otherMoneyAt > hit.start;
}

/** Where a payment of another kind is named before any money coming back ("a SWIFT payment … arrives"), or Infinity. */
function otherMoneyAt(text: string, family: OutcomeFamily): number {
  if (!family.otherMoney) return Number.POSITIVE_INFINITY;
  const word = family.otherMoney.word.exec(text);
  if (!word || firstIndex(family.otherMoney.unlessAfter, text) < word.index) return Number.POSITIVE_INFINITY;
  return word.index + word[0].length - 1;
}

/** The outcome a normalised sentence asserts for the customer, as a reason, or undefined when it asserts none. */
export function findAssertedOutcome(text: string, quoted: QuotedCheck = () => false): string | undefined {
  if (text.trim().length < MIN_OUTCOME_CHARS) return undefined;
  const hits = outcomeHits(text);
  if (hits.length === 0) return undefined;
  const view = createSentenceView(text, hits, quoted);
  if (view.sweeping) return undefined;
  const others = new Map(OUTCOME_FAMILIES.map((f) => [f, otherMoneyAt(text, f)]));
  const hit = hits.find((h) => stands(view, h, others.get(h.family) ?? Number.POSITIVE_INFINITY));
  return hit ? `asserts an outcome (${hit.family.kind}): "${hit.text}"` : undefined;
}
